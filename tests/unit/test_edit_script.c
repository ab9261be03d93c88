/* The shortest edit script between two sequences (edit_script.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "edit_script.h"
#include "scrape.h"

static int same_char(const void *ctx, size_t i, size_t j)
{
	const char *const *ab = ctx;
	return ab[0][i] == ab[1][j];
}

/* The script as a string: '=' kept, '-' deleted, '+' inserted. */
static char *script(const char *a, const char *b, size_t *common, int *rc, size_t max_cells)
{
	const char *ab[2] = { a, b };
	unsigned char *ops = NULL;
	size_t nops = 0;
	*rc = edit_script(&ops, &nops, common, strlen(a), strlen(b), same_char, ab, max_cells);
	char *s = calloc(nops + 1, 1);
	assert_non_null(s);
	for (size_t k = 0; k < nops; k++)
		s[k] = ops[k] == EDIT_KEEP ? '=' : ops[k] == EDIT_DELETE ? '-' : '+';
	free(ops);
	return s;
}

static void keeps_the_longest_common_part(void **state)
{
	(void)state;
	size_t common;
	int rc;
	char *s = script("abcde", "abxde", &common, &rc, 1000);
	assert_int_equal(rc, SCRAPE_OK);
	assert_int_equal(common, 4);
	assert_string_equal(s, "==-+==");  /* the deletion comes before the insertion */
	free(s);
	s = script("", "ab", &common, &rc, 1000);
	assert_int_equal(rc, SCRAPE_OK);
	assert_int_equal(common, 0);
	assert_string_equal(s, "++");
	free(s);
	s = script("kitten", "sitting", &common, &rc, 1000);
	assert_int_equal(common, 4);                  /* i, t, t, n */
	assert_string_equal(s, "-+===-+=+");
	free(s);
}

static void too_large_is_a_limit_not_an_allocation(void **state)
{
	(void)state;
	size_t common;
	int rc;
	char *s = script("abcd", "abcd", &common, &rc, 15);
	assert_int_equal(rc, SCRAPE_ELIMIT);
	assert_string_equal(s, "");
	free(s);
	s = script("abcd", "abcd", &common, &rc, 16);
	assert_int_equal(rc, SCRAPE_OK);
	assert_string_equal(s, "====");
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(keeps_the_longest_common_part),
		cmocka_unit_test(too_large_is_a_limit_not_an_allocation),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
