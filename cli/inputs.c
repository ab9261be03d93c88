#include "inputs.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int ends_with(const char *s, size_t n, const char *suf)
{
	size_t k = strlen(suf);
	if (n < k)
		return 0;
	for (size_t i = 0; i < k; i++) {
		char c = s[n - k + i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c | 32);
		if (c != suf[i])
			return 0;
	}
	return 1;
}

/* Length of name without its page extension (".html.gz" etc.), or 0. */
static size_t stem_len(const char *name)
{
	size_t n = strlen(name);
	if (ends_with(name, n, ".gz"))
		n -= 3;
	static const char *const exts[] = { ".html", ".htm", ".xhtml" };
	for (size_t i = 0; i < 3; i++)
		if (ends_with(name, n, exts[i]))
			return n - strlen(exts[i]);
	return 0;
}

int inputs_is_html_name(const char *name)
{
	return stem_len(name) > 0;
}

static int push(struct input_list *l, const char *path, const char *rel, size_t rel_len,
		const struct stat *st)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 256;
		struct input *v = realloc(l->v, cap * sizeof *v);
		if (!v)
			return -1;
		l->v = v;
		l->cap = cap;
	}
	struct input *in = &l->v[l->n];
	in->path = strdup(path);
	in->rel = strndup(rel, rel_len);
	in->size = st->st_size;
	in->mtime = st->st_mtime;
	if (!in->path || !in->rel) {
		free(in->path);
		free(in->rel);
		return -1;
	}
	l->n++;
	return 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* One open folder of the walk: its entries, sorted, and how far we are. */
struct frame {
	char *dir;
	char **names;
	size_t n, pos;
};

/* Sorted entry names of dir (dot files left out); NULL names on error. */
static int list_dir(struct frame *f)
{
	DIR *dh = opendir(f->dir);
	if (!dh) {
		fprintf(stderr, "scrape: %s: %s\n", f->dir, strerror(errno));
		return 0; /* one unreadable folder does not stop the run */
	}
	size_t cap = 0;
	struct dirent *de;
	int rc = 0;
	while ((de = readdir(dh)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		if (f->n == cap) {
			cap = cap ? cap * 2 : 64;
			char **p = realloc(f->names, cap * sizeof *p);
			if (!p) {
				rc = -1;
				break;
			}
			f->names = p;
		}
		if (!(f->names[f->n] = strdup(de->d_name))) {
			rc = -1;
			break;
		}
		f->n++;
	}
	closedir(dh);
	if (f->names)
		qsort(f->names, f->n, sizeof *f->names, cmp_str);
	return rc;
}

static void frame_free(struct frame *f)
{
	for (size_t i = 0; i < f->n; i++)
		free(f->names[i]);
	free(f->names);
	free(f->dir);
}

/* Walks a folder depth-first in name order (as `find | sort` lists it) with
 * an explicit stack of open folders, never recursion. */
static int add_dir(struct input_list *l, const char *root)
{
	size_t rootlen = strlen(root);
	while (rootlen > 1 && root[rootlen - 1] == '/')
		rootlen--;
	size_t cap = 16, sp = 0;
	struct frame *stack = malloc(cap * sizeof *stack);
	int rc = 0;
	if (!stack)
		return -1;
	stack[sp] = (struct frame){ strndup(root, rootlen), NULL, 0, 0 };
	if (!stack[sp].dir || list_dir(&stack[sp]) != 0)
		rc = -1;
	sp++;
	while (sp && rc == 0) {
		struct frame *f = &stack[sp - 1];
		if (f->pos == f->n) {
			frame_free(f);
			sp--;
			continue;
		}
		const char *name = f->names[f->pos++];
		size_t plen = strlen(f->dir) + 1 + strlen(name) + 1;
		char *path = malloc(plen);
		struct stat st;
		if (!path) {
			rc = -1;
			break;
		}
		snprintf(path, plen, "%s/%s", f->dir, name);
		if (lstat(path, &st) != 0 || (S_ISLNK(st.st_mode) && (stat(path, &st) != 0 || S_ISDIR(st.st_mode)))) {
			/* vanished, a dangling link, or a link to a folder (not followed: no loops) */
			free(path);
		} else if (S_ISDIR(st.st_mode)) {
			if (sp == cap) {
				struct frame *p = realloc(stack, (cap *= 2) * sizeof *p);
				if (!p) {
					free(path);
					rc = -1;
					break;
				}
				stack = p;
			}
			stack[sp] = (struct frame){ path, NULL, 0, 0 };
			if (list_dir(&stack[sp]) != 0)
				rc = -1;
			sp++;
		} else {
			if (inputs_is_html_name(name)) {
				/* relative to the folder named, without the extension */
				const char *rel = path + rootlen + 1;
				size_t rel_len = strlen(rel) - (strlen(name) - stem_len(name));
				if (push(l, path, rel, rel_len, &st) != 0)
					rc = -1;
			}
			free(path);
		}
	}
	while (sp)
		frame_free(&stack[--sp]);
	free(stack);
	if (rc)
		fprintf(stderr, "scrape: %s: out of memory while listing files\n", root);
	return rc;
}

int inputs_add_path(struct input_list *l, const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		fprintf(stderr, "scrape: %s: %s\n", path, strerror(errno));
		return -1;
	}
	if (S_ISDIR(st.st_mode))
		return add_dir(l, path);
	/* a file named on the command line is taken whatever its extension */
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	size_t stem = stem_len(base);
	if (!stem) {
		const char *dot = strrchr(base, '.');
		stem = dot && dot != base ? (size_t)(dot - base) : strlen(base);
	}
	if (push(l, path, base, stem, &st) != 0) {
		fprintf(stderr, "scrape: %s: out of memory\n", path);
		return -1;
	}
	return 0;
}

void inputs_free(struct input_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->v[i].path);
		free(l->v[i].rel);
	}
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}
