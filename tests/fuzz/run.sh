#!/bin/bash
# Builds the libFuzzer targets (clang, -fsanitize=fuzzer,address,undefined,
# in their own build folder) and runs one for a given time, or replays files.
#   tests/fuzz/run.sh TARGET SECONDS      fuzz (TARGET: decode html repair gunzip
#                                         robots url warc rules discover)
#   tests/fuzz/run.sh TARGET FILE...      run the target on these inputs once
#   tests/fuzz/run.sh --build             only build
#   tests/fuzz/run.sh --list              print the targets
# Environment: FUZZ_BUILD (default build-fuzz in the source tree), SHARED
# (default ../shared beside the source tree: bench pages for seeds).
# Seeds are generated into FUZZ_BUILD/seeds (fixtures, bench pages, WARC files
# from tests/make_warc.py, small robots.txt and URL texts); dictionaries are
# tests/fuzz/TARGET.dict (html.dict for decode too).
# Exit 77 when clang or libFuzzer is missing (Debian: clang libclang-rt-14-dev).
set -euo pipefail
src=$(cd "$(dirname "$0")/../.." && pwd)
build=${FUZZ_BUILD:-$src/build-fuzz}
shared=${SHARED:-$src/../shared}
targets="decode html repair gunzip robots url warc rules discover"
[ "${1:-}" = --list ] && { echo "$targets"; exit 0; }

if ! command -v clang >/dev/null ||
	! echo 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { return d && n; }' |
	clang -x c -fsanitize=fuzzer - -o /dev/null 2>/dev/null; then
	echo "fuzz: clang with libFuzzer is not available (apt-get install clang libclang-rt-14-dev)"
	exit 77
fi

build_all() {
	mkdir -p "$build"
	# one build at a time in this folder (ctest may run two fuzz tests at once)
	exec 9>"$build/.lock"
	flock 9
	if [ ! -f "$build/CMakeCache.txt" ]; then
		CC=clang cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSCRAPE_TESTS=OFF \
			-DCMAKE_C_FLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer" \
			>"$build/cmake.log" 2>&1 || { cat "$build/cmake.log"; exit 1; }
	fi
	cmake --build "$build" --target scrape_lib -j2 >"$build/build.log" 2>&1 ||
		{ grep -E 'error' "$build/build.log" | head -20; exit 1; }
	local libs incs="-I$src/include -I$src/src"
	libs=$(pkg-config --libs gumbo libcurl zlib libcjson expat)
	# every part's headers: a fuzz target may call any module
	for d in "$src"/src/util "$src"/scraper/*/ "$src"/cleaners/*/; do incs="$incs -I${d%/}"; done
	for t in $targets; do
		local exe=$build/fuzz_$t
		if [ ! -x "$exe" ] || [ "$src/tests/fuzz/fuzz_$t.c" -nt "$exe" ] || [ "$build/libscrape.a" -nt "$exe" ]; then
			# shellcheck disable=SC2086
			clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
				-D_POSIX_C_SOURCE=200809L $incs \
				"$src/tests/fuzz/fuzz_$t.c" "$build/libscrape.a" $libs -lpthread -lm -o "$exe"
		fi
	done
	flock -u 9
}

