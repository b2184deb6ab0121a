#!/bin/sh
# Regenerates the expected output of every golden program with CPython (python3 3.11), from this folder.
# RecursionError tracebacks keep only their last line, since CPython elides repeated frames differently, and so
# does a Pool task's, whose remote traceback shows the frames of pool.py.
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
# Only the last line is compared: CPython elides repeated frames differently (recursion), shows a huge literal's line
# cut short (int_literal_too_many_digits), names pool.py where mp has pool.mp (mp_pool_uncaught), and json/*.py where mp
# has json.mp (deep_dict_json_dumps, deep_json_loads), asyncio/*.py where mp has asyncio/*.mp (asyncio_*,
# await_not_awaitable), and pickle.py's frames where CPython's pickle is C (pickle_invalid_load_key).
for f in recursion int_literal_too_many_digits mp_pool_uncaught deep_dict_json_dumps deep_json_loads asyncio_run_uncaught \
    asyncio_wait_for_timeout asyncio_cancelled_uncaught await_not_awaitable pickle_invalid_load_key; do tail -n 1 $f.err > $f.err.tmp && mv $f.err.tmp $f.err; done
# Interactive sessions: each program is typed line by line at CPython's prompt (python3 -i with the program on
# stdin); the prompts go to stderr with the tracebacks.
cd ../interactive
for f in *.mp; do
  python3 -i -q < "$f" > "${f%.mp}.out" 2> "${f%.mp}.err"
done
