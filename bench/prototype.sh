#!/bin/sh
# Builds and times the two candidate designs of the core (bench/prototype: a Bytecode DSL interpreter and a
# DSL-specialized AST) on fib(25) and the 1M while loop, under the JVM configurations mp can run in:
#   c1   the fallback runtime with the host on C1 only: what bin/mp runs by default
#   c2   the fallback runtime with the host on C1 and C2 (tiered)
#   jit  Truffle's optimizing runtime with the Graal compiler, as bin/mp --jit (when bin/mp --jit has fetched it)
# usage: bench/prototype.sh [seconds per measurement, default 4]
set -e
root=$(cd "$(dirname "$0")/.." && pwd)
jdk=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
seconds=${1:-4}
(cd "$root" && JAVA_HOME="$jdk" mvn -q -B -Pbench -pl bench/prototype -am package -DskipTests)
proto="$root/bench/prototype/target"
cp="$proto/classes:$proto/lib/*"
common="-Xss16m --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow"
run() {
  config=$1; shift
  for design in ast bytecode; do
    for kernel in "fib 25" "loop 1000000"; do
      # shellcheck disable=SC2086
      printf '%-4s ' "$config"; "$jdk/bin/java" $common "$@" dev.mp.prototype.PrototypeBench $design $kernel "$seconds"
    done
  done
}
run c1 -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$cp"
run c2 -XX:+UseSerialGC -cp "$cp"
jit=$(ls -d "$root"/repl/target/jit/*/ 2>/dev/null | head -n 1)
lib="$root/repl/target/lib"
if [ -n "$jit" ] && [ -f "$jit/.complete" ]; then
  compiler=$(ls "$jit"/compiler-*.jar) truffle_compiler=$(ls "$jit"/truffle-compiler-*.jar) runtime=$(ls "$jit"/truffle-runtime-*.jar)
  run jit -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI \
    --upgrade-module-path="$compiler:$truffle_compiler:$(ls "$lib"/collections-*.jar):$(ls "$lib"/word-*.jar)" -cp "$cp:$runtime"
else
  echo "jit: skipped (run bin/mp --jit -c pass once to fetch the Graal compiler)"
fi
