/*
 * Forum threads and Q&A pages.
 *
 * A thread is a repeated post structure: sibling elements of one tag and
 * class kind, each holding one post. Inside each post the body (the text a
 * member wrote) sits at the end of a chain of wrappers, and beside that
 * chain sit the parts every post repeats: the author cell (name, rank, post
 * count, join date), the post's title and date line, the signature, the
 * vote and reply/quote/report bars. The chain is found by vote: at each
 * level, the kind of child (tag and first class word) that holds the most
 * text over all posts, present in most of them, is the way down; the other
 * children of the chain's elements are the post's furniture. Replies nested
 * in posts (comment trees) are posts too, never furniture. Nothing here
 * reads words: only the shape of the page, so it holds in every language.
 */
#include "forum.h"
#include "cards.h"
#include "classify.h"

#include <stdlib.h>
#include <string.h>

/* The most posts (nested replies included) one page is read for; further
 * ones are left as they are. */
#define MAX_POSTS 1024
/* The deepest chain followed inside a post. */
#define MAX_CHAIN 16
/* The most kinds of child weighed at one step of the chain. */
#define MAX_KINDS 8
/* Characters below which a repeated element beside the posts is a bar. */
#define SHORT_BAR 100
/* Beside the chain, furniture holds at most this many times the chain
 * element's text: an author cell beside a one-line reply, not a post's
 * larger part where the chain went wrong. */
#define META_RATIO 4

static uint32_t plain_text(const struct dnode *n)
{
	return n->text_len - n->link_len;
}

/* Tags a post can be: a block container, a list item, a table or a row. */
static int may_be_post(GumboTag t)
{
	switch (t) {
	case GUMBO_TAG_DIV: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_SECTION:
	case GUMBO_TAG_LI: case GUMBO_TAG_TABLE: case GUMBO_TAG_TR:
		return 1;
	default:
		return 0;
	}
}

/* Elements that are text themselves: the chain stops above them, since
 * below a post body the "dominant child" is one paragraph of it. */
static int is_text_block(GumboTag t)
{
	switch (t) {
	case GUMBO_TAG_P: case GUMBO_TAG_PRE: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_UL:
	case GUMBO_TAG_OL: case GUMBO_TAG_DL: case GUMBO_TAG_TABLE: case GUMBO_TAG_H1:
	case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
	case GUMBO_TAG_H6: case GUMBO_TAG_LI: case GUMBO_TAG_FIGURE:
		return 1;
	default:
		return 0;
	}
}

static int same_kind(const struct dnode *a, const struct dnode *b)
{
	return dom_tag(a) == dom_tag(b) &&
	       cards_same_kind(dom_attr(a->g, "class"), dom_attr(b->g, "class"));
}

static int usable(const struct dnode *n)
{
	return dom_is_element(n->g) && !(n->flags & DN_SKIP);
}

struct group {
	size_t parent;
	size_t first;     /* the first member */
	uint32_t total;   /* plain text of all members */
	uint32_t most;    /* of which in the largest member */
	size_t count;
};

/* Text in a repeated structure: what the members hold besides the largest.
 * Wrappers that happen to be alike (a page header and the page body, both
 * plain <div>s) have one member that holds nearly everything, posts do not. */
static uint32_t repeated_text(const struct group *g)
{
	return g->total - g->most;
}

/* The repeated post structure: among the children of every element, the
 * members of one tag and class kind (two or more with text) with the most
 * repeated text. parent SIZE_MAX when there is none. */
