#!/usr/bin/env python3
"""Helper of tests/cli/equivalence.sh: picks the pages, builds the inputs, and
checks that every way of running scrape gave each page the same output.

usage: equivalence.py prepare SHARED TMP WCXB_STRIDE SUBSET_STRIDE
       equivalence.py check TMP

prepare writes into TMP:
  pages/a/ID.html.gz   links to every page of SHARED/bench/articles
  pages/w/ID.html.gz   links to every WCXB_STRIDE-th page (sorted) of
                       SHARED/bench/wcxb-dev/pages
  keys                 "a/ID" and "w/ID", one a line, in the order a bulk run
                       over pages/ reads them (folders depth-first, by name)
  shuffled             the same pages' paths in another order (fixed seed)
  sub/, subkeys        every SUBSET_STRIDE-th page of keys: the formats subset
  all.warc.gz, sub.warc.gz   the same pages as WARC responses (make_warc.py
                       --pages), URI http://bench.test/KEY.html, in keys order
check reads what equivalence.sh wrote (see there) and prints each difference
and a summary line; exit status 1 if there is any difference.
"""
import difflib
import glob
import json
import os
import random
import subprocess
import sys

SEED = 13  # issue 13
URI = "http://bench.test/%s.html"


def prepare(shared, tmp, stride, substride):
    arts = sorted(glob.glob(os.path.join(shared, "bench/articles/*.html.gz")))
    wcxb = sorted(glob.glob(os.path.join(shared, "bench/wcxb-dev/pages/*.html.gz")))[::stride]
    keys = []
    for tag, files in (("a", arts), ("w", wcxb)):
        os.makedirs(os.path.join(tmp, "pages", tag))
        os.makedirs(os.path.join(tmp, "sub", tag))
        for f in files:
            key = tag + "/" + os.path.basename(f)[: -len(".html.gz")]
            os.symlink(f, os.path.join(tmp, "pages", key + ".html.gz"))
            keys.append(key)
    keys.sort()  # as the bulk run walks pages/: a/ before w/, names in byte order
    sub = keys[::substride]
    for key in sub:
        os.symlink(os.readlink(os.path.join(tmp, "pages", key + ".html.gz")),
                   os.path.join(tmp, "sub", key + ".html.gz"))
    shuffled = [os.path.join(tmp, "pages", k + ".html.gz") for k in keys]
    random.Random(SEED).shuffle(shuffled)
    for name, lines in (("keys", keys), ("subkeys", sub), ("shuffled", shuffled)):
        with open(os.path.join(tmp, name), "w") as f:
            f.write("".join(l + "\n" for l in lines))
    here = os.path.dirname(os.path.abspath(__file__))
    for name, ks in (("all", keys), ("sub", sub)):
        lst = os.path.join(tmp, name + ".warc-list")
        with open(lst, "w") as f:
            f.write("".join("%s\t%s\n" % (URI % k, os.path.join(tmp, "pages", k + ".html.gz")) for k in ks))
        subprocess.run([sys.executable, os.path.join(here, "make_warc.py"), "--pages",
                        os.path.join(tmp, name + ".warc.gz"), lst], check=True)
    print("sample: %d pages (%d articles, %d of %d WCXB dev pages: every %d-th); formats subset %d pages"
          % (len(keys), len(arts), len(wcxb), len(glob.glob(os.path.join(shared, "bench/wcxb-dev/pages/*.html.gz"))),
             stride, len(sub)))


# ---------------------------------------------------------------- check

