/*
 * warc.c - a streaming WARC reader.
 *
 * Decompressed bytes go through one window, buf[pos..len), which holds at
 * most the record being read (header, block, trailer) plus what the last
 * read brought in after it. Gzip input is inflated member by member; the
 * reader notes where each member starts and ends (decompressed offset and
 * file offset), so that a record that is exactly one member (Common Crawl)
 * is located by its member's file offset and length, which `dd` and `gunzip`
 * can cut out again. Bytes between members that are not a gzip header are
 * skipped up to the next one; a member that fails to inflate marks a gap, and
 * the record across it is reported and dropped. In the decompressed stream,
 * a record whose end is not where its Content-Length says is reported and
 * reading resyncs on the next "WARC/1." line.
 */
#include "warc.h"
#include "error.h"
#include "scrape.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#define IN_CHUNK (64 * 1024)
#define OUT_CHUNK (64 * 1024)
#define BOUNDS_MAX (1u << 20)

struct bound {
	uint64_t d;   /* decompressed offset */
	uint64_t c;   /* file offset */
	int gap;      /* data was lost just before this point */
};

struct warc_reader {
	FILE *f;
	int own;
	char *name;
	char *load_type;
	size_t max_block;
	size_t hard_cap;        /* the window never grows past this */
	int gz;
	z_stream zs;
	int z_ready;
	int in_member;
	int pending_gap;        /* garbage or a bad member since the last member start */
	unsigned char *in;
	uint64_t in_read;       /* bytes read from the file */
	int in_eof;
	char *buf;
	size_t pos, len, cap;
	uint64_t base;          /* decompressed offset of buf[0] */
	struct bound *b;
	size_t nb, capb;
	int eof;                /* no more decompressed bytes will come */
	int failed;             /* read error or out of memory: stop */
	char why[256];          /* the failure */
};

static void push_bound(struct warc_reader *r, uint64_t d, uint64_t c, int gap)
{
	if (r->nb == r->capb) {
		if (r->capb >= BOUNDS_MAX)
			return; /* offsets of later records fall back to decompressed ones */
		size_t cap = r->capb ? r->capb * 2 : 16;
		struct bound *nb = realloc(r->b, cap * sizeof *nb);
		if (!nb)
			return;
		r->b = nb;
		r->capb = cap;
	}
	r->b[r->nb].d = d;
	r->b[r->nb].c = c;
	r->b[r->nb].gap = gap;
	r->nb++;
}

/* Drops the bounds before decompressed offset d. */
static void prune_bounds(struct warc_reader *r, uint64_t d)
{
	size_t k = 0;
	while (k < r->nb && r->b[k].d < d)
		k++;
	if (k) {
		memmove(r->b, r->b + k, (r->nb - k) * sizeof *r->b);
		r->nb -= k;
	}
}

/* Makes room for at least `want` bytes after len; 0 or -1 (limit or memory). */
static int reserve(struct warc_reader *r, size_t want)
{
	if (r->pos && (r->cap - r->len < want || r->pos >= r->len / 2)) {
		memmove(r->buf, r->buf + r->pos, r->len - r->pos);
		r->base += r->pos;
		r->len -= r->pos;
		r->pos = 0;
	}
	if (r->cap - r->len >= want)
		return 0;
	if (r->len + want > r->hard_cap + OUT_CHUNK)
		return -1;
	size_t cap = r->cap ? r->cap : OUT_CHUNK;
	while (cap - r->len < want)
		cap *= 2;
	char *nb = realloc(r->buf, cap + 1);
	if (!nb)
		return -1;
	r->buf = nb;
	r->cap = cap;
	return 0;
}

static int read_in(struct warc_reader *r)
{
	size_t keep = r->zs.avail_in;
	if (keep && r->zs.next_in != r->in)
		memmove(r->in, r->zs.next_in, keep);
	size_t n = fread(r->in + keep, 1, IN_CHUNK - keep, r->f);
	r->in_read += n;
	r->zs.next_in = r->in;
	r->zs.avail_in = (uInt)(keep + n);
	if (n == 0) {
		if (ferror(r->f)) {
			snprintf(r->why, sizeof r->why, "%s: %s", r->name, strerror(errno));
			scrape_error_set(SCRAPE_EIO, "%s", r->why);
			r->failed = 1;
		}
		r->in_eof = 1;
	}
	return (int)n;
}

static uint64_t in_offset(const struct warc_reader *r)
{
	return r->in_read - r->zs.avail_in;
}

