// SPDX-License-Identifier: MIT
/*
 * The index: articles and their records in, an SQLite (FTS5) file out;
 * queries in, records out again. The only module that includes sqlite3.h.
 * Every value reaches SQL as a bound parameter; the one piece of SQL made
 * at run time is query.c's WHERE fragment, which holds only `?`s.
 */
#include "index.h"

#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "country.h"
#include "error.h"
#include "extract.h"
#include "query.h"
#include "speaker.h"
#include "words.h"
#include "xmalloc.h"

#define INDEX_STR_(x) #x
#define INDEX_STR(x) INDEX_STR_(x)
#define INDEX_EXTRACTOR QUOTH_VERSION "+r" INDEX_STR(EXTRACT_RULES_VERSION)

/* The schema. files: what was read, for change detection (mtime and size
 * are never dates). articles: one per distinct article, with what show and
 * the reader need after the files move. locations: where each article was
 * found (a file and the article's place in it). quotes: every record field
 * (mentions as "FR;UA"), the speaker's grouping key, the article's date
 * for sorting. quotes_fts: FTS5 over quote, speaker and role, its content
 * the quotes table, kept in step by triggers. speakers: the grouping keys,
 * for speaker: queries. overrides and aliases: `quoth fix` and `quoth
 * alias`, by quote id and by written form, re-applied after re-indexing. */
static const char index_schema[] =
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;"
    "CREATE TABLE files("
    " id INTEGER PRIMARY KEY,"
    " abspath TEXT NOT NULL UNIQUE,"
    " path TEXT NOT NULL,"
    " hash TEXT,"
    " mtime INTEGER,"
    " size INTEGER,"
    " extractor TEXT);"
    "CREATE TABLE articles("
    " id INTEGER PRIMARY KEY,"
    " url TEXT, canon TEXT, guid TEXT, body_hash TEXT NOT NULL,"
    " title TEXT, source TEXT, domain TEXT, byline TEXT, date TEXT,"
    " lang TEXT, format TEXT,"
    " body TEXT NOT NULL, paras TEXT NOT NULL, extractor TEXT NOT NULL);"
    "CREATE INDEX articles_canon ON articles(canon) WHERE canon IS NOT NULL;"
    "CREATE INDEX articles_guid ON articles(guid) WHERE guid IS NOT NULL;"
    "CREATE INDEX articles_body ON articles(body_hash);"
    "CREATE TABLE locations("
    " file INTEGER NOT NULL,"
    " item INTEGER NOT NULL,"
    " line INTEGER NOT NULL,"
    " article INTEGER NOT NULL,"
    " PRIMARY KEY(file, item)) WITHOUT ROWID;"
    "CREATE INDEX locations_article ON locations(article);"
    "CREATE TABLE quotes("
    " qid INTEGER PRIMARY KEY,"
    " id TEXT NOT NULL,"
    " article INTEGER NOT NULL,"
    " seq INTEGER NOT NULL,"
    " quote TEXT NOT NULL, kind TEXT NOT NULL,"
    " speaker TEXT, speaker_as_written TEXT, speaker_key TEXT, role TEXT,"
    " country TEXT, mentions TEXT, cue TEXT, venue TEXT,"
    " method TEXT, confidence REAL,"
    " start INTEGER, \"end\" INTEGER,"
    " speaker_start INTEGER, speaker_end INTEGER,"
    " cue_start INTEGER, cue_end INTEGER,"
    " from_id TEXT, para INTEGER, date TEXT);"
    "CREATE INDEX quotes_id ON quotes(id);"
    "CREATE INDEX quotes_article ON quotes(article);"
    /* In the order of --sort -date, so that the first 100 of a speaker
     * or a country come off the index without sorting them all. */
    "CREATE INDEX quotes_speaker ON quotes(speaker_key, date, article, seq);"
    "CREATE INDEX quotes_country ON quotes(country, date, article, seq);"
    "CREATE INDEX quotes_date ON quotes(date, article, seq);"
    "CREATE VIRTUAL TABLE quotes_fts USING fts5(quote, speaker, role,"
    " content='quotes', content_rowid='qid',"
    " tokenize='unicode61 remove_diacritics 2', prefix='2 3');"
    "CREATE TRIGGER quotes_ai AFTER INSERT ON quotes BEGIN"
    " INSERT INTO quotes_fts(rowid, quote, speaker, role)"
    " VALUES (new.qid, new.quote, new.speaker, new.role); END;"
    "CREATE TRIGGER quotes_ad AFTER DELETE ON quotes BEGIN"
    " INSERT INTO quotes_fts(quotes_fts, rowid, quote, speaker, role)"
    " VALUES ('delete', old.qid, old.quote, old.speaker, old.role); END;"
    "CREATE TRIGGER quotes_au AFTER UPDATE OF quote, speaker, role ON quotes"
    " BEGIN"
    " INSERT INTO quotes_fts(quotes_fts, rowid, quote, speaker, role)"
    " VALUES ('delete', old.qid, old.quote, old.speaker, old.role);"
    " INSERT INTO quotes_fts(rowid, quote, speaker, role)"
    " VALUES (new.qid, new.quote, new.speaker, new.role); END;"
    "CREATE TABLE speakers(key TEXT PRIMARY KEY) WITHOUT ROWID;"
    "CREATE TABLE overrides("
    " quote TEXT PRIMARY KEY,"
    " speaker TEXT, none INTEGER NOT NULL DEFAULT 0, country TEXT)"
    " WITHOUT ROWID;"
    "CREATE TABLE aliases("
    " form_key TEXT PRIMARY KEY, form TEXT NOT NULL, name TEXT NOT NULL,"
    " name_key TEXT NOT NULL) WITHOUT ROWID;";

/* What schema 2 adds to schema 1, run on a new index after index_schema
 * and on an index of schema 1 when it is opened to write. quotes_tri: a
 * trigram FTS5 table over quote, speaker and role, so that a query's
 * 'substring finds its candidates without reading every quote (SQLite
 * 3.34+). saved_queries: the searches `quoth query save` names, for
 * query:NAME. */
static const char index_schema_2[] =
    "CREATE VIRTUAL TABLE quotes_tri USING fts5(quote, speaker, role,"
    " content='quotes', content_rowid='qid', tokenize='trigram');"
    "CREATE TRIGGER quotes_tri_ai AFTER INSERT ON quotes BEGIN"
    " INSERT INTO quotes_tri(rowid, quote, speaker, role)"
    " VALUES (new.qid, new.quote, new.speaker, new.role); END;"
    "CREATE TRIGGER quotes_tri_ad AFTER DELETE ON quotes BEGIN"
    " INSERT INTO quotes_tri(quotes_tri, rowid, quote, speaker, role)"
    " VALUES ('delete', old.qid, old.quote, old.speaker, old.role); END;"
    "CREATE TRIGGER quotes_tri_au AFTER UPDATE OF quote, speaker, role"
    " ON quotes BEGIN"
    " INSERT INTO quotes_tri(quotes_tri, rowid, quote, speaker, role)"
    " VALUES ('delete', old.qid, old.quote, old.speaker, old.role);"
    " INSERT INTO quotes_tri(rowid, quote, speaker, role)"
    " VALUES (new.qid, new.quote, new.speaker, new.role); END;"
    "INSERT INTO quotes_tri(quotes_tri) VALUES ('rebuild');"
    "CREATE TABLE saved_queries("
    " name TEXT PRIMARY KEY, query TEXT NOT NULL) WITHOUT ROWID;";

/* schema 3: guid */
/* guids: every GUID an article was found under (RSS guid, Atom id,
 * NewsML-G2 guid, NITF doc-id, JSON Lines guid), as its dedupe key
 * (index_guid_key), so that a copy of it under another URL, with another
 * body, is one more location of it. An index of an older schema has no
 * GUIDs: its files are marked as read by no extractor, so that the next
 * `quoth index` reads each of them once more and records them (its
 * articles are found again by URL or body, and only gain GUIDs). */
static const char index_schema_3_guid[] =
    "CREATE TABLE IF NOT EXISTS guids("
    " key TEXT PRIMARY KEY, article INTEGER NOT NULL) WITHOUT ROWID;"
    "CREATE INDEX IF NOT EXISTS guids_article ON guids(article);"
    "UPDATE files SET extractor = NULL;";

/* schema 3: variants */
/* What check's coverage line says, kept by triggers rather than counted
 * each time (counting a million quotes and the distinct sources of
 * 600,000 articles took 95 ms): check_counts, the number of articles and
 * of quotes; check_sources, the articles of each outlet (else domain). */
#define INDEX_SCHEMA_3_COUNTS                                                 \
    "CREATE TABLE IF NOT EXISTS check_counts("                               \
    " k TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;"                \
    "INSERT OR REPLACE INTO check_counts VALUES"                             \
    " ('articles', (SELECT count(*) FROM articles)),"                        \
    " ('quotes', (SELECT count(*) FROM quotes));"                            \
    "CREATE TABLE IF NOT EXISTS check_sources("                              \
    " name TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;"             \
    "DELETE FROM check_sources;"                                             \
    "INSERT INTO check_sources SELECT coalesce(source, domain), count(*)"    \
    " FROM articles WHERE coalesce(source, domain) IS NOT NULL GROUP BY 1;"  \
    "CREATE TRIGGER IF NOT EXISTS check_counts_qi AFTER INSERT ON quotes"    \
    " BEGIN UPDATE check_counts SET n = n + 1 WHERE k = 'quotes'; END;"      \
    "CREATE TRIGGER IF NOT EXISTS check_counts_qd AFTER DELETE ON quotes"    \
    " BEGIN UPDATE check_counts SET n = n - 1 WHERE k = 'quotes'; END;"      \
    "CREATE TRIGGER IF NOT EXISTS check_counts_ai AFTER INSERT ON articles"  \
    " BEGIN UPDATE check_counts SET n = n + 1 WHERE k = 'articles';"         \
    " INSERT INTO check_sources SELECT coalesce(new.source, new.domain), 1"  \
    " WHERE coalesce(new.source, new.domain) IS NOT NULL"                    \
    " ON CONFLICT(name) DO UPDATE SET n = n + 1; END;"                        \
    "CREATE TRIGGER IF NOT EXISTS check_counts_ad AFTER DELETE ON articles"  \
    " BEGIN UPDATE check_counts SET n = n - 1 WHERE k = 'articles';"         \
    " UPDATE check_sources SET n = n - 1"                                    \
    " WHERE name = coalesce(old.source, old.domain); END;"                   \
    "CREATE TRIGGER IF NOT EXISTS check_counts_au"                           \
    " AFTER UPDATE OF source, domain ON articles BEGIN"                      \
    " UPDATE check_sources SET n = n - 1"                                    \
    " WHERE name = coalesce(old.source, old.domain);"                        \
    " INSERT INTO check_sources SELECT coalesce(new.source, new.domain), 1"  \
    " WHERE coalesce(new.source, new.domain) IS NOT NULL"                    \
    " ON CONFLICT(name) DO UPDATE SET n = n + 1; END;"

/* What schema 3 adds for quoth check (check.c), run on a new index and on
 * an older one opened to write. variants: the hash of each quote's words as
 * words.c folds them (quoth_words_hash), kept by triggers, so that the
 * same words are one index lookup and their speakers one GROUP BY; filled
 * per article by the writer's own INSERTs, emptied by every DELETE.
 * articles_fts: FTS5 over the articles' bodies, for "found as the
 * reporter's words". articles_date: the coverage line's dates. */
static const char index_schema_3_variants[] =
    "CREATE TABLE IF NOT EXISTS variants("
    " qid INTEGER PRIMARY KEY, h INTEGER NOT NULL);"
    "CREATE INDEX IF NOT EXISTS variants_h ON variants(h);"
    "CREATE TRIGGER IF NOT EXISTS variants_ai AFTER INSERT ON quotes BEGIN"
    " INSERT OR REPLACE INTO variants(qid, h)"
    " VALUES (new.qid, quoth_words_hash(new.quote)); END;"
    "CREATE TRIGGER IF NOT EXISTS variants_ad AFTER DELETE ON quotes BEGIN"
    " DELETE FROM variants WHERE qid = old.qid; END;"
    "CREATE TRIGGER IF NOT EXISTS variants_au AFTER UPDATE OF quote ON quotes"
    " BEGIN UPDATE variants SET h = quoth_words_hash(new.quote)"
    " WHERE qid = new.qid; END;"
    "INSERT OR REPLACE INTO variants(qid, h)"
    " SELECT qid, quoth_words_hash(quote) FROM quotes;"
    "CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(body,"
    " content='articles', content_rowid='id', detail=none,"
    " tokenize='unicode61 remove_diacritics 2');"
    "CREATE TRIGGER IF NOT EXISTS articles_fts_ai AFTER INSERT ON articles"
    " BEGIN INSERT INTO articles_fts(rowid, body) VALUES (new.id, new.body);"
    " END;"
    "CREATE TRIGGER IF NOT EXISTS articles_fts_ad AFTER DELETE ON articles"
    " BEGIN INSERT INTO articles_fts(articles_fts, rowid, body)"
    " VALUES ('delete', old.id, old.body); END;"
    "CREATE TRIGGER IF NOT EXISTS articles_fts_au AFTER UPDATE OF body"
    " ON articles BEGIN INSERT INTO articles_fts(articles_fts, rowid, body)"
    " VALUES ('delete', old.id, old.body);"
    " INSERT INTO articles_fts(rowid, body) VALUES (new.id, new.body); END;"
    "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');"
    "CREATE INDEX IF NOT EXISTS articles_date ON articles(date);"
    INDEX_SCHEMA_3_COUNTS;

/* schema 3: speaker words (index speed). speaker_words: every word of
 * every grouping key, so that speaker:NAME finds its keys through an
 * index (the keys holding NAME's first word, or a word it begins) instead
 * of matching every key; kept by index_add_speaker. An addition older
 * quoths ignore, so no new version: made and filled from speakers when an
 * index without it is opened to write; read without it, a view of the
 * same words stands in (index_speaker_words). */
#define INDEX_SPEAKER_WORDS                                                  \
    " WITH RECURSIVE w(key, word, rest) AS ("                                \
    "  SELECT key, NULL, key || ' ' FROM speakers"                           \
    "  UNION ALL SELECT key, substr(rest, 1, instr(rest, ' ') - 1),"         \
    "   substr(rest, instr(rest, ' ') + 1) FROM w WHERE rest <> '')"         \
    " SELECT word, key FROM w WHERE word <> ''"
static const char index_schema_3_speaker_words[] =
    "CREATE TABLE IF NOT EXISTS speaker_words("
    " word TEXT NOT NULL, key TEXT NOT NULL,"
    " PRIMARY KEY(word, key)) WITHOUT ROWID;"
    "INSERT OR IGNORE INTO speaker_words(word, key)" INDEX_SPEAKER_WORDS ";";

/* schema 4: groups */
/* The variant groups of quoth variants, is:conflict and the speaker
 * card's conflicts (issue 8), kept by the writer as it stores quotes:
 * group.c says what a group is and keeps them; here only their rows.
 * vgroups: each grouped quote's group (the smallest qid among its
 * members). vgroups_todo: quotes not grouped yet (every quote when an
 * index of schema 3 is upgraded; the new quotes of an article until the
 * writer groups them before its commit). vgroups_near: grouped quotes
 * whose near variants are still to be looked for (at the end of the
 * run). vgroups_dirty: groups that lost a quote, to be split again where
 * it held them together.
 * vgroups_key: a speaker key of each group that has one, and
 * vgroups_conflicts: the groups whose quotes credit two or more keys, so
 * that a quote joining a group costs one comparison and is:conflict is
 * one indexed lookup; counted again from the members when a group is
 * split, and by a trigger when a quote's speaker key changes (quoth fix,
 * quoth alias). */
#define INDEX_GROUP_RECOUNT(G)                                               \
    "DELETE FROM vgroups_conflicts WHERE g = " G ";"                         \
    " DELETE FROM vgroups_key WHERE g = " G ";"                              \
    " INSERT OR IGNORE INTO vgroups_key(g, key) SELECT v.g,"                 \
    " min(q.speaker_key) FROM vgroups v JOIN quotes q ON q.qid = v.qid"      \
    " WHERE v.g = " G " AND q.speaker_key IS NOT NULL GROUP BY v.g;"         \
    " INSERT OR IGNORE INTO vgroups_conflicts(g) SELECT v.g FROM vgroups v"  \
    " JOIN quotes q ON q.qid = v.qid WHERE v.g = " G " AND q.speaker_key"    \
    " IS NOT NULL GROUP BY v.g HAVING min(q.speaker_key) <>"                 \
    " max(q.speaker_key);"
static const char index_schema_4_groups[] =
    "CREATE TABLE IF NOT EXISTS vgroups("
    " qid INTEGER PRIMARY KEY, g INTEGER NOT NULL);"
    "CREATE INDEX IF NOT EXISTS vgroups_g ON vgroups(g);"
    "CREATE TABLE IF NOT EXISTS vgroups_todo(qid INTEGER PRIMARY KEY);"
    "CREATE TABLE IF NOT EXISTS vgroups_dirty(g INTEGER PRIMARY KEY);"
    "CREATE TABLE IF NOT EXISTS vgroups_near(qid INTEGER PRIMARY KEY);"
    "CREATE TABLE IF NOT EXISTS vgroups_key("
    " g INTEGER PRIMARY KEY, key TEXT NOT NULL);"
    "CREATE TABLE IF NOT EXISTS vgroups_conflicts(g INTEGER PRIMARY KEY);"
    "CREATE TRIGGER IF NOT EXISTS vgroups_qi AFTER INSERT ON quotes BEGIN"
    " INSERT OR IGNORE INTO vgroups_todo(qid) VALUES (new.qid); END;"
    "CREATE TRIGGER IF NOT EXISTS vgroups_qd AFTER DELETE ON quotes BEGIN"
    " INSERT OR IGNORE INTO vgroups_dirty(g)"
    " SELECT g FROM vgroups WHERE qid = old.qid;"
    " DELETE FROM vgroups WHERE qid = old.qid;"
    " DELETE FROM vgroups_todo WHERE qid = old.qid;"
    " DELETE FROM vgroups_near WHERE qid = old.qid; END;"
    "CREATE TRIGGER IF NOT EXISTS vgroups_qu AFTER UPDATE OF quote ON quotes"
    " BEGIN INSERT OR IGNORE INTO vgroups_dirty(g)"
    " SELECT g FROM vgroups WHERE qid = old.qid;"
    " DELETE FROM vgroups WHERE qid = old.qid;"
    " INSERT OR IGNORE INTO vgroups_todo(qid) VALUES (new.qid); END;"
    "CREATE TRIGGER IF NOT EXISTS vgroups_qk AFTER UPDATE OF speaker_key"
    " ON quotes BEGIN "
    INDEX_GROUP_RECOUNT("(SELECT g FROM vgroups WHERE qid = new.qid)")
    " END;"
    "INSERT OR IGNORE INTO vgroups_todo(qid) SELECT qid FROM quotes;";