class Checker:
    def __init__(self, tmp):
        self.tmp = tmp
        self.keys = self.lines("keys")
        self.subkeys = self.lines("subkeys")
        self.problems = 0
        self.shown = {}
        self.compared = {}

    def lines(self, name):
        return open(os.path.join(self.tmp, name)).read().split("\n")[:-1]

    def fail(self, mode, key, what, want=None, got=None):
        self.problems += 1
        # a few of each mode: enough to see which modes differ, and how
        self.shown[mode] = self.shown.get(mode, 0) + 1
        if self.shown[mode] > 4:
            if self.shown[mode] == 5:
                print("DIFF %s: more differences not shown" % mode)
            return
        print("DIFF %s %s: %s" % (mode, key, what))
        if want is not None and got is not None:
            w, g = want.splitlines(True), got.splitlines(True)
            diff = list(difflib.unified_diff(w, g, "single run", mode, n=1))
            for l in diff[:20]:
                print("    " + l.rstrip("\n")[:200])

    def count(self, mode):
        self.compared[mode] = self.compared.get(mode, 0) + 1

    def text(self, path, what):
        """The file as UTF-8 text: strict; a decoding error is a difference."""
        data = open(path, "rb").read()
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as e:
            self.fail(what, os.path.relpath(path, self.tmp), "not valid UTF-8: %s" % e)
            return data.decode("utf-8", "replace")

    def json_strict(self, s, mode, key):
        """Strict JSON: no NaN/Infinity, no duplicate keys, no lone
        surrogates (\\ud800 escapes), one object. None when it is not."""
        def bad_constant(c):
            raise ValueError("not JSON: " + c)

        def pairs(kv):
            keys = [k for k, _ in kv]
            if len(keys) != len(set(keys)):
                raise ValueError("duplicate key")
            return dict(kv)

        def no_surrogates(v):
            if isinstance(v, str):
                v.encode("utf-8")  # raises on a lone surrogate
            elif isinstance(v, dict):
                for x in v.values():
                    no_surrogates(x)
            elif isinstance(v, list):
                for x in v:
                    no_surrogates(x)
        try:
            obj = json.loads(s, parse_constant=bad_constant, object_pairs_hook=pairs)
            if not isinstance(obj, dict):
                raise ValueError("not an object")
            no_surrogates(obj)
            return obj
        except ValueError as e:  # JSONDecodeError and UnicodeEncodeError are ValueErrors
            self.fail(mode, key, "not strict JSON: %s" % e)
            return None

    def single(self, name, keys):
        """Separate-process results: key -> (exit status, output, message)."""
        res = {}
        d = os.path.join(self.tmp, name)
        for k in keys:
            rc = int(open(os.path.join(d, k + ".rc")).read())
            out = self.text(os.path.join(d, k + ".out"), name)
            err = open(os.path.join(d, k + ".err"), encoding="utf-8", errors="replace").read()
            msg = None
            if rc:
                if out:
                    self.fail(name, k, "exit %d but output written" % rc)
                last = [l for l in err.split("\n") if l.startswith("scrape: ")]
                msg = last[-1][len("scrape: "):] if last else "?"
                path = os.path.join(self.tmp, "pages", k + ".html.gz")
                if msg.startswith(path + ": "):
                    msg = msg[len(path) + 2:]
            res[k] = (rc, out, msg)
        return res

    def first_failure(self, ref, order):
        return next((ref[k][0] for k in order if ref[k][0]), 0)

    def bulk_dir(self, mode, ref, keys, outdir, ext, flat=False, order=None):
        """A -o run: one file per good page, failures.tsv for the others,
        the exit status of the first failure in input order."""
        d = os.path.join(self.tmp, outdir)
        rc = int(open(d + ".rc").read())
        want_rc = self.first_failure(ref, order or keys)
        if rc != want_rc:
            self.fail(mode, "-", "exit status %d, want %d" % (rc, want_rc))
        failures = {}
        for line in self.text(os.path.join(d, "failures.tsv"), mode).split("\n")[1:-1]:
            path, reason, msg = line.split("\t")
            k = "/".join(path.split("/")[-2:])[: -len(".html.gz")]  # pages/KEY or sub/KEY
            failures[k] = msg
        expected = {"failures.tsv"}
        for k in keys:
            rel = (k.split("/")[1] if flat else k) + ext
            out = os.path.join(d, rel)
            rc1, text1, msg1 = ref[k]
            self.count(mode)
            if rc1 == 0:
                expected.add(rel)
                if not os.path.exists(out):
                    self.fail(mode, k, "no output (single run: exit 0)")
                elif k in failures:
                    self.fail(mode, k, "listed as failed: " + failures[k])
                else:
                    got = self.text(out, mode)
                    if got != text1:
                        self.fail(mode, k, "output differs", text1, got)
            else:
                if os.path.exists(out):
                    self.fail(mode, k, "output written; single run: exit %d (%s)" % (rc1, msg1))
                elif failures.get(k) != msg1:
                    self.fail(mode, k, "failure %r, single run: %r" % (failures.get(k), msg1))
        extra = set()
        for root, _, files in os.walk(d):
            extra |= {os.path.relpath(os.path.join(root, f), d) for f in files}
        extra -= expected
        if extra:
            self.fail(mode, "-", "unexpected files: %s" % sorted(extra)[:5])
        if set(failures) - set(keys):
            self.fail(mode, "-", "failures.tsv lists pages it should not: %s" % sorted(set(failures) - set(keys))[:5])

    def lines_of(self, mode, name, keys):
        """The JSON lines of a --jsonl or --warc run, one per page, parsed."""
        raw = open(os.path.join(self.tmp, name), "rb").read()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            self.fail(mode, "-", "not valid UTF-8: %s" % e)
            text = raw.decode("utf-8", "replace")
        lines = text.split("\n")
        if lines[-1] != "":
            self.fail(mode, "-", "last line not ended by a newline")
        lines = lines[:-1]
        if len(lines) != len(keys):
            self.fail(mode, "-", "%d lines for %d pages" % (len(lines), len(keys)))
        return lines, [self.json_strict(l, mode, k) for l, k in zip(lines, keys)]

    def failure_line(self, mode, k, row, rc1, msg1):
        if "text" in row:
            self.fail(mode, k, "has a text; single run: exit %d (%s)" % (rc1, msg1))
        elif row.get("error") != msg1:
            self.fail(mode, k, "error %r, single run: %r" % (row.get("error"), msg1))

    def jsonl(self, ref, ref_json):
        mode = "jsonl"
        keys = self.keys
        rc = int(open(os.path.join(self.tmp, "jsonl.rc")).read())
        if rc != self.first_failure(ref, keys):
            self.fail(mode, "-", "exit status %d, want %d" % (rc, self.first_failure(ref, keys)))
        lines, rows = self.lines_of(mode, "all.jsonl", keys)
        meta = {}
        dec = json.JSONDecoder()
        for k, line, row in zip(keys, lines, rows):
            if row is None:
                continue
            self.count(mode)
            rc1, text1, msg1 = ref[k]
            if row.get("path") != os.path.join(self.tmp, "pages", k + ".html.gz"):
                self.fail(mode, k, "path %r out of order" % row.get("path"))
                continue
            if rc1:
                self.failure_line(mode, k, row, rc1, msg1)
                continue
            meta[k] = row
            if "error" in row or row.get("text") != text1:
                self.fail(mode, k, "text differs" if "error" not in row else "error: " + row["error"],
                          text1, row.get("text", ""))
            if k in ref_json:
                # byte for byte: the line is {"path":"...", then the object
                # that --format json prints for the page on its own
                _, end = dec.raw_decode(line, len('{"path":'))
                if line[end] != "," or "{" + line[end + 1:] + "\n" != ref_json[k][1]:
                    self.fail(mode + " = --format json", k, "line differs", ref_json[k][1], "{" + line[end + 1:] + "\n")
                else:
                    self.count(mode + " = --format json")
        return meta

    def warc(self, mode, name, keys, ref, meta=None, strip_title=None):
        rc = int(open(os.path.join(self.tmp, name + ".rc")).read())
        if rc != self.first_failure(ref, keys):
            self.fail(mode, "-", "exit status %d, want %d" % (rc, self.first_failure(ref, keys)))
        _, rows = self.lines_of(mode, name, keys)
        for k, row in zip(keys, rows):
            if row is None:
                continue
            self.count(mode)
            rc1, text1, msg1 = ref[k]
            if row.get("url") != URI % k:
                self.fail(mode, k, "url %r out of order" % row.get("url"))
                continue
            if rc1:
                self.failure_line(mode, k, row, rc1, msg1)
                continue
            if "error" in row:
                self.fail(mode, k, "error: " + row["error"])
                continue
            if strip_title:
                # WARC's markdown is rendered without the title line
                title = strip_title.get(k, {}).get("title")
                if title is not None:
                    head = "# %s\n\n" % title
                    if not text1.startswith(head):
                        self.fail(mode, k, "markdown does not start with the title %r" % title)
                    text1 = text1[len(head):]
            if row.get("text") != text1:
                self.fail(mode, k, "text differs", text1, row.get("text", ""))
            if meta is not None and k in meta:
                # the metadata, as --jsonl gives it (the names differ)
                for wk, jk in (("title", "title"), ("author", "author"), ("published", "date"),
                               ("sitename", "sitename"), ("description", "description"), ("lang", "language")):
                    if row.get(wk) != meta[k].get(jk):
                        self.fail(mode, k, "%s %r, --jsonl %s %r" % (wk, row.get(wk), jk, meta[k].get(jk)))

    def run(self):
        keys, sub = self.keys, self.subkeys
        ref = self.single("single", keys)
        self.bulk_dir("-j1", ref, keys, "j1", ".txt")
        self.bulk_dir("-jN", ref, keys, "jN", ".txt")
        shuffled = [os.path.relpath(p, os.path.join(self.tmp, "pages"))[: -len(".html.gz")] for p in self.lines("shuffled")]
        self.bulk_dir("shuffled", ref, keys, "shuf", ".txt", flat=True, order=shuffled)
        # formats, on the subset: text with the title, markdown, json
        ref_t = self.single("single-t", sub)
        ref_md = self.single("single-md", sub)
        ref_json = self.single("single-json", sub)
        objs = {}  # page -> its --format json object, parsed
        for k in sub:
            for name, r in (("single-t", ref_t), ("single-md", ref_md), ("single-json", ref_json)):
                if (r[k][0], r[k][2]) != (ref[k][0], ref[k][2]):
                    self.fail(name, k, "exit %d (%s), --no-title text: exit %d (%s)" % (r[k][0], r[k][2], ref[k][0], ref[k][2]))
            if ref_json[k][0] == 0:
                obj = self.json_strict(ref_json[k][1], "single-json", k)
                if obj is not None and obj.get("text") != ref[k][1]:
                    self.fail("single-json", k, "text differs from --no-title text", ref[k][1], obj.get("text", ""))
                objs[k] = obj or {}
        self.bulk_dir("text -o", ref_t, sub, "sub-t", ".txt")
        self.bulk_dir("markdown -o", ref_md, sub, "sub-md", ".md")
        self.bulk_dir("json -o", ref_json, sub, "sub-json", ".json")
        meta = self.jsonl(ref, {k: v for k, v in ref_json.items() if v[0] == 0})
        # a WARC record carries its URL: its reference is the page run alone
        # with --url (the same text wherever the page names its canonical URL)
        ref_url = self.single("single-url", keys)
        ref_md_url = self.single("single-md-url", sub)
        self.warc("warc", "warc.jsonl", keys, ref_url, meta=meta)
        self.warc("warc markdown", "sub-warc-md.jsonl", sub, ref_md_url,
                  strip_title=objs)
        good = sum(1 for k in keys if ref[k][0] == 0)
        fails = {}
        for k in keys:
            if ref[k][0]:
                fails[ref[k][2]] = fails.get(ref[k][2], 0) + 1
        print("equivalence: %d pages (%d with text; %s); compared with each page run alone: %s; %d differences"
              % (len(keys), good, ", ".join("%d '%s'" % (n, m) for m, n in sorted(fails.items())) or "no failures",
                 ", ".join("%s %d" % kv for kv in self.compared.items()), self.problems))
        return 1 if self.problems else 0


def main():
    if sys.argv[1] == "prepare":
        prepare(sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]))
        return 0
    return Checker(sys.argv[2]).run()


if __name__ == "__main__":
    sys.exit(main())
