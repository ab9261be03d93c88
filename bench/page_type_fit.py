#!/usr/bin/env python3
"""Fits and checks the weights of the page-type classifier.

The rules below are the yes/no features of cleaners/extract/page_type.c, each
counting for one type. A logistic regression (softmax over the seven types,
each type's score the sum of its rules' weights, L2-regularised, plain SGD)
fits the weights on one half of the pages, by id parity, and is checked on
the other; weights times --scale, rounded, are the integers page_type.c uses.
Standard library only.

  build/page_type_features ../shared/bench/wcxb-dev/pages/*.gz >features.jsonl
  bench/page_type_fit.py --features features.jsonl --truth ../shared/bench/wcxb-dev/truth \
      [--train even|odd|all] [--scale 3]

Also prints the accuracy of the C classifier itself (the "pred" field), which
must equal that of the integer weights when page_type.c holds them.
"""

import argparse
import json
import math
import os
import random

TYPES = ("article", "forum", "product", "collection", "listing", "documentation", "service")


def prose(r):
    return r["para_text"] / max(r["text"], 1)


def linked(r):
    return r["link_text"] / max(r["text"], 1)


# (type, name, predicate), in the order of page_type.c
RULES = [
    ("article", "prior", lambda r: True),
    ("article", "sd_article", lambda r: r["sd_article"]),
    ("article", "og_article", lambda r: r["og_article"]),
    ("article", "byline", lambda r: r["byline"]),
    ("article", "byline+published", lambda r: r["byline"] and r["published"]),
    ("article", "url_article", lambda r: r["url_article"]),
    ("article", "prose>=40%", lambda r: prose(r) >= 0.4),
    ("article", "times 1-4", lambda r: 1 <= r["times"] <= 4),
    ("article", "h1_words>=7", lambda r: r["h1_words"] >= 7),
    ("article", "share_names", lambda r: r["share_names"] >= 1),
    ("article", "comment_names", lambda r: r["comment_names"] >= 1),
    ("article", "articles 1-3", lambda r: 1 <= r["articles"] <= 3),
    ("forum", "prior", lambda r: True),
    ("forum", "sd_forum", lambda r: r["sd_forum"]),
    ("forum", "url_forum", lambda r: r["url_forum"]),
    ("forum", "times>=5", lambda r: r["times"] >= 5),
    ("forum", "user_names>=10", lambda r: r["user_names"] >= 10),
    ("forum", "comment_names>=20", lambda r: r["comment_names"] >= 20),
    ("forum", "post_names>=10", lambda r: r["post_names"] >= 10),
    ("forum", "post_names>=50", lambda r: r["post_names"] >= 50),
    ("product", "prior", lambda r: True),
    ("product", "sd_product", lambda r: r["sd_product"]),
    ("product", "og_product", lambda r: r["og_product"]),
    ("product", "url_product", lambda r: r["url_product"]),
    ("product", "cart", lambda r: r["cart"] >= 1),
    ("product", "prices 1-15", lambda r: 1 <= r["prices"] <= 15),
    ("collection", "prior", lambda r: True),
    ("collection", "card_priced>=4", lambda r: r["card_priced"] >= 4),
    ("collection", "url_collection", lambda r: r["url_collection"]),
    ("collection", "sd_collection", lambda r: r["sd_collection"]),
    ("collection", "product_names>=40", lambda r: r["product_names"] >= 40),
    ("collection", "prices>=15", lambda r: r["prices"] >= 15),
    ("collection", "h1_words 1-3", lambda r: 1 <= r["h1_words"] <= 3),
    ("collection", "title_links>=15", lambda r: r["title_links"] >= 15),
    ("collection", "svgs>=10", lambda r: r["svgs"] >= 10),
    ("listing", "prior", lambda r: True),
    ("listing", "url_listing=2", lambda r: r["url_listing"] >= 2),
    ("listing", "url_root", lambda r: r["url_root"]),
    ("listing", "card_run>=8 unpriced", lambda r: r["card_run"] >= 8 and r["card_priced"] < 3),
    ("listing", "title_links>=15", lambda r: r["title_links"] >= 15),
    ("listing", "title_links>=30", lambda r: r["title_links"] >= 30),
    ("listing", "title_links>long_paras+5", lambda r: r["title_links"] > r["long_paras"] + 5),
    ("listing", "heading_links>=6", lambda r: r["heading_links"] >= 6),
    ("listing", "prose<20%", lambda r: prose(r) < 0.2),
    ("listing", "linked>30%", lambda r: linked(r) > 0.3),
    ("listing", "h1_words<=3", lambda r: r["h1_words"] <= 3),
    ("documentation", "prior", lambda r: True),
    ("documentation", "url_docs", lambda r: r["url_docs"]),
    ("documentation", "sd_tech", lambda r: r["sd_tech"]),
    ("documentation", "doc_tool", lambda r: r["doc_tool"]),
    ("documentation", "pre>=3", lambda r: r["pre"] >= 3),
    ("documentation", "pre>=10", lambda r: r["pre"] >= 10),
    ("documentation", "code>=10", lambda r: r["code"] >= 10),
    ("documentation", "doc_names>=3", lambda r: r["doc_names"] >= 3),
    ("documentation", "doc_names>=20", lambda r: r["doc_names"] >= 20),
    ("documentation", "heading_anchors>=2", lambda r: r["heading_anchors"] >= 2),
    ("documentation", "edit_links", lambda r: r["edit_links"] >= 1),
    ("service", "prior", lambda r: True),
    ("service", "url_service", lambda r: r["url_service"]),
    ("service", "url_root", lambda r: r["url_root"]),
    ("service", "sd_service", lambda r: r["sd_service"]),
    ("service", "sd_faq", lambda r: r["sd_faq"]),
    ("service", "short path", lambda r: (r["url_root"] or 1 <= r["url_depth"] <= 2)
     and not r["url_article"]),
    ("service", "marketing_names>=3", lambda r: r["marketing_names"] >= 3),
    ("service", "sections>=5", lambda r: r["sections"] >= 5),
    ("service", "cta_links>=3", lambda r: r["cta_links"] >= 3),
    ("service", "tel_links", lambda r: r["tel_links"] >= 1),
    ("service", "headings over blurbs", lambda r: r["h2"] >= 3 and r["h2"] + r["h3"] >= r["long_paras"]),
    ("service", "cta_words>=2", lambda r: r["cta_words"] >= 2),
]
OWNER = [TYPES.index(t) for t, _, _ in RULES]