/* What each schema version adds to the one before, in order (a version
 * may take several steps): run after index_schema on a new index, and
 * from the index's version on when an older index is opened to write. */
static const struct {
    int version;
    const char *sql;
} index_steps[] = {
    {2, index_schema_2},
    {3, index_schema_3_guid},
    {3, index_schema_3_variants},
    {3, index_schema_3_speaker_words},
    {4, index_schema_4_groups},
};
_Static_assert(sizeof index_steps / sizeof *index_steps == 5,
               "the steps of every schema version after the first, the last"
               " of them INDEX_SCHEMA's (4)");

/* A quote as group.c reads it: qid, article, group (0: none yet), the
 * hash of its words (0: none), its words. */
#define INDEX_GQUOTE                                                         \
    "SELECT q.qid, q.article, coalesce(g.g, 0), coalesce(v.h, 0), q.quote"   \
    " FROM quotes q LEFT JOIN vgroups g ON g.qid = q.qid"                    \
    " LEFT JOIN variants v ON v.qid = q.qid WHERE "

/* The statements the writer runs for every article, prepared once. */
#define INDEX_STMTS(X)                                                        \
    X(FILE_CURRENT, "SELECT 1 FROM files WHERE abspath = ? AND hash = ?"     \
                    " AND extractor = ?")                                    \
    X(FILE_FIND, "SELECT id FROM files WHERE abspath = ?")                   \
    X(FILE_OLD, "SELECT article FROM locations WHERE file = ?")              \
    X(FILE_UNLOCATE, "DELETE FROM locations WHERE file = ?")                 \
    X(FILE_OPEN, "UPDATE files SET hash = NULL, path = ? WHERE id = ?")      \
    X(FILE_NEW, "INSERT INTO files(abspath, path) VALUES (?, ?)")            \
    X(FILE_DONE, "UPDATE files SET hash = ?, mtime = ?, size = ?,"           \
                 " extractor = ? WHERE id = ?")                              \
    X(FIND_CANON, "SELECT id, body_hash, extractor FROM articles"            \
                  " WHERE canon = ? LIMIT 1")                                \
    X(FIND_GUID, "SELECT a.id, a.body_hash, a.extractor FROM guids g"       \
                 " JOIN articles a ON a.id = g.article WHERE g.key = ?")    \
    X(GUID_ADD, "INSERT OR IGNORE INTO guids(key, article) VALUES (?, ?)")  \
    X(GUIDS_DELETE, "DELETE FROM guids WHERE article = ?")                   \
    X(FIND_BODY, "SELECT id, body_hash, extractor FROM articles"             \
                 " WHERE body_hash = ? LIMIT 1")                             \
    X(LOCATED, "SELECT 1 FROM locations WHERE article = ? LIMIT 1")          \
    X(ART_INSERT, "INSERT INTO articles(url, canon, guid, body_hash, title," \
                  " source, domain, byline, date, lang, format, body, paras,"\
                  " extractor) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")        \
    X(ART_UPDATE, "UPDATE articles SET url = ?, canon = ?,"                  \
                  " guid = coalesce(?, guid),"                               \
                  " body_hash = ?, title = ?, source = ?, domain = ?,"       \
                  " byline = ?, date = ?, lang = ?, format = ?, body = ?,"   \
                  " paras = ?, extractor = ? WHERE id = ?")                  \
    X(ART_DELETE, "DELETE FROM articles WHERE id = ?")                       \
    X(QUOTES_DELETE, "DELETE FROM quotes WHERE article = ?")                 \
    X(QUOTE_INSERT, "INSERT INTO quotes(id, article, seq, quote, kind,"      \
                    " speaker, speaker_as_written, speaker_key, role,"       \
                    " country, mentions, cue, venue, method, confidence,"    \
                    " start, \"end\", speaker_start, speaker_end, cue_start,"\
                    " cue_end, from_id, para, date) VALUES (?,?,?,?,?,?,?,?,"\
                    "?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")                       \
    X(SPEAKER_ADD, "INSERT OR IGNORE INTO speakers(key) VALUES (?)")         \
    X(SPEAKER_WORD, "INSERT OR IGNORE INTO speaker_words(word, key)"         \
                    " VALUES (?, ?)")                                        \
    X(ALIAS_FIND, "SELECT name_key FROM aliases WHERE form_key = ?")         \
    X(FIX_APPLY, "UPDATE quotes SET"                                         \
                 " speaker = CASE WHEN ?1 THEN NULL"                         \
                 "  ELSE coalesce(?2, speaker) END,"                         \
                 " speaker_key = CASE WHEN ?1 THEN NULL"                     \
                 "  WHEN ?2 IS NULL THEN speaker_key ELSE ?3 END,"           \
                 " country = coalesce(?4, country),"                         \
                 " method = 'manual', confidence = 1.0"                      \
                 " WHERE article = ?5 AND id = ?6")                          \
    X(FIXES_OF, "SELECT quote, speaker, none, country FROM overrides"        \
                " WHERE quote IN (SELECT id FROM quotes WHERE article = ?)") \
    X(LOCATE, "INSERT OR REPLACE INTO locations(file, item, line, article)"  \
              " VALUES (?, ?, ?, ?)")                                        \
    X(GROUP_TODO, "SELECT qid FROM vgroups_todo ORDER BY qid LIMIT ?1")      \
    X(GROUP_DIRTY, "SELECT g FROM vgroups_dirty ORDER BY g LIMIT ?1")        \
    X(GROUP_NEAR, "SELECT qid FROM vgroups_near ORDER BY qid LIMIT ?1")      \
    X(GROUP_NEAR_ADD, "INSERT OR IGNORE INTO vgroups_near(qid) VALUES (?1)") \
    X(GROUP_NEAR_DONE, "DELETE FROM vgroups_near WHERE qid = ?1")            \
    X(GROUP_QUOTE, INDEX_GQUOTE "q.qid = ?1")                                \
    X(GROUP_MEMBERS, INDEX_GQUOTE "q.qid IN (SELECT qid FROM vgroups"        \
                     " WHERE g = ?1) ORDER BY q.qid")                        \
    X(GROUP_OF, "SELECT g FROM vgroups WHERE qid = ?1")                      \
    X(GROUP_OF_WORDS, "SELECT g.g FROM variants v JOIN vgroups g"            \
                      " ON g.qid = v.qid WHERE v.h = ?1 LIMIT 1")            \
    X(GROUP_SET, "INSERT OR REPLACE INTO vgroups(qid, g) VALUES (?1, ?2)")   \
    X(GROUP_UNTODO, "DELETE FROM vgroups_todo WHERE qid = ?1")               \
    X(GROUP_MOVE, "UPDATE vgroups SET g = ?2 WHERE g = ?1")                  \
    X(GROUP_UNDIRTY, "DELETE FROM vgroups_dirty WHERE g = ?1")               \
    /* a quote (?2) joins group ?1: its key is the group's first, or the    \
     * group's conflicts when it is another */                              \
    X(GROUP_JOIN_KEY, "INSERT OR IGNORE INTO vgroups_key(g, key)"            \
                      " SELECT ?1, speaker_key FROM quotes WHERE qid = ?2"   \
                      " AND speaker_key IS NOT NULL")                        \
    X(GROUP_JOIN_CONFLICT, "INSERT OR IGNORE INTO vgroups_conflicts(g)"      \
                           " SELECT ?1 FROM quotes q JOIN vgroups_key k"     \
                           " ON k.g = ?1 WHERE q.qid = ?2"                   \
                           " AND q.speaker_key <> k.key")                    \
    /* group ?1 merges into ?2: either's conflict, or their keys differ */  \
    X(GROUP_MERGE_CONFLICT, "INSERT OR IGNORE INTO vgroups_conflicts(g)"     \
                            " SELECT ?2 FROM vgroups_key a"                  \
                            " LEFT JOIN vgroups_key b ON b.g = ?2"           \
                            " WHERE a.g = ?1 AND (a.key <> b.key OR"         \
                            " EXISTS (SELECT 1 FROM vgroups_conflicts"       \
                            " WHERE g = ?1))")                               \
    X(GROUP_MERGE_KEY, "INSERT OR IGNORE INTO vgroups_key(g, key)"           \
                       " SELECT ?2, key FROM vgroups_key WHERE g = ?1")      \
    X(GROUP_DROP_KEY, "DELETE FROM vgroups_key WHERE g = ?1")                \
    X(GROUP_UNCONFLICT, "DELETE FROM vgroups_conflicts WHERE g = ?1")        \
    X(BEGIN, "BEGIN IMMEDIATE")                                              \
    X(COMMIT, "COMMIT")                                                      \
    X(ROLLBACK, "ROLLBACK")

enum index_stmt {
#define X(e, sql) S_##e,
    INDEX_STMTS(X)
#undef X
    S_N
};

static const char *const index_sql[] = {
#define X(e, sql) sql,
    INDEX_STMTS(X)
#undef X
};
_Static_assert(sizeof index_sql / sizeof *index_sql == S_N,
               "one SQL text per statement");

struct index {
    sqlite3 *db;
    char *path;
    bool write;
    sqlite3_stmt *st[S_N];
    /* the file being indexed */
    int64_t file;           /* files.id, 0 while it has no row */
    char *file_abspath, *file_path;
    int64_t *old;           /* articles it held before */
    size_t nold;
    const struct query *run;    /* the query being run, for quoth_match */
    /* index_progress's caller, and a budget of steps for a page's first
     * plan (index_segment): */
    int (*stop)(void *ctx);
    void *stop_ctx;
    double budget;              /* a plan's deadline (ms, monotonic); 0: none */
    bool over;                  /* the budget ran out */
    int plan;               /* index_set_plan's; -1: by expected cost */
    index_group_fn *grouper;    /* group.c's, before each commit */
    void *grouper_ctx;
    /* a connection of its own that reads what is committed, for the
     * grouper's candidates (the same searches on the writer's connection,
     * inside its transaction, took a fifth more CPU indexing corpus/) */
    sqlite3 *rdb;
    sqlite3_stmt *rcand;
    double deadline;        /* of a plan on a budget (index_now) */
};

const char *
index_extractor(void)
{
    return INDEX_EXTRACTOR;
}

/* Fills err from the connection's last error, naming what failed. */
static int
index_fail(struct index *ix, struct q_error *err, const char *what)
{
    int code = sqlite3_errcode(ix->db) & 0xff;
    const char *msg = sqlite3_errmsg(ix->db);

    if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
        q_error_set(err, "index is corrupt (%s)", msg);
    else if (code == SQLITE_FULL)
        q_error_set(err, "disk full while %s (what was stored before "
                    "is kept)", what);
    else if (code == SQLITE_READONLY)
        q_error_set(err, "index is read-only (%s)", msg);
    else if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
        q_error_set(err, "index is busy: another quoth is writing it");
    else
        q_error_set(err, "%s: %s", what, msg);
    return -1;
}

static sqlite3_stmt *
index_stmt(struct index *ix, enum index_stmt s, struct q_error *err)
{
    if (ix->st[s] == NULL &&
        sqlite3_prepare_v3(ix->db, index_sql[s], -1, SQLITE_PREPARE_PERSISTENT,
                           &ix->st[s], NULL) != SQLITE_OK) {
        index_fail(ix, err, "preparing a statement");
        return NULL;
    }
    sqlite3_reset(ix->st[s]);
    sqlite3_clear_bindings(ix->st[s]);
    return ix->st[s];
}

static char *
col(sqlite3_stmt *st, int k)
{
    return (char *)sqlite3_column_text(st, k);
}

/* Binds a string, or NULL. */
static void
bind_text(sqlite3_stmt *st, int k, const char *s)
{
    if (s == NULL)
        sqlite3_bind_null(st, k);
    else
        sqlite3_bind_text(st, k, s, -1, SQLITE_TRANSIENT);
}

/* Binds an offset, or NULL for RECORD_NONE. */
static void
bind_off(sqlite3_stmt *st, int k, size_t v)
{
    if (v == RECORD_NONE)
        sqlite3_bind_null(st, k);
    else
        sqlite3_bind_int64(st, k, (sqlite3_int64)v);
}

/* Steps a statement that returns no row (or whose rows do not matter). */
static int
index_run(struct index *ix, sqlite3_stmt *st, struct q_error *err,
          const char *what)
{
    int rc;

    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        ;
    if (rc != SQLITE_DONE) {
        index_fail(ix, err, what);
        sqlite3_reset(st);
        return -1;
    }
    sqlite3_reset(st);
    return 0;
}

static int
index_exec(struct index *ix, const char *sql, struct q_error *err,
           const char *what)
{
    if (sqlite3_exec(ix->db, sql, NULL, NULL, NULL) != SQLITE_OK)
        return index_fail(ix, err, what);
    return 0;
}

static int
index_begin(struct index *ix, struct q_error *err)
{
    sqlite3_stmt *st = index_stmt(ix, S_BEGIN, err);

    return st == NULL ? -1 : index_run(ix, st, err, "starting a transaction");
}

static int
index_commit(struct index *ix, struct q_error *err)
{
    sqlite3_stmt *st = index_stmt(ix, S_COMMIT, err);

    return st == NULL ? -1 : index_run(ix, st, err, "committing");
}

static void
index_rollback(struct index *ix)
{
    if (!sqlite3_get_autocommit(ix->db))
        sqlite3_exec(ix->db, "ROLLBACK", NULL, NULL, NULL);
}

int
index_check_sqlite(struct q_error *err)
{
    sqlite3 *db = NULL;
    int rc = -1;

    if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE, NULL) !=
        SQLITE_OK) {
        q_error_set(err, "SQLite %s cannot open a database in memory",
                    sqlite3_libversion());
        goto out;
    }
    /* Creating a table is the one test that cannot be fooled by options. */
    if (sqlite3_exec(db, "CREATE VIRTUAL TABLE t USING fts5(x)", NULL, NULL,
                     NULL) != SQLITE_OK) {
        q_error_set(err, "SQLite %s was built without FTS5, which the index "
                    "needs", sqlite3_libversion());
        goto out;
    }
    rc = 0;
out:
    sqlite3_close(db);
    return rc;
}

const char *
index_sqlite_version(void)
{
    return sqlite3_libversion();
}

/* mkdir -p with mode 0700 for what it creates. */
static int
index_mkdirs(const char *dir, struct q_error *err)
{
    char *p = xstrdup(dir), *s;
    int rc = 0;

    for (s = p + 1; rc == 0; s++) {
        if (*s != '/' && *s != '\0')
            continue;
        char c = *s;
        *s = '\0';
        if (mkdir(p, 0700) < 0 && errno != EEXIST) {
            q_error_set(err, "%s: cannot create the directory: %s", p,
                        strerror(errno));
            rc = -1;
        }
        *s = c;
        if (c == '\0')
            break;
    }
    free(p);
    return rc;
}

char *
index_default_path(bool create_dir, struct q_error *err)
{
    const char *env = getenv("QUOTH_DB"), *xdg, *home;
    char *dir;

    if (env != NULL && *env != '\0')
        return xstrdup(env);
    xdg = getenv("XDG_DATA_HOME");
    if (xdg != NULL && xdg[0] == '/') {
        dir = xasprintf("%s/quoth", xdg);
    } else {
        home = getenv("HOME");
        if (home == NULL || *home == '\0') {
            q_error_set(err, "no index given, and neither XDG_DATA_HOME nor "
                        "HOME is set (use --db FILE)");
            return NULL;
        }
        dir = xasprintf("%s/.local/share/quoth", home);
    }
    if (create_dir && index_mkdirs(dir, err) < 0) {
        free(dir);
        return NULL;
    }
    char *path = xasprintf("%s/index.db", dir);
    free(dir);
    return path;
}

