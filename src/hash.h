/* SPDX-License-Identifier: MIT */
#ifndef QUOTH_HASH_H
#define QUOTH_HASH_H

#include <stddef.h>
#include <stdio.h>

/* SHA-256 of the concatenation of n parts, each followed by a NUL byte so
 * that ("ab","c") and ("a","bc") differ; hex digest into out (65 bytes). */
void hash_sha256_parts(char out[65], const char *const *parts,
                       const size_t *lens, size_t n);
/* SHA-256 of what fp holds from where it stands to its end; hex digest into
 * out (65 bytes). Returns 0, or -1 on a read error (errno set). */
int hash_sha256_file(char out[65], FILE *fp);

#endif
