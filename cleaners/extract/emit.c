#include "emit.h"
#include "classify.h"
#include "scrape.h"
#include "trace.h"

#include <stdlib.h>
#include <string.h>

/* How an element affects the text flow. */
enum flow {
	FLOW_INLINE,  /* text joins the current block */
	FLOW_BLOCK,   /* starts and ends a block */
	FLOW_CELL,    /* a table cell: separated, not broken */
	FLOW_DROP     /* left out with its subtree */
};

static enum flow flow_of(GumboTag t)
{
	switch (t) {
	case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE:
	case GUMBO_TAG_MAIN: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
	case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_UL:
	case GUMBO_TAG_OL: case GUMBO_TAG_LI: case GUMBO_TAG_DL: case GUMBO_TAG_DT:
	case GUMBO_TAG_DD: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: case GUMBO_TAG_TABLE:
	case GUMBO_TAG_TR: case GUMBO_TAG_THEAD: case GUMBO_TAG_TBODY: case GUMBO_TAG_TFOOT:
	case GUMBO_TAG_CAPTION: case GUMBO_TAG_FIGURE: case GUMBO_TAG_ADDRESS:
	case GUMBO_TAG_CENTER: case GUMBO_TAG_BODY: case GUMBO_TAG_HTML: case GUMBO_TAG_HR:
	case GUMBO_TAG_DETAILS: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_FIELDSET:
		return FLOW_BLOCK;
	case GUMBO_TAG_TD: case GUMBO_TAG_TH:
		return FLOW_CELL;
	case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_IMG:
	case GUMBO_TAG_SOURCE: case GUMBO_TAG_AREA: case GUMBO_TAG_MAP:
		return FLOW_DROP;
	default:
		return FLOW_INLINE;
	}
}

struct open_el {
	size_t index;
	size_t end;
	enum flow flow;
};

struct emitter {
	struct block_list *out;
	const struct dom *d;
	struct textbuf tb;
	struct open_el *stack;
	size_t sp, cap;
	unsigned next_group;
	unsigned keep;  /* EMIT_KEEP_* */
	int rc;
	size_t mute_end;  /* inside a dropped element that holds kept (DN_KEEP) ones: only those speak */
	int forced;       /* the text being built holds DN_KEEP text */
	size_t card_end;  /* inside a card (DN_CARD): its links and details are content */
	size_t cards_end; /* inside a card of a grid (DN_CARDS): its links and named parts are content */
};

/* The kind of block that text at the current position belongs to. */
static void current_kind(const struct emitter *e, enum block_kind *kind, int *level, unsigned *group)
{
	*kind = BLOCK_PARAGRAPH;
	*level = 0;
	*group = 0;
	for (size_t i = e->sp; i-- > 0;) {
		const struct dnode *n = &e->d->nodes[e->stack[i].index];
		GumboTag t = dom_tag(n);
		switch (t) {
		case GUMBO_TAG_PRE:
			*kind = BLOCK_PRE;
			return;
		case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
		case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
			*kind = BLOCK_HEADING;
			*level = (int)(t - GUMBO_TAG_H1) + 1;
			return;
		case GUMBO_TAG_LI:
			*kind = BLOCK_LIST_ITEM;
			if (n->parent != UINT32_MAX) {
				*group = n->parent + 1;
				*level = dom_tag(&e->d->nodes[n->parent]) == GUMBO_TAG_OL;
			}
			return;
		case GUMBO_TAG_TR:
			*kind = BLOCK_TABLE_ROW;
			/* the table is the nearest <table> ancestor */
			for (size_t j = i; j-- > 0;)
				if (dom_tag(&e->d->nodes[e->stack[j].index]) == GUMBO_TAG_TABLE) {
					*group = (unsigned)e->stack[j].index + 1;
					break;
				}
			return;
		case GUMBO_TAG_BLOCKQUOTE:
			*kind = BLOCK_QUOTE;
			return;
		default:
			break;
		}
	}
}

static int in_pre(const struct emitter *e)
{
	for (size_t i = e->sp; i-- > 0;)
		if (dom_tag(&e->d->nodes[e->stack[i].index]) == GUMBO_TAG_PRE)
			return 1;
	return 0;
}