/* One integer from a query with no parameter; -1 on error. */
static int64_t
index_int(struct index *ix, const char *sql)
{
    sqlite3_stmt *st = NULL;
    int64_t v = -1;

    if (sqlite3_prepare_v2(ix->db, sql, -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

static int
index_create(struct index *ix, struct q_error *err)
{
    sqlite3_stmt *st = NULL;
    char *sql;
    size_t k;
    int rc = -1;

    if (index_exec(ix, "BEGIN IMMEDIATE", err, "creating the index") < 0)
        return -1;
    if (index_exec(ix, index_schema, err, "creating the index") < 0)
        goto out;
    for (k = 0; k < sizeof index_steps / sizeof *index_steps; k++)
        if (index_exec(ix, index_steps[k].sql, err,
                       "creating the index") < 0)
            goto out;
    if (sqlite3_prepare_v2(ix->db, "INSERT INTO meta(key, value) VALUES"
                           " ('schema', ?1), ('created_by', ?2),"
                           " ('extractor', ?2)", -1, &st, NULL) != SQLITE_OK)
        goto fail;
    sqlite3_bind_int(st, 1, INDEX_SCHEMA);
    sqlite3_bind_text(st, 2, INDEX_EXTRACTOR, -1, SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_DONE)
        goto fail;
    /* PRAGMA takes no parameter; the value is our own constant. */
    sql = xasprintf("PRAGMA user_version = %d", INDEX_SCHEMA);
    rc = index_exec(ix, sql, err, "creating the index");
    free(sql);
    if (rc < 0)
        goto out;
    rc = index_exec(ix, "COMMIT", err, "creating the index");
    goto out;
fail:
    index_fail(ix, err, "creating the index");
    rc = -1;
out:
    sqlite3_finalize(st);
    if (rc < 0)
        index_rollback(ix);
    return rc;
}

/* Brings an index of an older schema (version) to INDEX_SCHEMA, running
 * the steps after its version in one transaction. */
static int
index_upgrade(struct index *ix, int64_t version, struct q_error *err)
{
    char *sql;
    size_t k;
    int rc = -1;

    if (index_exec(ix, "BEGIN IMMEDIATE", err, "upgrading the index") < 0)
        return -1;
    for (k = 0; k < sizeof index_steps / sizeof *index_steps; k++)
        if (index_steps[k].version > version &&
            index_exec(ix, index_steps[k].sql, err,
                       "upgrading the index") < 0)
            goto out;
    /* PRAGMA takes no parameter; the value is our own constant. */
    sql = xasprintf("UPDATE meta SET value = '%d' WHERE key = 'schema';"
                    " PRAGMA user_version = %d", INDEX_SCHEMA, INDEX_SCHEMA);
    if (index_exec(ix, sql, err, "upgrading the index") == 0)
        rc = index_exec(ix, "COMMIT", err, "upgrading the index");
    free(sql);
out:
    if (rc < 0)
        index_rollback(ix);
    return rc;
}

/* quoth_match(K, TEXT...): check K of the query being run (query_check)
 * on the texts; 1 or 0, or an error that stops the statement when the
 * check fails (query_failed says why). */
static void
index_match_fn(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
    struct index *ix = sqlite3_user_data(cx);
    const char *texts[4];
    size_t lens[4];
    int k, n = 0, r;

    for (k = 1; k < argc && n < 4; k++) {
        texts[n] = (const char *)sqlite3_value_text(argv[k]);
        lens[n] = (size_t)sqlite3_value_bytes(argv[k]);
        n++;
    }
    r = argc < 1 ? 0 : query_check(ix->run, sqlite3_value_int(argv[0]),
                                   texts, lens, (size_t)n);
    if (r < 0)
        sqlite3_result_error(cx, "the query failed on a quote", -1);
    else
        sqlite3_result_int(cx, r);
}

/* quoth_words_hash(TEXT): words_hash of the text's words (schema 3). */
static void
index_words_hash_fn(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
    struct words w = {0};
    const char *s = argc > 0 ? (const char *)sqlite3_value_text(argv[0])
                             : NULL;

    if (s == NULL) {
        sqlite3_result_int64(cx, 0);
        return;
    }
    words_split(&w, s, (size_t)sqlite3_value_bytes(argv[0]), false);
    sqlite3_result_int64(cx, words_hash(&w));
    words_free(&w);
}

/* Makes sure speaker_words is there (schema 3): made and filled in one
 * transaction when the index is open to write, else a temporary view
 * of the same rows. Returns 0 or -1. */
static int
index_speaker_words(struct index *ix, struct q_error *err)
{
    int rc;

    if (index_int(ix, "SELECT count(*) FROM sqlite_master WHERE"
                      " name = 'speaker_words'") == 1)
        return 0;
    if (!ix->write)
        return index_exec(ix, "CREATE TEMP VIEW speaker_words(word, key)"
                              " AS" INDEX_SPEAKER_WORDS, err,
                          "opening the index");
    if (index_exec(ix, "BEGIN IMMEDIATE", err, "upgrading the index") < 0)
        return -1;
    rc = index_exec(ix, index_schema_3_speaker_words, err,
                    "upgrading the index");
    if (rc == 0)
        rc = index_exec(ix, "COMMIT", err, "upgrading the index");
    if (rc < 0)
        index_rollback(ix);
    return rc;
}

/* Says what is wrong with an index that will not open, for one line. */
static struct index *
index_open_fail(struct index *ix, struct q_error *err)
{
    index_close(ix);
    (void)err;
    return NULL;
}

struct index *
index_open(const char *path, bool write, struct q_error *err)
{
    struct index *ix = xcalloc(1, sizeof *ix);
    struct stat sb;
    bool exists = stat(path, &sb) == 0;
    int64_t version, tables;
    int flags;

    ix->path = xstrdup(path);
    ix->write = write;
    ix->plan = -1;
    if (!exists && !write) {
        q_error_set(err, "no index here (make one with 'quoth index "
                    "PATH')");
        return index_open_fail(ix, err);
    }
    if (exists && !S_ISREG(sb.st_mode)) {
        q_error_set(err, "not an index (not a regular file)");
        return index_open_fail(ix, err);
    }
    if (exists && access(path, R_OK) < 0) {
        q_error_set(err, "index is unreadable: %s", strerror(errno));
        return index_open_fail(ix, err);
    }
    /* Mode bits too: root may write anything, but a file made read-only
     * is not to be written. */
    if (exists && write &&
        (access(path, W_OK) < 0 || (sb.st_mode & 0222) == 0)) {
        q_error_set(err, "index is read-only: %s",
                    errno == EACCES || errno == EROFS ? strerror(errno)
                                                      : "no write permission");
        return index_open_fail(ix, err);
    }
    flags = write ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
                  : SQLITE_OPEN_READONLY;
    if (sqlite3_open_v2(path, &ix->db, flags | SQLITE_OPEN_NOMUTEX, NULL) !=
        SQLITE_OK) {
        if (ix->db != NULL)
            q_error_set(err, "cannot open the index: %s",
                        sqlite3_errmsg(ix->db));
        else
            q_error_set(err, "cannot open the index");
        return index_open_fail(ix, err);
    }
    sqlite3_extended_result_codes(ix->db, 1);
    sqlite3_busy_timeout(ix->db, 10000);
    /* The first read: a file that is not a database fails here, before
     * anything could be written to it. */
    version = index_int(ix, "PRAGMA user_version");
    tables = index_int(ix, "SELECT count(*) FROM sqlite_master");
    if (version < 0 || tables < 0) {
        int code = sqlite3_errcode(ix->db) & 0xff;
        if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT)
            q_error_set(err, "not a quoth index, or a corrupt one (%s)",
                        sqlite3_errmsg(ix->db));
        else
            index_fail(ix, err, "reading the index");
        return index_open_fail(ix, err);
    }
    if (version > INDEX_SCHEMA) {
        q_error_set(err, "index schema version %lld is newer than this "
                    "quoth reads (%d); use a newer quoth",
                    (long long)version, INDEX_SCHEMA);
        return index_open_fail(ix, err);
    }
    if (version == 0 && tables > 0) {
        q_error_set(err, "not a quoth index (an SQLite database of "
                    "something else)");
        return index_open_fail(ix, err);
    }
    if (version == 0 && !write) {
        q_error_set(err, "empty index (make one with 'quoth index PATH')");
        return index_open_fail(ix, err);
    }
    if (version < INDEX_SCHEMA && !write) {
        q_error_set(err, "index schema version %lld is older than this "
                    "quoth's (%d); 'quoth index' on it upgrades it",
                    (long long)version, INDEX_SCHEMA);
        return index_open_fail(ix, err);
    }
    if (sqlite3_create_function(ix->db, "quoth_match", -1, SQLITE_UTF8, ix,
                                index_match_fn, NULL, NULL) != SQLITE_OK ||
        sqlite3_create_function(ix->db, "quoth_words_hash", 1,
                                SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
                                index_words_hash_fn, NULL, NULL) !=
            SQLITE_OK) {
        index_fail(ix, err, "opening the index");
        return index_open_fail(ix, err);
    }
    if (write) {
        /* WAL: readers go on while the writer writes; NORMAL: a commit is
         * safe from a crash of quoth, and the file stays consistent after
         * a crash of the machine. */
        if (index_exec(ix, "PRAGMA journal_mode = WAL", err,
                       "setting WAL mode") < 0 ||
            index_exec(ix, "PRAGMA synchronous = NORMAL", err,
                       "setting WAL mode") < 0)
            return index_open_fail(ix, err);
        if (version == 0 && index_create(ix, err) < 0)
            return index_open_fail(ix, err);
        if (version > 0 && version < INDEX_SCHEMA &&
            index_upgrade(ix, version, err) < 0)
            return index_open_fail(ix, err);
        if (index_speaker_words(ix, err) < 0)
            return index_open_fail(ix, err);
    } else {
        if (index_speaker_words(ix, err) < 0)
            return index_open_fail(ix, err);
        sqlite3_exec(ix->db, "PRAGMA query_only = 1", NULL, NULL, NULL);
    }
    return ix;
}

void
index_close(struct index *ix)
{
    size_t k;

    if (ix == NULL)
        return;
    for (k = 0; k < S_N; k++)
        sqlite3_finalize(ix->st[k]);
    sqlite3_finalize(ix->rcand);
    if (ix->rdb != NULL)
        sqlite3_close(ix->rdb);
    if (ix->db != NULL) {
        index_rollback(ix);
        sqlite3_close(ix->db);
    }
    free(ix->path);
    free(ix->file_abspath);
    free(ix->file_path);
    free(ix->old);
    free(ix);
}

/* --- Writing ------------------------------------------------------------ */

int
index_file_current(struct index *ix, const char *abspath, const char *hash,
                   struct q_error *err)
{
    sqlite3_stmt *st = index_stmt(ix, S_FILE_CURRENT, err);
    int rc;

    if (st == NULL)
        return -1;
    bind_text(st, 1, abspath);
    bind_text(st, 2, hash);
    bind_text(st, 3, INDEX_EXTRACTOR);
    rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc == SQLITE_ROW)
        return 1;
    if (rc == SQLITE_DONE)
        return 0;
    return index_fail(ix, err, "looking up a file");
}

int
index_file_begin(struct index *ix, const char *abspath, const char *path,
                 struct q_error *err)
{
    sqlite3_stmt *st;
    int rc;

    free(ix->file_abspath);
    free(ix->file_path);
    ix->file_abspath = xstrdup(abspath);
    ix->file_path = xstrdup(path);
    ix->file = 0;
    ix->nold = 0;
    if ((st = index_stmt(ix, S_FILE_FIND, err)) == NULL)
        return -1;
    bind_text(st, 1, abspath);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        ix->file = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return index_fail(ix, err, "looking up a file");
    if (ix->file == 0)
        return 0;
    /* Known file: what it held stops being located here, and is dropped
     * at the end unless it turns up again. */
    if (index_begin(ix, err) < 0)
        return -1;
    if ((st = index_stmt(ix, S_FILE_OLD, err)) == NULL)
        goto fail;
    sqlite3_bind_int64(st, 1, ix->file);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        ix->old = xreallocarray(ix->old, ix->nold + 1, sizeof *ix->old);
        ix->old[ix->nold++] = sqlite3_column_int64(st, 0);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        index_fail(ix, err, "reading a file's articles");
        goto fail;
    }
    if ((st = index_stmt(ix, S_FILE_UNLOCATE, err)) == NULL)
        goto fail;
    sqlite3_bind_int64(st, 1, ix->file);
    if (index_run(ix, st, err, "updating a file") < 0)
        goto fail;
    if ((st = index_stmt(ix, S_FILE_OPEN, err)) == NULL)
        goto fail;
    bind_text(st, 1, path);
    sqlite3_bind_int64(st, 2, ix->file);
    if (index_run(ix, st, err, "updating a file") < 0 ||
        index_commit(ix, err) < 0)
        goto fail;
    return 0;
fail:
    index_rollback(ix);
    return -1;
}

/* The key an article's GUID is found by, or NULL (caller frees). A GUID
 * with a scheme (a URL, urn:, tag:) names the item everywhere and is its
 * own key; any other (a number, a slug) names it only within its site, so
 * its key is the article's domain (else its source's name) and the GUID,
 * and an article with neither has no key: two feeds' "1234" are not the
 * same article. White space at the ends does not count. */
static char *
index_guid_key(const struct article *a)
{
    const char *g = a->guid, *site;
    size_t n;

    if (g == NULL)
        return NULL;
    g += strspn(g, " \t\r\n");
    n = strlen(g);
    while (n > 0 && strchr(" \t\r\n", g[n - 1]) != NULL)
        n--;
    if (n == 0)
        return NULL;
    if (memchr(g, ':', n) != NULL)
        return xstrndup(g, n);
    site = a->domain != NULL ? a->domain : a->source;
    if (site == NULL || *site == '\0')
        return NULL;
    return xasprintf("%s %.*s", site, (int)n, g);
}

/* "0 12 14 40": the paragraphs' byte ranges. */
static char *
index_paras_text(const struct article *a)
{
    struct buf b = {0};
    size_t k;

    for (k = 0; k < a->npara; k++)
        buf_printf(&b, "%s%zu %zu", k ? " " : "", a->paras[k].start,
                   a->paras[k].end);
    return buf_take(&b);
}

static void
index_paras_parse(struct article *a, const char *s)
{
    size_t cap = 0;
    char *end;

    a->npara = 0;
    while (s != NULL && *s != '\0') {
        unsigned long long st = strtoull(s, &end, 10), en;
        if (end == s)
            break;
        s = end;
        en = strtoull(s, &end, 10);
        if (end == s)
            break;
        s = end;
        if (a->npara == cap) {
            cap = cap ? cap * 2 : 16;
            a->paras = xreallocarray(a->paras, cap, sizeof *a->paras);
        }
        a->paras[a->npara].start = (size_t)st;
        a->paras[a->npara].end = (size_t)en;
        a->npara++;
    }
}

/* The article row's values, for INSERT (from 1) and UPDATE (the same). */
static void
index_bind_article(sqlite3_stmt *st, const struct article *a,
                   const char *canon, const char *paras)
{
    bind_text(st, 1, a->url);
    bind_text(st, 2, canon);
    bind_text(st, 3, a->guid);
    bind_text(st, 4, a->sha256);
    bind_text(st, 5, a->title);
    bind_text(st, 6, a->source);
    bind_text(st, 7, a->domain);
    bind_text(st, 8, a->byline);
    bind_text(st, 9, a->date);
    bind_text(st, 10, a->lang);
    bind_text(st, 11, a->format);
    sqlite3_bind_text(st, 12, a->body, (int)a->body_len, SQLITE_STATIC);
    bind_text(st, 13, paras);
    bind_text(st, 14, INDEX_EXTRACTOR);
}

/* The grouping key of a speaker, through `quoth alias`. Caller frees;
 * NULL for no speaker. */
static char *
index_speaker_key(struct index *ix, const char *speaker, struct q_error *err,
                  int *rc)
{
    struct buf b = {0};
    sqlite3_stmt *st;

    *rc = 0;
    if (speaker == NULL)
        return NULL;
    speaker_key(&b, speaker, strlen(speaker));
    if (b.len == 0) {
        buf_free(&b);
        return NULL;
    }
    if ((st = index_stmt(ix, S_ALIAS_FIND, err)) == NULL) {
        *rc = -1;
        return buf_take(&b);
    }
    bind_text(st, 1, b.data);
    if (sqlite3_step(st) == SQLITE_ROW) {
        const char *k = (const char *)sqlite3_column_text(st, 0);
        if (k != NULL) {
            buf_reset(&b);
            buf_puts(&b, k);
        }
    }
    sqlite3_reset(st);
    return buf_take(&b);
}

static int
index_add_speaker(struct index *ix, const char *key, struct q_error *err)
{
    sqlite3_stmt *st;
    const char *w;
    size_t n;

    if (key == NULL)
        return 0;
    if ((st = index_stmt(ix, S_SPEAKER_ADD, err)) == NULL)
        return -1;
    bind_text(st, 1, key);
    if (index_run(ix, st, err, "adding a speaker") < 0)
        return -1;
    if (sqlite3_changes(ix->db) == 0)
        return 0;           /* known: its words are in */
    for (w = key; *w != '\0'; w += n + (w[n] == ' ')) {
        n = strcspn(w, " ");
        if (n == 0)
            continue;
        if ((st = index_stmt(ix, S_SPEAKER_WORD, err)) == NULL)
            return -1;
        sqlite3_bind_text(st, 1, w, (int)n, SQLITE_STATIC);
        bind_text(st, 2, key);
        if (index_run(ix, st, err, "adding a speaker") < 0)
            return -1;
    }
    return 0;
}

static int
index_insert_quotes(struct index *ix, int64_t art, const struct article *a,
                    const struct record *recs, size_t n, struct q_error *err)
{
    struct buf m = {0};
    size_t k, j;
    int rc = 0;

    for (k = 0; k < n && rc == 0; k++) {
        const struct record *r = &recs[k];
        sqlite3_stmt *st = index_stmt(ix, S_QUOTE_INSERT, err);
        char *key;

        if (st == NULL)
            return -1;
        key = index_speaker_key(ix, r->speaker, err, &rc);
        if (rc < 0) {
            free(key);
            break;
        }
        st = index_stmt(ix, S_QUOTE_INSERT, err);
        buf_reset(&m);
        for (j = 0; j < r->nmentions; j++)
            buf_printf(&m, "%s%s", j ? ";" : "", r->mentions[j]);
        bind_text(st, 1, r->id);
        sqlite3_bind_int64(st, 2, art);
        sqlite3_bind_int64(st, 3, (sqlite3_int64)k);
        bind_text(st, 4, r->quote);
        bind_text(st, 5, record_kind_name(r->kind));
        bind_text(st, 6, r->speaker);
        bind_text(st, 7, r->speaker_as_written);
        bind_text(st, 8, key);
        bind_text(st, 9, r->role);
        bind_text(st, 10, r->country[0] ? r->country : NULL);
        bind_text(st, 11, m.len ? m.data : NULL);
        bind_text(st, 12, r->cue);
        bind_text(st, 13, r->venue);
        bind_text(st, 14, r->method);
        if (r->method != NULL)
            sqlite3_bind_double(st, 15, r->confidence);
        bind_off(st, 16, r->start);
        bind_off(st, 17, r->end);
        bind_off(st, 18, r->speaker_start);
        bind_off(st, 19, r->speaker_end);
        bind_off(st, 20, r->cue_start);
        bind_off(st, 21, r->cue_end);
        bind_text(st, 22, r->from[0] ? r->from : NULL);
        bind_off(st, 23, r->para);
        bind_text(st, 24, a->date);
        rc = index_run(ix, st, err, "storing a quote");
        if (rc == 0)
            rc = index_add_speaker(ix, key, err);
        free(key);
    }
    buf_free(&m);
    return rc;
}

