// SPDX-License-Identifier: MIT
/*
 * Content hashes for provenance and ids: SHA-256 from nettle, the only
 * nettle user.
 */
#include "hash.h"

#include <nettle/sha2.h>

static void
hash_hex(char out[65], const uint8_t *digest)
{
    static const char hex[] = "0123456789abcdef";
    size_t i;

    for (i = 0; i < SHA256_DIGEST_SIZE; i++) {
        out[2 * i] = hex[digest[i] >> 4];
        out[2 * i + 1] = hex[digest[i] & 15];
    }
    out[64] = '\0';
}

void
hash_sha256_parts(char out[65], const char *const *parts, const size_t *lens,
                  size_t n)
{
    struct sha256_ctx ctx;
    uint8_t digest[SHA256_DIGEST_SIZE];
    size_t i;

    sha256_init(&ctx);
    for (i = 0; i < n; i++) {
        sha256_update(&ctx, lens[i], (const uint8_t *)parts[i]);
        sha256_update(&ctx, 1, (const uint8_t *)"");
    }
    sha256_digest(&ctx, sizeof digest, digest);
    hash_hex(out, digest);
}

int
hash_sha256_file(char out[65], FILE *fp)
{
    struct sha256_ctx ctx;
    uint8_t digest[SHA256_DIGEST_SIZE], chunk[65536];
    size_t got;

    sha256_init(&ctx);
    while ((got = fread(chunk, 1, sizeof chunk, fp)) > 0)
        sha256_update(&ctx, got, chunk);
    if (ferror(fp))
        return -1;
    sha256_digest(&ctx, sizeof digest, digest);
    hash_hex(out, digest);
    return 0;
}
