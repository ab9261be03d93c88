#!/bin/bash
# scrape --check shows a changed paragraph word by word: [-old-]{+new+}
# when piped, red and green on a terminal (NO_COLOR: plain), and whole
# lines (-/+) when the two lines have little in common.
# usage: check_diff.sh SCRAPE_BIN SOURCE_DIR SHARED_DIR
set -u
bin=$1 src=$2
. "$(dirname "$0")/common.bash"

cp "$src/fixtures/news-article.html" "$src/fixtures/news-article.txt" "$tmp/"
# two words changed in the first paragraph; a line that the page does not have
sed -i '3s/national ports authority/national harbour authority/; 3s/ before the first winter/ after the first winter/' \
	"$tmp/news-article.txt"
sed -i '5s/.*/Nothing of this line is in the page, not one single word of it here./' "$tmp/news-article.txt"

"$bin" --check "$tmp" >"$tmp/plain" 2>&1
check "a difference: exit 1" [ $? -eq 1 ]
check "piped: the changed words, marked" \
	has "$tmp/plain" "~The head of the national [-harbour-]{+ports+} authority, Miren Oskarsdottir, says"
check "piped: the second change in the same line" has "$tmp/plain" "in operation [-after-]{+before+} the first winter storms"
check "piped: a changed line is shown once" hasnt "$tmp/plain" "-The head of the national"
check "piped: no colour" hasnt "$tmp/plain" $'\033['
check "unlike lines: whole lines" has "$tmp/plain" "-Nothing of this line is in the page"
check "unlike lines: the new one" has "$tmp/plain" "+“We will not leave Tarrow"

# on a terminal (a pseudo-terminal from python's pty module)
tty_run() {
	python3 - "$@" <<'PY'
import os, pty, sys
out = b""
pid, fd = pty.fork()
if pid == 0:
    os.execvp(sys.argv[1], sys.argv[1:])
while True:
    try:
        data = os.read(fd, 65536)
    except OSError:
        break
    if not data:
        break
    out += data
os.waitpid(pid, 0)
sys.stdout.buffer.write(out)
PY
}
tty_run "$bin" --check "$tmp" >"$tmp/tty"
check "terminal: removed words in red" has "$tmp/tty" $'national \033[31mharbour\033[m\033[32mports\033[m authority'
check "terminal: no brackets" hasnt "$tmp/tty" "[-harbour-]"
NO_COLOR=1 tty_run "$bin" --check "$tmp" >"$tmp/nocolor"
check "NO_COLOR: plain on a terminal too" has "$tmp/nocolor" "[-harbour-]{+ports+}"

echo "check_diff: $pass passed, $fail failed"
[ $fail -eq 0 ]