/* Inflates until some output or a member boundary; 1 on progress, 0 at the end. */
static int fill_gz(struct warc_reader *r)
{
	for (;;) {
		if (r->failed)
			return 0;
		if (!r->in_member) {
			/* expect a gzip header; skip anything else up to the next one */
			if (r->zs.avail_in < 3 && !r->in_eof) {
				read_in(r);
				continue;
			}
			if (r->zs.avail_in == 0) {
				r->eof = 1;
				return 0;
			}
			const unsigned char *p = r->zs.next_in;
			if (r->zs.avail_in >= 3 && p[0] == 0x1f && p[1] == 0x8b && p[2] == 8) {
				inflateReset(&r->zs);
				r->in_member = 1;
				push_bound(r, r->base + r->len, in_offset(r), r->pending_gap);
				r->pending_gap = 0;
				continue;
			}
			/* skip to the next possible magic; zero padding is not a loss */
			size_t n = r->zs.avail_in, k = 1;
			while (k < n && p[k] != 0x1f)
				k++;
			if (k == n && r->in_eof && n < 3)
				k = n;
			for (size_t i = 0; i < k; i++)
				if (p[i])
					r->pending_gap = 1;
			r->zs.next_in += k;
			r->zs.avail_in -= (uInt)k;
			continue;
		}
		if (r->zs.avail_in == 0) {
			if (r->in_eof) {
				/* the member was cut short */
				r->in_member = 0;
				r->eof = 1;
				return 0;
			}
			read_in(r);
			continue;
		}
		if (reserve(r, OUT_CHUNK) != 0) {
			/* a record larger than the window: the parser skips it */
			return 0;
		}
		r->zs.next_out = (Bytef *)r->buf + r->len;
		r->zs.avail_out = (uInt)(r->cap - r->len);
		uInt before = r->zs.avail_out;
		int z = inflate(&r->zs, Z_NO_FLUSH);
		size_t got = before - r->zs.avail_out;
		r->len += got;
		if (z == Z_STREAM_END) {
			r->in_member = 0;
			push_bound(r, r->base + r->len, in_offset(r), 0);
			return 1;
		}
		if (z == Z_OK || z == Z_BUF_ERROR) {
			if (got)
				return 1;
			if (z == Z_BUF_ERROR && r->zs.avail_in == 0 && !r->in_eof)
				read_in(r);
			continue;
		}
		/* corrupt member: drop it, look for the next one */
		r->in_member = 0;
		r->pending_gap = 1;
		if (r->zs.avail_in) {
			r->zs.next_in++;
			r->zs.avail_in--;
		}
		if (got)
			return 1;
	}
}

static int fill_plain(struct warc_reader *r)
{
	if (r->failed || r->eof)
		return 0;
	if (reserve(r, OUT_CHUNK) != 0)
		return 0;
	size_t n = fread(r->buf + r->len, 1, OUT_CHUNK, r->f);
	r->len += n;
	if (n == 0) {
		if (ferror(r->f)) {
			snprintf(r->why, sizeof r->why, "%s: %s", r->name, strerror(errno));
			scrape_error_set(SCRAPE_EIO, "%s", r->why);
			r->failed = 1;
		}
		r->eof = 1;
		return 0;
	}
	return 1;
}

static int fill(struct warc_reader *r)
{
	if (r->eof)
		return 0;
	return r->gz ? fill_gz(r) : fill_plain(r);
}

/* 1 when at least n bytes are buffered from pos, 0 when the input ends first
 * (or the window cannot grow that far). */
static int need(struct warc_reader *r, size_t n)
{
	while (r->len - r->pos < n) {
		if (r->eof || r->failed || reserve(r, n - (r->len - r->pos)) != 0)
			return 0;
		if (!fill(r) && !r->eof)
			return 0; /* no progress possible */
	}
	return 1;
}

