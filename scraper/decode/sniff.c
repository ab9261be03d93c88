#include "sniff.h"
#include "error.h"
#include "scrape.h"

#include <string.h>

struct magic {
	const char *bytes;
	size_t len;
	const char *what;
};

static const struct magic magics[] = {
	{ "%PDF-", 5, "a PDF document" },
	{ "\x89PNG\r\n\x1a\n", 8, "a PNG image" },
	{ "GIF87a", 6, "a GIF image" },
	{ "GIF89a", 6, "a GIF image" },
	{ "\xff\xd8\xff", 3, "a JPEG image" },
	{ "PK\x03\x04", 4, "a ZIP archive (or Office document)" },
	{ "\x7f" "ELF", 4, "an executable" },
	{ "\x1f\x8b", 2, "gzip data" },
	{ "BZh", 3, "bzip2 data" },
	{ "\xfd" "7zXZ", 5, "xz data" },
	{ "\x28\xb5\x2f\xfd", 4, "zstd data" },
	{ "OggS", 4, "an Ogg media file" },
	{ "ID3", 3, "an MP3 file" },
	{ "\x00\x00\x01\x00", 4, "an icon" },
	{ "wOFF", 4, "a web font" },
	{ "wOF2", 4, "a web font" },
};

int sniff_check(const char *data, size_t len)
{
	size_t i = 0;
	while (i < len && (data[i] == ' ' || data[i] == '\n' || data[i] == '\r' || data[i] == '\t' ||
			   data[i] == '\f'))
		i++;
	if (i == len)
		return scrape_error_set(SCRAPE_EIO, "empty document");
	for (size_t k = 0; k < sizeof magics / sizeof *magics; k++)
		if (len >= magics[k].len && memcmp(data, magics[k].bytes, magics[k].len) == 0)
			return scrape_error_set(SCRAPE_EBINARY, "binary data (%s), not HTML", magics[k].what);
	if (len >= 12 && memcmp(data, "RIFF", 4) == 0)
		return scrape_error_set(SCRAPE_EBINARY, "binary data (a RIFF media file), not HTML");
	/* UTF-16 text has NULs in every other byte; its byte-order mark says so */
	int utf16 = len >= 2 && (((unsigned char)data[0] == 0xFF && (unsigned char)data[1] == 0xFE) ||
				 ((unsigned char)data[0] == 0xFE && (unsigned char)data[1] == 0xFF));
	if (utf16)
		return SCRAPE_OK;
	/* text has (almost) no control bytes; binary data has many */
	size_t n = len < 4096 ? len : 4096, ctl = 0;
	for (size_t k = 0; k < n; k++) {
		unsigned char c = (unsigned char)data[k];
		if (c == 0 || (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b))
			ctl++;
	}
	if (ctl * 10 > n)
		return scrape_error_set(SCRAPE_EBINARY, "binary data, not HTML or text");
	return SCRAPE_OK;
}
