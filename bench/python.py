#!/usr/bin/env python3
"""Pages per second of the Python module (1 thread, and a ThreadPoolExecutor
of N threads) against the tool (`scrape -o DIR -j 1` and `-j N`), on the same
pages: ../shared/bench/articles (181 news pages), decompressed beforehand,
each repeated R times.

    SCRAPE_LIBRARY=build/libscrape.so SCRAPE_CLI=build/scrape \
        PYTHONPATH=python /usr/bin/python3 bench/python.py [R] [N]

R defaults to 3, N to the number of cores.
"""
import concurrent.futures
import glob
import gzip
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "python"))
import scrape  # noqa: E402


def module_rate(pages, threads):
    start = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(threads) as pool:
        for _ in pool.map(lambda d: scrape.extract(d, include_title=True), pages):
            pass
    return len(pages) / (time.perf_counter() - start)


def cli_rate(cli, folder, n, threads):
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        subprocess.run([cli, "-q", "-o", out, "-j", str(threads), folder], check=False,
                       stdout=subprocess.DEVNULL)
        return n / (time.perf_counter() - start)


def main():
    repeat = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    threads = int(sys.argv[2]) if len(sys.argv) > 2 else (os.cpu_count() or 1)
    shared = os.environ.get("SCRAPE_SHARED", os.path.join(HERE, "..", "..", "shared"))
    cli = os.environ.get("SCRAPE_CLI", os.path.join(HERE, "..", "build", "scrape"))
    files = sorted(glob.glob(os.path.join(shared, "bench", "articles", "*.html.gz")))
    if not files:
        sys.exit(f"no pages in {shared}/bench/articles")
    pages = []
    with tempfile.TemporaryDirectory() as folder:
        for k in range(repeat):
            os.makedirs(os.path.join(folder, f"r{k}"))
            for f in files:
                with gzip.open(f) as g:
                    data = g.read()
                pages.append(data)
                name = os.path.basename(f)[:-3]
                with open(os.path.join(folder, f"r{k}", name), "wb") as o:
                    o.write(data)
        module_rate(pages[: len(files)], threads)  # warm-up
        rows = [
            ("module, 1 thread", module_rate(pages, 1)),
            (f"module, {threads} threads", module_rate(pages, threads)),
            ("scrape -j 1", cli_rate(cli, folder, len(pages), 1)),
            (f"scrape -j {threads}", cli_rate(cli, folder, len(pages), threads)),
        ]
    print(f"{len(pages)} pages ({len(files)} x {repeat}), scrape {scrape.__version__}")
    for name, rate in rows:
        print(f"{name:24s} {rate:8.1f} pages/s")
    print(f"module speed-up with {threads} threads: x{rows[1][1] / rows[0][1]:.2f}; "
          f"module/tool: x{rows[0][1] / rows[2][1]:.2f} (1 thread), x{rows[1][1] / rows[3][1]:.2f} ({threads})")


if __name__ == "__main__":
    main()
