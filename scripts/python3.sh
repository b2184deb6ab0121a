#!/bin/sh
# Runs one of these scripts under CPython, the reference for their behaviour.
# python3 imports only .py files, so the scripts are copied to a temporary folder as .py files, and that
# folder is put on PYTHONPATH as scripts/ is put on MP_PATH for mp.
# usage: scripts/python3.sh lock/ticket_with_lock.mp [args...]   (standard input goes to the script)
set -e
here=$(cd "$(dirname "$0")" && pwd)
script=$1
shift
copy=$(mktemp -d)
trap 'rm -rf "$copy"' EXIT
trap 'exit 143' INT TERM
(cd "$here" && find . -name '*.mp' -o -name '*.json') | while read -r f; do
  mkdir -p "$copy/$(dirname "$f")"
  case $f in
    *.mp) cp "$here/$f" "$copy/${f%.mp}.py" ;;
    *) cp "$here/$f" "$copy/$f" ;;
  esac
done
PYTHONPATH="$copy" PYTHONUNBUFFERED=1 python3 "$copy/${script%.mp}.py" "$@"
