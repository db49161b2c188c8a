#!/usr/bin/env bash
# A full disk: quoth index with a shim (enospc.c, preloaded) that makes
# writes under the index's directory fail with ENOSPC after N bytes, for
# several N from the first page to late in the run. Each run
# says so in one line and exits 4; the file then passes PRAGMA
# integrity_check, every article in it has exactly the quote ids of an
# uninterrupted run (none partial), and a later run with space finishes
# the job, reaching the uninterrupted run's index.
# $1 is the shim; empty when the build has the sanitizers, whose runtimes
# conflict with preloading, and the test then skips.
. "$(dirname "$0")/lib.sh"
shim=${1:-}
command -v sqlite3 >/dev/null || { skip "full disk tests" "sqlite3 is not installed"; tap_done; exit; }
if [ -z "$shim" ] || [ ! -e "$shim" ]; then
    skip "full disk tests" "the ENOSPC shim is not built (a sanitizer build: LD_PRELOAD conflicts with its runtime)"
    tap_done
    exit
fi
c="$WORK/corpus"
mkdir -p "$c"
cp -r "$QUOTH_SRC/corpus/globalvoices" "$QUOTH_SRC/corpus/seed" "$c/"
[ -n "${QUOTH_WRAP:-}" ] || cp -r "$QUOTH_SRC/corpus/wikinews" "$c/"

# Per article: its body hash and its quote ids in text order.
articles() {
    [ "$(sqlite3 "$1" "SELECT count(*) FROM sqlite_master WHERE name = 'articles'")" = 1 ] || return 0
    sqlite3 "$1" "SELECT a.body_hash || ' ' || coalesce((SELECT group_concat(id, ',') FROM (SELECT id FROM quotes WHERE article = a.id ORDER BY seq)), '') FROM articles a ORDER BY 1"
}

mkdir "$WORK/ref"
${QUOTH_WRAP:-} "$QUOTH" index -q --db "$WORK/ref/i.db" "$c" 2>/dev/null
articles "$WORK/ref/i.db" >"$WORK/ref.articles"
size=$(stat -c %s "$WORK/ref/i.db")
nref=$(wc -l <"$WORK/ref.articles")
echo "# an uninterrupted run: $nref articles, $size bytes"

# The shim itself: a write past the limit fails, under the directory only.
mkdir "$WORK/s"
# (dd calls write(); stdio's writes inside glibc are not seen by the shim,
# but SQLite calls write() and pwrite64() itself.)
QUOTH_ENOSPC_DIR="$WORK/s" QUOTH_ENOSPC_AFTER=10 LD_PRELOAD="$shim" \
    dd if=/dev/zero of="$WORK/s/a" bs=10 count=3 2>"$WORK/err"
RC=$?
expect_cmd "the shim: the 11th byte does not fit (dd fails, 10 bytes written)" test "$RC" -ne 0 -a "$(stat -c %s "$WORK/s/a")" -eq 10
expect_cmd "the shim: with ENOSPC" grep -q 'No space left on device' "$WORK/err"
QUOTH_ENOSPC_DIR="$WORK/s" QUOTH_ENOSPC_AFTER=0 LD_PRELOAD="$shim" \
    dd if=/dev/zero of="$WORK/t" bs=10 count=3 2>/dev/null
expect_cmd "the shim: elsewhere, writes go on" test "$(stat -c %s "$WORK/t")" -eq 30

# A run writes several times the final size (the WAL, then the file).
if [ -n "${QUOTH_WRAP:-}" ]; then limits="100 $size $((size * 2))"; else
    limits="100 4096 $((size / 4)) $((size / 2)) $size $((size * 3))"; fi
partial=0
for n in $limits; do
    d="$WORK/full$n"
    db="$d/i.db"
    mkdir "$d"
    QUOTH_ENOSPC_DIR="$d" QUOTH_ENOSPC_AFTER="$n" LD_PRELOAD="$shim" \
        ${QUOTH_WRAP:-} "$QUOTH" index -j 2 --db "$db" "$c" >"$WORK/out" 2>"$WORK/err"
    RC=$?
    expect_rc 4 "disk full after $n bytes"
    expect_cmd "one line: quoth: FILE: disk full ..." bash -c "[ \$(wc -l <'$WORK/err') -eq 1 ] && grep -q '^quoth: $db: disk full while ' '$WORK/err'"
    expect_cmd "nothing on stdout" test ! -s "$WORK/out"
    if [ -s "$db" ]; then
        expect_cmd "PRAGMA integrity_check is ok" test "$(sqlite3 "$db" 'PRAGMA integrity_check')" = ok
    else
        ok "PRAGMA integrity_check: the file was never written"
    fi
    articles "$db" >"$WORK/got"
    got=$(wc -l <"$WORK/got")
    [ "$got" -gt 0 ] && [ "$got" -lt "$nref" ] && partial=$((partial + 1))
    expect_cmd "its $got articles are complete, as in the uninterrupted run" test -z "$(comm -23 "$WORK/got" "$WORK/ref.articles")"
    ${QUOTH_WRAP:-} "$QUOTH" index -q --db "$db" "$c" 2>"$WORK/err"
    RC=$?
    expect_rc 0 "a later run with space"
    articles "$db" >"$WORK/got"
    expect_cmd "finishes the job: the uninterrupted run's articles and ids" cmp -s "$WORK/got" "$WORK/ref.articles"
done
expect_cmd "some runs stopped half way, with articles in (got $partial)" test "$partial" -ge 1
done_testing
