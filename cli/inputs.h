/* inputs.h - the list of pages a bulk run works on: files named on the
 * command line and, recursively, the HTML files in folders. */
#ifndef SCRAPE_INPUTS_H
#define SCRAPE_INPUTS_H

#include <stddef.h>
#include <sys/types.h>

struct input {
	char *path;  /* as opened */
	char *rel;   /* output path relative to OUTDIR, without the extension */
	off_t size;
	time_t mtime;
};

struct input_list {
	struct input *v;
	size_t n, cap;
};

/* 1 for .html .htm .xhtml and their .gz forms. */
int inputs_is_html_name(const char *name);
/* Appends the inputs of one command-line path. A folder is walked without
 * recursion on the C stack; links to folders are not followed (no loops).
 * Returns 0, or -1 after printing why the path cannot be used. */
int inputs_add_path(struct input_list *l, const char *path);
void inputs_free(struct input_list *l);

#endif