static struct group find_posts(const struct dom *d)
{
	struct group best = { SIZE_MAX, 0, 0, 0, 0 };
	for (size_t p = 0; p < d->n; p++) {
		const struct dnode *pn = &d->nodes[p];
		if (!usable(pn) || plain_text(pn) <= repeated_text(&best))
			continue;
		size_t seen = 0;
		for (size_t c = p + 1; c < pn->end && seen < 300; c = d->nodes[c].end, seen++) {
			const struct dnode *cn = &d->nodes[c];
			if (!usable(cn) || !may_be_post(dom_tag(cn)) || !plain_text(cn))
				continue;
			/* counted once, from its first member */
			int earlier = 0;
			for (size_t e = p + 1; e < c && !earlier; e = d->nodes[e].end)
				earlier = usable(&d->nodes[e]) && plain_text(&d->nodes[e]) && same_kind(&d->nodes[e], cn);
			if (earlier)
				continue;
			struct group g = { p, c, 0, 0, 0 };
			for (size_t s = c; s < pn->end; s = d->nodes[s].end)
				if (usable(&d->nodes[s]) && plain_text(&d->nodes[s]) && same_kind(&d->nodes[s], cn)) {
					uint32_t len = plain_text(&d->nodes[s]);
					g.total += len;
					if (len > g.most)
						g.most = len;
					g.count++;
				}
			if (g.count >= 2 && repeated_text(&g) > repeated_text(&best))
				best = g;
		}
	}
	return best;
}

static int has_class(const struct dnode *n)
{
	const char *cls = dom_attr(n->g, "class");
	return cls && *cls;
}

/* 1 if the subtree of node i holds an element of the post's kind: a reply
 * nested in a post (a comment tree), never its furniture nor its body.
 * Posts without a class are told apart by nothing: no nesting is seen. */
static int holds_posts(const struct dom *d, size_t i, size_t post)
{
	if (!has_class(&d->nodes[post]))
		return 0;
	for (size_t c = i + 1; c < d->nodes[i].end; c++)
		if (usable(&d->nodes[c]) && same_kind(&d->nodes[c], &d->nodes[post]))
			return 1;
	return 0;
}

/* The child of node i that holds most of its own text (nested replies not
 * counted), if it holds two fifths of it and is a wrapper rather than a
 * paragraph; SIZE_MAX otherwise. */
static size_t dominant_child(const struct dom *d, size_t i, size_t post)
{
	const struct dnode *n = &d->nodes[i];
	size_t best = SIZE_MAX;
	uint32_t own = n->text_len;
	for (size_t c = i + 1; c < n->end; c = d->nodes[c].end) {
		if (!usable(&d->nodes[c]))
			continue;
		if (holds_posts(d, c, post))
			own -= d->nodes[c].text_len;
		else if (best == SIZE_MAX || d->nodes[c].text_len > d->nodes[best].text_len)
			best = c;
	}
	if (best == SIZE_MAX || d->nodes[best].text_len * 5 < own * 2 || is_text_block(dom_tag(&d->nodes[best])))
		return SIZE_MAX;
	return best;
}

/* 1 if two elements have the same class value, or none. */
static int same_class(const struct dnode *a, const struct dnode *b)
{
	const char *ca = dom_attr(a->g, "class"), *cb = dom_attr(b->g, "class");
	return ca && cb ? strcmp(ca, cb) == 0 : ca == cb;
}

/* The child of node i of the same kind as node `like`, and no nested
 * replies: the one with like's very class if there is one ("message-cell
 * message-cell--main", not its sibling "message-cell message-cell--user",
 * which may hold more text beside a short post), else the one that holds
 * the most text. */
static size_t child_like(const struct dom *d, size_t i, size_t like, size_t post)
{
	size_t best = SIZE_MAX;
	int exact = 0;
	for (size_t c = i + 1; c < d->nodes[i].end; c = d->nodes[c].end) {
		if (!usable(&d->nodes[c]) || !same_kind(&d->nodes[c], &d->nodes[like]) || holds_posts(d, c, post))
			continue;
		int ex = same_class(&d->nodes[c], &d->nodes[like]);
		if (best == SIZE_MAX || ex > exact || (ex == exact && d->nodes[c].text_len > d->nodes[best].text_len)) {
			best = c;
			exact = ex;
		}
	}
	return best;
}

/* The children of `at` beside `keep` with text, up to META_RATIO times
 * keep's, are the post's furniture; nested replies are not. */
static void mark_beside(struct dom *d, size_t at, size_t keep, size_t post)
{
	for (size_t c = at + 1; c < d->nodes[at].end; c = d->nodes[c].end) {
		struct dnode *s = &d->nodes[c];
		if (c != keep && usable(s) && s->text_len && s->text_len <= META_RATIO * d->nodes[keep].text_len &&
		    !holds_posts(d, c, post))
			s->flags |= DN_POST_META;
	}
}

