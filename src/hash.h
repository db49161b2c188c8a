/* SPDX-License-Identifier: MIT */
#ifndef QUOTH_HASH_H
#define QUOTH_HASH_H

#include <stddef.h>

/* SHA-256 of the concatenation of n parts, each followed by a NUL byte so
 * that ("ab","c") and ("a","bc") differ; hex digest into out (65 bytes). */
void hash_sha256_parts(char out[65], const char *const *parts,
                       const size_t *lens, size_t n);

#endif
