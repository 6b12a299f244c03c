/* test_safe_text.c - what reaches the terminal from the input: each byte
 * class escaped or passed through, the columns it takes, echoed values. */
#include "testutil.h"
#include "safe_text.h"

#include <errno.h>

/* s[0..n) as safe_write shows it (a new string: free it). */
static char *shown(const char *s, size_t n)
{
	FILE *f = capture_open();

	safe_write(f, s, n);
	return capture_close(f);
}

/* s[0..n) shows as want; an ASCII want takes a column a byte. */
static void check_shown(const char *s, size_t n, const char *want)
{
	char *got = shown(s, n);
	const char *p;

	assert_string_equal(got, want);
	for (p = want; *p && (unsigned char)*p < 0x80; p++)
		;
	if (!*p)
		assert_int_equal(safe_columns(s, n), (int)strlen(want));
	free(got);
}

/* Every C0 control, NUL to US, including tab, newline and escape. */
static void write__each_c0__hex_escape(void **state)
{
	char want[8];
	int c;

	(void)state;
	for (c = 0x00; c < 0x20; c++) {
		char in[3] = { 'a', (char)c, 'b' };
		char *got = shown(in, 3);
		snprintf(want, sizeof want, "a\\x%02Xb", c);
		assert_string_equal(got, want);
		assert_int_equal(safe_columns(in, 3), 2 + SAFE_ESCAPE_COLUMNS);
		free(got);
	}
}

static void write__del__hex_escape(void **state)
{
	(void)state;
	check_shown("x\x7fy", 3, "x\\x7Fy");
	assert_int_equal(safe_columns("\x7f", 1), SAFE_ESCAPE_COLUMNS);
}

/* U+0080..U+009F written as UTF-8 (C2 80..C2 9F): both bytes escaped. */
static void write__each_c1_as_utf8__both_bytes_escaped(void **state)
{
	char want[16];
	int c;

	(void)state;
	for (c = 0x80; c < 0xA0; c++) {
		char in[2] = { '\xc2', (char)c };
		char *got = shown(in, 2);
		snprintf(want, sizeof want, "\\xC2\\x%02X", c);
		assert_string_equal(got, want);
		assert_int_equal(safe_columns(in, 2), 2 * SAFE_ESCAPE_COLUMNS);
		free(got);
	}
	/* U+00A0, the first code point after C1, is printable. */
	check_shown("\xc2\xa0", 2, "\xc2\xa0");
}

/* Raw 8-bit C1 bytes (0x9B is an 8-bit CSI): each escaped. */
static void write__each_raw_c1_byte__hex_escape(void **state)
{
	char want[8];
	int c;

	(void)state;
	for (c = 0x80; c < 0xA0; c++) {
		char in[1] = { (char)c };
		char *got = shown(in, 1);
		snprintf(want, sizeof want, "\\x%02X", c);
		assert_string_equal(got, want);
		free(got);
	}
}

/* Bytes that never start a character, overlong forms, surrogates, code
 * points beyond U+10FFFF: every byte escaped, the text after intact. */
