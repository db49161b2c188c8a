/* SPDX-License-Identifier: MIT */
#ifndef QUOTH_XMALLOC_H
#define QUOTH_XMALLOC_H

#include <stddef.h>

/* Allocators that never return NULL: out of memory prints one line and
 * aborts, so call sites never test them. */
void *xmalloc(size_t size);
void *xcalloc(size_t nmemb, size_t size);
void *xreallocarray(void *ptr, size_t nmemb, size_t size);
char *xstrdup(const char *s);
/* Copies n bytes of s and a terminating NUL. Caller frees. */
char *xstrndup(const char *s, size_t n);
/* Formats into a new string. Caller frees. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
