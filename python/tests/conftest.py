"""Shared fixtures: the tool to compare with and the news pages.

Environment (set by the ctest, tests/CMakeLists.txt):
  SCRAPE_LIBRARY  the libscrape.so to test (read by the scrape package)
  SCRAPE_CLI      the scrape tool of the same build
  SCRAPE_SHARED   the shared material folder (../shared); tests needing its
                  181 news pages skip when it is absent
"""
import glob
import gzip
import os
import shutil
from typing import List, Tuple

import pytest


@pytest.fixture(scope="session")
def cli() -> str:
    path = os.environ.get("SCRAPE_CLI") or shutil.which("scrape")
    if not path:
        pytest.skip("no scrape tool: set SCRAPE_CLI")
    return path


@pytest.fixture(scope="session")
def articles() -> List[Tuple[str, bytes]]:
    """(path, decompressed bytes) of the news pages, in name order."""
    shared = os.environ.get("SCRAPE_SHARED", os.path.join(os.path.dirname(__file__), "../../../shared"))
    files = sorted(glob.glob(os.path.join(shared, "bench", "articles", "*.html.gz")))
    if not files:
        pytest.skip(f"no news pages under {shared}/bench/articles")
    out = []
    for f in files:
        with gzip.open(f) as g:
            out.append((f, g.read()))
    return out
