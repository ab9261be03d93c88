/* forum.h - forum threads and Q&A pages: every post is content, what sits
 * beside each post's body (author cells, post counts, join dates,
 * signatures, vote and reply bars) is not. */
#ifndef SCRAPE_FORUM_H
#define SCRAPE_FORUM_H

#include "dom.h"

/* On a page known to be a forum thread: finds the repeated post structure
 * (two or more sibling elements of one tag and class kind that hold most of
 * the repeated text), follows in every post the chain of elements that holds
 * its body (the same chain in most posts), and flags the other parts of the
 * post along that chain DN_POST_META, so emission leaves them out. Returns
 * the index of the posts' parent, or SIZE_MAX when no post structure was
 * found (nothing is flagged then). Allocates nothing that outlives the call. */
size_t forum_mark_post_furniture(struct dom *d);

#endif
