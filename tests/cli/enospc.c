// SPDX-License-Identifier: MIT
/*
 * A full disk, for tests only: preloaded (LD_PRELOAD) into quoth by
 * tests/cli/index-disk.sh. Writes to files under $QUOTH_ENOSPC_DIR count
 * against $QUOTH_ENOSPC_AFTER bytes; the write that would pass it, and
 * every write under that directory after it, fails with ENOSPC, as on a
 * disk that has filled up. Other files are written as usual. Not built
 * under the sanitizers, whose runtimes want to be first in the process.
 */
#undef _FILE_OFFSET_BITS    /* pwrite and pwrite64 are two symbols here */
#undef _XOPEN_SOURCE
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

static char enospc_dir[PATH_MAX];
static size_t enospc_dirlen;
static long long enospc_limit = -1;
static atomic_llong enospc_used;
static atomic_bool enospc_full;

__attribute__((constructor)) static void
enospc_init(void)
{
    const char *d = getenv("QUOTH_ENOSPC_DIR");
    const char *n = getenv("QUOTH_ENOSPC_AFTER");

    if (d == NULL || n == NULL || realpath(d, enospc_dir) == NULL)
        return;
    enospc_dirlen = strlen(enospc_dir);
    enospc_limit = atoll(n);
}

/* Whether fd is a file under the directory. */
static bool
enospc_under(int fd)
{
    char link[64], path[PATH_MAX];
    ssize_t n;

    if (enospc_limit < 0)
        return false;
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    n = readlink(link, path, sizeof path - 1);
    if (n <= 0)
        return false;
    path[n] = '\0';
    return strncmp(path, enospc_dir, enospc_dirlen) == 0 &&
           path[enospc_dirlen] == '/';
}

/* 0 when n more bytes fit on the disk, else -1 with errno ENOSPC. */
static int
enospc_charge(int fd, size_t n)
{
    if (!enospc_under(fd))
        return 0;
    if (!atomic_load(&enospc_full) &&
        atomic_fetch_add(&enospc_used, (long long)n) + (long long)n <=
            enospc_limit)
        return 0;
    atomic_store(&enospc_full, true);
    errno = ENOSPC;
    return -1;
}

#define REAL(name) ((__typeof__(&name))dlsym(RTLD_NEXT, #name))

ssize_t
write(int fd, const void *buf, size_t n)
{
    if (enospc_charge(fd, n) < 0)
        return -1;
    return REAL(write)(fd, buf, n);
}

ssize_t
pwrite(int fd, const void *buf, size_t n, off_t off)
{
    if (enospc_charge(fd, n) < 0)
        return -1;
    return REAL(pwrite)(fd, buf, n, off);
}

ssize_t
pwrite64(int fd, const void *buf, size_t n, off64_t off)
{
    if (enospc_charge(fd, n) < 0)
        return -1;
    return REAL(pwrite64)(fd, buf, n, off);
}

ssize_t
writev(int fd, const struct iovec *iov, int cnt)
{
    size_t n = 0;
    int k;

    for (k = 0; k < cnt; k++)
        n += iov[k].iov_len;
    if (enospc_charge(fd, n) < 0)
        return -1;
    return REAL(writev)(fd, iov, cnt);
}
