// SPDX-License-Identifier: MIT
/*
 * Unit tests of utf8: decoding and validation, the terminal path
 * (sanitize, width, fit) and the matching key (fold).
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "tap.h"
#include "utf8.h"

/* The decode of the first code point of s[0..n): value and bytes used. */
static void
check_decode(const char *s, size_t n, int32_t want, size_t want_i,
             const char *what)
{
    size_t i = 0;
    int32_t c = utf8_decode(s, n, &i);

    ok(c == want && i == want_i, "utf8_decode: %s gives %ld after %zu "
       "byte(s)", what, (long)want, want_i);
    if (c != want || i != want_i)
        diag("  got %ld after %zu byte(s)", (long)c, i);
}

static void
test_decode(void)
{
    size_t i = 0;
    int32_t c;

    c = utf8_decode("", 0, &i);
    ok(c == -1 && i == 0, "utf8_decode: nothing to decode gives -1 and "
       "does not move");
    check_decode("A", 1, 'A', 1, "one ASCII byte");
    check_decode("\xc3\xa9", 2, 0xe9, 2, "two-byte e acute");
    check_decode("\xe2\x82\xac", 3, 0x20ac, 3, "three-byte euro sign");
    check_decode("\xf0\x9f\x98\x80", 4, 0x1f600, 4, "four-byte emoji");
    check_decode("\xff", 1, -1, 1, "byte 0xff");
    check_decode("\x80" "a", 2, -1, 1, "a lone continuation byte");
    check_decode("\xc0\x80", 2, -1, 1, "an overlong NUL");
    check_decode("\xed\xa0\x80", 3, -1, 1, "a UTF-16 surrogate");
    check_decode("\xf4\x90\x80\x80", 4, -1, 1, "a code point past U+10FFFF");
    check_decode("\xe2\x82" "a", 3, -1, 1,
                 "a three-byte sequence cut by an ASCII byte");
    check_decode("\xc3\xa9", 1, -1, 1, "e acute cut short by the length");
    /* The edges of each length, decoded without utf8proc since 0.1. */
    check_decode("\xc2\x80", 2, 0x80, 2, "U+0080, the first two-byte one");
    check_decode("\xc1\xbf", 2, -1, 1, "an overlong two-byte U+007F");
    check_decode("\xe0\xa0\x80", 3, 0x800, 3, "U+0800");
    check_decode("\xe0\x9f\xbf", 3, -1, 1, "an overlong three-byte U+07FF");
    check_decode("\xed\x9f\xbf", 3, 0xd7ff, 3, "U+D7FF, before the "
                 "surrogates");
    check_decode("\xee\x80\x80", 3, 0xe000, 3, "U+E000, after them");
    check_decode("\xef\xbf\xbf", 3, 0xffff, 3, "U+FFFF");
    check_decode("\xf0\x90\x80\x80", 4, 0x10000, 4, "U+10000");
    check_decode("\xf0\x8f\xbf\xbf", 4, -1, 1, "an overlong four-byte "
                 "U+FFFF");
    check_decode("\xf4\x8f\xbf\xbf", 4, 0x10ffff, 4, "U+10FFFF");
    check_decode("\xf5\x80\x80\x80", 4, -1, 1, "lead byte 0xf5");
    check_decode("\xf0\x9f\x98", 3, -1, 1, "a four-byte sequence cut short");

    i = 1;
    c = utf8_decode("a\xc3\xa9", 3, &i);
    ok(c == 0xe9 && i == 3, "utf8_decode starts at *i, not at 0");
}

static void
test_encode(void)
{
    struct buf b = {0};

    utf8_encode(&b, 'a');
    utf8_encode(&b, 0xe9);
    utf8_encode(&b, 0x20ac);
    utf8_encode(&b, 0x1f600);
    is_str(b.data, "a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80",
           "utf8_encode writes 1, 2, 3 and 4 byte sequences");
    buf_free(&b);
}

