/* edit_script.c - see edit_script.h. A table of common-suffix lengths,
 * then one walk from the front. */
#include "edit_script.h"
#include "scrape.h"

#include <stdlib.h>

int edit_script(unsigned char **ops, size_t *nops, size_t *common, size_t na, size_t nb,
		edit_same_fn same, const void *ctx, size_t max_cells)
{
	*ops = NULL;
	*nops = *common = 0;
	if (na && nb > max_cells / na)
		return SCRAPE_ELIMIT;
	size_t w = nb + 1;
	unsigned *dp = calloc((na + 1) * w, sizeof *dp);
	unsigned char *v = malloc(na + nb + 1);
	if (!dp || !v) {
		free(dp);
		free(v);
		return SCRAPE_ENOMEM;
	}
	for (size_t i = na; i-- > 0;)
		for (size_t j = nb; j-- > 0;)
			dp[i * w + j] = same(ctx, i, j) ? dp[(i + 1) * w + j + 1] + 1
				: dp[(i + 1) * w + j] > dp[i * w + j + 1] ? dp[(i + 1) * w + j] : dp[i * w + j + 1];
	size_t n = 0, i = 0, j = 0;
	while (i < na || j < nb) {
		if (i < na && j < nb && same(ctx, i, j))
			v[n++] = EDIT_KEEP, i++, j++;
		else if (i < na && (j == nb || dp[(i + 1) * w + j] >= dp[i * w + j + 1]))
			v[n++] = EDIT_DELETE, i++;
		else
			v[n++] = EDIT_INSERT, j++;
	}
	*common = dp[0];
	free(dp);
	*ops = v;
	*nops = n;
	return SCRAPE_OK;
}
