/* document.c - the scrape_document that every way of getting a page
 * (file, standard input, fetch) hands out; read through its accessors and
 * freed here, by its owner. */
#include "document.h"

#include <stdlib.h>

void scrape_document_free(scrape_document *doc)
{
	if (!doc)
		return;
	free(doc->data);
	free(doc->url);
	free(doc->content_type);
	free(doc);
}

const char *scrape_document_data(const scrape_document *doc)
{
	return doc->data;
}

size_t scrape_document_len(const scrape_document *doc)
{
	return doc->len;
}

const char *scrape_document_url(const scrape_document *doc)
{
	return doc->url;
}

const char *scrape_document_content_type(const scrape_document *doc)
{
	return doc->content_type;
}

long scrape_document_status(const scrape_document *doc)
{
	return doc->status;
}
