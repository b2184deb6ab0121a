#!/bin/sh
# Regenerates the expected output of every golden program with CPython (python3 3.11), from this folder.
# RecursionError tracebacks keep only their last line, since CPython elides repeated frames differently.
cd "$(dirname "$0")"
for f in *.mp; do
  python3 "$f" > "${f%.mp}.out" 2>/dev/null
done
cd errors
for f in *.mp; do
  python3 "$f" > "${f%.mp}.out" 2> "${f%.mp}.err.raw"
  echo $? > "${f%.mp}.code"
  sed "s|$(pwd)/||g" "${f%.mp}.err.raw" > "${f%.mp}.err"
  rm "${f%.mp}.err.raw"
done
tail -n 1 recursion.err > recursion.err.tmp && mv recursion.err.tmp recursion.err
# CPython shows a huge literal's line cut short; only the SyntaxError line is compared.
tail -n 1 int_literal_too_many_digits.err > int_literal_too_many_digits.err.tmp && mv int_literal_too_many_digits.err.tmp int_literal_too_many_digits.err
# Interactive sessions: each program is typed line by line at CPython's prompt (python3 -i with the program on
# stdin); the prompts go to stderr with the tracebacks.
cd ../interactive
for f in *.mp; do
  python3 -i -q < "$f" > "${f%.mp}.out" 2> "${f%.mp}.err"
done