static void
test_valid(void)
{
    size_t bad = 12345;

    ok(utf8_valid("", 0, &bad) && bad == 12345,
       "utf8_valid: the empty string is valid and *bad is untouched");
    ok(utf8_valid("x", 1, NULL), "utf8_valid: one ASCII byte is valid");
    ok(utf8_valid("Pl\xc3\xb6tner \xe2\x80\x9cok\xe2\x80\x9d", 17, NULL),
       "utf8_valid: mixed ASCII and multibyte text is valid");
    ok(!utf8_valid("ab\xff" "cd", 5, &bad) && bad == 2,
       "utf8_valid: byte 0xff at offset 2 is reported at 2");
    ok(!utf8_valid("\xc3\xa9\xe2\x82", 4, &bad) && bad == 2,
       "utf8_valid: a truncated sequence at the end is reported at its "
       "first byte");
    ok(!utf8_valid("\x80", 1, NULL),
       "utf8_valid: a lone continuation byte is invalid (NULL bad)");
    {
        /* ASCII is skipped eight bytes at a time: a bad byte at every
         * offset of a long run is still found where it is. */
        char run[40];
        size_t at, found = 0;
        memset(run, 'a', sizeof run);
        for (at = 0; at < sizeof run; at++) {
            run[at] = '\xff';
            if (!utf8_valid(run, sizeof run, &bad) && bad == at)
                found++;
            run[at] = 'a';
        }
        ok(found == sizeof run && utf8_valid(run, sizeof run, NULL),
           "utf8_valid: a bad byte at any of 40 offsets in ASCII is "
           "reported at its offset");
    }
    ok(utf8_valid("a\0b", 3, NULL),
       "utf8_valid: a NUL byte is valid UTF-8");
}

/* Sanitizes s and compares with want. */
static void
check_sanitize(const char *s, size_t n, bool keep, const char *want,
               const char *what)
{
    struct buf b = {0};

    utf8_sanitize(&b, s, n, keep);
    is_strn(b.data ? b.data : "", b.len, want, "utf8_sanitize: %s", what);
    buf_free(&b);
}

/* Sanitizes s; when the result is not want, skips as the bug why. */
static void
check_sanitize_bug(const char *s, const char *want, const char *what,
                   const char *why)
{
    struct buf b = {0};

    utf8_sanitize(&b, s, strlen(s), false);
    if (b.len == strlen(want) && memcmp(b.data, want, b.len) == 0)
        is_str(b.data, want, "utf8_sanitize: %s", what);
    else
        tap_skip(what, why);
    buf_free(&b);
}

static void
check_sanitize_bugs(void)
{
    /* Once a bug, now fixed: an ESC followed by a multibyte character is taken for a
     * two-byte escape and eats the lead byte of the character; the
     * continuation bytes then become U+FFFD, so the letter is lost. */
    check_sanitize_bug("\033\xc3\xa9t\xc3\xa9", "\xc3\xa9t\xc3\xa9",
                       "a lone ESC before a letter goes, the letter stays",
                       "regression: \"\\033\\xc3\\xa9t\\xc3\\xa9\" (ESC \"été\") "
                       "gives \"\\xef\\xbf\\xbdt\\xc3\\xa9\" (U+FFFD \"té\")");
    /* Once a bug, now fixed: U+0099 and U+009A are single C1 controls, not string
     * introducers, but are handled like OSC: everything after them up to
     * a BEL or ST is dropped. They are common in mojibake (a right single
     * quote U+2019 read as Latin-1 is U+00E2 U+0080 U+0099). */
    check_sanitize_bug("it\xc2\x80\xc2\x99s fine and more",
                       "its fine and more",
                       "U+0099 (mojibake of an apostrophe) goes alone, the "
                       "text after it stays",
                       "regression: \"it\\xc2\\x80\\xc2\\x99s fine and more\" gives "
                       "\"it\"");
    check_sanitize_bug("a\xc2\x9a" "bcd", "abcd",
                       "U+009A goes alone, the text after it stays",
                       "regression: \"a\\xc2\\x9abcd\" gives \"a\"");
}

#define SAN(s, keep, want, what) check_sanitize(s, sizeof s - 1, keep, want, \
                                                what)