static int in_table_row(const struct emitter *e)
{
	for (size_t i = e->sp; i-- > 0;) {
		GumboTag t = dom_tag(&e->d->nodes[e->stack[i].index]);
		if (t == GUMBO_TAG_TR)
			return 1;
		if (t == GUMBO_TAG_TABLE)
			return 0;
	}
	return 0;
}

static void flush(struct emitter *e)
{
	size_t len;
	const char *s = textbuf_trimmed(&e->tb, &len);
	if (len) {
		enum block_kind kind;
		int level;
		unsigned group;
		current_kind(e, &kind, &level, &group);
		if (blocks_add(e->out, kind, level, group, s, len))
			e->rc = SCRAPE_ENOMEM;
		else
			e->out->v[e->out->n - 1].forced = e->forced;
	}
	e->forced = 0;
	textbuf_clear(&e->tb);
}

/* Closes open elements that end at or before node i. */
static void close_until(struct emitter *e, size_t i)
{
	while (e->sp && e->stack[e->sp - 1].end <= i) {
		struct open_el el = e->stack[e->sp - 1];
		if (el.flow == FLOW_BLOCK) {
			flush(e);
		} else if (el.flow == FLOW_CELL) {
			/* cells of a row are separated by a tab; the renderer formats them */
			size_t len;
			textbuf_trimmed(&e->tb, &len);
			if (len) {
				buf_putc(&e->tb.b, '\t');
				e->tb.pending_space = 0;
			}
		}
		e->sp--;
	}
}

/* Links-only containers inside the content: "read more" lists, tag lists.
 * With EMIT_KEEP_CARDS the text of card links does not count as links. */
static int is_link_furniture(const struct dnode *n, unsigned keep)
{
	GumboTag t = dom_tag(n);
	if (n->text_len == 0)
		return 0;
	uint32_t links = n->link_len - ((keep & EMIT_KEEP_CARDS) ? n->card_len : 0);
	float ld = (float)links / (float)n->text_len;
	switch (t) {
	case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION:
	case GUMBO_TAG_TABLE: case GUMBO_TAG_DL:
		return n->commas < 10 && ld > 0.5f;
	case GUMBO_TAG_P: case GUMBO_TAG_LI:
		return ld > 0.8f && n->text_len < 200;
	default:
		return 0;
	}
}

static void walk(struct emitter *e, size_t root)
{
	const struct dom *d = e->d;
	size_t end = d->nodes[root].end;
	for (size_t i = root; i < end && !e->rc;) {
		close_until(e, i);
		const struct dnode *n = &d->nodes[i];
		if (i < e->mute_end && !(n->flags & DN_KEEP)) {
			i++; /* inside a dropped element, outside what it keeps */
			continue;
		}
		if (n->flags & DN_TEXT) {
			const char *s = n->g->v.text.text;
			if (n->flags & DN_SKIP) {
				i++;
				continue;
			}
			trace_text(d->trace, i, e->out->n);
			if (n->flags & DN_KEEP)
				e->forced = 1;
			if (in_pre(e))
				textbuf_add_raw(&e->tb, s, strlen(s));
			else
				textbuf_add(&e->tb, s, strlen(s));
			i++;
			continue;
		}
		GumboTag t = dom_tag(n);
		enum flow f = flow_of(t);
		if ((n->flags & DN_CARD) && n->end > e->card_end)
			e->card_end = n->end;
		/* in a card, links and names of its details (date, author, caption)
		 * are content; text for screen readers only repeats a shown label */
		unsigned keep = e->keep;
		if (i < e->card_end)
			keep |= EMIT_KEEP_LINKS | (classify_word_is_screen_reader(n->boiler_word) ? 0 : EMIT_KEEP_BOILER);
		enum trace_why why = (n->flags & DN_SKIP) ? TRACE_SKIP
				     : (n->flags & DN_KEEP) ? TRACE_NONE
				     : f == FLOW_DROP ? TRACE_TAG
				     : i == root ? TRACE_NONE
				     : (n->flags & DN_POST_META) ? TRACE_POST_META
				     : ((n->flags & DN_BOILER) && !(keep & EMIT_KEEP_BOILER) && i >= e->cards_end) ? TRACE_BOILER
				     : (!(keep & EMIT_KEEP_LINKS) && i >= e->cards_end && !(n->flags & (DN_CARDS | DN_HAS_CARDS)) &&
					is_link_furniture(n, keep)) ? TRACE_LINKS
				     : TRACE_NONE;
		int drop = why != TRACE_NONE;
		if (drop)
			trace_drop(d->trace, i, why);
		if (drop && (n->flags & DN_HAS_KEEP)) {
			/* left out, but for the kept elements inside it */
			if (n->end > e->mute_end)
				e->mute_end = n->end;
			i++;
			continue;
		}
		if (drop) {
			/* a dropped inline element still separates words on either side */
			if (f == FLOW_INLINE && !(n->flags & DN_SKIP))
				textbuf_soft_space(&e->tb);
			i = n->end;
			continue;
		}
		/* inside a card (DN_CARDS under DN_CARDS) nothing is link furniture,
		 * and names of furniture name parts of the card ("caption", "meta") */
		if ((n->flags & DN_CARDS) && n->parent != UINT32_MAX && (d->nodes[n->parent].flags & DN_CARDS) &&
		    n->end > e->cards_end)
			e->cards_end = n->end;
		if (t == GUMBO_TAG_BR) {
			if (in_table_row(e))
				textbuf_space(&e->tb);
			else if (textbuf_newline(&e->tb))
				flush(e);
			i++;
			continue;
		}
		if (f == FLOW_BLOCK && in_table_row(e))
			f = FLOW_INLINE, textbuf_space(&e->tb);
		if (f == FLOW_BLOCK)
			flush(e);
		if (e->sp == e->cap) {
			size_t cap = e->cap ? e->cap * 2 : 64;
			struct open_el *p = realloc(e->stack, cap * sizeof *p);
			if (!p) {
				e->rc = SCRAPE_ENOMEM;
				return;
			}
			e->stack = p;
			e->cap = cap;
		}
		e->stack[e->sp++] = (struct open_el){ i, n->end, f };
		i++;
	}
	close_until(e, SIZE_MAX);
	flush(e);
}