static void write__invalid_and_overlong_utf8__every_byte_escaped(void **state)
{
	static const struct {
		const char *in, *want;
	} cases[] = {
		{ "\xa0", "\\xA0" },                          /* a stray continuation */
		{ "\xbf" "a", "\\xBFa" },
		{ "\xc0\xaf", "\\xC0\\xAF" },                 /* overlong '/' */
		{ "\xc1\xbf", "\\xC1\\xBF" },                 /* overlong DEL */
		{ "\xe0\x80\xaf", "\\xE0\\x80\\xAF" },        /* overlong, 3 bytes */
		{ "\xe0\x9f\xbf", "\\xE0\\x9F\\xBF" },
		{ "\xf0\x80\x80\xaf", "\\xF0\\x80\\x80\\xAF" }, /* overlong, 4 bytes */
		{ "\xf0\x8f\xbf\xbf", "\\xF0\\x8F\\xBF\\xBF" },
		{ "\xed\xa0\x80", "\\xED\\xA0\\x80" },        /* a surrogate, U+D800 */
		{ "\xed\xbf\xbf", "\\xED\\xBF\\xBF" },        /* U+DFFF */
		{ "\xf4\x90\x80\x80", "\\xF4\\x90\\x80\\x80" }, /* U+110000 */
		{ "\xf5\x80\x80\x80", "\\xF5\\x80\\x80\\x80" },
		{ "\xfe\xff", "\\xFE\\xFF" },
		{ "\xc3" "a", "\\xC3a" },                     /* a lead without continuation */
		{ "\xe2\x82" "a", "\\xE2\\x82a" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		size_t n = strlen(cases[i].in);
		char *got = shown(cases[i].in, n);
		assert_string_equal(got, cases[i].want);
		assert_int_equal(safe_columns(cases[i].in, n), (int)strlen(cases[i].want));
		free(got);
	}
	/* Every byte from F5 to FF, alone. */
	for (i = 0xF5; i <= 0xFF; i++) {
		char in[1] = { (char)i }, want[8];
		char *got = shown(in, 1);
		snprintf(want, sizeof want, "\\x%02zX", i);
		assert_string_equal(got, want);
		free(got);
	}
}

/* A sequence cut by the end of the text: its bytes escaped, nothing read
 * beyond n. */
static void write__truncated_sequence__escaped_at_end(void **state)
{
	char buf[4] = { '\xe2', '\x82', '\xac', '\0' }; /* U+20AC, but n stops short */

	(void)state;
	check_shown(buf, 2, "\\xE2\\x82");
	check_shown(buf, 1, "\\xE2");
	check_shown("\xf0\x9f\x98", 3, "\\xF0\\x9F\\x98");
	check_shown("\xc3", 1, "\\xC3");
}

/* Printable ASCII and well-formed UTF-8 pass through unchanged, at each
 * boundary of the table of well-formed sequences. */
static void write__valid_utf8__unchanged(void **state)
{
	static const char *const ok[] = {
		"\xc2\xa0", "\xc3\xa9", "\xdf\xbf", "\xe0\xa0\x80", "\xe2\x82\xac", "\xed\x9f\xbf",
		"\xee\x80\x80", "\xef\xbf\xbd", "\xf0\x90\x80\x80", "\xf0\x9f\x98\x80",
		"\xf4\x8f\xbf\xbf", "caf\xc3\xa9 \xe6\x97\xa5\xe6\x9c\xac",
	};
	char ascii[0x7F - 0x20 + 1];
	size_t i, len;
	char *got;

	(void)state;
	for (i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		got = shown(ok[i], strlen(ok[i]));
		assert_string_equal(got, ok[i]);
		assert_int_not_equal(safe_char(ok[i], strlen(ok[i]), &len), 0);
		free(got);
	}
	for (i = 0; i < sizeof ascii - 1; i++)
		ascii[i] = (char)(0x20 + i);
	ascii[sizeof ascii - 1] = '\0';
	got = shown(ascii, strlen(ascii));
	assert_string_equal(got, ascii);
	assert_int_equal(safe_columns(ascii, strlen(ascii)), (int)strlen(ascii));
	free(got);
}

/* safe_char: the bytes and columns of one character, 0 for an escape. */
static void char__kinds__length_and_columns(void **state)
{
	size_t len;

	(void)state;
	assert_int_equal(safe_char("a", 1, &len), 1);
	assert_int_equal(len, 1);
	assert_int_equal(safe_char("\x1b[", 2, &len), 0);
	assert_int_equal(len, 1);
	assert_int_equal(safe_char("\xc3\xa9", 2, &len), 1);
	assert_int_equal(len, 2);
	assert_int_equal(safe_char("\xe6\x97\xa5", 3, &len), 2); /* wide */
	assert_int_equal(len, 3);
	assert_int_equal(safe_char("\xf0\x90\x80\x80", 4, &len), 1);
	assert_int_equal(len, 4);
	assert_int_equal(safe_char("\xc2\x9b", 2, &len), 0);
	assert_int_equal(len, 1);
	assert_int_equal(safe_columns("\xe6\x97\xa5\x1b", 4), 2 + SAFE_ESCAPE_COLUMNS);
}

static void echo__short_value__quoted_and_escaped(void **state)
{
	char buf[SAFE_ECHO_SIZE];

	(void)state;
	assert_string_equal(safe_echo(buf, sizeof buf, "\x1b]0;x\x07\x9b\xc2\x9b\t", 1),
	                    "'\\x1B]0;x\\x07\\x9B\\xC2\\x9B\\x09'");
	assert_string_equal(safe_echo(buf, sizeof buf, "caf\xc3\xa9", 0), "caf\xc3\xa9");
	assert_string_equal(safe_echo(buf, sizeof buf, "", 1), "''");
}

/* A long value is cut after SAFE_ECHO_COLUMNS columns, never inside an
 * escape or a character, with "..." after it. */
static void echo__long_value__cut_with_ellipsis(void **state)
{
	char buf[SAFE_ECHO_SIZE], in[300], want[300];
	size_t i;

	(void)state;
	memset(in, 'x', SAFE_ECHO_COLUMNS);
	in[SAFE_ECHO_COLUMNS] = '\0';
	assert_string_equal(safe_echo(buf, sizeof buf, in, 0), in); /* exactly fits */
	in[SAFE_ECHO_COLUMNS] = 'y';
	in[SAFE_ECHO_COLUMNS + 1] = '\0';
	snprintf(want, sizeof want, "'%.*s'...", SAFE_ECHO_COLUMNS, in);
	assert_string_equal(safe_echo(buf, sizeof buf, in, 1), want);
	/* Escapes: 16 fit in 64 columns. */
	memset(in, '\x1b', 20);
	in[20] = '\0';
	safe_echo(buf, sizeof buf, in, 0);
	assert_int_equal(strlen(buf), 16 * 4 + 3);
	assert_string_equal(buf + 16 * 4, "...");
	/* Wide characters: 32 fit; the 33rd is not split. */
	for (i = 0; i < 40; i++)
		memcpy(in + 3 * i, "\xe6\x97\xa5", 3);
	in[120] = '\0';
	safe_echo(buf, sizeof buf, in, 0);
	assert_int_equal(strlen(buf), 32 * 3 + 3);
	/* Narrow four-byte characters: the most bytes a column can take. */
	for (i = 0; i < 70; i++)
		memcpy(in + 4 * i, "\xf0\x90\x80\x80", 4);
	in[280] = '\0';
	safe_echo(buf, sizeof buf, in, 1);
	assert_int_equal(strlen(buf), 64 * 4 + 2 + 3);
	assert_true(strlen(buf) < SAFE_ECHO_SIZE);
}

/* A small buffer cuts earlier but still ends in "..." and a NUL; errno is
 * left for the strerror that follows. */
static void echo__small_buffer_and_errno(void **state)
{
	char buf[12];

	(void)state;
	errno = ENOENT;
	assert_string_equal(safe_echo(buf, sizeof buf, "abcdefghijkl", 1), "'abcdef'...");
	assert_int_equal(errno, ENOENT);
	assert_string_equal(safe_echo(buf, 5, "abc", 1), "");
	assert_string_equal(safe_echo(buf, sizeof buf, "\x1b\x1b", 1), "'\\x1B'...");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(write__each_c0__hex_escape),
		cmocka_unit_test(write__del__hex_escape),
		cmocka_unit_test(write__each_c1_as_utf8__both_bytes_escaped),
		cmocka_unit_test(write__each_raw_c1_byte__hex_escape),
		cmocka_unit_test(write__invalid_and_overlong_utf8__every_byte_escaped),
		cmocka_unit_test(write__truncated_sequence__escaped_at_end),
		cmocka_unit_test(write__valid_utf8__unchanged),
		cmocka_unit_test(char__kinds__length_and_columns),
		cmocka_unit_test(echo__short_value__quoted_and_escaped),
		cmocka_unit_test(echo__long_value__cut_with_ellipsis),
		cmocka_unit_test(echo__small_buffer_and_errno),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