static void
test_sanitize(void)
{
    struct buf b = {0};

    utf8_sanitize(&b, "", 0, false);
    ok(b.len == 0, "utf8_sanitize: the empty string appends nothing");
    buf_free(&b);
    SAN("a", false, "a", "one byte is kept");
    SAN("\033[31mred\033[0m", false, "red", "CSI colour sequences go");
    SAN("\033[2J\033[1;1Hx", false, "x",
        "clear-screen and cursor-move sequences go");
    SAN("\033]0;title\007after", false, "after",
        "an OSC title ended by BEL goes");
    SAN("\033]0;title\033\\after", false, "after",
        "an OSC title ended by ST (ESC \\) goes");
    SAN("\033]8;;http://x\033\\link\033]8;;\033\\", false, "link",
        "OSC 8 hyperlink markers go, the link text stays");
    SAN("\xc2\x9b" "31mx", false, "x",
        "a C1 CSI (U+009B as UTF-8) goes with its parameters");
    SAN("a\xc2\x85" "b\xc2\x9c" "c", false, "abc",
        "other C1 controls (NEL, a lone ST) go");
    SAN("a\xe2\x80\xae" "b", false, "ab",
        "the bidi override U+202E goes");
    SAN("a\xe2\x81\xa6" "b\xe2\x81\xa9" "c\xe2\x80\x8f", false, "abc",
        "bidi isolates and the RLM go");
    SAN("a\x07" "b\x7f" "c\x01", false, "abc",
        "BEL, DEL and other C0 controls go");
    SAN("a\nb", false, "a b", "a newline becomes a space by default");
    SAN("a\nb", true, "a\nb", "a newline stays with keep_newlines");
    SAN("a\tb", true, "a b", "a tab becomes a space even with "
        "keep_newlines");
    SAN("a\rb", false, "a b", "a carriage return becomes a space");
    SAN("a\xff" "b", false, "a\xef\xbf\xbd" "b",
        "a bad byte becomes U+FFFD");
    SAN("\xe2\x82", false, "\xef\xbf\xbd\xef\xbf\xbd",
        "a truncated sequence becomes one U+FFFD per byte");
    SAN("x\033", false, "x", "a lone ESC at the end goes");
    SAN("\033(Bx", false, "x", "a three-byte charset escape goes");
    check_sanitize_bugs();
    SAN("\xe6\x97\xa5\xe2\x80\x9cq\xe2\x80\x9d", false,
        "\xe6\x97\xa5\xe2\x80\x9cq\xe2\x80\x9d",
        "CJK and curly quotes pass unchanged");
}

static void
test_width(void)
{
    is_size(utf8_width("", 0), 0, "utf8_width: the empty string is 0 "
            "columns");
    is_size(utf8_width("a", 1), 1, "utf8_width: one ASCII byte is 1 "
            "column");
    is_size(utf8_width("\xe6\x97\xa5\xe6\x9c\xac", 6), 4,
            "utf8_width: two CJK characters are 4 columns");
    is_size(utf8_width("e\xcc\x81", 3), 1,
            "utf8_width: e with a combining acute is 1 column");
    is_size(utf8_width("\033[31mab\033[0m", 11), 2,
            "utf8_width: escape sequences take no columns");
    is_size(utf8_width("\xff", 1), 1,
            "utf8_width: a bad byte counts as one U+FFFD column");
}

/* Fits s to cols and compares text and returned width. */
static void
check_fit(const char *s, size_t cols, const char *want, size_t want_w,
          const char *what)
{
    struct buf b = {0};
    size_t w = utf8_fit(&b, s, strlen(s), cols);

    is_strn(b.data ? b.data : "", b.len, want,
            "utf8_fit: %s cut to %zu columns gives the expected text", what,
            cols);
    is_size(w, want_w, "utf8_fit: %s returns %zu columns used", what,
            want_w);
    ok(utf8_valid(b.data ? b.data : "", b.len, NULL),
       "utf8_fit: %s leaves valid UTF-8", what);
    buf_free(&b);
}

static void
test_fit(void)
{
    check_fit("", 5, "", 0, "the empty string");
    check_fit("abc", 0, "", 0, "zero columns");
    check_fit("abc", 10, "abc", 3, "a short string");
    check_fit("abcd", 4, "abcd", 4, "an exact fit");
    check_fit("abcdef", 4, "abc\xe2\x80\xa6", 4, "a cut ASCII string");
    check_fit("abc", 1, "\xe2\x80\xa6", 1, "one column");
    check_fit("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", 4,
              "\xe6\x97\xa5\xe2\x80\xa6", 3,
              "three CJK characters cut before a wide one");
    check_fit("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", 5,
              "\xe6\x97\xa5\xe6\x9c\xac\xe2\x80\xa6", 5,
              "three CJK characters cut after two");
    check_fit("\033[2Jabc", 10, "abc", 3, "an escape sequence");
    check_fit("e\xcc\x81" "abc", 3, "e\xcc\x81" "a\xe2\x80\xa6", 3,
              "a combining mark");
}