/* The subtrees to emit: the chosen ones (or the one a "main" rule chose),
 * plus the kept (DN_KEEP) subtrees outside them, in document order. *out is
 * malloc'd (the caller frees it). Returns the count, or SIZE_MAX when out of
 * memory. */
static size_t with_rules(const struct dom *d, const size_t *roots, size_t n, size_t **out)
{
	size_t forced_root = d->forced_main ? d->forced_main - 1 : 0;
	if (d->forced_main) {
		roots = &forced_root;
		n = 1;
	}
	size_t cap = n + 8, k = 0;
	size_t *v = malloc(cap * sizeof *v);
	if (!v)
		return SIZE_MAX;
	int keeps = d->n && (d->nodes[0].flags & (DN_KEEP | DN_HAS_KEEP));
	size_t r = 0;
	for (size_t i = 0; i < d->n && (keeps || r < n);) {
		const struct dnode *nd = &d->nodes[i];
		int root = r < n && roots[r] == i;
		if (root || (keeps && (nd->flags & DN_KEEP) && !(nd->flags & DN_SKIP))) {
			if (k == cap) {
				size_t *p = realloc(v, 2 * cap * sizeof *p);
				if (!p) {
					free(v);
					return SIZE_MAX;
				}
				v = p;
				cap *= 2;
			}
			v[k++] = i;
			i = nd->end;
			while (r < n && roots[r] < i) /* chosen roots inside a kept subtree */
				r++;
		} else if (!keeps) {
			i = roots[r];
		} else {
			i++;
		}
	}
	*out = v;
	return k;
}

int emit_blocks(struct block_list *out, const struct dom *d, const size_t *roots, size_t n, unsigned flags)
{
	struct emitter e;
	memset(&e, 0, sizeof e);
	e.keep = flags;
	e.out = out;
	e.d = d;
	size_t *all = NULL;
	size_t na = with_rules(d, roots, n, &all);
	if (na == SIZE_MAX)
		return SCRAPE_ENOMEM;
	if (d->trace) {
		d->trace->nroots = 0;
		for (size_t r = 0; r < na && r < TRACE_MAX_ROOTS; r++)
			d->trace->roots[d->trace->nroots++] = all[r];
	}
	for (size_t r = 0; r < na && !e.rc; r++)
		walk(&e, all[r]);
	buf_free(&e.tb.b);
	free(e.stack);
	free(all);
	return e.rc;
}
