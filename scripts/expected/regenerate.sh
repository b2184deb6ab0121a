#!/bin/sh
# Regenerates the expected output of the scripts whose output is deterministic, with CPython (python3 3.11)
# through ../python3.sh. The echo client needs the echo server: it is started first, on the tutorial's port
# 8080, and stopped at the end. The other scripts' output depends on timing; their tests check properties.
set -e
here=$(cd "$(dirname "$0")" && pwd)
run() { "$here/../python3.sh" "$@"; }

run daemon/daemon_children_end_with_main.mp > "$here/daemon/daemon_children_end_with_main.out"
run queues/queue_methods.mp > "$here/queues/queue_methods.out"

# In a session of its own, so stopping it stops its children and python3.sh's cleanup runs.
setsid "$here/../python3.sh" socket_server/echo_server.mp > /dev/null &
server=$!
while ! python3 -c "import socket; socket.create_connection(('127.0.0.1', 8080)).close()" 2>/dev/null; do
  sleep 0.2
done
run socket_server/echo_client.mp < "$here/socket_server/echo_client.in" > "$here/socket_server/echo_client.out"
kill -TERM "-$server"
wait "$server" || true
