#!/usr/bin/env bash
# Ids of articles with no URL: the path lexically normalised, the same in
# extract and in the index; relative and absolute paths differ (man page,
# the id field).
. "$(dirname "$0")/lib.sh"
cd "$WORK" || exit 1
mkdir -p corpus/sub
cp "$QUOTH_SRC/corpus/seed/paris-talks.txt" corpus/a.txt
cp corpus/a.txt corpus/sub/b.txt

# ids PATH...: the ids extract gives, one a line, in order.
ids() { ${QUOTH_WRAP:-} "$QUOTH" extract -f tsv "$@" | tail -n +2 | cut -f1; }
ids corpus/a.txt >plain
expect_cmd "the article has quotes" test -s plain
for p in ./corpus/a.txt corpus//a.txt ./corpus/./a.txt corpus///./a.txt; do
    ids "$p" >got
    expect_cmd "$p gives the ids of corpus/a.txt" cmp -s plain got
done
ids corpus/sub/b.txt >sub
ids ./corpus/sub/../sub/b.txt >dotdot
expect_cmd "a .. segment is kept (its directory may be a link)" bash -c '! cmp -s sub dotdot'
ids "$WORK/corpus/a.txt" >abs
expect_cmd "an absolute path gives other ids than a relative one" bash -c '! cmp -s plain abs'
ids ./corpus/ >walk1
ids corpus >walk2
expect_cmd "a directory walked as ./corpus/ or corpus: the same ids" cmp -s walk1 walk2

q extract -f tsv ./corpus/a.txt
expect_cmd "the file field keeps the path as given" test "$(sed -n 2p "$WORK/out" | cut -f2)" = ./corpus/a.txt

q index -q --db i.db ./corpus/a.txt
expect_rc 0 "index ./corpus/a.txt"
q search --db i.db -f tsv --sort date ''
tail -n +2 out | cut -f1 | sort >indexed
sort plain >plain.sorted
expect_cmd "the index has the ids extract gives for corpus/a.txt" cmp -s plain.sorted indexed

# Ids hash the canonical URL: one page reached by two links, the same ids.
printf '%s\n' '{"url":"http://WWW.Example.com/a/?utm_source=x#top","text":"\"Hello there,\" said Ann Lee."}' >u1.jsonl
printf '%s\n' '{"url":"https://example.com/a","text":"\"Hello there,\" said Ann Lee."}' >u2.jsonl
printf '%s\n' '{"url":"https://example.com/b","text":"\"Hello there,\" said Ann Lee."}' >u3.jsonl
ids u1.jsonl >u1
ids u2.jsonl >u2
ids u3.jsonl >u3
expect_cmd "the URL's case, www, http, tracking and fragment do not change ids" cmp -s u1 u2
expect_cmd "another page gives other ids" bash -c '! cmp -s u2 u3'
done_testing
