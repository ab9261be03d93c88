"""Loading libscrape and declaring its functions for ctypes.

The library is found, in order: the path in the SCRAPE_LIBRARY environment
variable (a build folder's libscrape.so during tests), then the system's
libscrape.so.0 (the libscrape0 package, or an install prefix on the loader's
path). Calls into it release the GIL (ctypes.CDLL), and the library is
thread-safe, so threads extract pages in parallel.
"""
import ctypes
import ctypes.util
import os

SONAME = "libscrape.so.0"


class Options(ctypes.Structure):
    """scrape_options (include/scrape.h) as of SCRAPE_OPTIONS_VERSION 1, field
    for field. The module offers no per-site rules (version 2's field), so it
    declares version 1: the library reads the fields of that version alone."""

    _fields_ = [
        ("version", ctypes.c_uint),
        ("format", ctypes.c_int),
        ("with_title", ctypes.c_int),
        ("repair", ctypes.c_int),
        ("charset", ctypes.c_char_p),
        ("max_input_bytes", ctypes.c_size_t),
        ("max_depth", ctypes.c_size_t),
        ("connect_timeout_ms", ctypes.c_long),
        ("timeout_ms", ctypes.c_long),
        ("user_agent", ctypes.c_char_p),
        ("max_nodes", ctypes.c_size_t),
        ("max_output_bytes", ctypes.c_size_t),
        ("page_timeout_ms", ctypes.c_long),
    ]


OPTIONS_VERSION = 1


def _load() -> ctypes.CDLL:
    path = os.environ.get("SCRAPE_LIBRARY")
    if path:
        return ctypes.CDLL(path)
    try:
        return ctypes.CDLL(SONAME)
    except OSError:
        found = ctypes.util.find_library("scrape")
        if not found:
            raise ImportError(
                f"scrape: cannot load {SONAME}: install libscrape0 (or libscrape under a prefix "
                "on the loader's path), or set SCRAPE_LIBRARY to the library's path"
            ) from None
        return ctypes.CDLL(found)


lib = _load()
_libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
free = _libc.free
free.argtypes = [ctypes.c_void_p]
free.restype = None

_c = ctypes
_P = ctypes.c_void_p  # scrape_result *, scrape_document *: opaque
_signatures = {
    "scrape_version": (_c.c_char_p, []),
    "scrape_strerror": (_c.c_char_p, [_c.c_int]),
    "scrape_error_last": (_c.c_char_p, []),
    "scrape_options_init": (_c.c_int, [_c.POINTER(Options), _c.c_uint]),
    "scrape_html": (_c.c_int, [_c.POINTER(_P), _c.c_char_p, _c.c_size_t, _c.c_char_p, _c.c_char_p,
                               _c.POINTER(Options)]),
    "scrape_metadata": (_c.c_int, [_c.POINTER(_P), _c.c_char_p, _c.c_size_t, _c.c_char_p, _c.c_char_p,
                                   _c.POINTER(Options)]),
    "scrape_result_free": (None, [_P]),
    "scrape_render": (_c.c_int, [_c.POINTER(_P), _c.POINTER(_c.c_size_t), _P, _c.POINTER(Options)]),
    "scrape_repair": (_c.c_int, [_c.POINTER(_P), _c.POINTER(_c.c_size_t), _c.c_char_p, _c.c_size_t]),
}
METADATA = ("title", "author", "date", "sitename", "language", "description", "url", "page_type")
for _field in METADATA + ("notes",):
    _signatures["scrape_result_" + _field] = (_c.c_char_p, [_P])
for _name, (_restype, _argtypes) in _signatures.items():
    _f = getattr(lib, _name)
    _f.restype, _f.argtypes = _restype, _argtypes

# error codes (scrape_error)
EUSAGE, ENOMEM, ENOCONTENT = -1, -2, -8
FORMATS = {"txt": 0, "markdown": 1, "json": 2}
