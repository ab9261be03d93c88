/* classify.h - what an element is, judged from its tag and attributes alone:
 * never content (scripts, navigation, forms, hidden elements) or probably
 * boilerplate (class/id naming share bars, comments, related stories...). */
#ifndef SCRAPE_CLASSIFY_H
#define SCRAPE_CLASSIFY_H

#include <gumbo.h>
#include <stddef.h>

/* DN_SKIP and/or DN_BOILER flags (see node.h) for an element node. */
unsigned classify_element(const GumboNode *n);

/* 1 if a class/id value names boilerplate (and no content word saves it). */
int classify_names_boilerplate(const char *value);
/* 1 if a class/id value names something that is boilerplate only when short ("paywall"). */
int classify_names_soft(const char *value);
/* 1 if a class/id value names a comment section ("comments", "disqus_thread"). */
int classify_names_comments(const char *value);
/* 1 if a class/id value names article content ("article-body", "entry-content"). */
int classify_names_content(const char *value);

#endif