int warc_open_stream(struct warc_reader **out, FILE *f, const char *name, const char *load_type,
		     size_t max_block)
{
	*out = NULL;
	struct warc_reader *r = calloc(1, sizeof *r);
	if (!r)
		return scrape_error_set(SCRAPE_ENOMEM, "%s: out of memory", name);
	r->f = f;
	r->name = strdup(name);
	r->load_type = strdup(load_type ? load_type : "");
	r->max_block = max_block;
	r->hard_cap = max_block + 2 * (size_t)WARC_HEADER_MAX;
	r->in = malloc(IN_CHUNK);
	if (!r->name || !r->load_type || !r->in || inflateInit2(&r->zs, 15 + 16) != Z_OK) {
		free(r->in);
		free(r->name);
		free(r->load_type);
		free(r);
		return scrape_error_set(SCRAPE_ENOMEM, "%s: out of memory", name);
	}
	r->z_ready = 1;
	/* gzip or not: look at the first bytes */
	r->zs.next_in = r->in;
	while (!r->in_eof && r->zs.avail_in < 2)
		read_in(r);
	if (r->failed) {
		warc_close(r);
		return SCRAPE_EIO;
	}
	r->gz = r->zs.avail_in >= 2 && r->in[0] == 0x1f && r->in[1] == 0x8b;
	if (!r->gz) {
		if (reserve(r, OUT_CHUNK) != 0) {
			warc_close(r);
			return scrape_error_set(SCRAPE_ENOMEM, "%s: out of memory", name);
		}
		memcpy(r->buf, r->zs.next_in, r->zs.avail_in);
		r->len = r->zs.avail_in;
		r->zs.avail_in = 0;
		r->eof = r->in_eof;
	}
	*out = r;
	return SCRAPE_OK;
}

int warc_open(struct warc_reader **out, const char *path, const char *load_type, size_t max_block)
{
	*out = NULL;
	int is_stdin = strcmp(path, "-") == 0;
	FILE *f = is_stdin ? stdin : fopen(path, "rb");
	if (!f)
		return scrape_error_set(SCRAPE_EIO, "%s: %s", path, strerror(errno));
	int rc = warc_open_stream(out, f, is_stdin ? "standard input" : path, load_type, max_block);
	if (rc != SCRAPE_OK) {
		if (!is_stdin)
			fclose(f);
		return rc;
	}
	(*out)->own = !is_stdin;
	return SCRAPE_OK;
}

void warc_close(struct warc_reader *r)
{
	if (!r)
		return;
	if (r->z_ready)
		inflateEnd(&r->zs);
	if (r->own)
		fclose(r->f);
	free(r->in);
	free(r->buf);
	free(r->b);
	free(r->name);
	free(r->load_type);
	free(r);
}

const char *warc_failure(const struct warc_reader *r)
{
	return r->failed ? r->why : NULL;
}

uint64_t warc_bytes_read(const struct warc_reader *r)
{
	return r->gz ? r->in_read : r->base + r->len;
}

void warc_record_free(struct warc_record *rec)
{
	free(rec->block);
	free(rec->header_text);
	memset(rec, 0, sizeof *rec);
}

static const char *find_mem(const char *h, size_t hn, const char *n, size_t nn)
{
	for (size_t i = 0; i + nn <= hn; i++) {
		const char *p = memchr(h + i, n[0], hn - nn - i + 1);
		if (!p)
			return NULL;
		i = (size_t)(p - h);
		if (memcmp(p, n, nn) == 0)
			return p;
	}
	return NULL;
}

/* Searches "\nWARC/1." from buf[pos + from]; leaves pos at the "W" (1), or
 * drops everything and returns 0 at the end of the input. */
static int resync(struct warc_reader *r, size_t from)
{
	static const char pat[] = "\nWARC/1.";
	const size_t pn = sizeof pat - 1;
	size_t at = r->pos + from;
	for (;;) {
		/* a gzip member that starts with a record header is a record */
		for (size_t i = 0; i < r->nb; i++) {
			uint64_t d = r->b[i].d;
			if (d >= r->base + at && d + 7 <= r->base + r->len &&
			    memcmp(r->buf + (d - r->base), "WARC/1.", 7) == 0) {
				size_t k = (size_t)(d - r->base);
				/* unless the text pattern comes first */
				const char *hit = k > at ? find_mem(r->buf + at, k - at, pat, pn) : NULL;
				r->pos = hit ? (size_t)(hit - r->buf) + 1 : k;
				return 1;
			}
		}
		while (at <= r->len && r->len - at >= pn) {
			char *nl = memchr(r->buf + at, '\n', r->len - at - pn + 1);
			if (!nl) {
				at = r->len - pn + 1;
				break;
			}
			at = (size_t)(nl - r->buf);
			if (memcmp(r->buf + at, pat, pn) == 0) {
				r->pos = at + 1;
				return 1;
			}
			at++;
		}
		/* what is before `at` cannot start the pattern: drop it */
		if (at > r->pos)
			r->pos = at < r->len ? at : r->len;
		if (!fill(r)) {
			r->pos = r->len;
			return 0;
		}
		at = r->pos;
	}
}

