#!/bin/bash
# Repair precision on technical English the dev set does not have: the
# licences in /usr/share/common-licenses and the README / NEWS / FAQ / spec
# texts under /usr/share/doc of this machine (code, identifiers, manual page
# references, e-mail addresses). Prints the false edits per 10,000 words on
# the clean texts, and the scores on the same texts after `mangle.py --modes
# strip` (seed 7). The set depends on the packages installed, so compare runs
# on one machine only.
#
#   bench/repair_techtext.sh [--bin PATH] [--show N]
set -uo pipefail
. "$(dirname "$0")/repair_common.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/clean" "$work/mangled"
for f in /usr/share/common-licenses/{Apache-2.0,Artistic,GPL-3,LGPL-2.1,MPL-2.0,GFDL-1.3}; do
	[ -f "$f" ] && cp "$f" "$work/clean/lic_$(basename "$f").txt"
done
# plain and gzipped documentation of 700 to 15,000 words, in a fixed order
find /usr/share/doc -type f \( -iname 'README*' -o -iname 'FAQ*' -o -iname 'NEWS*' -o -iname 'HACKING*' \
	-o -iname 'THANKS*' -o -iname '*.txt' -o -iname '*.txt.gz' -o -iname '*.md' -o -iname '*.md.gz' \) \
	2>/dev/null | LC_ALL=C sort | head -400 | while read -r f; do
	name=doc_$(echo "$f" | tr '/' '_' | sed 's/\.gz$//').txt
	case $f in
		*.gz) zcat -- "$f" > "$work/clean/$name" 2>/dev/null ;;
		*) cp -- "$f" "$work/clean/$name" ;;
	esac
	n=$(wc -w < "$work/clean/$name")
	if [ "$n" -lt 700 ] || [ "$n" -gt 15000 ] || ! grep -Iq . "$work/clean/$name"; then
		rm -f "$work/clean/$name"
	fi
done
mangle_and_score "$work" 7 "technical texts"