/* Applies the stored corrections to the quotes of article art. */
static int
index_apply_fixes(struct index *ix, int64_t art, struct q_error *err)
{
    struct fix {
        char *id, *speaker, *country;
        int none;
    } *fx = NULL;
    sqlite3_stmt *st = index_stmt(ix, S_FIXES_OF, err);
    size_t n = 0, k;
    int rc = 0;

    if (st == NULL)
        return -1;
    sqlite3_bind_int64(st, 1, art);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *id = col(st, 0), *sp = col(st, 1), *cc = col(st, 3);
        fx = xreallocarray(fx, n + 1, sizeof *fx);
        fx[n].id = xstrdup(id ? id : "");
        fx[n].speaker = sp ? xstrdup(sp) : NULL;
        fx[n].country = cc ? xstrdup(cc) : NULL;
        fx[n].none = sqlite3_column_int(st, 2);
        n++;
    }
    sqlite3_reset(st);
    rc = rc == SQLITE_DONE ? 0 : index_fail(ix, err, "reading corrections");
    for (k = 0; k < n && rc == 0; k++) {
        char *key = index_speaker_key(ix, fx[k].speaker, err, &rc);
        if (rc == 0 && (st = index_stmt(ix, S_FIX_APPLY, err)) == NULL)
            rc = -1;
        if (rc == 0) {
            sqlite3_bind_int(st, 1, fx[k].none);
            bind_text(st, 2, fx[k].speaker);
            bind_text(st, 3, key);
            bind_text(st, 4, fx[k].country);
            sqlite3_bind_int64(st, 5, art);
            bind_text(st, 6, fx[k].id);
            rc = index_run(ix, st, err, "applying a correction");
        }
        if (rc == 0)
            rc = index_add_speaker(ix, key, err);
        free(key);
    }
    for (k = 0; k < n; k++) {
        free(fx[k].id);
        free(fx[k].speaker);
        free(fx[k].country);
    }
    free(fx);
    return rc;
}

/* Looks the article up by canonical URL, then GUID key, then body hash.
 * *id is 0 when it is new. */
static int
index_find(struct index *ix, const char *canon, const char *guid,
           const struct article *a, int64_t *id, bool *same_body,
           bool *same_extractor, struct q_error *err)
{
    static const enum index_stmt order[] = {S_FIND_CANON, S_FIND_GUID,
                                            S_FIND_BODY};
    size_t k;

    *id = 0;
    for (k = 0; k < 3 && *id == 0; k++) {
        const char *v = k == 0 ? canon : k == 1 ? guid : a->sha256;
        sqlite3_stmt *st;
        int rc;

        if (v == NULL)
            continue;
        if ((st = index_stmt(ix, order[k], err)) == NULL)
            return -1;
        bind_text(st, 1, v);
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
            const char *h = (const char *)sqlite3_column_text(st, 1);
            const char *x = (const char *)sqlite3_column_text(st, 2);
            *id = sqlite3_column_int64(st, 0);
            *same_body = h != NULL && strcmp(h, a->sha256) == 0;
            *same_extractor = x != NULL && strcmp(x, INDEX_EXTRACTOR) == 0;
        }
        sqlite3_reset(st);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            return index_fail(ix, err, "looking up an article");
    }
    return 0;
}

static bool
index_located(struct index *ix, int64_t art, struct q_error *err, int *rc)
{
    sqlite3_stmt *st = index_stmt(ix, S_LOCATED, err);
    int r;

    *rc = 0;
    if (st == NULL) {
        *rc = -1;
        return false;
    }
    sqlite3_bind_int64(st, 1, art);
    r = sqlite3_step(st);
    sqlite3_reset(st);
    if (r != SQLITE_ROW && r != SQLITE_DONE)
        *rc = index_fail(ix, err, "looking up an article");
    return r == SQLITE_ROW;
}

/* Gives the current file its row, when it has none yet. */
static int
index_file_row(struct index *ix, struct q_error *err)
{
    sqlite3_stmt *st;

    if (ix->file != 0)
        return 0;
    if ((st = index_stmt(ix, S_FILE_NEW, err)) == NULL)
        return -1;
    bind_text(st, 1, ix->file_abspath);
    bind_text(st, 2, ix->file_path);
    if (index_run(ix, st, err, "adding a file") < 0)
        return -1;
    ix->file = sqlite3_last_insert_rowid(ix->db);
    return 0;
}

/* Groups the quotes just stored and settles the groups that lost some
 * (group.c's grouper, when one is set), inside the writer's transaction:
 * the groups are committed with the quotes they group. */
static int
index_group_now(struct index *ix, struct q_error *err)
{
    if (ix->grouper == NULL)
        return 0;
    return ix->grouper(ix->grouper_ctx, ix, SIZE_MAX, err) < 0 ? -1 : 0;
}

int
index_add(struct index *ix, const struct article *a, size_t item,
          const struct record *recs, size_t n, enum index_outcome *how,
          struct q_error *err)
{
    char *canon = record_canon_url(a->url), *paras = NULL;
    char *guid = index_guid_key(a);
    int64_t art = 0, had_file = ix->file;
    bool same_body = false, same_x = false, located;
    sqlite3_stmt *st;
    int rc = -1, r;

    if (ix->file_abspath == NULL) {
        q_error_set(err, "index_add outside a file");
        free(canon);
        free(guid);
        return -1;
    }
    if (index_begin(ix, err) < 0)
        goto out;
    if (index_file_row(ix, err) < 0 ||
        index_find(ix, canon, guid, a, &art, &same_body, &same_x, err) < 0)
        goto fail;
    *how = INDEX_NEW;
    if (art != 0) {
        located = index_located(ix, art, err, &r);
        if (r < 0)
            goto fail;
        /* Found elsewhere as it is, or the first version of it found
         * elsewhere: one more location. Found nowhere else, or by an older
         * extractor: this version replaces it. */
        if ((same_body || located) && same_x) {
            *how = INDEX_LOCATION;
        } else {
            *how = INDEX_UPDATED;
            if ((st = index_stmt(ix, S_QUOTES_DELETE, err)) == NULL)
                goto fail;
            sqlite3_bind_int64(st, 1, art);
            if (index_run(ix, st, err, "replacing quotes") < 0)
                goto fail;
            paras = index_paras_text(a);
            if ((st = index_stmt(ix, S_ART_UPDATE, err)) == NULL)
                goto fail;
            index_bind_article(st, a, canon, paras);
            sqlite3_bind_int64(st, 15, art);
            if (index_run(ix, st, err, "updating an article") < 0)
                goto fail;
        }
    } else {
        paras = index_paras_text(a);
        if ((st = index_stmt(ix, S_ART_INSERT, err)) == NULL)
            goto fail;
        index_bind_article(st, a, canon, paras);
        if (index_run(ix, st, err, "storing an article") < 0)
            goto fail;
        art = sqlite3_last_insert_rowid(ix->db);
    }
    if (*how != INDEX_LOCATION &&
        (index_insert_quotes(ix, art, a, recs, n, err) < 0 ||
         index_apply_fixes(ix, art, err) < 0))
        goto fail;
    /* Under whichever key it was found, it is found by this GUID too. */
    if (guid != NULL) {
        if ((st = index_stmt(ix, S_GUID_ADD, err)) == NULL)
            goto fail;
        bind_text(st, 1, guid);
        sqlite3_bind_int64(st, 2, art);
        if (index_run(ix, st, err, "recording a GUID") < 0)
            goto fail;
    }
    if ((st = index_stmt(ix, S_LOCATE, err)) == NULL)
        goto fail;
    sqlite3_bind_int64(st, 1, ix->file);
    sqlite3_bind_int64(st, 2, (sqlite3_int64)item);
    sqlite3_bind_int64(st, 3, a->line);
    sqlite3_bind_int64(st, 4, art);
    if (index_run(ix, st, err, "recording a location") < 0 ||
        (*how != INDEX_LOCATION && index_group_now(ix, err) < 0) ||
        index_commit(ix, err) < 0)
        goto fail;
    rc = 0;
    goto out;
fail:
    index_rollback(ix);
    ix->file = had_file;
out:
    free(canon);
    free(guid);
    free(paras);
    return rc;
}

/* Deletes article art and its quotes when no location holds it. */
static int
index_drop_if_orphan(struct index *ix, int64_t art, struct q_error *err)
{
    sqlite3_stmt *st;
    int r;

    if (index_located(ix, art, err, &r) || r < 0)
        return r;
    if ((st = index_stmt(ix, S_QUOTES_DELETE, err)) == NULL)
        return -1;
    sqlite3_bind_int64(st, 1, art);
    if (index_run(ix, st, err, "dropping quotes") < 0)
        return -1;
    if ((st = index_stmt(ix, S_GUIDS_DELETE, err)) == NULL)
        return -1;
    sqlite3_bind_int64(st, 1, art);
    if (index_run(ix, st, err, "dropping GUIDs") < 0)
        return -1;
    if ((st = index_stmt(ix, S_ART_DELETE, err)) == NULL)
        return -1;
    sqlite3_bind_int64(st, 1, art);
    return index_run(ix, st, err, "dropping an article");
}

int
index_file_end(struct index *ix, const char *hash, int64_t mtime_ns,
               int64_t size, bool complete, struct q_error *err)
{
    sqlite3_stmt *st;
    size_t k;

    if (ix->nold == 0 && !complete)
        return 0;
    if (index_begin(ix, err) < 0)
        return -1;
    for (k = 0; k < ix->nold; k++)
        if (index_drop_if_orphan(ix, ix->old[k], err) < 0)
            goto fail;
    if (complete) {
        if (index_file_row(ix, err) < 0 ||
            (st = index_stmt(ix, S_FILE_DONE, err)) == NULL)
            goto fail;
        bind_text(st, 1, hash);
        sqlite3_bind_int64(st, 2, mtime_ns);
        sqlite3_bind_int64(st, 3, size);
        bind_text(st, 4, INDEX_EXTRACTOR);
        sqlite3_bind_int64(st, 5, ix->file);
        if (index_run(ix, st, err, "recording a file") < 0)
            goto fail;
    }
    if (index_group_now(ix, err) < 0 || index_commit(ix, err) < 0)
        goto fail;
    ix->nold = 0;
    return 0;
fail:
    index_rollback(ix);
    return -1;
}

/* Runs sql, whose one parameter is an id, once for each of ids[0..n).
 * Returns 0, or -1 on an SQLite error. */
static int
index_exec_ids(struct index *ix, const char *sql, const int64_t *ids,
               size_t n)
{
    sqlite3_stmt *st = NULL;
    size_t k;
    int rc = -1;

    if (sqlite3_prepare_v2(ix->db, sql, -1, &st, NULL) != SQLITE_OK)
        goto out;
    for (k = 0; k < n; k++) {
        sqlite3_reset(st);
        sqlite3_bind_int64(st, 1, ids[k]);
        if (sqlite3_step(st) != SQLITE_DONE)
            goto out;
    }
    rc = 0;
out:
    sqlite3_finalize(st);
    return rc;
}

int
index_prune(struct index *ix, bool files_too, size_t *files,
            struct q_error *err)
{
    sqlite3_stmt *st = NULL;
    int64_t *gone = NULL;
    size_t n = 0;
    int rc;

    *files = 0;
    if (files_too) {
        if (sqlite3_prepare_v2(ix->db, "SELECT id, abspath FROM files", -1,
                               &st, NULL) != SQLITE_OK)
            return index_fail(ix, err, "reading the files");
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            const char *p = (const char *)sqlite3_column_text(st, 1);
            struct stat sb;
            if (p != NULL && strcmp(p, "-") != 0 && stat(p, &sb) < 0 &&
                errno == ENOENT) {
                gone = xreallocarray(gone, n + 1, sizeof *gone);
                gone[n++] = sqlite3_column_int64(st, 0);
            }
        }
        sqlite3_finalize(st);
        st = NULL;
        if (rc != SQLITE_DONE) {
            free(gone);
            return index_fail(ix, err, "reading the files");
        }
    }
    if (index_begin(ix, err) < 0) {
        free(gone);
        return -1;
    }
    if (index_exec_ids(ix, "DELETE FROM locations WHERE file = ?1;", gone,
                       n) < 0 ||
        index_exec_ids(ix, "DELETE FROM files WHERE id = ?1", gone, n) < 0)
        goto fail;
    /* Every article no location holds: of the files just dropped, and of
     * any run killed between a file's start and end. */
    if (sqlite3_exec(ix->db,
                     "DELETE FROM quotes WHERE article IN (SELECT id FROM"
                     " articles a WHERE NOT EXISTS (SELECT 1 FROM locations"
                     " l WHERE l.article = a.id));"
                     "DELETE FROM articles WHERE NOT EXISTS (SELECT 1 FROM"
                     " locations l WHERE l.article = articles.id);"
                     "DELETE FROM guids WHERE NOT EXISTS (SELECT 1 FROM"
                     " articles a WHERE a.id = guids.article);",
                     NULL, NULL, NULL) != SQLITE_OK)
        goto fail;
    if (index_group_now(ix, err) < 0 || index_commit(ix, err) < 0) {
        index_rollback(ix);
        free(gone);
        return -1;
    }
    *files = n;
    free(gone);
    return 0;
fail:
    index_fail(ix, err, "pruning");
    sqlite3_finalize(st);
    index_rollback(ix);
    free(gone);
    return -1;
}

/* FTS5 segments past which index_tidy merges quotes_fts into one. Each
 * run adds segments and FTS5 merges only some; a search that asks FTS5
 * about one rowid (QUERY_PLAN_PROBE) seeks in each: at a million quotes,
 * 27 segments made that 30 us a row, one segment 4 us. */
#define INDEX_SEGMENTS_MAX 8

int
index_tidy(struct index *ix, struct q_error *err)
{
    int64_t segs = index_int(ix, "SELECT count(DISTINCT segid)"
                                 " FROM quotes_fts_idx");

    if (segs <= INDEX_SEGMENTS_MAX)
        return 0;
    return index_exec(ix, "INSERT INTO quotes_fts(quotes_fts)"
                          " VALUES ('optimize')", err,
                      "merging the full-text index");
}

/* --- Reading ------------------------------------------------------------ */

/* The columns a record is made of, in the order index_row reads them. */
#define INDEX_COLS                                                           \
    "q.id, q.quote, q.kind, q.speaker, q.speaker_as_written, q.role,"        \
    " q.country, q.mentions, q.cue, q.venue, q.method, q.confidence,"        \
    " q.start, q.\"end\", q.speaker_start, q.speaker_end, q.cue_start,"      \
    " q.cue_end, q.from_id, q.para, a.title, a.source, a.domain, a.url,"     \
    " a.date, a.byline, (SELECT f.path FROM locations l JOIN files f"        \
    " ON f.id = l.file WHERE l.article = a.id ORDER BY l.file, l.item"       \
    " LIMIT 1), a.format, (SELECT l.line FROM locations l WHERE"             \
    " l.article = a.id ORDER BY l.file, l.item LIMIT 1)"

static size_t
col_off(sqlite3_stmt *st, int k)
{
    if (sqlite3_column_type(st, k) == SQLITE_NULL)
        return RECORD_NONE;
    return (size_t)sqlite3_column_int64(st, k);
}

/* Fills r and a from the current row; the strings are the statement's,
 * valid until it steps again. */
static void
index_row(sqlite3_stmt *st, struct record *r, struct article *a)
{
    const char *s;
    size_t k = 0;

    memset(r, 0, sizeof *r);
    s = col(st, 0);
    snprintf(r->id, sizeof r->id, "%s", s ? s : "");
    r->quote = col(st, 1);
    if (r->quote == NULL)
        r->quote = (char *)"";
    s = col(st, 2);
    r->kind = s != NULL && strcmp(s, "term") == 0 ? QUOTE_TERM
                                                  : QUOTE_SPEECH;
    r->speaker = col(st, 3);
    r->speaker_as_written = col(st, 4);
    r->role = col(st, 5);
    s = col(st, 6);
    snprintf(r->country, sizeof r->country, "%s", s ? s : "");
    s = col(st, 7);
    while (s != NULL && *s != '\0' && k < RECORD_MAX_MENTIONS) {
        size_t n = strcspn(s, ";");
        snprintf(r->mentions[k++], 3, "%.*s", (int)(n < 2 ? n : 2), s);
        s += n + (s[n] == ';');
    }
    r->nmentions = k;
    r->cue = col(st, 8);
    r->venue = col(st, 9);
    r->method = col(st, 10);
    r->confidence = sqlite3_column_double(st, 11);
    r->start = col_off(st, 12);
    r->end = col_off(st, 13);
    r->speaker_start = col_off(st, 14);
    r->speaker_end = col_off(st, 15);
    r->cue_start = col_off(st, 16);
    r->cue_end = col_off(st, 17);
    s = col(st, 18);
    snprintf(r->from, sizeof r->from, "%s", s ? s : "");
    r->para = col_off(st, 19);
    if (r->para == RECORD_NONE)
        r->para = 0;
    memset(a, 0, sizeof *a);
    a->title = col(st, 20);
    a->source = col(st, 21);
    a->domain = col(st, 22);
    a->url = col(st, 23);
    a->date = col(st, 24);
    a->byline = col(st, 25);
    a->path = col(st, 26);
    if (a->path == NULL)
        a->path = (char *)"(no file)";
    a->format = col(st, 27);
    a->line = (long)sqlite3_column_int64(st, 28);
    r->article = a;
}

static int
index_bind_query(sqlite3_stmt *st, const struct query *q)
{
    size_t k;

    for (k = 0; q != NULL && k < q->nparams; k++)
        sqlite3_bind_text(st, (int)k + 1, q->params[k], -1, SQLITE_STATIC);
    return q != NULL ? (int)q->nparams : 0;
}

/* Ends a query's run: the count, or -3 with the query's own error (a
 * regex too complex), or -1 with the database's; st finalised. */
static long
index_run_end(struct index *ix, sqlite3_stmt *st, const struct query *q,
              int rc, long count, struct q_error *err)
{
    if (rc != SQLITE_DONE && q != NULL && query_failed(q) != NULL) {
        q_error_set(err, "%s", query_failed(q)->msg);
        count = -3;
    } else if (rc != SQLITE_DONE) {
        index_fail(ix, err, "running a query");
        count = -1;
    }
    sqlite3_finalize(st);
    ix->run = NULL;
    return count;
}

/* Runs sql (a SELECT of INDEX_COLS and, with body, a.body and a.paras),
 * handing each row to sink. */
static long
index_emit(struct index *ix, const char *sql, const struct query *q,
           const char *extra, const struct record_sink *sink, bool body,
           struct q_error *err)
{
    sqlite3_stmt *st = NULL;
    long count = 0;
    int rc, nb;

    if (sqlite3_prepare_v2(ix->db, sql, -1, &st, NULL) != SQLITE_OK)
        return index_fail(ix, err, "preparing a query");
    nb = index_bind_query(st, q);
    ix->run = q;
    query_start(q);
    if (extra != NULL)
        sqlite3_bind_text(st, nb + 1, extra, -1, SQLITE_STATIC);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct record r;
        struct article a;
        int put;

