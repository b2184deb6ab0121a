#!/bin/sh
# Drives an interactive mp session in tmux as a person would (send-keys, paste, Ctrl-C, capture-pane) and
# compares the screen with repl-session.expected. Prints the screen and a diff when they differ.
#
# Usage: repl-session.sh [command that starts mp ...]    (default: bin/mp of this checkout)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
if [ $# -eq 0 ]; then
  set -- "$here/../../../../bin/mp"
fi
command -v tmux >/dev/null || { echo "repl-session: tmux is not installed" >&2; exit 1; }

work=$(mktemp -d)
tmux_() { tmux -S "$work/tmux.socket" -f /dev/null "$@"; }
trap 'tmux_ kill-server 2>/dev/null || true; rm -rf "$work"' EXIT

# A fresh HOME, so the session starts with no history and leaves none behind.
mkdir "$work/home"
quoted=''
for arg in "$@"; do
  quoted="$quoted '$(printf '%s' "$arg" | sed "s/'/'\\\\''/g")'"
done
# The pane's shell survives the Ctrl-Cs meant for mp (its trap is reset to the default in mp), records mp's
# exit status, and keeps the pane open so that the last screen can be read.
cat > "$work/start" <<SCRIPT
#!/bin/sh
trap true INT
export HOME='$work/home' TERM=xterm-256color
$quoted
echo \$? > '$work/status'
exec sleep 600
SCRIPT
chmod +x "$work/start"
tmux_ new-session -d -s repl -x 100 -y 60 "$work/start"

screen() { tmux_ capture-pane -p -t repl | sed -e 's/ *$//' | awk 'NF { for (; blank > 0; blank--) print ""; print; next } { blank++ }'; }
last_line() { screen | tail -n 1; }
status() { cat "$work/status" 2>/dev/null; }
# Waits until what the command prints matches the pattern, for about three minutes at most (a slow start).
wait_until() {
  tries=0
  until $1 | grep -Eq "$2"; do
    tries=$((tries + 1))
    if [ $tries -gt 1800 ]; then echo "repl-session: timed out waiting for $1 to show /$2/; the screen is:" >&2; screen >&2; exit 1; fi
    sleep 0.1
  done
}
wait_last() { wait_until last_line "$1"; }
wait_text() { wait_until screen "$1"; }
prompt='^(>>>|\.\.\.) *$'
type_line() { wait_last "$prompt"; tmux_ send-keys -t repl -l "$1"; tmux_ send-keys -t repl Enter; }
# Ends a block with a blank line and waits for the primary prompt: the blank "..." line shows while the block
# still runs, and keys typed then would be echoed by the terminal as type-ahead.
end_block() { type_line ''; wait_last '^>>> *$'; }

wait_last '^>>>'
type_line 'x = 6 * 7'
type_line 'x'
type_line 'def inc(n):'
type_line 'return n + 1'
end_block
type_line 'inc(_)'
type_line '1 / 0'

# Completion of attributes and of names defined at the prompt.
type_line 'class Queue:'
type_line 'def put(self, item): return item'
type_line 'def put_nowait(self, item): return item'
end_block
type_line 'q = Queue()'
wait_last "$prompt"
tmux_ send-keys -t repl -l 'q.pu'
tmux_ send-keys -t repl Tab
wait_text '^put +put_nowait$'
tmux_ send-keys -t repl -l '_n'
tmux_ send-keys -t repl Tab
wait_last '^>>> q\.put_nowait$'
tmux_ send-keys -t repl -l "('done')"
tmux_ send-keys -t repl Enter

# Ctrl-C while a loop runs: KeyboardInterrupt, and the session goes on.
type_line 'while True:'
type_line 'x += 1'
type_line "if x == 43: print('looping')"
type_line ''
wait_last '^looping$'
tmux_ send-keys -t repl C-c
wait_last "$prompt"

# Ctrl-C on a line being typed cancels it.
tmux_ send-keys -t repl -l 'not run'
wait_last '^>>> not run$'
tmux_ send-keys -t repl C-c
wait_last "$prompt"

# A tutorial snippet pasted whole (bracketed paste), blank lines inside the function included.
printf 'def total(values):\n    result = 0\n\n    for v in values:\n        result += v\n\n    return result\n\nprint(total([1, 2, 3]))\n' > "$work/snippet"
tmux_ load-buffer "$work/snippet"
tmux_ paste-buffer -p -t repl
wait_text 'print\(total'
tmux_ send-keys -t repl Enter
wait_last '^>>> *$'

type_line 'exit()'
wait_until status .
[ "$(status)" = 0 ] || { echo "repl-session: mp exited with status $(status)" >&2; exit 1; }
screen > "$work/screen"
if ! grep -q 'x = 6 \* 7' "$work/home/.mp_history"; then
  echo "repl-session: ~/.mp_history does not hold the session's statements" >&2; exit 1
fi
if ! diff -u "$here/repl-session.expected" "$work/screen"; then
  echo "repl-session: the screen differs from repl-session.expected (above)" >&2; exit 1
fi
echo "repl-session: ok"
