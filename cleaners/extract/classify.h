/* classify.h - what an element is, judged from its tag and attributes alone:
 * never content (scripts, navigation, forms, hidden elements) or probably
 * boilerplate (class/id naming share bars, comments, related stories...). */
#ifndef SCRAPE_CLASSIFY_H
#define SCRAPE_CLASSIFY_H

#include <gumbo.h>
#include <stddef.h>

/* DN_SKIP, DN_HIDDEN and/or DN_BOILER flags (see node.h) for an element
 * node. With DN_BOILER, *word is set to a number (1-255) that names the
 * boilerplate word of its class or id, the same for every element named
 * by that word; 0 otherwise. */
unsigned classify_element(const GumboNode *n, unsigned *word);

/* 1 if a class/id value names boilerplate (and no content word saves it). */
int classify_names_boilerplate(const char *value);
/* 1 if a class/id value names something that is boilerplate only when short ("paywall"). */
int classify_names_soft(const char *value);
/* 1 if a class/id value names a comment section ("comments", "disqus_thread"). */
int classify_names_comments(const char *value);
/* 1 if a class/id value names boilerplate besides comments
 * ("comment-meta": "meta"; not "comment-body"). */
int classify_names_furniture(const char *value);
/* 1 if a boilerplate word number (see classify_element) is a comment word. */
int classify_word_is_comments(unsigned word);
/* 1 if a boilerplate word number names text for screen readers only
 * ("sr-only", "visually-hidden"). */
int classify_word_is_screen_reader(unsigned word);
/* The boilerplate word a number stands for ("share*", "related*": '*' marks
 * a prefix), or NULL for 0 and unknown numbers. */
const char *classify_word_name(unsigned word);
/* 1 if a class/id value names what stands beside a product on its page:
 * reviews, carousels of other products ("reviews-list", "upsell"). */
int classify_names_product_aside(const char *value);
/* 1 if an element is a tab or accordion panel (role "tabpanel", or its
 * class or id names a tab, an accordion, a collapsible part). */
int classify_is_panel(const GumboNode *n);
/* 1 if a class/id value names article content ("article-body", "entry-content"). */
int classify_names_content(const char *value);
/* 1 for a dialog (role dialog or alertdialog, aria-modal): a layer over the
 * page, never the page, however much text it holds. */
int classify_is_dialog(const GumboNode *n);

#endif