/* Folds s and compares with want. */
static void
check_fold(const char *s, bool strip, const char *want, const char *what)
{
    struct buf b = {0};

    utf8_fold(&b, s, strlen(s), strip);
    is_strn(b.data ? b.data : "", b.len, want, "utf8_fold: %s", what);
    buf_free(&b);
    if (!strip)
        ok(utf8_fold_equal(s, strlen(s), want, strlen(want)),
           "utf8_fold_equal: %s", what);
}

/* Checks that s does not fold to key. */
static void
check_fold_differs(const char *s, const char *key, const char *what)
{
    ok(!utf8_fold_equal(s, strlen(s), key, strlen(key)),
       "utf8_fold_equal is false: %s", what);
}

static void
test_fold(void)
{
    check_fold("", false, "", "the empty string gives an empty key");
    check_fold("   ", false, "", "only spaces give an empty key");
    check_fold("A", false, "a", "one capital letter is folded");
    check_fold("Hello World", false, "hello world", "case is folded");
    check_fold("Stra\xc3\x9f" "e", false, "strasse",
               "sharp s folds to ss");
    check_fold("  a \t\n b  ", false, "a b",
               "white space runs collapse and ends are trimmed");
    check_fold("a\xc2\xa0" "b", false, "a b",
               "a no-break space is a space");
    check_fold("\xe2\x80\x9cQuote\xe2\x80\x9d don\xe2\x80\x99t", false,
               "\"quote\" don't", "curly quotes become straight");
    check_fold("\xc2\xab" "a\xc2\xbb \xe2\x80\x98" "b\xe2\x80\x99", false,
               "\"a\" 'b'", "guillemets and single curly quotes become "
               "straight");
    check_fold("\xef\xac\x81", false, "fi", "NFKC splits the fi ligature");
    check_fold("\xef\xbc\xa1\xef\xbc\xa2", false, "ab",
               "NFKC makes full-width letters plain");
    check_fold("Pl\xc3\xb6tner", false, "pl\xc3\xb6tner",
               "diacritics stay without strip_marks");
    check_fold("Plo\xcc\x88tner", false, "pl\xc3\xb6tner",
               "a decomposed o with diaeresis is composed");
    check_fold("Pl\xc3\xb6tner", true, "plotner",
               "diacritics go with strip_marks");
    check_fold("Z\xc3\xa9l\xc3\xa9nsky\xc3\xbd", true, "zelenskyy",
               "several diacritics go with strip_marks");
    check_fold("a\033[31mb", false, "ab",
               "escape sequences do not reach the key");
    check_fold("Cafe\xcc\x81", false, "caf\xc3\xa9",
               "a mark joins the last ASCII letter");
    check_fold("A  b\x01" "c\td", false, "a bc d",
               "a control goes and a tab is a space");
    check_fold_differs("Hello World", "hello worl", "a key one byte short");
    check_fold_differs("Hello Worl", "hello world", "a key one byte long");
    check_fold_differs("Hello  World", "helloworld", "a space that counts");
    check_fold_differs("HelloWorld", "hello world", "a space missing");
    check_fold_differs("Hello World ", "hello world ",
                       "a key with a trailing space is no fold");
    check_fold_differs("", "a", "the empty string against a key");
    check_fold_differs("Caf\xc3\xa9", "cafe", "a diacritic that stays");
    check_fold_differs("Cafe\xcc\x81", "cafe", "a mark on the last letter");
    check_fold_differs("Tafe\xcc\x81", "caf\xc3\xa9",
                       "a difference before the first non-ASCII byte");
    check_fold_differs("Caf\x01" "e", "cafe x", "a difference after a control");
}

static void
test_is_upper(void)
{
    ok(!utf8_is_upper(-1), "utf8_is_upper(-1) is false");
    ok(!utf8_is_upper('a'), "utf8_is_upper('a') is false");
    ok(!utf8_is_upper('1'), "utf8_is_upper('1') is false");
    ok(utf8_is_upper('A'), "utf8_is_upper('A') is true");
    ok(utf8_is_upper(0x141), "utf8_is_upper of L with stroke is true");
    ok(!utf8_is_upper(0x142), "utf8_is_upper of l with stroke is false");
    ok(utf8_is_upper(0x1c5), "utf8_is_upper of title-case Dz is true");
}

int
main(void)
{
    test_decode();
    test_encode();
    test_valid();
    test_is_upper();
    test_sanitize();
    test_width();
    test_fit();
    test_fold();
    return tap_done();
}