/* One step down the chain in every post still on it (cur[j], SIZE_MAX for
 * a post off it). Each post proposes the kind of its largest child; the
 * kind that holds the most text over all posts wins, if three fifths of
 * the posts have a child of that kind (a post whose replies outgrow its
 * body still follows the body's kind). dom is scratch of the same length.
 * Returns 0 when the chain ends. */
static int step_down(struct dom *d, size_t *cur, size_t *dom, size_t k, size_t post)
{
	size_t alive = 0;
	for (size_t j = 0; j < k; j++) {
		dom[j] = cur[j] == SIZE_MAX ? SIZE_MAX : dominant_child(d, cur[j], post);
		alive += cur[j] != SIZE_MAX;
	}
	uint64_t text_best = 0;
	size_t like = SIZE_MAX, kinds = 0;
	for (size_t j = 0; j < k && kinds < MAX_KINDS; j++) {
		if (dom[j] == SIZE_MAX)
			continue;
		size_t e = 0;
		while (e < j && (dom[e] == SIZE_MAX || !same_kind(&d->nodes[dom[e]], &d->nodes[dom[j]])))
			e++;
		if (e < j)
			continue; /* that kind was counted already */
		kinds++;
		uint64_t text = 0;
		size_t have = 0;
		for (size_t o = 0; o < k; o++) {
			size_t c = cur[o] == SIZE_MAX ? SIZE_MAX : child_like(d, cur[o], dom[j], post);
			if (c != SIZE_MAX) {
				have++;
				text += d->nodes[c].text_len;
			}
		}
		if (have * 5 >= alive * 3 && text > text_best) {
			text_best = text;
			like = dom[j];
		}
	}
	if (like == SIZE_MAX)
		return 0;
	for (size_t j = 0; j < k; j++) {
		if (cur[j] == SIZE_MAX)
			continue;
		size_t next = child_like(d, cur[j], like, post);
		if (next != SIZE_MAX) {
			mark_beside(d, cur[j], next, post);
			d->nodes[next].flags &= ~(uint32_t)DN_BOILER; /* it holds the body */
		}
		cur[j] = next;
	}
	return 1;
}

/* Short elements beside the posts that repeat among themselves (the reply
 * and page bars above and below the thread) are the thread's furniture. */
static void mark_thread_bars(struct dom *d, const struct group *g)
{
	const struct dnode *pn = &d->nodes[g->parent];
	for (size_t c = g->parent + 1; c < pn->end; c = d->nodes[c].end) {
		struct dnode *cn = &d->nodes[c];
		if (!usable(cn) || !cn->text_len || cn->text_len >= SHORT_BAR || is_text_block(dom_tag(cn)) ||
		    same_kind(cn, &d->nodes[g->first]))
			continue;
		for (size_t o = g->parent + 1; o < pn->end; o = d->nodes[o].end)
			if (o != c && usable(&d->nodes[o]) && d->nodes[o].text_len < SHORT_BAR && same_kind(&d->nodes[o], cn)) {
				cn->flags |= DN_POST_META;
				break;
			}
	}
}

/* 1 if node n is furniture for its comment name alone ("comments", not
 * "comment-meta"). */
static int comment_named(const struct dnode *n)
{
	return (n->flags & DN_BOILER) && classify_word_is_comments(n->boiler_word) &&
	       !classify_names_furniture(dom_attr(n->g, "class")) && !classify_names_furniture(dom_attr(n->g, "id"));
}

/* DN_UNDER_BOILER again, after posts and their body chains lost DN_BOILER. */
static void settle_under_boiler(struct dom *d)
{
	for (size_t i = 0; i < d->n; i++) {
		struct dnode *c = &d->nodes[i];
		c->flags &= ~(uint32_t)DN_UNDER_BOILER;
		if (c->parent != UINT32_MAX && (d->nodes[c->parent].flags & (DN_BOILER | DN_UNDER_BOILER)))
			c->flags |= DN_UNDER_BOILER;
	}
}

