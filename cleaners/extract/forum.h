/* forum.h - forum threads and Q&A pages: every post is content, what sits
 * beside each post's body (author cells, post counts, join dates,
 * signatures, vote and reply bars) is not. */
#ifndef SCRAPE_FORUM_H
#define SCRAPE_FORUM_H

#include "dom.h"

/* Where a thread's posts are: the parent of the repeated post elements
 * (SIZE_MAX: none found) and the plain text they hold together. */
struct forum_posts {
	size_t parent;
	uint32_t text;
};

/* On a page known to be a forum thread: finds the repeated post structure
 * (two or more sibling elements of one tag and class kind with the most
 * text besides their largest), follows in every post the chain of elements
 * that holds its body (of the kind that holds the most text over the
 * posts), and flags the other parts of the post along that chain
 * DN_POST_META, so emission leaves them out; short elements beside the
 * posts that repeat among themselves (reply and page bars) too. Returns
 * where the posts are (parent SIZE_MAX when none were found: nothing is
 * flagged then). Allocates nothing that outlives the call. */
struct forum_posts forum_mark_post_furniture(struct dom *d);

/* The content chosen as node top, widened to cover the thread's posts: a
 * block inside one post (the opening post, its marked body) or beside the
 * posts becomes the smallest element that holds it and them, when the posts
 * hold at least as much text as it. top itself otherwise. */
size_t forum_cover_posts(const struct dom *d, size_t top, struct forum_posts posts);

/* The post before the repeated ones (the question above a Q&A page's
 * answers), after scoring: each element before the posts' parent, beside
 * it, that holds an element scored min_score or more, is a post alone. The
 * chain to its body is followed down to its best-scored element (the
 * body's paragraphs score, its furniture does not), and what sits beside
 * that chain holding no more text than it (vote counts, the asker's card)
 * is flagged DN_POST_META. */
void forum_mark_question(struct dom *d, struct forum_posts posts, float min_score);

/* The best score of an element in the subtree of node i, furniture
 * (DN_SKIP, DN_BOILER and below) not counted: where a block's text sits
 * deep, its best paragraph container shows it. */
float forum_best_score_within(const struct dom *d, size_t i);

#endif
