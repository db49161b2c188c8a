// SPDX-License-Identifier: MIT
/*
 * Content hashes for provenance and ids: SHA-256 from nettle, the only
 * nettle user.
 */
#include "hash.h"

#include <nettle/sha2.h>

void
hash_sha256_parts(char out[65], const char *const *parts, const size_t *lens,
                  size_t n)
{
    static const char hex[] = "0123456789abcdef";
    struct sha256_ctx ctx;
    uint8_t digest[SHA256_DIGEST_SIZE];
    size_t i;

    sha256_init(&ctx);
    for (i = 0; i < n; i++) {
        sha256_update(&ctx, lens[i], (const uint8_t *)parts[i]);
        sha256_update(&ctx, 1, (const uint8_t *)"");
    }
    sha256_digest(&ctx, sizeof digest, digest);
    for (i = 0; i < SHA256_DIGEST_SIZE; i++) {
        out[2 * i] = hex[digest[i] >> 4];
        out[2 * i + 1] = hex[digest[i] & 15];
    }
    out[64] = '\0';
}