struct forum_posts forum_mark_post_furniture(struct dom *d)
{
	struct group g = find_posts(d);
	struct forum_posts found = { g.parent, g.total };
	if (g.parent == SIZE_MAX)
		return found;
	size_t cap = MAX_POSTS;
	size_t *cur = malloc(2 * cap * sizeof *cur); /* the chain's position in each post, then scratch */
	if (!cur)
		return found; /* out of memory: the posts stay whole */
	size_t k = 0;
	const struct dnode *pn = &d->nodes[g.parent];
	/* the posts, and the replies nested in them (a comment tree) */
	for (size_t s = g.first; s < pn->end && k < MAX_POSTS; s++)
		if (usable(&d->nodes[s]) && plain_text(&d->nodes[s]) && same_kind(&d->nodes[s], &d->nodes[g.first]) &&
		    (d->nodes[s].parent == g.parent || has_class(&d->nodes[g.first]))) {
			struct dnode *post = &d->nodes[s];
			if (comment_named(post))
				post->flags &= ~(uint32_t)DN_BOILER; /* a post named "comment" */
			cur[k++] = s;
		}
	for (int depth = 0; depth < MAX_CHAIN && step_down(d, cur, cur + cap, k, g.first); depth++)
		;
	free(cur);
	mark_thread_bars(d, &g);
	/* the comment section around the posts is the thread itself, whatever
	 * else its names say ("post-comments hidden-print"): it holds posts */
	for (size_t a = g.parent; a != UINT32_MAX; a = d->nodes[a].parent)
		if ((d->nodes[a].flags & DN_BOILER) && classify_word_is_comments(d->nodes[a].boiler_word))
			d->nodes[a].flags &= ~(uint32_t)DN_BOILER;
	settle_under_boiler(d);
	return found;
}

size_t forum_cover_posts(const struct dom *d, size_t top, struct forum_posts posts)
{
	if (posts.parent == SIZE_MAX || top == SIZE_MAX)
		return top;
	const struct dnode *t = &d->nodes[top];
	if (posts.parent >= top && posts.parent < t->end)
		return top; /* the posts are inside it already */
	if (posts.text < plain_text(t))
		return top; /* the posts hold less than the chosen block: not the thread */
	size_t a = posts.parent;
	while (a != UINT32_MAX && !(top >= a && top < d->nodes[a].end))
		a = d->nodes[a].parent;
	return a == UINT32_MAX ? top : a;
}

/* The best-scored element in the subtree of node i (not i), SIZE_MAX when
 * none scores. */
static size_t best_scored_below(const struct dom *d, size_t i)
{
	size_t best = SIZE_MAX;
	float top = 0;
	for (size_t c = i + 1; c < d->nodes[i].end; c++)
		if (usable(&d->nodes[c]) && d->nodes[c].score > top) {
			top = d->nodes[c].score;
			best = c;
		}
	return best;
}

static void mark_lone_post(struct dom *d, size_t post)
{
	size_t at = post;
	for (int depth = 0; depth < MAX_CHAIN; depth++) {
		size_t best = best_scored_below(d, at);
		if (best == SIZE_MAX)
			return;
		size_t child = best;
		while (d->nodes[child].parent != at)
			child = d->nodes[child].parent;
		if (is_text_block(dom_tag(&d->nodes[child])))
			return;
		mark_beside(d, at, child, post);
		if (child == best)
			return; /* the body itself */
		at = child;
	}
}

float forum_best_score_within(const struct dom *d, size_t i)
{
	float best = 0;
	for (size_t c = i; c < d->nodes[i].end; c++)
		if (usable(&d->nodes[c]) && !(d->nodes[c].flags & (DN_BOILER | DN_UNDER_BOILER)) &&
		    d->nodes[c].score > best)
			best = d->nodes[c].score;
	return best;
}

void forum_mark_question(struct dom *d, struct forum_posts posts, float min_score)
{
	if (posts.parent == SIZE_MAX || d->nodes[posts.parent].parent == UINT32_MAX)
		return;
	size_t up = d->nodes[posts.parent].parent;
	for (size_t c = up + 1; c < posts.parent; c = d->nodes[c].end)
		if (usable(&d->nodes[c]) && forum_best_score_within(d, c) >= min_score)
			mark_lone_post(d, c);
}
