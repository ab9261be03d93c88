#!/bin/bash
# Installs the build to a temporary prefix and uses it as a user would: the
# files are where they belong, the shared library has its soname and exports
# the public functions alone, and programs build against it through
# pkg-config (shared and static) and find_package(scrape) (both targets),
# then run from the prefix, the repair tables coming from the library itself.
# usage: install.sh BUILD_DIR SOURCE_DIR [LIBDIR]   (LIBDIR: CMAKE_INSTALL_LIBDIR, default lib)
set -euo pipefail
build=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
p=$tmp/prefix
fail() { echo "FAIL: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$p" >"$tmp/install.log"
libdir=${3:-lib}
lib=$p/$libdir
for f in bin/scrape "$libdir"/libscrape.so.0.1.0 "$libdir"/libscrape.a include/scrape.h "$libdir"/pkgconfig/scrape.pc \
	"$libdir"/cmake/scrape/scrapeConfig.cmake "$libdir"/cmake/scrape/scrapeConfigVersion.cmake \
	"$libdir"/cmake/scrape/scrapeTargets.cmake share/man/man1/scrape.1 share/man/man3/libscrape.3; do
	[ -f "$p/$f" ] || fail "$f not installed"
done
[ "$(readlink "$lib/libscrape.so.0")" = libscrape.so.0.1.0 ] || fail "libscrape.so.0 link"
[ "$(readlink "$lib/libscrape.so")" = libscrape.so.0 ] || fail "libscrape.so link"
readelf -d "$lib/libscrape.so.0.1.0" | grep -q 'Library soname: \[libscrape.so.0\]' || fail "soname"
"$p/bin/scrape" --version | grep -q "$(sed -n 's/^#define SCRAPE_VERSION "\(.*\)"/\1/p' "$p/include/scrape.h")" ||
	fail "scrape --version"

# exports: exactly the SCRAPE_EXTERN functions of the header
nm -D --defined-only "$lib/libscrape.so" | awk '{print $3}' | sort >"$tmp/exported"
tr '\n' ' ' <"$p/include/scrape.h" | grep -o 'SCRAPE_EXTERN([^)]*) *scrape_[a-z_0-9]*(' |
	sed 's/.*) *\([a-z_0-9]*\)(/\1/' | sort >"$tmp/declared"
[ -s "$tmp/declared" ] || fail "no SCRAPE_EXTERN declarations found in scrape.h"
diff -u "$tmp/declared" "$tmp/exported" || fail "exported symbols differ from the header's functions"
echo "exports: $(wc -l <"$tmp/exported") functions, all declared in scrape.h"
# and each has its place in libscrape(3)
while read -r f; do
	grep -q "^\.BI\? \"[a-z_ *]*\\b$f(" "$p/share/man/man3/libscrape.3" || fail "$f is not in libscrape(3)"
done <"$tmp/declared"

# what the programs must print
page=$src/fixtures/news-article.html
{
	echo "title: $("$build/scrape" --format json "$page" | python3 -c 'import json,sys; print(json.load(sys.stdin)["title"])')"
	echo "bytes: $("$build/scrape" --no-title "$page" | wc -c)"
	"$build/scrape" --format markdown "$page"
	echo "repaired: Iran's president said he don't know."
} >"$tmp/expected"
check_run() { # NAME BINARY [needs libscrape.so.0: yes|no]
	if [ "$3" = yes ]; then
		readelf -d "$2" | grep -q 'NEEDED.*libscrape.so.0' || fail "$1 does not link libscrape.so.0"
	else
		! readelf -d "$2" | grep -q 'NEEDED.*libscrape' || fail "$1 links libscrape dynamically"
	fi
	LD_LIBRARY_PATH=$lib "$2" "$page" >"$tmp/$1.out" || fail "$1 failed"
	diff -u "$tmp/expected" "$tmp/$1.out" || fail "$1 printed something else"
	echo "$1: ok"
}

# pkg-config, shared
export PKG_CONFIG_PATH=$lib/pkgconfig
# shellcheck disable=SC2046
cc -Wall -Wextra -Werror -o "$tmp/pc_shared" "$src/tests/install/consumer.c" $(pkg-config --cflags --libs scrape)
check_run pkg-config-shared "$tmp/pc_shared" yes
# static: the archive alone in its folder (so -lscrape finds it), then what the
# .pc lists for static linking: Requires.private's libraries and Libs.private
# (a missing one leaves undefined references). The dependencies themselves
# are linked shared: `pkg-config --static` also asks for libcurl's own private
# libraries (nghttp2, ssh2, ldap...), whose static forms Debian's libcurl
# development package does not pull in.
mkdir "$tmp/static" && cp "$lib/libscrape.a" "$tmp/static/"
requires=$(pkg-config --print-requires-private scrape | awk '{print $1}')
[ "$(echo $requires)" = "gumbo libcurl zlib libcjson expat" ] || fail "Requires.private: $requires"
# shellcheck disable=SC2046,SC2086
cc -Wall -Wextra -Werror -o "$tmp/pc_static" "$src/tests/install/consumer.c" \
	$(pkg-config --define-variable=libdir="$tmp/static" --cflags --libs scrape) \
	$(pkg-config --libs $requires) $(sed -n 's/^Libs.private: //p' "$lib/pkgconfig/scrape.pc")
check_run pkg-config-static "$tmp/pc_static" no

# find_package(scrape): scrape::scrape and scrape::scrape_static
cmake -S "$src/tests/install" -B "$tmp/consumer" -DCMAKE_PREFIX_PATH="$p" -DCMAKE_BUILD_TYPE=Release \
	>"$tmp/consumer.log" 2>&1 || { cat "$tmp/consumer.log"; fail "find_package(scrape)"; }
cmake --build "$tmp/consumer" >>"$tmp/consumer.log" 2>&1 || { cat "$tmp/consumer.log"; fail "consumer build"; }
check_run find_package-shared "$tmp/consumer/consumer_shared" yes
check_run find_package-static "$tmp/consumer/consumer_static" no

# the repair tables are inside the library: no data file is opened
if command -v strace >/dev/null; then
	LD_LIBRARY_PATH=$lib strace -f -e trace=open,openat -o "$tmp/trace" "$tmp/pc_shared" "$page" >/dev/null
	if grep -v ENOENT "$tmp/trace" | grep -o '"[^"]*"' | grep -v -e '\.so' -e "$page" -e '/etc/ld.so'; then
		fail "files opened besides the libraries and the page (above)"
	fi
	echo "opened: the libraries and the page, no data file"
fi