/* The first bound at decompressed offset d (end of a member) or the last
 * one there (start of a member); NULL when none. */
static const struct bound *bound_at(const struct warc_reader *r, uint64_t d, int last)
{
	const struct bound *found = NULL;
	for (size_t i = 0; i < r->nb && r->b[i].d <= d; i++)
		if (r->b[i].d == d) {
			found = &r->b[i];
			if (!last)
				break;
		}
	return found;
}

/* A gap in (from, to): the decompressed offset just after lost data, or 0. */
static uint64_t gap_in(const struct warc_reader *r, uint64_t from, uint64_t to)
{
	for (size_t i = 0; i < r->nb && r->b[i].d < to; i++)
		if (r->b[i].gap && r->b[i].d > from)
			return r->b[i].d;
	return 0;
}

/* When data was lost between d0 and `upto`, reports the record at d0 as
 * corrupt, moves to the member after the loss and returns 1. */
static void locate(struct warc_reader *r, struct warc_record *rec, uint64_t d0, uint64_t d1);

static int take_gap(struct warc_reader *r, struct warc_record *rec, uint64_t d0, uint64_t upto)
{
	uint64_t gap = r->gz ? gap_in(r, d0, upto) : 0;
	if (!gap)
		return 0;
	rec->error = "corrupt gzip data";
	locate(r, rec, d0, gap);
	r->pos = (size_t)(gap - r->base);
	for (size_t i = 0; i < r->nb; i++)
		if (r->b[i].d == gap)
			r->b[i].gap = 0; /* reported */
	return 1;
}

static void locate(struct warc_reader *r, struct warc_record *rec, uint64_t d0, uint64_t d1)
{
	rec->offset = d0;
	rec->length = d1 - d0;
	if (!r->gz)
		return;
	/* let the member end, if it ends here */
	while (r->in_member && r->base + r->len == d1 && !r->eof && !r->failed)
		if (!fill(r))
			break;
	const struct bound *s = bound_at(r, d0, 1), *e = bound_at(r, d1, 0);
	if (s && e && e->c >= s->c) {
		rec->offset = s->c;
		rec->length = e->c - s->c;
	} else if (s && rec->error) {
		/* a damaged record that starts a member: from there to where reading got */
		uint64_t at = in_offset(r);
		rec->offset = s->c;
		rec->length = at > s->c ? at - s->c : 0;
	} else {
		rec->decompressed = 1;
	}
}

/* Skips n bytes from pos, streaming. 1, or 0 when the input ended first. */
static int discard(struct warc_reader *r, uint64_t n)
{
	while (n) {
		size_t have = r->len - r->pos;
		if (!have) {
			if (!fill(r))
				return 0;
			continue;
		}
		size_t k = have < n ? have : (size_t)n;
		r->pos += k;
		n -= k;
	}
	return 1;
}

/* Length of the record trailer (CRLF CRLF, or LF LF) at buf[at], 0 if absent. */
static size_t trailer_at(const struct warc_reader *r, size_t at)
{
	size_t have = r->len - at;
	if (have >= 4 && memcmp(r->buf + at, "\r\n\r\n", 4) == 0)
		return 4;
	if (have >= 2 && memcmp(r->buf + at, "\n\n", 2) == 0)
		return 2;
	return 0;
}

