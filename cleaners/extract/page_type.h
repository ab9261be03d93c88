/* page_type.h - what kind of page this is (article, forum thread, product,
 * product collection, listing of links, documentation, service/landing page),
 * judged from general evidence only: structured data (JSON-LD, microdata,
 * OpenGraph), words of the URL, and the shape of the DOM. One pass over the
 * flat DOM array collects counted features; a small scored set of features
 * per type then picks the type. */
#ifndef SCRAPE_PAGE_TYPE_H
#define SCRAPE_PAGE_TYPE_H

#include "dom.h"

#include <stdint.h>

enum page_type {
	PAGE_ARTICLE = 0,
	PAGE_FORUM,
	PAGE_PRODUCT,
	PAGE_COLLECTION,
	PAGE_LISTING,
	PAGE_DOCUMENTATION,
	PAGE_SERVICE,
	PAGE_TYPE_COUNT
};

/* The counted evidence. Structured-data and URL features are 0/1; DOM
 * features are counts over the page (outside <script>/<style>). */
enum page_feature {
	/* structured data: JSON-LD @type, microdata itemtype, og:type */
	PF_SD_ARTICLE,      /* Article, NewsArticle, BlogPosting, Report, Recipe... */
	PF_SD_TECH,         /* TechArticle, APIReference, SoftwareSourceCode */
	PF_SD_FORUM,        /* DiscussionForumPosting, QAPage, Question, Answer */
	PF_SD_PRODUCT,      /* Product, ProductGroup, Offer, AggregateOffer */
	PF_SD_COLLECTION,   /* CollectionPage, ItemList, OfferCatalog, SearchResultsPage */
	PF_SD_SERVICE,      /* Service, SoftwareApplication, LocalBusiness and kin */
	PF_SD_FAQ,          /* FAQPage */
	PF_SD_ORG_PAGE,     /* WebPage, AboutPage, ContactPage, WebSite: a page, not a post */
	PF_OG_ARTICLE,      /* og:type article (or a kind of it) */
	PF_OG_PRODUCT,      /* og:type product (og:product, product.item) */
	PF_OG_WEBSITE,      /* og:type website */
	PF_PUBLISHED,       /* a publication date: article:published_time, datePublished */
	PF_BYLINE,          /* an author: meta author, rel=author, a "byline" element */
	/* URL words (path, and the first label of the host) */
	PF_URL_FORUM,       /* forum, thread, topic, questions, discussion, /t/ */
	PF_URL_PRODUCT,     /* product, /p/, /dp/, item, itm, listing/<id> */
	PF_URL_COLLECTION,  /* collections, category, /c/, shop, catalog, browse */
	PF_URL_LISTING,     /* news, blog, tag, archive, search, page/N */
	PF_URL_DOCS,        /* docs, documentation, api, reference, guide, manual, wiki */
	PF_URL_SERVICE,     /* services, solutions, pricing, features, platform */
	PF_URL_ARTICLE,     /* a date in the path, a long slug of words */
	PF_URL_ROOT,        /* the home page: empty path */
	PF_URL_DEPTH,       /* path segments */
	/* DOM shape */
	PF_ARTICLES,        /* <article> elements */
	PF_SECTIONS,        /* <section> elements */
	PF_PRE,             /* <pre> blocks with text */
	PF_CODE,            /* inline <code> */
	PF_H1, PF_H2, PF_H3,
	PF_PARAS,           /* <p> with text */
	PF_LONG_PARAS,      /* <p> with >= 150 characters */
	PF_TIMES,           /* <time> elements */
	PF_FORMS,           /* <form> */
	PF_BUTTONS,         /* <button>, <input type=submit> */
	PF_CTA_LINKS,       /* links named or classed as buttons ("btn", "cta") */
	PF_PRICES,          /* short texts that read as a price: "$19.99", "12,50 €" */
	PF_CART,            /* add-to-cart class names and button words */
	PF_POST_NAMES,      /* class/id naming a post, message, reply, answer */
	PF_USER_NAMES,      /* class/id naming a user, author, avatar, username */
	PF_PRODUCT_NAMES,   /* class/id naming a product, price, sku */
	PF_CARD_NAMES,      /* class/id naming a card, tile, teaser, grid item */
	PF_DOC_NAMES,       /* class/id naming a toc, sidebar doc nav, docs, api */
	PF_MARKETING_NAMES, /* class/id naming hero, cta, pricing, testimonial, feature */
	PF_CARD_RUN,        /* largest run of like siblings, each with a link and short text */
	PF_CARD_PRICED,     /* of which hold a price */
	PF_HEADING_LINKS,   /* headings that are (mostly) a link: teaser titles */
	PF_PARA_TEXT,       /* characters in <p> with >= 150 characters: running prose */
	PF_HEADING_ANCHORS, /* headings holding a link to themselves ("#name"): docs */
	PF_DOC_TOOL,        /* meta generator names a documentation tool (Sphinx, MkDocs...) */
	PF_EDIT_LINKS,      /* "edit this page" links into a repository, rel=next/prev */
	PF_TEL_LINKS,       /* tel: links: a business to call */
	PF_SHARE_NAMES,     /* class/id naming share buttons: a story to pass on */
	PF_COMMENT_NAMES,   /* class/id naming a comment section */
	PF_IMAGES,          /* <img> and <picture> */
	PF_SVGS,            /* inline <svg>: icons of a landing page */
	PF_CTA_WORDS,       /* button and link texts that ask to act: "get started" */
	PF_TITLE_LINKS,     /* links with a title's length of text (30-200 characters) */
	PF_H1_WORDS,        /* words of the first <h1>: headlines are sentences, names are short */
	PF_TEXT,            /* visible characters */
	PF_LINK_TEXT,       /* of which in links */
	PF_COUNT
};

struct page_features {
	uint32_t f[PF_COUNT];
};

/* Collects the features of a parsed page. `url` (canonical or given) may be
 * NULL. */
void page_type_features(struct page_features *pf, const struct dom *d, const char *url);
/* The type with the highest score; scores[] (PAGE_TYPE_COUNT) if not NULL. */
enum page_type page_type_classify(const struct page_features *pf, int *scores);
/* Both at once. */
enum page_type page_type_detect(const struct dom *d, const char *url);

/* "article", "forum", "product", "collection", "listing", "documentation",
 * "service". */
const char *page_type_name(enum page_type t);
/* The feature's name, for debugging and tests. */
const char *page_feature_name(enum page_feature f);

#endif
