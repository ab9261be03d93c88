/* document.c - the scrape_document that every way of getting a page
 * (file, standard input, fetch) hands out; freed here, by its owner. */
#include "scrape.h"

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