# Seed corpora, generated (never committed): fixtures and bench pages.
seeds_pages() {
	local t=$1 dir=$2 i=0 f
	for f in "$src"/fixtures/*.html "$src"/fixtures/*.html.gz "$shared"/bench/articles/*.html.gz; do
		[ -f "$f" ] || continue
		i=$((i + 1))
		# (head closes the pipe early: SIGPIPE upstream is expected)
		case $t in
		html) zcat -f "$f" >"$dir/$i" ;;
		decode) { printf '\000'; zcat -f "$f" | head -c 8192; } >"$dir/$i" || true ;;
		gunzip) if [ $i -le 40 ]; then zcat -f "$f" | head -c 16384 | gzip -c >"$dir/$i" || true; fi ;;
		repair) zcat -f "$f" | sed -e 's/<[^>]*>//g' | head -c 8192 >"$dir/$i" || true ;;
		esac
	done
	[ "$t" = repair ] || return 0
	for f in "$src"/fixtures/*.txt; do
		[ -f "$f" ] && cp "$f" "$dir/txt-$(basename "$f")"
	done
	return 0
}

# robots.txt texts; the first line is the path the target asks about.
seeds_robots() {
	local d=$1
	printf '/private/x.html\nUser-agent: *\nDisallow: /private\nAllow: /private/public\nCrawl-delay: 2\n' >"$d/star"
	printf '/a/b?c=d\r\n\357\273\277User-agent: scrape\r\nDisallow: /a/*?c=$\r\nAllow: /a/b\r\n# comment\r\nSitemap: http://example.com/s.xml\r\n' >"$d/crlf-bom"
	printf '/shop/cart.php\nUser-agent: otherbot\nUser-agent: SCRAPE/1.0 (+http://example.com)\nDisallow: /*.php$\nCrawl-delay: 0.5\n\nUser-agent: *\nDisallow: /\nCrawl-delay: 10\n' >"$d/groups"
	printf '/%%7euser/%%E4%%B8%%AD?q=1\nuser-agent: *\ndisallow: /~user/\nallow: /%%7Euser/public\ncrawl-delay: 86401\n' >"$d/percent"
	printf '\nUser-agent: *\nDisallow:\nAllow: /*$\nDisallow: /**/x*\nDisallow: /*a*b*c$\n' >"$d/empty-path"
	printf '/tab\n  User-agent :  *  \n\tDisallow\t:\t/tab # hash\nUnknown: x\nCrawl-delay: abc\n#User-agent: scrape\nUser-agent: scrape\rDisallow: /\r' >"$d/odd"
}

# Rules files, alone (the target's own page) or with a page after a NUL byte.
seeds_rules() {
	local d=$1 f i=0
	printf '# rules\n*.example.com drop .related\n* keep aside.box\nwww.example.com main #main\n' >"$d/basic"
	printf '* drop div > p.lead, section [data-x], [data-k="v"] , custom-el[role=note] p\n' >"$d/combinators"
	printf '\357\273\277* keep  *  # comment\r\n\n  docs.example.org main article .content\n* drop [a=\x27#x\x27]\n' >"$d/bom-crlf"
	printf '* drop .\n' >"$d/error-class"
	printf '* main p >\n' >"$d/error-end"
	for f in "$src"/fixtures/site-rules/*.html; do
		[ -f "$f" ] || continue
		i=$((i + 1))
		{ cat "$src/fixtures/site-rules/rules"; printf '\000'; cat "$f"; } >"$d/page-$i"
	done
}

# Sitemaps (urlset, index, gzip, text), feeds (RSS 2.0, Atom, RSS 1.0),
# robots.txt with Sitemap: lines and an HTML page with links.
seeds_discover() {
	local d=$1
	printf '<?xml version="1.0"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>http://example.com/a.html</loc><lastmod>2024-01-02</lastmod></url><url><loc>/b?x=1&amp;y=2</loc></url></urlset>' >"$d/urlset"
	printf '<sitemapindex><sitemap><loc>http://example.com/s1.xml.gz</loc><lastmod>2023-05-06T07:08:09+02:00</lastmod></sitemap></sitemapindex>' >"$d/index"
	gzip -c "$d/urlset" >"$d/urlset.gz"
	printf 'http://example.com/one\r\nhttps://example.com/two#x\nnot a url\n' >"$d/text"
	printf '<rss version="2.0"><channel><item><link>http://example.com/a</link><pubDate>Tue, 10 Jun 2003 04:00:00 GMT</pubDate></item><item><guid>http://example.com/g</guid></item></channel></rss>' >"$d/rss2"
	printf '<feed xmlns="http://www.w3.org/2005/Atom"><entry><link rel="edit" href="/e"/><link href="/1.html"/><updated>2024-01-01T00:00:00Z</updated></entry></feed>' >"$d/atom"
	printf '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><item rdf:about="http://example.com/x"><link>http://example.com/x</link></item></rdf:RDF>' >"$d/rdf"
	printf 'User-agent: *\nDisallow: /p\nSitemap: http://example.com/s.xml\nsitemap:/r.xml # c\n' >"$d/robots"
	printf '<html><head><base href="/d/"><link rel="alternate" type="application/atom+xml" href="f.xml"></head><body><a href="a.html#x">a</a><a rel="nofollow" href="/n">n</a><area href="../b"></body></html>' >"$d/html"
}

# URL "\n" second line (an extension, a Content-Type or a Retry-After value).
seeds_url() {
	local d=$1 long="http://example.com" k
	printf 'https://Example.COM:8443/a/b/../c/./d.html?x=1&y=2#frag\n.txt' >"$d/port"
	printf 'http://xn--bcher-kva.example/b%%C3%%BCcher/%%2e%%2e/%%2F?q=%%00\n.md' >"$d/idn"
	printf 'http://b\303\274cher.example/\303\274ber\n.json' >"$d/utf8-host"
	printf 'http://[::1]:80/\n.json' >"$d/ipv6"
	printf 'ftp://user:pass@host.example/pub/file.tar.gz\n' >"$d/ftp"
	printf 'mailto:someone@example.com\n.txt' >"$d/mailto"
	printf 'file:///etc/passwd\n.txt' >"$d/file"
	printf 'http://example.com/.hidden/..%%2f..%%2fetc/passwd/..\n../..' >"$d/dots"
	printf 'https://example.com/a?b\n120' >"$d/retry-seconds"
	printf 'https://example.com/\nTue, 14 Nov 2023 22:13:25 GMT' >"$d/retry-date"
	printf 'https://example.com/feed\napplication/rss+xml; charset=utf-8' >"$d/type"
	for k in $(seq 1 60); do long="$long/segment-$k.dir"; done
	printf '%s?%s\n.txt' "$long" "$(printf 'q%.0s' $(seq 1 300))" >"$d/long"
}

# WARC files from tests/make_warc.py on a few fixtures (plain, gzip per
# record, whole-file gzip, damaged, shards), cut short copies, and small
# records written here.
seeds_warc() {
	local d=$1 fx=$1/.fixtures w=$1/.warc f n
	mkdir -p "$fx"
	for f in news-article news-article-header-charset div-soup list-and-table split-sections \
		index-page json-ld-body reader-comments; do
		ln -s "$src/fixtures/$f.html" "$fx/"
	done
	ln -s "$src/fixtures/news-article-header-charset.opts" "$fx/"
	if command -v python3 >/dev/null && python3 "$src/tests/make_warc.py" "$w" "$fx" >/dev/null; then
		for f in damaged.warc damaged.warc.gz member.warc.gz whole.warc.gz "$w"/shard-0[0-3].warc.gz; do
			f=$(basename "$f")
			cp "$w/$f" "$d/$f"
		done
		head -c 65536 "$w/plain.warc" >"$d/plain-64k.warc"
		for n in 300 3000 20000; do
			head -c $n "$w/plain.warc" >"$d/plain-cut-$n.warc"
			head -c $n "$w/member.warc.gz" >"$d/member-cut-$n.warc.gz"
		done
	fi
	rm -rf "$fx" "$w"
	printf 'WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: <http://example.test/>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: 91\r\n\r\nHTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/html\r\n\r\n5;x=1\r\n<p>hi\r\n0\r\n\r\n\r\n\r\n' >"$d/chunked.warc"
	printf 'WARC/1.1\nWARC-Type: response\nWARC-Record-ID: <urn:x>\n  continued\n\tagain\nContent-Length: 24\n\nHTTP/1.0 404 Not Found\n\n\n\nWARC/1.1\nWARC-Type: request\nContent-Length: 0\n\n\n\n' >"$d/lf-continuation.warc"
	printf 'junk before\nWARC/1.0\r\nWARC-Type: response\r\nContent-Length: 5\r\n\r\nHTTP/1.1 200 OK\r\n\r\nWARC/1.0\r\nContent-Length: x\r\n\r\n\r\nWARC/1.1\r\nWARC-Type: response\r\nContent-Length: 999\r\n\r\nHTTP/1.1' >"$d/damaged-small.warc"
}

seeds() {
	local t=$1 dir=$build/seeds/$1
	[ -d "$dir" ] && return 0
	rm -rf "$dir.tmp"
	mkdir -p "$dir.tmp"
	case $t in
	robots) seeds_robots "$dir.tmp" ;;
	url) seeds_url "$dir.tmp" ;;
	warc) seeds_warc "$dir.tmp" ;;
	rules) seeds_rules "$dir.tmp" ;;
	discover) seeds_discover "$dir.tmp" ;;
	*) seeds_pages "$t" "$dir.tmp" ;;
	esac
	mv "$dir.tmp" "$dir"
}

build_all
[ "${1:-}" = --build ] && exit 0
t=${1:?usage: run.sh TARGET SECONDS | TARGET FILE... | --build}
shift
case " $targets " in *" $t "*) ;; *) echo "fuzz: unknown target $t ($targets)"; exit 2 ;; esac
exe=$build/fuzz_$t
if [ $# -eq 1 ] && [[ $1 =~ ^[0-9]+$ ]]; then
	seeds "$t"
	mkdir -p "$build/corpus/$t" "$build/artifacts"
	dict=()
	case $t in
	html | decode) dict=(-dict="$src/tests/fuzz/html.dict") ;;
	robots | url | warc | rules | discover) dict=(-dict="$src/tests/fuzz/$t.dict") ;;
	esac
	exec "$exe" -max_total_time="$1" -timeout=10 -rss_limit_mb=2048 -max_len=131072 \
		-print_final_stats=1 -artifact_prefix="$build/artifacts/$t-" "${dict[@]}" \
		"$build/corpus/$t" "$build/seeds/$t"
fi
exec "$exe" -rss_limit_mb=2048 -timeout=10 "$@"
