# Sourced by the CLI tests that need tests/http_server.py on 127.0.0.1.
#
#   . "$src/tests/lib/server.sh"     # checks, no proxies, $tmp and its cleanup
#   server_start [SERVER OPTIONS...] # starts the server; sets $port
#
# Expects $bin (the scrape binary) and $src (the source tree) to be set.
if [ ! -x "$bin" ]; then
	echo "FAIL: no scrape binary at $bin"
	exit 1
fi
if ! command -v python3 >/dev/null; then
	echo "SKIP: python3 is needed for the test server"
	exit 77
fi
# Only 127.0.0.1 is ever contacted: no proxy from the environment.
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY
export no_proxy='*' NO_PROXY='*'

tmp=$(mktemp -d)
server_pid=
server_cleanup() {
	if [ -n "$server_pid" ]; then
		kill "$server_pid" 2>/dev/null
		wait "$server_pid" 2>/dev/null
	fi
	rm -rf "$tmp"
}
trap server_cleanup EXIT

server_start() {
	python3 "$src/tests/http_server.py" --port 0 --port-file "$tmp/port" --idle-exit 120 \
		"$@" 2>"$tmp/server.err" &
	server_pid=$!
	for _ in $(seq 100); do
		[ -s "$tmp/port" ] && break
		if ! kill -0 "$server_pid" 2>/dev/null; then
			echo "FAIL: the test server did not start: $(cat "$tmp/server.err")"
			exit 1
		fi
		sleep 0.1
	done
	if [ ! -s "$tmp/port" ]; then
		echo "FAIL: the test server wrote no port within 10 s"
		exit 1
	fi
	port=$(cat "$tmp/port")
}
