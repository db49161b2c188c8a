/* SPDX-License-Identifier: MIT */
#ifndef QUOTH_ATTRIB_H
#define QUOTH_ATTRIB_H

#include <stddef.h>

#include "article.h"
#include "quote.h"
#include "record.h"

/* Attributes the quotes of one article: for each spans[k], fills the
 * speaker fields of recs[k] (speaker, speaker_as_written, role, country,
 * cue, venue, method, confidence, evidence offsets, from) and settles its
 * kind. recs[k] must already hold the quote, its id and its offsets. Looks
 * only at the article's text: no I/O, no state kept between calls. */
void attrib_article(const struct article *a, const struct quote_span *spans,
                    struct record *recs, size_t n);

#endif