        index_row(st, &r, &a);
        if (body) {
            const char *b = col(st, 29);
            a.body = (char *)(b != NULL ? b : "");
            a.body_len = (size_t)sqlite3_column_bytes(st, 29);
            index_paras_parse(&a, col(st, 30));
        }
        put = sink->put(sink->ctx, &r);
        free(a.paras);
        if (put < 0) {
            sqlite3_finalize(st);
            return -2;
        }
        count++;
    }
    return index_run_end(ix, st, q, rc, count, err);
}

/* True when where names a column of the articles table (a.x). */
static bool
index_refers_article(const char *where)
{
    const char *s;

    for (s = strstr(where, "a."); s != NULL; s = strstr(s + 1, "a."))
        if (s == where || !(s[-1] == '_' || (s[-1] >= 'a' && s[-1] <= 'z') ||
                            (s[-1] >= 'A' && s[-1] <= 'Z') ||
                            (s[-1] >= '0' && s[-1] <= '9')))
            return true;
    return false;
}

/* What the plans for the first `limit` quotes by -date cost, in tenths
 * of a microsecond, measured on the million-quote index of bench/mkindex:
 * a quote looked up from the FTS5 set and sorted; a match put in the set
 * the walk tests rows against; a row of the date index walked and tested
 * against that set; a row tested by asking FTS5 about its rowid (a seek
 * in every segment of the FTS5 index: 6-8 us with the one segment
 * index_tidy leaves, 20-30 us with 27). */
#define INDEX_COST_SORT 15
#define INDEX_COST_SET 2
#define INDEX_COST_WALK 2
#define INDEX_COST_PROBE 80
/* The FTS5 matches are counted exactly in an index of up to
 * INDEX_SAMPLE_ALL quotes; in a bigger one, in INDEX_SAMPLES windows of
 * INDEX_SAMPLE rowids spread over it (a count costs ~0.25 us a match, so
 * counting them all would cost more than some plans). */
#define INDEX_SAMPLE_ALL 20000
#define INDEX_SAMPLES 10
#define INDEX_SAMPLE 500

/* Fills cost[QUERY_PLAN_*] with what each plan for the first limit
 * quotes of q by -date is expected to cost (tenths of a microsecond),
 * from the number of quotes its FTS5 MATCH finds (estimated) and the
 * number of quotes: few matches are best looked up and sorted; many,
 * found by walking the date index (a walk visits about limit * total /
 * matches rows, when the matches are spread over the dates). Returns
 * false when q has no FTS5 MATCH to count, or on error: then the set it
 * is. */
static bool
index_plan_costs(struct index *ix, const struct query *q, size_t limit,
                 double cost[3])
{
    sqlite3_stmt *st = NULL;
    double n = 0, total, walk;
    int64_t lo, k, windows;

    if (q == NULL || q->fts < 0 || (size_t)q->fts >= q->nparams)
        return false;
    total = (double)index_int(ix, "SELECT coalesce(max(qid), 0) FROM quotes");
    if (total < 1 ||
        sqlite3_prepare_v2(ix->db, "SELECT count(*) FROM quotes_fts WHERE"
                           " quotes_fts MATCH ? AND rowid BETWEEN ? AND ?",
                           -1, &st, NULL) != SQLITE_OK)
        return false;
    sqlite3_bind_text(st, 1, q->params[q->fts], -1, SQLITE_STATIC);
    windows = total <= INDEX_SAMPLE_ALL ? 1 : INDEX_SAMPLES;
    for (k = 0; k < windows; k++) {
        lo = windows == 1 ? 1 : 1 + k * (int64_t)total / windows;
        sqlite3_reset(st);
        sqlite3_bind_int64(st, 2, lo);
        sqlite3_bind_int64(st, 3, windows == 1 ? (int64_t)total
                                               : lo + INDEX_SAMPLE - 1);
        if (sqlite3_step(st) != SQLITE_ROW) {
            sqlite3_finalize(st);
            return false;
        }
        n += sqlite3_column_double(st, 0);
    }
    sqlite3_finalize(st);
    if (windows > 1)
        n = n * total / (INDEX_SAMPLES * INDEX_SAMPLE);
    if (n < 1)
        n = 1;
    walk = (double)limit * total / n;
    if (walk > total)
        walk = total;
    cost[QUERY_PLAN_SET] = n * INDEX_COST_SORT;
    cost[QUERY_PLAN_FILTER] = n * INDEX_COST_SET + walk * INDEX_COST_WALK;
    cost[QUERY_PLAN_PROBE] = walk * INDEX_COST_PROBE;
    return true;
}

static double
index_now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* SQLite's progress callback while a plan runs on a budget: stops the
 * statement (SQLITE_INTERRUPT) once the time is up, or when the browser's
 * stop (index_progress) says so. */
static int
index_plan_progress(void *ctx)
{
    const struct index *ix = ctx;

    return index_now() > ix->deadline ||
           (ix->stop != NULL && ix->stop(ix->stop_ctx));
}

static void index_progress_set(struct index *ix);

/* Hands sink the quotes whose qids are ids[0..n), in that order. Returns
 * as index_search. */
static long
index_emit_qids(struct index *ix, const int64_t *ids, size_t n,
                const struct record_sink *sink, struct q_error *err)
{
    sqlite3_stmt *st = NULL;
    size_t k;
    long count = 0;

    if (sqlite3_prepare_v2(ix->db, "SELECT " INDEX_COLS " FROM quotes q"
                           " JOIN articles a ON a.id = q.article"
                           " WHERE q.qid = ?", -1, &st, NULL) != SQLITE_OK)
        return index_fail(ix, err, "preparing a query");
    for (k = 0; k < n; k++) {
        struct record r;
        struct article a;
        int rc;

        sqlite3_reset(st);
        sqlite3_bind_int64(st, 1, ids[k]);
        rc = sqlite3_step(st);
        if (rc == SQLITE_DONE)
            continue;       /* gone since: a writer deleted it */
        if (rc != SQLITE_ROW) {
            index_fail(ix, err, "running a query");
            sqlite3_finalize(st);
            return -1;
        }
        index_row(st, &r, &a);
        if (sink->put(sink->ctx, &r) < 0) {
            sqlite3_finalize(st);
            return -2;
        }
        count++;
    }
    sqlite3_finalize(st);
    return count;
}

/* The qids of the first limit quotes of q by -date under plan, into
 * *ids (*n of them; *ids grows, *cap says how far), selecting only what
 * orders them. With budget > 0 (seconds), gives up when it takes longer:
 * returns 1. Returns 0, or as index_search. */
static long
index_recent_ids(struct index *ix, const struct query *q, size_t limit,
                 enum query_plan plan, double budget, int64_t **ids,
                 size_t *n, size_t *cap, struct q_error *err)
{
    char *where = q != NULL ? query_where_plan(q, plan) : xstrdup("1");
    struct buf sql = {0};
    sqlite3_stmt *st = NULL;
    long ret = 0;
    int rc;

    /* The set plan looks the quotes up from the FTS5 matches: no index
     * of quotes (country, speaker, date) may drive it instead, which
     * SQLite, without statistics, would pick to save the sort. */
    buf_printf(&sql, "SELECT q.qid FROM quotes q%s%s WHERE %s ORDER BY"
               " q.date DESC, q.article DESC, q.seq LIMIT %zu",
               plan == QUERY_PLAN_SET && q != NULL && q->fts >= 0
                   ? " NOT INDEXED" : "",
               index_refers_article(where)
                   ? " JOIN articles a ON a.id = q.article" : "",
               where, limit);
    free(where);
    rc = sqlite3_prepare_v2(ix->db, sql.data, -1, &st, NULL);
    buf_free(&sql);
    if (rc != SQLITE_OK)
        return index_fail(ix, err, "preparing a query");
    index_bind_query(st, q);
    ix->run = q;
    query_start(q);
    *n = 0;
    if (budget > 0) {
        ix->deadline = index_now() + budget;
        sqlite3_progress_handler(ix->db, 256, index_plan_progress, ix);
    }
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (*n == *cap) {
            *cap = *cap ? 2 * *cap : 128;
            *ids = xreallocarray(*ids, *cap, sizeof **ids);
        }
        (*ids)[(*n)++] = sqlite3_column_int64(st, 0);
    }
    if (budget > 0)
        index_progress_set(ix);     /* back to the caller's, if any */
    if (rc == SQLITE_INTERRUPT && budget > 0) {
        ret = 1;
    } else if (rc != SQLITE_DONE && query_failed(q) != NULL) {
        q_error_set(err, "%s", query_failed(q)->msg);
        ret = -3;
    } else if (rc != SQLITE_DONE) {
        ret = index_fail(ix, err, "running a query");
    }
    sqlite3_finalize(st);
    ix->run = NULL;
    return ret;
}

/* index_search sorted by -date, at most limit (> 0), in two steps: the
 * qids, by the plans in the order of their expected cost, each walk on a
 * time budget (the matches may all be old: the walk then runs long), the
 * set (whose cost the count bounds) last and unbounded; then the records
 * of those qids alone. */
static long
index_search_recent(struct index *ix, const struct query *q, size_t limit,
                    const struct record_sink *sink, struct q_error *err)
{
    enum query_plan order[3] = {QUERY_PLAN_SET};
    double cost[3] = {0, 0, 0};
    size_t nplans = 1, n = 0, cap = 0, k, j;
    int64_t *ids = NULL;
    long ret = 1;

    if (ix->plan == INDEX_PLAN_RUSH) {
        order[0] = QUERY_PLAN_FILTER;
        order[1] = QUERY_PLAN_PROBE;
        nplans = 3;
        cost[QUERY_PLAN_FILTER] = cost[QUERY_PLAN_PROBE] = 0;
    } else if (ix->plan >= 0) {
        order[0] = (enum query_plan)ix->plan;
    } else if (index_plan_costs(ix, q, limit, cost)) {
        order[0] = QUERY_PLAN_SET;
        order[1] = QUERY_PLAN_FILTER;
        order[2] = QUERY_PLAN_PROBE;
        for (k = 1; k < 3; k++)
            for (j = k; j > 0 && cost[order[j]] < cost[order[j - 1]]; j--) {
                enum query_plan t = order[j];
                order[j] = order[j - 1];
                order[j - 1] = t;
            }
        while (order[nplans - 1] != QUERY_PLAN_SET)
            nplans++;
    }
    for (k = 0; k < nplans && ret == 1; k++) {
        double budget = 0;
        if (k + 1 < nplans) {
            /* Four times the estimate, or as long as the next plan
             * should take if longer: a walk slowed by a busy machine is
             * not dropped for a dearer plan, and one that runs long
             * costs at most about twice the best. Costs are tenths of a
             * microsecond; at least 2 ms. */
            budget = 4 * cost[order[k]];
            if (budget < cost[order[k + 1]])
                budget = cost[order[k + 1]];
            budget /= 1e7;
            if (budget < 0.002 && ix->plan != INDEX_PLAN_RUSH)
                budget = 0.002;
            if (budget <= 0)
                budget = 1e-9;
        }
        ret = index_recent_ids(ix, q, limit, order[k], budget, &ids, &n,
                               &cap, err);
    }
    if (ret == 0)
        ret = index_emit_qids(ix, ids, n, sink, err);
    free(ids);
    return ret;
}

void
index_set_plan(struct index *ix, int plan)
{
    ix->plan = plan;
}

long
index_search(struct index *ix, const struct query *q, enum index_sort sort,
             size_t limit, const struct record_sink *sink,
             struct q_error *err)
{
    static const char *const orders[] = {
        [INDEX_SORT_DATE_DESC] = "q.date DESC, q.article DESC, q.seq",
        [INDEX_SORT_DATE] = "q.date IS NULL, q.date, q.article, q.seq",
        [INDEX_SORT_SPEAKER] = ("q.speaker_key IS NULL, q.speaker_key,"
                                " q.date DESC, q.article, q.seq"),
    };
    struct buf sql = {0};
    long n;

    if (sort == INDEX_SORT_DATE_DESC && limit > 0 &&
        ix->plan != INDEX_PLAN_ONE)
        return index_search_recent(ix, q, limit, sink, err);
    buf_printf(&sql, "SELECT " INDEX_COLS " FROM quotes q JOIN articles a"
               " ON a.id = q.article WHERE %s ORDER BY %s",
               q != NULL ? q->where : "1", orders[sort]);
    if (limit > 0)
        buf_printf(&sql, " LIMIT %zu", limit);
    n = index_emit(ix, sql.data, q, NULL, sink, false, err);
    buf_free(&sql);
    return n;
}

long
index_count(struct index *ix, const struct query *q, struct q_error *err)
{
    struct buf sql = {0};
    sqlite3_stmt *st = NULL;
    long n = -1;
    int rc;

    /* every quote: no join, so that SQLite counts the smallest index */
    if (q == NULL || strcmp(q->where, "1") == 0)
        buf_puts(&sql, "SELECT count(*) FROM quotes q");
    else
        buf_printf(&sql, "SELECT count(*) FROM quotes q JOIN articles a"
                   " ON a.id = q.article WHERE %s", q->where);
    rc = sqlite3_prepare_v2(ix->db, sql.data, -1, &st, NULL);
    buf_free(&sql);
    if (rc != SQLITE_OK)
        return index_fail(ix, err, "preparing a query");
    index_bind_query(st, q);
    ix->run = q;
    query_start(q);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        n = (long)sqlite3_column_int64(st, 0);
    else if (query_failed(q) != NULL) {
        q_error_set(err, "%s", query_failed(q)->msg);
        n = -3;
    } else {
        index_fail(ix, err, "running a query");
    }
    sqlite3_finalize(st);
    ix->run = NULL;
    return n;
}

long
index_show(struct index *ix, const char *id, const struct record_sink *sink,
           struct q_error *err)
{
    struct buf pat = {0};
    const char *p;
    long n;

    if (strncmp(id, "quoth:", 6) == 0)
        id += 6;
    for (p = id; *p != '\0'; p++)
        if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f') ||
              (*p >= 'A' && *p <= 'F')))
            break;
    if (*p != '\0' || p - id < 4 || p - id > 12) {
        q_error_set(err, "'%.40s' is not a quote id (4 to 12 hex digits)",
                    id);
        return -3;
    }
    for (p = id; *p != '\0'; p++)
        buf_putc(&pat, (char)(*p >= 'A' && *p <= 'F' ? *p + 32 : *p));
    buf_putc(&pat, '*');
    n = index_emit(ix, "SELECT " INDEX_COLS ", a.body, a.paras FROM quotes q"
                   " JOIN articles a ON a.id = q.article WHERE q.id GLOB ?"
                   " ORDER BY q.id, q.article, q.seq", NULL, pat.data, sink,
                   true, err);
    buf_free(&pat);
    return n;
}

int
index_stats(struct index *ix, const char *path, struct index_stats *s,
            struct q_error *err)
{
    static const struct {
        const char *sql;
        size_t off;
    } counts[] = {
        {"SELECT count(*) FROM articles",
         offsetof(struct index_stats, articles)},
        {"SELECT count(*) FROM quotes", offsetof(struct index_stats, quotes)},
        {"SELECT count(DISTINCT speaker_key) FROM quotes",
         offsetof(struct index_stats, speakers)},
        {"SELECT count(DISTINCT country) FROM quotes",
         offsetof(struct index_stats, countries)},
        {"SELECT count(DISTINCT coalesce(source, domain)) FROM articles",
         offsetof(struct index_stats, sources)},
        {"SELECT count(*) FROM files", offsetof(struct index_stats, files)},
        {"SELECT count(*) FROM locations",
         offsetof(struct index_stats, locations)},
        {"SELECT (SELECT count(*) FROM overrides) +"
         " (SELECT count(*) FROM aliases)",
         offsetof(struct index_stats, overrides)},
    };
    sqlite3_stmt *st = NULL;
    struct stat sb;
    size_t k;

    memset(s, 0, sizeof *s);
    for (k = 0; k < sizeof counts / sizeof *counts; k++) {
        int64_t v = index_int(ix, counts[k].sql);
        if (v < 0)
            return index_fail(ix, err, "counting");
        *(int64_t *)((char *)s + counts[k].off) = v;
    }
    if (sqlite3_prepare_v2(ix->db, "SELECT min(date), max(date) FROM"
                           " articles WHERE date IS NOT NULL AND date <> ''",
                           -1, &st, NULL) != SQLITE_OK)
        return index_fail(ix, err, "counting");
    if (sqlite3_step(st) == SQLITE_ROW) {
        const char *a = col(st, 0), *b = col(st, 1);
        snprintf(s->date_min, sizeof s->date_min, "%s", a ? a : "");
        snprintf(s->date_max, sizeof s->date_max, "%s", b ? b : "");
    }
    sqlite3_finalize(st);
    if (sqlite3_prepare_v2(ix->db, "SELECT extractor FROM articles GROUP BY"
                           " extractor ORDER BY count(*) DESC LIMIT 1", -1,
                           &st, NULL) != SQLITE_OK)
        return index_fail(ix, err, "counting");
    if (sqlite3_step(st) == SQLITE_ROW)
        snprintf(s->extractor, sizeof s->extractor, "%s",
                 col(st, 0) ? col(st, 0) : "");
    sqlite3_finalize(st);
    s->schema = (int)index_int(ix, "PRAGMA user_version");
    if (stat(path, &sb) == 0)
        s->bytes += sb.st_size;
    char *wal = xasprintf("%s-wal", path);
    if (stat(wal, &sb) == 0)
        s->bytes += sb.st_size;
    free(wal);
    return 0;
}

struct index_person {
    char *key, *best, *forms;
    int64_t count, best_count;
};

static int
index_person_cmp(const void *x, const void *y)
{
    const struct index_person *a = x, *b = y;

    if (a->count != b->count)
        return a->count > b->count ? -1 : 1;
    return strcmp(a->key, b->key);
}