def predict(active, w):
    s = [0.0] * len(TYPES)
    for k in active:
        s[OWNER[k]] += w[k]
    best = 0
    for t in range(len(TYPES)):
        if s[t] > s[best]:  # the first type wins a tie, as in page_type.c
            best = t
    return best


def fit(rows, epochs, rate, l2):
    w = [0.0] * len(RULES)
    rng = random.Random(0)
    order = list(rows)
    for _ in range(epochs):
        rng.shuffle(order)
        for active, y in order:
            s = [0.0] * len(TYPES)
            for k in active:
                s[OWNER[k]] += w[k]
            top = max(s)
            e = [math.exp(x - top) for x in s]
            z = sum(e)
            for k in active:
                t = OWNER[k]
                w[k] += rate * ((1.0 if y == t else 0.0) - e[t] / z - l2 * w[k])
    return w


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--features", required=True)
    ap.add_argument("--truth", required=True)
    ap.add_argument("--train", choices=("even", "odd", "all"), default="even")
    ap.add_argument("--scale", type=float, default=3.0)
    ap.add_argument("--epochs", type=int, default=150)
    args = ap.parse_args()
    pages = []
    with open(args.features, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            with open(os.path.join(args.truth, r["id"] + ".json"), encoding="utf-8") as t:
                label = json.load(t)["_internal"]["page_type"]["primary"]
            label = "collection" if label == "category" else label
            active = [k for k, (_, _, p) in enumerate(RULES) if p(r)]
            pages.append((int(r["id"]) % 2, active, TYPES.index(label), r.get("pred")))
    halves = {"even": [p for p in pages if p[0] == 0], "odd": [p for p in pages if p[0] == 1],
              "all": pages}
    w = fit([(a, y) for _, a, y, _ in halves[args.train]], args.epochs, 0.05, 1e-3)
    wi = [round(x * args.scale) for x in w]

    def acc(weights, part):
        rows = halves[part]
        return sum(predict(a, weights) == y for _, a, y, _ in rows) / len(rows)

    print("trained on %s pages" % args.train)
    for name, weights in (("fitted", w), ("integer", wi)):
        print("%-8s accuracy: all %.3f  even %.3f  odd %.3f" % (
            name, acc(weights, "all"), acc(weights, "even"), acc(weights, "odd")))
    if all(p[3] for p in pages):
        c = sum(TYPES[y] == pred for _, _, y, pred in pages) / len(pages)
        print("page_type.c accuracy: all %.3f" % c)
    for (t, name, _), x, n in zip(RULES, w, wi):
        print("  %-14s %-26s %6.2f %4d" % (t, name, x, n))


if __name__ == "__main__":
    main()
