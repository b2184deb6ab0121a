#!/bin/sh
# Builds and runs the JMH microbenchmarks of the shared-memory primitives (bench/jmh). Arguments go to JMH,
# for example: bench/jmh.sh -f 1 -wi 2 -i 3 'lock.*'   (bench/jmh.sh -h lists JMH's options)
set -e
root=$(cd "$(dirname "$0")/.." && pwd)
jdk=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
(cd "$root" && JAVA_HOME="$jdk" mvn -q -B -Pbench -pl bench/jmh -am package -DskipTests)
exec "$jdk/bin/java" --enable-native-access=ALL-UNNAMED -cp "$root/bench/jmh/target/classes:$root/bench/jmh/target/lib/*" \
  org.openjdk.jmh.Main "$@"
