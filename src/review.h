/* SPDX-License-Identifier: MIT */
#ifndef QUOTH_REVIEW_H
#define QUOTH_REVIEW_H

#include "record.h"

/* Copy formats the browser's Y offers beyond out.c's (ux.md 5.2, 7.5): a
 * Markdown citation of a record, and a ClaimReview skeleton (schema.org)
 * of a quote's variants for a fact-checker to complete. */

struct buf;
struct check_result;

/* Appends r as a Markdown citation: the words as a block quote, then
 * "— Speaker, role, Source, [Title](URL), DATE [quoth:ID]", then note
 * (NULL or "" for none) as a line of its own. Sanitized: no control
 * characters. */
void review_md(struct buf *b, const struct record *r, const char *note);

/* Appends one ClaimReview object (JSON, indented, ending in a newline)
 * for quote id as met, with its variants v (check_variants: oldest
 * first): claimReviewed its words, itemReviewed a Claim with its speaker
 * as author, the first appearance and every appearance (each with the
 * speaker it credits); reviewRating, url and the reviewer are left empty
 * for the fact-checker; note (NULL or "" for none) goes in "quothNote". */
void review_claim(struct buf *b, const struct check_result *v,
                  const char *id, const char *note);

#endif
