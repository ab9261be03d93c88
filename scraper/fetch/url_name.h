/* url_name.h - a safe relative file name for a URL. */
#ifndef SCRAPE_URL_NAME_H
#define SCRAPE_URL_NAME_H

#include <stddef.h>

/* Longest name url_name() makes, extension included. */
#define URL_NAME_MAX 240

/* Makes a relative path for url's output: HOST[_PORT]/DIR/.../LAST-HASH EXT,
 * from the URL's host, port (when not the scheme's default) and path.
 * Every part keeps only [A-Za-z0-9._-] (others become '_'), never starts
 * with '.', is at most 64 bytes; at most 8 folders; an empty last part is
 * "index". HASH is 12 hex digits of a 64-bit FNV-1a hash of the whole URL
 * (query included), so distinct URLs get distinct names and the same URL
 * always the same one. The result never starts with '/', holds no "." or
 * ".." part, and fits URL_NAME_MAX bytes: it cannot leave the output folder.
 * ext (".txt") is appended; at most 16 bytes. 0, SCRAPE_EUSAGE for a URL
 * libcurl cannot parse or without a host, or SCRAPE_ENOMEM. Caller frees *out. */
int url_name(char **out, const char *url, const char *ext);

/* The 64-bit FNV-1a hash of s. */
unsigned long long url_name_hash(const char *s);

#endif
