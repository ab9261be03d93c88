#!/bin/sh
# Installs the Debian packages that scrape needs to build and test, skipping
# those already installed. usage: setup-debian.sh [--tests] Run as root on Debian 12 (bookworm) or later.
set -eu
pkgs="build-essential cmake pkg-config libgumbo-dev libcurl4-openssl-dev zlib1g-dev
libcjson-dev libexpat1-dev libcmocka-dev scowl hunspell-en-us pocketsphinx-en-us python3 python3-brotli
python3-pytest ca-certificates time strace clang libclang-rt-14-dev valgrind"
# --tests: also what only the test suite needs (a real browser for the
# --explain report test, tests/cli/explain_browser.sh)
if [ "${1:-}" = "--tests" ]; then
	pkgs="$pkgs chromium"
fi
missing=""
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
	echo "setup: installing$missing" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	# shellcheck disable=SC2086
	apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
