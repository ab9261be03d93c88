"""scrape: web pages to clean text, with libscrape (ctypes bindings).

    >>> import scrape
    >>> scrape.extract(html_bytes, include_title=True)      # main content, or None
    >>> scrape.extract_metadata(html_bytes)["title"]
    >>> scrape.repair("Irans president said he dont know.")
    "Iran's president said he don't know."

The names follow trafilatura's ``extract()`` and ``extract_metadata()``. The
output is the one of the ``scrape`` tool with the same options. Calls release
the GIL: threads extract pages in parallel.
"""
import ctypes
from typing import Dict, Optional, Union

from . import _lib

__all__ = ["extract", "extract_metadata", "repair", "ScrapeError", "__version__"]

__version__: str = _lib.lib.scrape_version().decode()

Html = Union[bytes, bytearray, memoryview, str]


class ScrapeError(Exception):
    """A failure reported by libscrape: the message is the library's
    (scrape_error_last()), ``code`` its scrape_error code (negative)."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


def _error(rc: int) -> ScrapeError:
    msg = _lib.lib.scrape_error_last() or _lib.lib.scrape_strerror(rc)
    return ScrapeError(msg.decode("utf-8", "replace"), rc)


def _options(output_format: str = "txt", include_title: bool = False, repair: bool = True,
             charset: Optional[bytes] = None) -> "_lib.Options":
    opts = _lib.Options()
    rc = _lib.lib.scrape_options_init(ctypes.byref(opts), _lib.OPTIONS_VERSION)
    if rc != 0:
        raise _error(rc)
    if not isinstance(output_format, str):
        raise TypeError(f"output_format must be a str, not {type(output_format).__name__}")
    if output_format not in _lib.FORMATS:
        raise ValueError(f"output_format must be one of {', '.join(_lib.FORMATS)}, not {output_format!r}")
    opts.format = _lib.FORMATS[output_format]
    opts.with_title = 1 if include_title else 0
    opts.repair = 1 if repair else 0
    opts.charset = charset
    return opts


def _page(html: Html, url: Optional[str]):
    """The page's bytes, the transport charset (utf-8 for str) and the URL as bytes."""
    if isinstance(html, str):
        data, charset = html.encode("utf-8", "surrogatepass"), b"utf-8"
    elif isinstance(html, (bytes, bytearray, memoryview)):
        data, charset = bytes(html), None
    else:
        raise TypeError(f"html must be bytes or str, not {type(html).__name__}")
    if url is not None:
        if not isinstance(url, str):
            raise TypeError(f"url must be a str or None, not {type(url).__name__}")
        if "\0" in url:
            raise ValueError("url must not contain NUL characters")
        url_bytes: Optional[bytes] = url.encode("utf-8")
    else:
        url_bytes = None
    return data, charset, url_bytes


def _take(ptr: ctypes.c_void_p, length: int) -> str:
    """The library's malloc'd buffer as a str; frees it."""
    try:
        return ctypes.string_at(ptr, length).decode("utf-8")
    finally:
        _lib.free(ptr)


def extract(html: Html, url: Optional[str] = None, output_format: str = "txt",
            include_title: bool = False, repair: bool = True) -> Optional[str]:
    """The main content of an HTML page, as ``scrape`` prints it.

    Args:
        html: the page. ``bytes`` are decoded as the tool decodes files (a
            byte order mark, a ``<meta>`` charset, or a guess); a ``str`` is
            taken as already decoded.
        url: the page's URL, or None (the JSON output's ``url`` when the page
            names no canonical URL).
        output_format: ``"txt"`` (plain text), ``"markdown"`` or ``"json"``.
        include_title: put the title first (as ``scrape`` does without
            ``--no-title``).
        repair: repair damaged characters and words (``--no-repair`` when False).

    Returns:
        The text, or None when the page has no main content.

    Raises:
        TypeError, ValueError: bad arguments.
        ScrapeError: the library failed (binary input, a limit hit, ...).
    """
    data, charset, url_bytes = _page(html, url)
    opts = _options(output_format, include_title, repair, charset)
    result = ctypes.c_void_p()
    rc = _lib.lib.scrape_html(ctypes.byref(result), data, len(data), None, url_bytes, ctypes.byref(opts))
    if rc == _lib.ENOCONTENT:
        return None
    if rc != 0:
        raise _error(rc)
    try:
        out = ctypes.c_void_p()
        out_len = ctypes.c_size_t()
        rc = _lib.lib.scrape_render(ctypes.byref(out), ctypes.byref(out_len), result, ctypes.byref(opts))
        text = _take(out, out_len.value) if out.value else None
        if rc != 0:
            raise _error(rc)
        return text
    finally:
        _lib.lib.scrape_result_free(result)


def extract_metadata(html: Html, url: Optional[str] = None) -> Dict[str, Optional[str]]:
    """The metadata of an HTML page, whether it has main content or not.

    Args:
        html: the page, as for :func:`extract`.
        url: the page's URL, or None: the ``url`` entry when the page names no
            canonical URL.

    Returns:
        A dict with the keys ``title``, ``author``, ``date``, ``sitename``,
        ``language``, ``description``, ``url`` (None for what the page does
        not give) and ``page_type`` (always given: "article", "forum",
        "product", "collection", "listing", "documentation" or "service").

    Raises:
        TypeError, ValueError: bad arguments.
        ScrapeError: the library failed (binary input, a limit hit, ...).
    """
    data, charset, url_bytes = _page(html, url)
    opts = _options(charset=charset)
    result = ctypes.c_void_p()
    rc = _lib.lib.scrape_metadata(ctypes.byref(result), data, len(data), None, url_bytes, ctypes.byref(opts))
    if rc != 0:
        raise _error(rc)
    try:
        meta: Dict[str, Optional[str]] = {}
        for field in _lib.METADATA:
            value = getattr(_lib.lib, "scrape_result_" + field)(result)
            meta[field] = value.decode("utf-8") if value is not None else None
        return meta
    finally:
        _lib.lib.scrape_result_free(result)


def repair(text: str) -> str:
    """Repairs damaged text as ``scrape --repair`` does: mojibake, leftover
    entities, fused words, lost apostrophes; lines of form-label boilerplate
    are dropped; the line structure is kept.

    Raises:
        TypeError: text is not a str.
        ScrapeError: the library failed.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    data = text.encode("utf-8", "surrogatepass")
    out = ctypes.c_void_p()
    out_len = ctypes.c_size_t()
    rc = _lib.lib.scrape_repair(ctypes.byref(out), ctypes.byref(out_len), data, len(data))
    if rc != 0:
        raise _error(rc)
    return _take(out, out_len.value)