long
index_facet(struct index *ix, enum index_facet f, const struct query *q,
            void (*row)(void *ctx, const char *value, int64_t count,
                        const char *forms),
            void *ctx, struct q_error *err)
{
    struct index_person *p = NULL;
    struct buf sql = {0};
    sqlite3_stmt *st = NULL;
    const char *where = q != NULL ? q->where : "1";
    long n = 0;
    size_t np = 0, k;
    int rc;

    if (f == INDEX_PEOPLE)
        buf_printf(&sql, "SELECT q.speaker_key, q.speaker, count(*),"
                   " (SELECT name FROM aliases WHERE name_key ="
                   " q.speaker_key LIMIT 1) FROM"
                   " quotes q JOIN articles a ON a.id = q.article WHERE (%s)"
                   " AND q.speaker_key IS NOT NULL GROUP BY q.speaker_key,"
                   " q.speaker ORDER BY q.speaker_key, count(*) DESC,"
                   " q.speaker", where);
    else if (f == INDEX_COUNTRIES)
        buf_printf(&sql, "SELECT q.country, NULL, count(*), NULL FROM quotes q"
                   " JOIN articles a ON a.id = q.article WHERE (%s) AND"
                   " q.country IS NOT NULL GROUP BY q.country ORDER BY"
                   " count(*) DESC, q.country", where);
    else
        buf_printf(&sql, "SELECT coalesce(a.source, a.domain), NULL,"
                   " count(*), NULL FROM quotes q JOIN articles a ON a.id ="
                   " q.article WHERE (%s) AND coalesce(a.source, a.domain)"
                   " IS NOT NULL GROUP BY 1 ORDER BY 3 DESC, 1", where);
    if (sqlite3_prepare_v2(ix->db, sql.data, -1, &st, NULL) != SQLITE_OK) {
        buf_free(&sql);
        return index_fail(ix, err, "preparing a query");
    }
    buf_free(&sql);
    index_bind_query(st, q);
    ix->run = q;
    query_start(q);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *v = col(st, 0), *form = col(st, 1);
        int64_t c = sqlite3_column_int64(st, 2);

        if (v == NULL)
            continue;
        if (f != INDEX_PEOPLE) {
            row(ctx, v, c, f == INDEX_COUNTRIES ? country_name(v) : NULL);
            n++;
            continue;
        }
        if (np == 0 || strcmp(p[np - 1].key, v) != 0) {
            const char *alias = col(st, 3);
            p = xreallocarray(p, np + 1, sizeof *p);
            p[np++] = (struct index_person){xstrdup(v), NULL, NULL, 0, 0};
            /* `quoth alias` named the person: that name heads the row. */
            if (alias != NULL) {
                p[np - 1].best = xstrdup(alias);
                p[np - 1].best_count = INT64_MAX;
            }
        }
        struct index_person *e = &p[np - 1];
        e->count += c;
        if (form != NULL) {
            char *forms = e->forms;
            e->forms = forms ? xasprintf("%s; %s", forms, form)
                             : xstrdup(form);
            free(forms);
            if (e->best == NULL || c > e->best_count) {
                free(e->best);
                e->best = xstrdup(form);
                e->best_count = c;
            }
        }
    }
    if (rc != SQLITE_DONE && query_failed(q) != NULL)
        q_error_set(err, "%s", query_failed(q)->msg);
    else if (rc != SQLITE_DONE)
        index_fail(ix, err, "running a query");
    sqlite3_finalize(st);
    ix->run = NULL;
    if (f == INDEX_PEOPLE) {
        if (np > 0)
            qsort(p, np, sizeof *p, index_person_cmp);
        for (k = 0; k < np; k++) {
            if (rc == SQLITE_DONE)
                row(ctx, p[k].best ? p[k].best : p[k].key, p[k].count,
                    p[k].forms);
            free(p[k].key);
            free(p[k].best);
            free(p[k].forms);
        }
        free(p);
        n = (long)np;
    }
    if (rc != SQLITE_DONE)
        return query_failed(q) != NULL ? -3 : -1;
    return n;
}

/* --- The browser's timeline (issue 7) ----------------------------------- */

long
index_timeline(struct index *ix, const struct query *q, size_t budget,
               void (*row)(void *ctx, const char *month, int64_t count),
               void *ctx, bool *cut, struct q_error *err)
{
    struct buf sql = {0};
    sqlite3_stmt *st = NULL;
    const char *where = q != NULL ? q->where : "1";
    long n = 0;
    int64_t seen = 0;
    int rc;

    /* at most budget + 1 quotes grouped: one more than the budget tells
     * that there were more */
    buf_printf(&sql, "SELECT m, count(*) FROM (SELECT substr(q.date, 1, 7)"
               " AS m FROM quotes q JOIN articles a ON a.id = q.article"
               " WHERE (%s) LIMIT %zu) GROUP BY m ORDER BY m IS NULL, m",
               where, budget + 1);
    if (sqlite3_prepare_v2(ix->db, sql.data, -1, &st, NULL) != SQLITE_OK) {
        buf_free(&sql);
        return index_fail(ix, err, "preparing a query");
    }
    buf_free(&sql);
    index_bind_query(st, q);
    ix->run = q;
    query_start(q);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t c = sqlite3_column_int64(st, 1);
        row(ctx, col(st, 0), c);
        seen += c;
        n++;
    }
    if (rc != SQLITE_DONE && query_failed(q) != NULL)
        q_error_set(err, "%s", query_failed(q)->msg);
    else if (rc != SQLITE_DONE)
        index_fail(ix, err, "running a query");
    sqlite3_finalize(st);
    ix->run = NULL;
    *cut = seen > (int64_t)budget;
    if (rc != SQLITE_DONE)
        return query_failed(q) != NULL ? -3 : -1;
    return n;
}

/* --- The browser's completion (issue 7) -------------------------------- */

long
index_complete(struct index *ix, enum index_complete what,
               const char *prefix, size_t limit,
               void (*row)(void *ctx, const char *value), void *ctx,
               struct q_error *err)
{
    static const char *const sql[] = {
        /* a word of the grouping key, then the first written form */
        [INDEX_C_SPEAKER] =
            "SELECT (SELECT speaker FROM quotes WHERE speaker_key = w.key"
            " LIMIT 1) FROM (SELECT DISTINCT key FROM speaker_words WHERE"
            " word >= lower(?1) AND word < lower(?1) || char(1114111)"
            " LIMIT ?2) w ORDER BY 1",
        /* one index seek per code: the next code after the last */
        [INDEX_C_COUNTRY] =
            "WITH RECURSIVE c(x, n) AS (SELECT (SELECT min(country) FROM"
            " quotes WHERE country >= upper(?1)), 1 UNION ALL SELECT"
            " (SELECT min(country) FROM quotes WHERE country > c.x), n + 1"
            " FROM c WHERE c.x IS NOT NULL AND n < ?2) SELECT x FROM c"
            " WHERE x IS NOT NULL AND substr(x, 1, length(?1)) = upper(?1)",
        [INDEX_C_SOURCE] =
            "SELECT name FROM check_sources WHERE substr(lower(name), 1,"
            " length(?1)) = lower(?1) ORDER BY n DESC, name LIMIT ?2",
        [INDEX_C_SAVED] =
            "SELECT name FROM saved_queries WHERE substr(lower(name), 1,"
            " length(?1)) = lower(?1) ORDER BY name LIMIT ?2",
    };
    sqlite3_stmt *st = NULL;
    long n = 0;
    int rc;

    /* an index from before check_sources: the sources of the first
     * articles only, so that it stays bounded */
    if (sqlite3_prepare_v2(ix->db, sql[what], -1, &st, NULL) != SQLITE_OK &&
        (what != INDEX_C_SOURCE ||
         sqlite3_prepare_v2(ix->db, "SELECT DISTINCT s FROM (SELECT"
                            " coalesce(source, domain) AS s FROM articles"
                            " LIMIT 20000) WHERE substr(lower(s), 1,"
                            " length(?1)) = lower(?1) ORDER BY s LIMIT ?2",
                            -1, &st, NULL) != SQLITE_OK))
        return index_fail(ix, err, "preparing a completion");
    sqlite3_bind_text(st, 1, prefix, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, (sqlite3_int64)limit);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        if (col(st, 0) != NULL) {
            row(ctx, col(st, 0));
            n++;
        }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return index_fail(ix, err, "completing");
    return n;
}

/* --- Corrections -------------------------------------------------------- */

/* The quote id a prefix names: *out gets the whole id. Returns 1, 0 when
 * none has it, -1 (err filled) when several do or on error. */
static int
index_resolve_id(struct index *ix, const char *id, char out[13],
                 struct q_error *err)
{
    sqlite3_stmt *st = NULL;
    char *pat;
    int n = 0, rc;

    if (strncmp(id, "quoth:", 6) == 0)
        id += 6;
    if (strlen(id) < 4 || strlen(id) > 12 ||
        strspn(id, "0123456789abcdef") != strlen(id)) {
        q_error_set(err, "'%.40s' is not a quote id (4 to 12 hex digits)",
                    id);
        return -1;
    }
    pat = xasprintf("%s*", id);
    if (sqlite3_prepare_v2(ix->db, "SELECT DISTINCT id FROM quotes WHERE id"
                           " GLOB ? LIMIT 2", -1, &st, NULL) != SQLITE_OK) {
        free(pat);
        return index_fail(ix, err, "looking up a quote");
    }
    sqlite3_bind_text(st, 1, pat, -1, SQLITE_STATIC);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (n++ == 0)
            snprintf(out, 13, "%s", col(st, 0) ? col(st, 0) : "");
    }
    if (rc != SQLITE_DONE)
        index_fail(ix, err, "looking up a quote");
    sqlite3_finalize(st);
    free(pat);
    if (rc != SQLITE_DONE)
        return -1;
    if (n > 1) {
        q_error_set(err, "several quotes have ids that begin with %s; give "
                    "more digits", id);
        return -1;
    }
    return n;
}

int
index_fix(struct index *ix, const char *id, enum index_fix what,
          const char *value, struct q_error *err)
{
    static const char *const upsert[] = {
        [INDEX_FIX_SPEAKER] = "INSERT INTO overrides(quote, speaker) VALUES"
            " (?1, ?2) ON CONFLICT(quote) DO UPDATE SET speaker = ?2,"
            " none = 0",
        [INDEX_FIX_NONE] = "INSERT INTO overrides(quote, none) VALUES"
            " (?1, 1) ON CONFLICT(quote) DO UPDATE SET speaker = NULL,"
            " none = 1",
        [INDEX_FIX_COUNTRY] = ("INSERT INTO overrides(quote, country) VALUES"
            " (?1, ?2) ON CONFLICT(quote) DO UPDATE SET country = ?2"),
    };
    sqlite3_stmt *st = NULL;
    int64_t *arts = NULL;
    size_t n = 0, k;
    char whole[13];
    int r, rc;

    r = index_resolve_id(ix, id, whole, err);
    if (r <= 0)
        return r;
    if (index_begin(ix, err) < 0)
        return -1;
    if (sqlite3_prepare_v2(ix->db, upsert[what], -1, &st, NULL) != SQLITE_OK)
        goto fail;
    sqlite3_bind_text(st, 1, whole, -1, SQLITE_STATIC);
    bind_text(st, 2, value);
    if (sqlite3_step(st) != SQLITE_DONE)
        goto fail;
    sqlite3_finalize(st);
    if (sqlite3_prepare_v2(ix->db, "SELECT DISTINCT article FROM quotes"
                           " WHERE id = ?", -1, &st, NULL) != SQLITE_OK)
        goto fail;
    sqlite3_bind_text(st, 1, whole, -1, SQLITE_STATIC);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        arts = xreallocarray(arts, n + 1, sizeof *arts);
        arts[n++] = sqlite3_column_int64(st, 0);
    }
    if (rc != SQLITE_DONE)
        goto fail;
    sqlite3_finalize(st);
    st = NULL;
    for (k = 0; k < n; k++)
        if (index_apply_fixes(ix, arts[k], err) < 0)
            goto fail_quiet;
    free(arts);
    if (index_commit(ix, err) < 0) {
        index_rollback(ix);
        return -1;
    }
    return 1;
fail:
    index_fail(ix, err, "storing a correction");
fail_quiet:
    sqlite3_finalize(st);
    free(arts);
    index_rollback(ix);
    return -1;
}

long
index_alias(struct index *ix, const char *form, const char *name,
            struct q_error *err)
{
    struct buf fk = {0}, nk = {0};
    sqlite3_stmt *st = NULL;
    long changed = -1;

    speaker_key(&fk, form, strlen(form));
    speaker_key(&nk, name, strlen(name));
    if (fk.len == 0 || nk.len == 0) {
        q_error_set(err, "a name needs letters");
        goto out;
    }
    if (index_begin(ix, err) < 0)
        goto out;
    if (sqlite3_prepare_v2(ix->db, "INSERT OR REPLACE INTO aliases(form_key,"
                           " form, name, name_key) VALUES (?, ?, ?, ?)", -1,
                           &st, NULL) != SQLITE_OK)
        goto fail;
    sqlite3_bind_text(st, 1, fk.data, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, form, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, name, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, nk.data, -1, SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_DONE)
        goto fail;
    sqlite3_finalize(st);
    /* The quotes already indexed under the form's key, and under keys
     * that were aliased to it. */
    if (sqlite3_prepare_v2(ix->db, "UPDATE quotes SET speaker_key = ?2"
                           " WHERE speaker_key = ?1", -1, &st, NULL) !=
        SQLITE_OK)
        goto fail;
    sqlite3_bind_text(st, 1, fk.data, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, nk.data, -1, SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_DONE)
        goto fail;
    changed = sqlite3_changes(ix->db);
    sqlite3_finalize(st);
    st = NULL;
    if (index_add_speaker(ix, nk.data, err) < 0 ||
        index_exec(ix, "UPDATE aliases SET name_key = (SELECT a2.name_key"
                   " FROM aliases a2 WHERE a2.form_key = aliases.name_key)"
                   " WHERE name_key IN (SELECT form_key FROM aliases)",
                   err, "storing an alias") < 0 ||
        index_commit(ix, err) < 0) {
        index_rollback(ix);
        changed = -1;
    }
    goto out;
fail:
    index_fail(ix, err, "storing an alias");
    sqlite3_finalize(st);
    index_rollback(ix);
    changed = -1;
out:
    buf_free(&fk);
    buf_free(&nk);
    return changed;
}

long
index_overrides(struct index *ix,
                void (*row)(void *ctx, const char *kind, const char *target,
                            const char *what),
                void *ctx, struct q_error *err)
{
    sqlite3_stmt *st = NULL;
    long n = 0;
    int rc;

    if (sqlite3_prepare_v2(ix->db, "SELECT 'fix', quote, trim("
                           " CASE WHEN none THEN 'no speaker'"
                           "  WHEN speaker IS NOT NULL THEN 'speaker ' ||"
                           "  speaker ELSE '' END ||"
                           " CASE WHEN country IS NOT NULL THEN"
                           "  CASE WHEN none OR speaker IS NOT NULL THEN"
                           "  ', ' ELSE '' END || 'country ' || country"
                           "  ELSE '' END) FROM overrides UNION ALL"
                           " SELECT 'alias', form, name FROM aliases"
                           " ORDER BY 1 DESC, 2", -1, &st, NULL) !=
        SQLITE_OK)
        return index_fail(ix, err, "reading corrections");
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        row(ctx, col(st, 0), col(st, 1) ? col(st, 1) : "",
            col(st, 2) ? col(st, 2) : "");
        n++;
    }
    if (rc != SQLITE_DONE)
        n = index_fail(ix, err, "reading corrections");
    sqlite3_finalize(st);
    return n;
}

/* --- Highlighting and saved searches -------------------------------------- */

static int
index_span_cmp(const void *x, const void *y)
{
    const struct query_span *a = x, *b = y;

    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    return (a->end > b->end) - (a->end < b->end);
}

/* Appends the spans FTS5's highlight() marks in the quote (column 0) of
 * row qid for expr: the text comes back with \x01 before and \x02 after
 * each match. */
static int
index_fts_spans(struct index *ix, int64_t qid, const char *expr,
                struct query_span **spans, size_t *n, struct q_error *err)
{
    sqlite3_stmt *st = NULL;
    const char *h;
    size_t i, off = 0, start = 0;
    int rc;

    if (sqlite3_prepare_v2(ix->db, "SELECT highlight(quotes_fts, 0,"
                           " char(1), char(2)) FROM quotes_fts WHERE"
                           " quotes_fts MATCH ? AND rowid = ?", -1, &st,
                           NULL) != SQLITE_OK)
        return index_fail(ix, err, "highlighting");
    sqlite3_bind_text(st, 1, expr, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, qid);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW && (h = col(st, 0)) != NULL) {
        for (i = 0; h[i] != '\0'; i++) {
            if (h[i] == '\x01') {
                start = off;
            } else if (h[i] == '\x02') {
                *spans = xreallocarray(*spans, *n + 1, sizeof **spans);
                (*spans)[(*n)++] = (struct query_span){start, off};
            } else {
                off++;
            }
        }
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return index_fail(ix, err, "highlighting");
    return 0;
}

long
index_spans(struct index *ix, const struct query *q, const char *id,
            struct query_span **spans, struct q_error *err)
{
    sqlite3_stmt *st = NULL;
    const char *text;
    size_t n = 0, k, m;
    int64_t qid;
    int rc;

    *spans = NULL;
    if (sqlite3_prepare_v2(ix->db, "SELECT qid, quote FROM quotes WHERE"
                           " id = ? ORDER BY qid LIMIT 1", -1, &st,
                           NULL) != SQLITE_OK)
        return index_fail(ix, err, "highlighting");
    sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) {
        sqlite3_finalize(st);
        if (rc == SQLITE_DONE)
            return 0;
        return index_fail(ix, err, "highlighting");
    }
    qid = sqlite3_column_int64(st, 0);
    text = col(st, 1);
    /* a quote holding the markers would confuse the FTS5 part */
    if (q->highlight != NULL && text != NULL &&
        strpbrk(text, "\x01\x02") == NULL &&
        index_fts_spans(ix, qid, q->highlight, spans, &n, err) < 0) {
        sqlite3_finalize(st);
        free(*spans);
        *spans = NULL;
        return -1;
    }
    if (text != NULL)
        query_spans(q, text, (size_t)sqlite3_column_bytes(st, 1), spans,
                    &n);
    sqlite3_finalize(st);
    /* sorted, overlaps made one */
    if (n > 1)
        qsort(*spans, n, sizeof **spans, index_span_cmp);
    for (k = 0, m = 0; k < n; k++) {
        if (m > 0 && (*spans)[k].start <= (*spans)[m - 1].end) {
            if ((*spans)[k].end > (*spans)[m - 1].end)
                (*spans)[m - 1].end = (*spans)[k].end;
        } else {
            (*spans)[m++] = (*spans)[k];
        }
    }
    return (long)m;
}

int
index_query_save(struct index *ix, const char *name, const char *text,
                 struct q_error *err)
{
    sqlite3_stmt *st = NULL;
    int rc;

