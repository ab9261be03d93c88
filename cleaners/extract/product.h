/* product.h - rules for product pages (page_type.h: PAGE_PRODUCT): what
 * stands beside the product (reviews, carousels of other products) is not
 * its description. Called by extract_content before scoring. */
#ifndef SCRAPE_PRODUCT_H
#define SCRAPE_PRODUCT_H

#include "blocks.h"
#include "dom.h"

/* Product pages keep their description and specifications in tabs and
 * accordions, hidden (style, hidden attribute) until clicked: shows every
 * hidden element that is a tab or accordion panel (classify_is_panel) and
 * is not inside something else that is never content, then recounts the
 * subtree statistics. Returns 1 if it showed any. */
int product_reveal_panels(struct dom *d);

/* Marks as furniture (DN_BOILER, descendants DN_UNDER_BOILER) the elements
 * whose class or id names reviews or carousels of other products, unless
 * they hold nearly all of the page's text. */
void product_mark_asides(struct dom *d);

/* A product page's best block (top: its description, its specifications)
 * may leave out the product's name and buying box, which stand under its
 * <h1>. When top does not hold the page's first visible <h1>, writes to
 * roots (cap >= 2), in document order, the children of the smallest
 * ancestor holding both that lead to each, with the children between them
 * that are not furniture, and returns how many (0: top stands alone). */
size_t product_roots(const struct dom *d, size_t top, size_t *roots, size_t cap);

/* On a product page a block that repeats an earlier one word for word says
 * nothing new (the same description for every variant, a section drawn once
 * for phones and once for desktops, the same labels in each copy): drops
 * every text block (not table rows, preformatted text or kept blocks) whose
 * text equals an earlier block's. SCRAPE_OK or SCRAPE_ENOMEM. */
int product_drop_repeats(struct block_list *l);

#endif
