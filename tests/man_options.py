#!/usr/bin/env python3
"""scrape(1) and `scrape --help` list the same options, and the man page
names the version the tool prints: the two cannot drift apart.

usage: man_options.py SCRAPE_BINARY MAN_PAGE
"""
import re
import subprocess
import sys

OPTION = re.compile(r"(?<![\w-])--?[a-z][a-z-]*")


def troff_to_text(src):
    lines = [l for l in src.splitlines() if not l.startswith('.\\"')]
    text = "\n".join(lines).replace("\\-", "-")
    return re.sub(r"\\f[BIRP]|\\e", "", text)


def main():
    binary, page = sys.argv[1], sys.argv[2]
    help_text = subprocess.run([binary, "--help"], capture_output=True, text=True, check=True).stdout
    man = troff_to_text(open(page, encoding="utf-8").read())
    in_help, in_man = set(OPTION.findall(help_text)), set(OPTION.findall(man))
    problems = []
    for o in sorted(in_help - in_man):
        problems.append(f"{o}: in scrape --help, not in {page}")
    for o in sorted(in_man - in_help):
        problems.append(f"{o}: in {page}, not in scrape --help")
    version = subprocess.run([binary, "--version"], capture_output=True, text=True, check=True).stdout.split()[-1]
    th = re.search(r'^\.TH .*"scrape ([^"]+)"', man, re.M)
    if not th or th.group(1) != version:
        problems.append(f".TH names {th.group(1) if th else 'no version'}, scrape --version {version}")
    for p in problems:
        print(p)
    print(f"{len(in_help)} options in scrape --help, {len(in_man)} in the man page")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