    if (sqlite3_prepare_v2(ix->db, "INSERT OR REPLACE INTO saved_queries"
                           "(name, query) VALUES (?, ?)", -1, &st,
                           NULL) != SQLITE_OK)
        return index_fail(ix, err, "saving a search");
    sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, text, -1, SQLITE_STATIC);
    rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return index_fail(ix, err, "saving a search");
    return 0;
}

int
index_query_remove(struct index *ix, const char *name, struct q_error *err)
{
    sqlite3_stmt *st = NULL;
    int rc;

    if (sqlite3_prepare_v2(ix->db, "DELETE FROM saved_queries WHERE"
                           " name = ?", -1, &st, NULL) != SQLITE_OK)
        return index_fail(ix, err, "removing a saved search");
    sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
    rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return index_fail(ix, err, "removing a saved search");
    return sqlite3_changes(ix->db) > 0 ? 1 : 0;
}

int
index_query_get(struct index *ix, const char *name, char **text,
                struct q_error *err)
{
    sqlite3_stmt *st = NULL;
    int rc;

    *text = NULL;
    if (sqlite3_prepare_v2(ix->db, "SELECT query FROM saved_queries WHERE"
                           " name = ?", -1, &st, NULL) != SQLITE_OK)
        return index_fail(ix, err, "reading a saved search");
    sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *text = xstrdup(col(st, 0) ? col(st, 0) : "");
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return index_fail(ix, err, "reading a saved search");
    return rc == SQLITE_ROW;
}

int
index_query_lookup(void *ctx, const char *name, char **text, char *msg,
                   size_t msgsize)
{
    struct q_error err = {{0}};
    int r = index_query_get(ctx, name, text, &err);

    if (r < 0)
        snprintf(msg, msgsize, "%s", err.msg);
    return r;
}

long
index_query_list(struct index *ix,
                 void (*row)(void *ctx, const char *name, const char *text),
                 void *ctx, struct q_error *err)
{
    sqlite3_stmt *st = NULL;
    long n = 0;
    int rc;

    if (sqlite3_prepare_v2(ix->db, "SELECT name, query FROM saved_queries"
                           " ORDER BY name", -1, &st, NULL) != SQLITE_OK)
        return index_fail(ix, err, "listing saved searches");
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        row(ctx, col(st, 0), col(st, 1) ? col(st, 1) : "");
        n++;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return index_fail(ix, err, "listing saved searches");
    return n;
}

/* --- Checking claims (check.c, schema 3) ---------------------------------- */

int
index_coverage(struct index *ix, struct index_coverage *c,
               struct q_error *err)
{
    sqlite3_stmt *st = NULL;

    memset(c, 0, sizeof *c);
    c->articles = index_int(ix, "SELECT n FROM check_counts"
                            " WHERE k = 'articles'");
    c->quotes = index_int(ix, "SELECT n FROM check_counts"
                          " WHERE k = 'quotes'");
    c->sources = index_int(ix, "SELECT count(*) FROM check_sources"
                           " WHERE n > 0");
    if (c->articles < 0 || c->quotes < 0 || c->sources < 0)
        return index_fail(ix, err, "counting what was searched");
    if (sqlite3_prepare_v2(ix->db, "SELECT (SELECT min(date) FROM articles"
                           " WHERE date > ''), (SELECT max(date) FROM"
                           " articles WHERE date > '')", -1, &st,
                           NULL) != SQLITE_OK)
        return index_fail(ix, err, "counting what was searched");
    if (sqlite3_step(st) == SQLITE_ROW) {
        const char *a = col(st, 0), *b = col(st, 1);
        snprintf(c->date_min, sizeof c->date_min, "%s", a ? a : "");
        snprintf(c->date_max, sizeof c->date_max, "%s", b ? b : "");
    }
    sqlite3_finalize(st);
    return 0;
}

/* Runs sql (a SELECT of INDEX_COLS, q.qid, q.speaker_key, v.h) with text
 * (or num when text is NULL) and limit bound, handing each row to fn. */
static long
index_hits(struct index *ix, const char *sql, const char *text, int64_t num,
           size_t limit, index_hit_fn *fn, void *ctx, struct q_error *err)
{
    sqlite3_stmt *st = NULL;
    long n = 0;
    int rc;

    if (sqlite3_prepare_v2(ix->db, sql, -1, &st, NULL) != SQLITE_OK)
        return index_fail(ix, err, "looking up candidates");
    if (text != NULL)
        sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
    else
        sqlite3_bind_int64(st, 1, num);
    sqlite3_bind_int64(st, 2, (sqlite3_int64)limit);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct index_hit h;
        struct record r;
        struct article a;

        index_row(st, &r, &a);
        h.r = &r;
        h.qid = sqlite3_column_int64(st, 29);
        h.key = col(st, 30);
        h.group = sqlite3_column_int64(st, 31);
        n++;
        if (fn(ctx, &h) < 0)
            break;
    }
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        n = index_fail(ix, err, "looking up candidates");
    sqlite3_finalize(st);
    return n;
}

#define INDEX_HIT_SQL                                                        \
    "SELECT " INDEX_COLS ", q.qid, q.speaker_key, v.h FROM quotes q"         \
    " JOIN articles a ON a.id = q.article LEFT JOIN variants v"              \
    " ON v.qid = q.qid WHERE "

long
index_candidates(struct index *ix, enum index_cand how, const char *text,
                 int64_t num, size_t limit, index_hit_fn *fn, void *ctx,
                 struct q_error *err)
{
    static const char *const sql[] = {
        /* the best of an FTS5 expression over the quote column */
        [INDEX_CAND_MATCH] = INDEX_HIT_SQL "q.qid IN (SELECT rowid FROM"
            " quotes_fts WHERE quotes_fts MATCH ?1 ORDER BY rank LIMIT ?2)",
        /* the same words: one lookup of their hash */
        [INDEX_CAND_GROUP] = INDEX_HIT_SQL "q.qid IN (SELECT qid FROM"
            " variants WHERE h = ?1 LIMIT ?2) ORDER BY q.date, q.qid",
        [INDEX_CAND_ID] = INDEX_HIT_SQL "q.id GLOB ?1 ORDER BY q.qid"
            " LIMIT ?2",
        /* the quote and its variant group (schema 4), oldest first */
        [INDEX_CAND_VARIANTS] = INDEX_HIT_SQL "q.qid IN (SELECT ?1 UNION"
            " SELECT qid FROM vgroups WHERE g = (SELECT g FROM vgroups"
            " WHERE qid = ?1)) ORDER BY q.date, q.qid LIMIT ?2",
    };

    return index_hits(ix, sql[how], how == INDEX_CAND_GROUP ||
                                        how == INDEX_CAND_VARIANTS ? NULL
                                                                   : text,
                      num, limit, fn, ctx, err);
}

long
index_bodies(struct index *ix, const char *expr, size_t limit,
             int (*fn)(void *ctx, const struct article *a), void *ctx,
             struct q_error *err)
{
    sqlite3_stmt *st = NULL;
    long n = 0;
    int rc;

    if (sqlite3_prepare_v2(ix->db, "SELECT a.title, a.source, a.domain,"
                           " a.url, a.date, a.body, (SELECT f.path FROM"
                           " locations l JOIN files f ON f.id = l.file"
                           " WHERE l.article = a.id ORDER BY l.file, l.item"
                           " LIMIT 1) FROM articles a WHERE a.id IN (SELECT"
                           " rowid FROM articles_fts WHERE articles_fts"
                           " MATCH ?1 LIMIT ?2)", -1, &st,
                           NULL) != SQLITE_OK)
        return index_fail(ix, err, "searching the articles' text");
    sqlite3_bind_text(st, 1, expr, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, (sqlite3_int64)limit);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct article a;

        memset(&a, 0, sizeof a);
        a.title = col(st, 0);
        a.source = col(st, 1);
        a.domain = col(st, 2);
        a.url = col(st, 3);
        a.date = col(st, 4);
        a.body = col(st, 5);
        a.body_len = (size_t)sqlite3_column_bytes(st, 5);
        a.path = col(st, 6);
        if (a.body == NULL)
            continue;
        n++;
        if (fn(ctx, &a) < 0)
            break;
    }
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        n = index_fail(ix, err, "searching the articles' text");
    sqlite3_finalize(st);
    return n;
}

long
index_card(struct index *ix, enum index_card what, const struct query *q,
           index_card_fn *row, void *ctx, struct q_error *err)
{
    static const char *const sql[] = {
        /* as the articles described them: the first spelling of each */
        [INDEX_CARD_ROLES] = "SELECT min(q.role), min(q.date), max(q.date),"
            " count(DISTINCT q.article), count(*) FROM quotes q JOIN"
            " articles a ON a.id = q.article WHERE (%s) AND q.role IS NOT"
            " NULL GROUP BY lower(q.role) ORDER BY 2, 1",
        [INDEX_CARD_COUNTRIES] = "SELECT q.country, min(q.date),"
            " max(q.date), count(DISTINCT q.article), count(*) FROM quotes q"
            " JOIN articles a ON a.id = q.article WHERE (%s) AND q.country"
            " IS NOT NULL GROUP BY q.country ORDER BY 2, 1",
        [INDEX_CARD_MONTHS] = "SELECT substr(q.date, 1, 7), NULL, NULL,"
            " count(DISTINCT q.article), count(*) FROM quotes q JOIN"
            " articles a ON a.id = q.article WHERE (%s) AND q.date IS NOT"
            " NULL GROUP BY 1 ORDER BY 1",
        [INDEX_CARD_FORMS] = "SELECT f, NULL, NULL, NULL, count(*) FROM"
            " (SELECT q.speaker AS f FROM quotes q JOIN articles a ON a.id ="
            " q.article WHERE (%1$s) UNION ALL SELECT q.speaker_as_written"
            " FROM quotes q JOIN articles a ON a.id = q.article WHERE (%1$s)"
            " AND q.method IS NOT 'pronoun') WHERE f IS NOT NULL GROUP BY f"
            " ORDER BY 5 DESC, 1",
    };
    struct buf b = {0};
    sqlite3_stmt *st = NULL;
    long n = 0;
    int rc;

    buf_printf(&b, sql[what], q->where, q->where);
    rc = sqlite3_prepare_v2(ix->db, b.data, -1, &st, NULL);
    buf_free(&b);
    if (rc != SQLITE_OK)
        return index_fail(ix, err, "preparing a query");
    /* the WHERE twice for the forms: its parameters twice */
    for (int pass = 0; pass < (what == INDEX_CARD_FORMS ? 2 : 1); pass++)
        for (size_t k = 0; k < q->nparams; k++)
            sqlite3_bind_text(st, (int)(pass * q->nparams + k + 1),
                              q->params[k], -1, SQLITE_STATIC);
    ix->run = q;
    query_start(q);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        row(ctx, col(st, 0), col(st, 1), col(st, 2),
            sqlite3_column_int64(st, 3), sqlite3_column_int64(st, 4));
        n++;
    }
    if (rc != SQLITE_DONE)
        n = index_fail(ix, err, "running a query");
    sqlite3_finalize(st);
    ix->run = NULL;
    return n;
}

long
index_term_docs(struct index *ix, const char *expr, size_t cap,
                struct q_error *err)
{
    sqlite3_stmt *st = NULL;
    long n = -1;

    if (sqlite3_prepare_v2(ix->db, "SELECT count(*) FROM (SELECT 1 FROM"
                           " quotes_fts WHERE quotes_fts MATCH ?1 LIMIT ?2)",
                           -1, &st, NULL) != SQLITE_OK)
        return index_fail(ix, err, "counting a word");
    sqlite3_bind_text(st, 1, expr, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, (sqlite3_int64)cap);
    if (sqlite3_step(st) == SQLITE_ROW)
        n = (long)sqlite3_column_int64(st, 0);
    else
        index_fail(ix, err, "counting a word");
    sqlite3_finalize(st);
    return n;
}

/* The browser's conflict mark (ux.md 5.1): is:conflict's test (query.c)
 * for one quote, by its group's row in vgroups_conflicts: two lookups by
 * key, however often its words were printed. */
int
index_conflict(struct index *ix, int64_t qid, struct q_error *err)
{
    sqlite3_stmt *st = NULL;
    int rc = 0;

    if (sqlite3_prepare_v2(ix->db,
                           "SELECT q.kind = 'speech' AND length(q.quote) >= 20"
                           " AND EXISTS (SELECT 1 FROM vgroups v"
                           " JOIN vgroups_conflicts c ON c.g = v.g"
                           " WHERE v.qid = q.qid)"
                           " FROM quotes q WHERE q.qid = ?1", -1, &st,
                           NULL) != SQLITE_OK)
        return index_fail(ix, err, "looking for a conflict");
    sqlite3_bind_int64(st, 1, (sqlite3_int64)qid);
    switch (sqlite3_step(st)) {
    case SQLITE_ROW:
        rc = sqlite3_column_int(st, 0) != 0;
        break;
    case SQLITE_DONE:
        break;
    default:
        rc = index_fail(ix, err, "looking for a conflict");
    }
    sqlite3_finalize(st);
    return rc;
}

char *
index_speaker_group(struct index *ix, const char *name, struct q_error *err)
{
    int rc;
    char *key = index_speaker_key(ix, name, err, &rc);

    if (rc < 0) {
        free(key);
        return NULL;
    }
    return key;
}

/* --- Browsing: keyset pages, cases (ui/browse.c) ------------------------- */

/* schema 3: cases. The browser's marks: a quote (by id) in a named case
 * file, with a one-line note. Made by the first mark on an index of
 * schema 2, or with a new index; the case's ids are mirrored into the
 * saved search of its name, so that @NAME reopens it. */
static const char index_schema_cases[] =
    "CREATE TABLE IF NOT EXISTS case_marks("
    " name TEXT NOT NULL, id TEXT NOT NULL, note TEXT NOT NULL DEFAULT '',"
    " added TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
    " PRIMARY KEY(name, id)) WITHOUT ROWID;";

/* What a sort is made of, for keys: its column (NULLs last), whether it
 * runs down, and the columns that break its ties, so that a key names one
 * row. The date sorts break ties by article and place in it: the
 * quotes_date index then gives the whole order, and a page anywhere is a
 * range scan. The speaker sort breaks them by rowid. */
static const struct {
    const char *col, *ties;
    int nties;
    bool desc;
} index_sort_keys[] = {
    [INDEX_SORT_DATE_DESC] = {"q.date", "q.article, q.seq", 2, true},
    [INDEX_SORT_DATE] = {"q.date", "q.article, q.seq", 2, false},
    [INDEX_SORT_SPEAKER] = {"q.speaker_key", "q.qid", 1, false},
};

/* Runs one segment of a page: the rows of q with the sort column not
 * NULL (or NULL, with nulls) after (or before, with back; or at, with
 * incl) key, nearest first. Returns the number handed on, or as
 * index_search. */
/* Milliseconds of the monotonic clock. */
static double
index_ms(void)
{
    struct timespec t;

    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

/* The progress handler: the caller's stop, and the budget of a plan. */
static int
index_progress_fn(void *arg)
{
    struct index *ix = arg;

    if (ix->budget > 0 && index_ms() > ix->budget) {
        ix->over = true;
        return 1;
    }
    return ix->stop != NULL && ix->stop(ix->stop_ctx);
}

/* Installs the handler when a stop or a budget wants it. */
static void
index_progress_set(struct index *ix)
{
    bool on = ix->stop != NULL || ix->budget > 0;

    /* about a tenth of a millisecond of work between calls */
    sqlite3_progress_handler(ix->db, on ? 1000 : 0,
                             on ? index_progress_fn : NULL, ix);
}

void
index_progress(struct index *ix, int (*stop)(void *ctx), void *ctx)
{
    ix->stop = stop;
    ix->stop_ctx = ctx;
    ix->budget = 0;
    index_progress_set(ix);
}

/* q's WHERE with its full-text and trigram candidates made checks
 * ("+q.qid IN"): SQLite then walks the sort's index and stops at the page's
 * last row, instead of sorting every candidate. Caller frees. */
static char *
index_walk_where(const char *where)
{
    struct buf w = {0};
    const char *p;

    while ((p = strstr(where, "q.qid IN (")) != NULL) {
        buf_append(&w, where, (size_t)(p - where));
        buf_puts(&w, "+q.qid IN (");
        where = p + strlen("q.qid IN (");
    }
    buf_puts(&w, where);
    return buf_take(&w);
}

/* How a page of a query is read: as SQLite plans it; led by what the
 * query selects (its full-text candidates, NOT INDEXED so that only their
 * rowids reach quotes; else its own columns, the sort column's test made
 * "+" so that its index cannot serve); or walking an index in the sort's
 * order with the candidates as a check. */
enum index_plan { PLAN_ANY, PLAN_LEAD, PLAN_WALK };

static long
index_segment_plan(struct index *ix, const struct query *q,
                   enum index_sort sort, bool nulls, enum index_plan plan,
                   const struct index_key *key, bool back, bool incl,
                   size_t limit, index_page_fn *put, void *ctx,
                   struct q_error *err);

/* One segment of a page (index_segment_plan), by the better of two
 * plans: what the query selects leads (best when it is little) for at
 * most 20 ms; past that SQLite may walk an index in the sort's order,
 * the query's candidates a check (best when they are many: the page
 * fills early). */
static long
index_segment(struct index *ix, const struct query *q, enum index_sort sort,
              bool nulls, const struct index_key *key, bool back, bool incl,
              size_t limit, index_page_fn *put, void *ctx,
              struct q_error *err)
{
    long n;

    if (q == NULL || strcmp(q->where, "1") == 0)
        return index_segment_plan(ix, q, sort, nulls, PLAN_ANY, key, back,
                                  incl, limit, put, ctx, err);
    /* a query reaches its NULL rows only when it has few dated ones, and
     * then it has few undated ones too: they lead, always */
    if (nulls)
        return index_segment_plan(ix, q, sort, nulls, PLAN_LEAD, key, back,
                                  incl, limit, put, ctx, err);
    /* time, not steps: a page is mostly waiting for the disk */
    ix->budget = index_ms() + 20;
    ix->over = false;
    index_progress_set(ix);
    n = index_segment_plan(ix, q, sort, nulls, PLAN_LEAD, key, back, incl,
                           limit, put, ctx, err);
    ix->budget = 0;
    index_progress_set(ix);
    if (n == -1 && ix->over) {
        ix->over = false;
        n = index_segment_plan(ix, q, sort, nulls, PLAN_WALK, key, back,
                               incl, limit, put, ctx, err);
    }
    return n;
}

static long
index_segment_plan(struct index *ix, const struct query *q,
                   enum index_sort sort, bool nulls, enum index_plan plan,
                   const struct index_key *key, bool back, bool incl,
                   size_t limit, index_page_fn *put, void *ctx,
                   struct q_error *err)
{
    bool fts = q != NULL && strstr(q->where, "q.qid IN (") != NULL;
    bool lead = plan == PLAN_LEAD;
    const char *c = index_sort_keys[sort].col;
    const char *ties = index_sort_keys[sort].ties;
    int nt = index_sort_keys[sort].nties, k, nb;
    bool down = index_sort_keys[sort].desc != back;
    const char *op = down ? "<" : ">", *dir = down ? " DESC" : "";
    struct buf sql = {0}, order = {0};
    const char *t;
    char *where;
    sqlite3_stmt *st = NULL;
    long count = 0;
    int rc;

    /* every column of the order in the one direction */
    if (!nulls)
        buf_printf(&order, "%s%s", c, dir);
    for (t = ties; *t != '\0';) {
        size_t n = strcspn(t, ",");
        buf_printf(&order, "%s%.*s%s", order.len ? ", " : "", (int)n, t, dir);
        t += n;
        while (*t == ',' || *t == ' ')
            t++;
    }
    where = plan == PLAN_WALK ? index_walk_where(q->where)
                              : xstrdup(q != NULL ? q->where : "1");
    buf_printf(&sql, "SELECT " INDEX_COLS ", q.qid, %s, %s%s FROM quotes q%s"
               " JOIN articles a ON a.id = q.article WHERE (%s) AND %s%s IS"
               " %sNULL", c, ties, nt < 2 ? ", 0" : "",
               lead && fts ? " NOT INDEXED" : "", where,
               lead && !fts ? "+" : "", c, nulls ? "" : "NOT ");
    free(where);
    /* a row value: SQLite scans the index from the key */
    if (key != NULL)
        buf_printf(&sql, " AND (%s%s%s) %s%s (%s)", nulls ? "" : c,
                   nulls ? "" : ", ", ties, op, incl ? "=" : "",
                   (nulls ? 0 : 1) + nt == 3 ? "?, ?, ?"
                   : (nulls ? 0 : 1) + nt == 2 ? "?, ?" : "?");
    buf_printf(&sql, " ORDER BY %s LIMIT %zu", order.data, limit);
    buf_free(&order);
    rc = sqlite3_prepare_v2(ix->db, sql.data, -1, &st, NULL);
    buf_free(&sql);
    if (rc != SQLITE_OK)
        return index_fail(ix, err, "preparing a query");
    nb = index_bind_query(st, q);
    if (key != NULL) {
        if (!nulls)
            sqlite3_bind_text(st, ++nb, key->val, -1, SQLITE_STATIC);
        for (k = 0; k < nt; k++)
            sqlite3_bind_int64(st, ++nb, key->tie[k]);
    }
    ix->run = q;
    query_start(q);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct index_key kk = {(char *)col(st, 30),
                               sqlite3_column_int64(st, 29),
                               {sqlite3_column_int64(st, 31),
                                sqlite3_column_int64(st, 32)}};
        struct record r;
        struct article a;

        index_row(st, &r, &a);
        if (put(ctx, &r, &kk) < 0) {
            sqlite3_finalize(st);
            ix->run = NULL;
            return -2;
        }
        count++;
    }
    return index_run_end(ix, st, q, rc, count, err);
}