int warc_next(struct warc_reader *r, struct warc_record *rec)
{
	memset(rec, 0, sizeof *rec);
	if (r->failed)
		return 0;
	/* blank lines between records are tolerated */
	for (;;) {
		while (r->pos < r->len && (r->buf[r->pos] == '\r' || r->buf[r->pos] == '\n'))
			r->pos++;
		if (r->pos < r->len || !fill(r))
			break;
	}
	if (r->pos >= r->len && !need(r, 1))
		return 0;
	uint64_t d0 = r->base + r->pos;
	/* a member lost whole, just before this record */
	for (size_t i = 0; r->gz && i < r->nb && r->b[i].d <= d0; i++)
		if (r->b[i].gap) {
			r->b[i].gap = 0;
			rec->error = "corrupt gzip data";
			rec->offset = i ? r->b[i - 1].c : 0;
			rec->length = r->b[i].c - rec->offset;
			return 1;
		}
	prune_bounds(r, d0);
	need(r, 8);
	if (r->len - r->pos < 8 || memcmp(r->buf + r->pos, "WARC/1.", 7) != 0) {
		/* not a record: skip to the next one */
		rec->error = r->len - r->pos < 8 && r->eof ? "truncated record" : "no WARC record here";
		/* from the byte after pos (never a line break, blank lines were
		 * skipped): a gzip member holding just "WARC/1." would otherwise be
		 * found again right here, and reported forever */
		resync(r, 1);
		for (size_t i = 0; i < r->nb; i++)
			if (r->b[i].gap && r->b[i].d > d0 && r->b[i].d <= r->base + r->pos) {
				rec->error = "corrupt gzip data";
				r->b[i].gap = 0;
			}
		locate(r, rec, d0, r->base + r->pos);
		return 1;
	}
	/* the header ends at the first empty line */
	size_t scanned = 0, hl = 0;
	for (;;) {
		const char *p = r->buf + r->pos;
		size_t have = r->len - r->pos;
		for (size_t i = scanned; i + 1 < have && i < WARC_HEADER_MAX; i++)
			if (p[i] == '\n' && (p[i + 1] == '\n' || (p[i + 1] == '\r' && i + 2 < have && p[i + 2] == '\n'))) {
				hl = i + 1 + (p[i + 1] == '\r' ? 2 : 1);
				break;
			}
		if (hl || have > WARC_HEADER_MAX)
			break;
		scanned = have > 2 ? have - 2 : 0;
		if (!fill(r))
			break;
	}
	if (!hl && take_gap(r, rec, d0, r->base + r->len))
		return 1;
	if (!hl) {
		rec->error = r->eof ? "truncated record" : "record header too large or not terminated";
		locate(r, rec, d0, r->base + r->len);
		resync(r, 1);
		return 1;
	}
	rec->header_text = malloc(hl + 1);
	if (!rec->header_text) {
		r->failed = 1;
		snprintf(r->why, sizeof r->why, "%s: out of memory", r->name);
		return 0;
	}
	memcpy(rec->header_text, r->buf + r->pos, hl);
	rec->header_text[hl] = '\0';
	const char *why = NULL;
	if (warc_header_parse(&rec->h, rec->header_text, hl, &why) != 0) {
		rec->error = why;
		locate(r, rec, d0, d0 + hl);
		resync(r, 1);
		return 1;
	}
	uint64_t cl = rec->h.content_length;
	int load = rec->h.type && strcmp(rec->h.type, r->load_type) == 0;
	if (cl > r->max_block) {
		/* too large to hold: stream past it */
		if (load)
			rec->error = "record block larger than the size limit";
		r->pos += hl;
		if (!discard(r, cl)) {
			rec->error = "truncated record";
			locate(r, rec, d0, r->base + r->pos);
			return 1;
		}
		need(r, 4);
		size_t t = trailer_at(r, r->pos);
		if (!t && r->len > r->pos) {
			rec->error = "record does not end where its Content-Length says";
			locate(r, rec, d0, r->base + r->pos);
			resync(r, 0);
			return 1;
		}
		r->pos += t;
		locate(r, rec, d0, r->base + r->pos);
		return 1;
	}
	size_t end = hl + (size_t)cl;
	if (!need(r, end)) {
		if (take_gap(r, rec, d0, r->base + r->len))
			return 1;
		rec->error = "truncated record";
		locate(r, rec, d0, r->base + r->len);
		r->pos = r->len;
		return 1;
	}
	need(r, end + 4);
	size_t t = trailer_at(r, r->pos + end);
	uint64_t d1 = d0 + end + t;
	if (take_gap(r, rec, d0, d1))
		return 1;
	if (!t && r->pos + end < r->len) {
		rec->error = "record does not end where its Content-Length says";
		/* up to the next record, wherever it starts after this header */
		resync(r, hl - 1);
		locate(r, rec, d0, r->base + r->pos);
		return 1;
	}
	if (load) {
		rec->block = malloc((size_t)cl + 1);
		if (!rec->block) {
			r->failed = 1;
			snprintf(r->why, sizeof r->why, "%s: out of memory", r->name);
			warc_record_free(rec);
			return 0;
		}
		memcpy(rec->block, r->buf + r->pos + hl, (size_t)cl);
		rec->block[cl] = '\0';
		rec->block_len = (size_t)cl;
	}
	r->pos += end + t;
	locate(r, rec, d0, d1);
	return 1;
}
