/* SPDX-License-Identifier: MIT */
#ifndef QUOTH_EXTRACT_H
#define QUOTH_EXTRACT_H

#include "article.h"
#include "record.h"

/* The version of the extraction rules (readers, quote spans, attribution,
 * countries). Raise it with any change that changes the records of some
 * article: `quoth index` re-extracts what an older version indexed. */
#define EXTRACT_RULES_VERSION 3

/* Runs the text stages on one article (quote spans, attribution, country
 * mentions, ids) and hands each quote's record to sink, in text order.
 * Returns the number of records, or -1 when the sink stopped. */
long extract_article(const struct article *a, const struct record_sink *sink);

#endif