long
index_page(struct index *ix, const struct query *q, enum index_sort sort,
           const struct index_key *from, bool back, bool incl, size_t limit,
           index_page_fn *put, void *ctx, struct q_error *err)
{
    long n = 0, m;

    /* Going forward the rows with a value come first, then the NULLs;
     * going back, the other way round. */
    if (!back) {
        if (from == NULL || from->val != NULL) {
            n = index_segment(ix, q, sort, false, from, false, incl, limit,
                              put, ctx, err);
            from = NULL;
        }
        if (n >= 0 && (size_t)n < limit) {
            m = index_segment(ix, q, sort, true, from, false, incl,
                              limit - (size_t)n, put, ctx, err);
            n = m < 0 ? m : n + m;
        }
        return n;
    }
    if (from == NULL || from->val == NULL) {
        n = index_segment(ix, q, sort, true, from, true, incl, limit, put,
                          ctx, err);
        from = NULL;
    }
    if (n >= 0 && (size_t)n < limit) {
        m = index_segment(ix, q, sort, false, from, true, incl,
                          limit - (size_t)n, put, ctx, err);
        n = m < 0 ? m : n + m;
    }
    return n;
}

long
index_article_quotes(struct index *ix, const char *id,
                     const struct record_sink *sink, struct q_error *err)
{
    return index_emit(ix, "SELECT " INDEX_COLS ", a.body, a.paras FROM"
                      " quotes q JOIN articles a ON a.id = q.article WHERE"
                      " q.article = (SELECT article FROM quotes WHERE id = ?"
                      " ORDER BY qid LIMIT 1) ORDER BY q.seq", NULL, id, sink,
                      true, err);
}

void
index_interrupt(struct index *ix)
{
    if (ix != NULL && ix->db != NULL)
        sqlite3_interrupt(ix->db);
}

int64_t
index_data_version(struct index *ix)
{
    return index_int(ix, "PRAGMA data_version");
}

/* The saved search that reopens case name: its ids, the same field
 * repeated (ORed); "id:none" for an empty case, which matches nothing. */
static int
index_case_mirror(struct index *ix, const char *name, struct q_error *err)
{
    sqlite3_stmt *st = NULL;
    struct buf text = {0};
    int rc;

    if (sqlite3_prepare_v2(ix->db, "SELECT id FROM case_marks WHERE"
                           " name = ? ORDER BY added, id", -1, &st,
                           NULL) != SQLITE_OK)
        return index_fail(ix, err, "reading a case");
    sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        buf_printf(&text, "%sid:%s", text.len ? " " : "", col(st, 0));
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        buf_free(&text);
        return index_fail(ix, err, "reading a case");
    }
    if (text.len == 0)
        buf_puts(&text, "id:000000000000");
    rc = index_query_save(ix, name, text.data, err);
    buf_free(&text);
    return rc;
}

int
index_case_mark(struct index *ix, const char *name, const char *id,
                const char *note, bool on, struct q_error *err)
{
    sqlite3_stmt *st = NULL;
    int rc;

    if (index_exec(ix, "BEGIN IMMEDIATE", err, "marking a quote") < 0)
        return -1;
    if (index_exec(ix, index_schema_cases, err, "marking a quote") < 0)
        goto fail;
    if (sqlite3_prepare_v2(ix->db, on ? "INSERT INTO case_marks(name, id,"
                           " note) VALUES (?1, ?2, coalesce(?3, ''))"
                           " ON CONFLICT(name, id) DO UPDATE SET note ="
                           " coalesce(?3, note)"
                           : "DELETE FROM case_marks WHERE name = ?1 AND"
                           " id = ?2", -1, &st, NULL) != SQLITE_OK)
        goto sqlfail;
    sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, id, -1, SQLITE_STATIC);
    if (on)
        sqlite3_bind_text(st, 3, note, -1, SQLITE_STATIC);
    rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        goto sqlfail;
    if (index_case_mirror(ix, name, err) < 0)
        goto fail;
    return index_commit(ix, err);
sqlfail:
    index_fail(ix, err, "marking a quote");
fail:
    index_rollback(ix);
    return -1;
}

long
index_case_marks(struct index *ix, const char *name,
                 void (*row)(void *ctx, const char *id, const char *note),
                 void *ctx, struct q_error *err)
{
    sqlite3_stmt *st = NULL;
    long n = 0;
    int rc;

    if (index_int(ix, "SELECT count(*) FROM sqlite_master WHERE name ="
                  " 'case_marks'") <= 0)
        return 0;
    if (sqlite3_prepare_v2(ix->db, "SELECT id, note FROM case_marks WHERE"
                           " name = ? ORDER BY added, id", -1, &st,
                           NULL) != SQLITE_OK)
        return index_fail(ix, err, "reading a case");
    sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        row(ctx, col(st, 0), col(st, 1) ? col(st, 1) : "");
        n++;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return index_fail(ix, err, "reading a case");
    return n;
}

/* --- Variant groups (schema 4, group.c) ---------------------------------- */

void
index_set_grouper(struct index *ix, index_group_fn *fn, void *ctx)
{
    ix->grouper = fn;
    ix->grouper_ctx = ctx;
}

/* Statement s with the integers a and b bound (when not INT64_MIN), or
 * NULL with err filled. */
static sqlite3_stmt *
index_group_stmt(struct index *ix, enum index_stmt s, int64_t a, int64_t b,
                 struct q_error *err)
{
    sqlite3_stmt *st = index_stmt(ix, s, err);

    if (st == NULL)
        return NULL;
    if (a != INT64_MIN)
        sqlite3_bind_int64(st, 1, a);
    if (b != INT64_MIN)
        sqlite3_bind_int64(st, 2, b);
    return st;
}

/* Runs statement s with a and b bound. Returns 0 or -1. */
static int
index_group_exec(struct index *ix, enum index_stmt s, int64_t a, int64_t b,
                 struct q_error *err)
{
    sqlite3_stmt *st = index_group_stmt(ix, s, a, b, err);

    if (st == NULL)
        return -1;
    return index_run(ix, st, err, "grouping variants");
}

/* Reads the first column of each row of s (at most max) into ids.
 * Returns how many, or -1. */
static long
index_group_ids(struct index *ix, enum index_stmt s, size_t max,
                int64_t *ids, struct q_error *err)
{
    sqlite3_stmt *st = index_group_stmt(ix, s, (int64_t)max, INT64_MIN, err);
    long n = 0;
    int rc;

    if (st == NULL)
        return -1;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && (size_t)n < max)
        ids[n++] = sqlite3_column_int64(st, 0);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        n = index_fail(ix, err, "grouping variants");
    sqlite3_reset(st);
    return n;
}

long
index_group_todo(struct index *ix, int64_t *qids, size_t max,
                 struct q_error *err)
{
    return index_group_ids(ix, S_GROUP_TODO, max, qids, err);
}

long
index_group_dirty(struct index *ix, int64_t *gs, size_t max,
                  struct q_error *err)
{
    return index_group_ids(ix, S_GROUP_DIRTY, max, gs, err);
}

long
index_group_near(struct index *ix, int64_t *qids, size_t max,
                 struct q_error *err)
{
    return index_group_ids(ix, S_GROUP_NEAR, max, qids, err);
}

int
index_group_near_set(struct index *ix, int64_t qid, bool wait,
                     struct q_error *err)
{
    return index_group_exec(ix, wait ? S_GROUP_NEAR_ADD : S_GROUP_NEAR_DONE,
                            qid, INT64_MIN, err);
}

int64_t
index_group_pending(struct index *ix, bool near)
{
    return index_int(ix, near ? "SELECT count(*) FROM vgroups_near"
                              : "SELECT (SELECT count(*) FROM vgroups_todo)"
                                " + (SELECT count(*) FROM vgroups_dirty)");
}

/* Hands fn each row of s (INDEX_GQUOTE's columns), with a and b bound.
 * Returns how many, or -1. */
static long
index_group_rows(struct index *ix, enum index_stmt s, int64_t a, int64_t b,
                 index_gquote_fn *fn, void *ctx, struct q_error *err)
{
    sqlite3_stmt *st = index_group_stmt(ix, s, a, b, err);
    long n = 0;
    int rc;

    if (st == NULL)
        return -1;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct index_gquote q = {
            sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1),
            sqlite3_column_int64(st, 2), sqlite3_column_int64(st, 3),
            col(st, 4),
        };
        n++;
        if (q.quote == NULL)
            q.quote = "";
        if (fn(ctx, &q) < 0)
            break;
    }
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        n = index_fail(ix, err, "grouping variants");
    sqlite3_reset(st);
    return n;
}

long
index_group_quote(struct index *ix, int64_t qid, index_gquote_fn *fn,
                  void *ctx, struct q_error *err)
{
    return index_group_rows(ix, S_GROUP_QUOTE, qid, INT64_MIN, fn, ctx, err);
}

long
index_group_members(struct index *ix, int64_t g, index_gquote_fn *fn,
                    void *ctx, struct q_error *err)
{
    return index_group_rows(ix, S_GROUP_MEMBERS, g, INT64_MIN, fn, ctx, err);
}

long
index_group_candidates(struct index *ix, const char *expr, size_t limit,
                       int64_t article, size_t wordings, index_gquote_fn *fn,
                       void *ctx, struct q_error *err)
{
    long n = 0;
    int rc;

    if (ix->rdb == NULL &&
        sqlite3_open_v2(ix->path, &ix->rdb, SQLITE_OPEN_READONLY |
                        SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
        q_error_set(err, "cannot open the index to read: %s",
                    ix->rdb ? sqlite3_errmsg(ix->rdb) : "out of memory");
        return -1;
    }
    if (ix->rcand == NULL &&
        /* one quote a wording (the best ranked: SQLite takes the bare
         * columns from the row of min()), of other articles than ?3 */
        sqlite3_prepare_v3(ix->rdb, "SELECT q.qid, q.article, 0,"
                           " coalesce(v.h, 0), q.quote, min(f.k) FROM"
                           " (SELECT rowid AS r, rank AS k FROM quotes_fts"
                           " WHERE quotes_fts MATCH ?1 ORDER BY rank"
                           " LIMIT ?2) f JOIN quotes q ON q.qid = f.r"
                           " LEFT JOIN variants v ON v.qid = q.qid"
                           " WHERE q.article <> ?3"
                           " GROUP BY coalesce(v.h, -q.qid) ORDER BY 6"
                           " LIMIT ?4", -1, SQLITE_PREPARE_PERSISTENT,
                           &ix->rcand, NULL) != SQLITE_OK) {
        q_error_set(err, "looking up candidates: %s",
                    sqlite3_errmsg(ix->rdb));
        return -1;
    }
    sqlite3_bind_text(ix->rcand, 1, expr, -1, SQLITE_STATIC);
    sqlite3_bind_int64(ix->rcand, 2, (sqlite3_int64)limit);
    sqlite3_bind_int64(ix->rcand, 3, article);
    sqlite3_bind_int64(ix->rcand, 4, (sqlite3_int64)wordings);
    while ((rc = sqlite3_step(ix->rcand)) == SQLITE_ROW) {
        struct index_gquote q = {
            sqlite3_column_int64(ix->rcand, 0),
            sqlite3_column_int64(ix->rcand, 1), 0,
            sqlite3_column_int64(ix->rcand, 3), col(ix->rcand, 4),
        };
        n++;
        if (q.quote == NULL)
            q.quote = "";
        if (fn(ctx, &q) < 0)
            break;
    }
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        q_error_set(err, "looking up candidates: %s",
                    sqlite3_errmsg(ix->rdb));
        n = -1;
    }
    sqlite3_reset(ix->rcand);
    return n;
}

/* The group statement s's one integer for a, or 0 when it has no row;
 * -1 on an error. */
static int64_t
index_group_int(struct index *ix, enum index_stmt s, int64_t a,
                struct q_error *err)
{
    sqlite3_stmt *st = index_group_stmt(ix, s, a, INT64_MIN, err);
    int64_t g = 0;
    int rc;

    if (st == NULL)
        return -1;
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        g = sqlite3_column_int64(st, 0);
    else if (rc != SQLITE_DONE)
        g = index_fail(ix, err, "grouping variants");
    sqlite3_reset(st);
    return g;
}

int64_t
index_group_of(struct index *ix, int64_t qid, struct q_error *err)
{
    return index_group_int(ix, S_GROUP_OF, qid, err);
}

int64_t
index_group_of_words(struct index *ix, int64_t h, struct q_error *err)
{
    return index_group_int(ix, S_GROUP_OF_WORDS, h, err);
}

int
index_group_set(struct index *ix, int64_t qid, int64_t g,
                struct q_error *err)
{
    if (index_group_exec(ix, S_GROUP_SET, qid, g, err) < 0)
        return -1;
    return index_group_exec(ix, S_GROUP_UNTODO, qid, INT64_MIN, err);
}

int
index_group_join(struct index *ix, int64_t qid, int64_t g,
                 struct q_error *err)
{
    if (index_group_exec(ix, S_GROUP_SET, qid, g, err) < 0 ||
        index_group_exec(ix, S_GROUP_UNTODO, qid, INT64_MIN, err) < 0 ||
        index_group_exec(ix, S_GROUP_JOIN_KEY, g, qid, err) < 0)
        return -1;
    return index_group_exec(ix, S_GROUP_JOIN_CONFLICT, g, qid, err);
}

int
index_group_merge(struct index *ix, int64_t from, int64_t into,
                  struct q_error *err)
{
    if (index_group_exec(ix, S_GROUP_MERGE_CONFLICT, from, into, err) < 0 ||
        index_group_exec(ix, S_GROUP_MERGE_KEY, from, into, err) < 0 ||
        index_group_exec(ix, S_GROUP_DROP_KEY, from, INT64_MIN, err) < 0 ||
        index_group_exec(ix, S_GROUP_UNCONFLICT, from, INT64_MIN, err) < 0)
        return -1;
    return index_group_exec(ix, S_GROUP_MOVE, from, into, err);
}

int
index_group_done(struct index *ix, int64_t g, struct q_error *err)
{
    char *sql;
    int rc;

    if (index_group_exec(ix, S_GROUP_UNDIRTY, g, INT64_MIN, err) < 0)
        return -1;
    /* g is our own integer */
    sql = xasprintf(INDEX_GROUP_RECOUNT("%lld"), (long long)g, (long long)g,
                    (long long)g, (long long)g);
    rc = index_exec(ix, sql, err, "grouping variants");
    free(sql);
    return rc;
}

int
index_group_catch_up(struct index *ix, index_group_fn *fn, bool near,
                     size_t batch,
                     int (*progress)(void *ctx, int64_t done, int64_t total),
                     void *ctx, struct q_error *err)
{
    int64_t total = index_group_pending(ix, near), done = 0;
    long n;

    if (total < 0)
        return index_fail(ix, err, "grouping variants");
    if (total == 0)
        return 0;
    for (;;) {
        if (index_begin(ix, err) < 0)
            return -1;
        n = fn(NULL, ix, batch, err);
        if (n < 0 || index_commit(ix, err) < 0) {
            index_rollback(ix);
            return -1;
        }
        done += n;
        if (n == 0 || (progress != NULL && progress(ctx, done, total) != 0))
            return 0;
    }
}
