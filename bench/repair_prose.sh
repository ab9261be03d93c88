#!/bin/bash
# Repair precision and recall on English prose of another genre than the
# dev set's news: quotations, anecdotes and short literary texts from the
# Debian package `fortunes` (fortune-mod's data files, installed here with
# apt-get when missing; nothing is fetched otherwise). Consecutive
# fortunes of a fixed list of prose files are joined into texts of about
# 800 words (the "%" separators dropped), mangled with `mangle.py --modes
# strip` (seed 7, the seed page's damage), and scored like dev/mangled:
# core recall, precision and false edits / 10k on the mangled texts, and
# false edits / 10k on the clean originals.
#
#   bench/repair_prose.sh [--bin PATH] [--show N]
set -uo pipefail
. "$(dirname "$0")/repair_common.sh"
src=/usr/share/games/fortunes
files="art education food humorists kids law literature love medicine people politics science wisdom work"
if [ ! -f "$src/literature" ]; then
	if [ "$(id -u)" = 0 ]; then
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fortunes >/dev/null 2>&1 ||
			{ apt-get update -qq >/dev/null 2>&1 &&
			  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fortunes >/dev/null 2>&1; }
	fi
	[ -f "$src/literature" ] || { echo "no $src: install the Debian package fortunes" >&2; exit 2; }
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/clean" "$work/mangled"
for f in $files; do
	[ -f "$src/$f" ] || continue
	# one text per ~800 words of whole fortunes, each fortune a paragraph
	awk -v out="$work/clean/$f" '
		function flush() { if (n > 0) { k++; printf "%s", text > sprintf("%s_%03d.txt", out, k); close(sprintf("%s_%03d.txt", out, k)) } text = ""; n = 0 }
		/^%$/ { text = text "\n"; if (n >= 800) flush(); next }
		{ text = text $0 "\n"; n += NF }
		END { if (n >= 200) flush() }
	' "$src/$f"
done
mangle_and_score "$work" 7 "fortunes $(dpkg-query -W -f '${Version}' fortunes 2>/dev/null)"
