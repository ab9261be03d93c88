/* The flat DOM over Gumbo's tree (dom.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "arena.h"
#include "dom.h"
#include "scrape.h"

/* Gumbo gives <template> its own node type (GUMBO_NODE_TEMPLATE) with an
 * element payload. Read as a text node, its child vector's pointer bytes
 * were taken for text: garbage in the output, uninitialised reads under
 * valgrind, and output that depended on what the arena held before. */
static void template_is_an_element_and_never_text(void **state)
{
	(void)state;
	static const char html[] = "<html><body><template><p>Inert template content.</p></template>"
				   "<p>Visible text.</p></body></html>";
	struct arena a;
	arena_init(&a, 4096, 0);
	struct dom d;
	assert_int_equal(dom_parse(&d, html, sizeof html - 1, 512, &a), SCRAPE_OK);
	size_t templates = 0;
	for (size_t i = 0; i < d.n; i++) {
		const struct dnode *n = &d.nodes[i];
		if (n->g->type == GUMBO_NODE_TEMPLATE) {
			templates++;
			assert_true(dom_is_element(n->g));
			assert_int_equal(dom_tag(n), GUMBO_TAG_TEMPLATE);
			assert_false(n->flags & DN_TEXT);
			assert_true(n->flags & DN_SKIP);   /* inert: never rendered */
			assert_int_equal(n->text_len, 0);
		}
		if (n->flags & DN_TEXT)
			assert_true(n->g->type != GUMBO_NODE_TEMPLATE && n->g->type != GUMBO_NODE_ELEMENT);
	}
	assert_int_equal(templates, 1);
	/* the document's text is the visible paragraph alone */
	assert_int_equal(d.nodes[0].text_len, strlen("Visible text."));
	dom_free(&d);
	arena_free(&a);
}

/* The same page parsed twice in one arena, with another page between, gives
 * the same statistics: nothing of an earlier page is read. */
static void reused_arena_gives_the_same_tree(void **state)
{
	(void)state;
	static const char page[] = "<body><div><template>x<b>y</b></template><p>One, two, three.</p></div></body>";
	static const char other[] = "<body><p>Something else entirely, with more text in it.</p></body>";
	struct arena a;
	arena_init(&a, 4096, 0);
	uint32_t first[3] = { 0 };
	for (int round = 0; round < 3; round++) {
		struct dom d;
		const char *html = round == 1 ? other : page;
		assert_int_equal(dom_parse(&d, html, strlen(html), 512, &a), SCRAPE_OK);
		if (round == 0) {
			first[0] = d.nodes[0].text_len;
			first[1] = d.nodes[0].commas;
			first[2] = (uint32_t)d.n;
		} else if (round == 2) {
			assert_int_equal(d.nodes[0].text_len, first[0]);
			assert_int_equal(d.nodes[0].commas, first[1]);
			assert_int_equal(d.n, first[2]);
		}
		dom_free(&d);
		arena_reset(&a);
	}
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(template_is_an_element_and_never_text),
		cmocka_unit_test(reused_arena_gives_the_same_tree),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
