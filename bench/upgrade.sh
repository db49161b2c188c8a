#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Prints the path of an index at quoth's current schema for the
# benchmarks: DB itself when it is current, else a copy of it in OUTDIR,
# upgraded there by `quoth index` (the original is never written; the
# copy is made again when DB is newer). Says on stderr what it did and
# how long the upgrade took.
#   bench/upgrade.sh QUOTH DB OUTDIR
set -euo pipefail
quoth=$1 db=$2 out=$3
want=$(sed -n 's/^#define INDEX_SCHEMA \([0-9]*\).*/\1/p' "$(dirname "$0")/../src/index.h")
schema=$(python3 -c "import sqlite3,sys; print(sqlite3.connect('file:'+sys.argv[1]+'?mode=ro', uri=True).execute('PRAGMA user_version').fetchone()[0])" "$db")
if [ "$schema" -ge "$want" ]; then
    echo "$db"
    exit 0
fi
mkdir -p "$out"
copy=$out/$(basename "$db")
if [ ! -f "$copy" ] || [ "$copy" -ot "$db" ]; then
    echo "upgrade.sh: $db has schema $schema; upgrading a copy in $copy" >&2
    rm -f "$copy" "$copy-wal" "$copy-shm"
    python3 -c "import sqlite3,sys; s=sqlite3.connect('file:'+sys.argv[1]+'?mode=ro', uri=True); d=sqlite3.connect(sys.argv[2]); s.backup(d); d.close()" "$db" "$copy"
    mkdir -p "$out/empty"
    t0=$(date +%s.%N)
    "$quoth" index -q --db "$copy" "$out/empty"
    t1=$(date +%s.%N)
    echo "upgrade.sh: schema $schema -> $want in $(echo "$t1 - $t0" | bc) s" >&2
fi
echo "$copy"
