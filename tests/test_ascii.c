/* test_ascii.c - the character helpers in src/util/ascii.c. */
#include "testutil.h"
#include "ascii.h"

static void lower__ascii_letters_only(void **state)
{
	int c;

	(void)state;
	for (c = 0; c < 256; c++) {
		int want = c >= 'A' && c <= 'Z' ? c + 32 : c;
		assert_int_equal(scx_lower(c), want);
	}
	assert_int_equal(scx_lower('@'), '@');
	assert_int_equal(scx_lower('['), '[');
	assert_int_equal(scx_lower(0xC4), 0xC4); /* Latin-1 Ä stays */
}

/* The decoded length (and code point) of s, a whole string. */
static size_t decode(const char *s, unsigned long *cp)
{
	*cp = 0xDEADul;
	return scx_utf8_decode(s, strlen(s) ? strlen(s) : 1, cp);
}

static void utf8__valid__length_and_code_point(void **state)
{
	unsigned long cp;

	(void)state;
	assert_int_equal(decode("A", &cp), 1);
	assert_int_equal(cp, 0x41);
	assert_int_equal(decode("", &cp), 1); /* NUL is ASCII */
	assert_int_equal(cp, 0);
	assert_int_equal(decode("\x1B", &cp), 1); /* controls too */
	assert_int_equal(decode("\xC2\x80", &cp), 2);
	assert_int_equal(cp, 0x80);
	assert_int_equal(decode("\xC3\xA9", &cp), 2); /* é */
	assert_int_equal(cp, 0xE9);
	assert_int_equal(decode("\xE0\xA0\x80", &cp), 3);
	assert_int_equal(cp, 0x800);
	assert_int_equal(decode("\xED\x9F\xBF", &cp), 3);
	assert_int_equal(cp, 0xD7FF);
	assert_int_equal(decode("\xEF\xBF\xBF", &cp), 3);
	assert_int_equal(cp, 0xFFFF);
	assert_int_equal(decode("\xF0\x90\x80\x80", &cp), 4);
	assert_int_equal(cp, 0x10000);
	assert_int_equal(decode("\xF4\x8F\xBF\xBF", &cp), 4);
	assert_int_equal(cp, 0x10FFFF);
	assert_int_equal(scx_utf8_len("\xE6\x97\xA5x", 4), 3); /* 日, then more */
	assert_int_equal(scx_utf8_decode("\xC3\xA9", 2, NULL), 2);
}

static void utf8__invalid__zero(void **state)
{
	static const char *const bad[] = {
		"\x80",             /* a continuation byte alone */
		"\xBF",
		"\xC0\xAF",         /* overlong leads */
		"\xC1\xBF",
		"\xE0\x9F\xBF",     /* overlong three-byte form */
		"\xF0\x8F\xBF\xBF", /* overlong four-byte form */
		"\xED\xA0\x80",     /* surrogates */
		"\xED\xBF\xBF",
		"\xF4\x90\x80\x80", /* above U+10FFFF */
		"\xF5\x80\x80\x80",
		"\xFF",
		"\xC3\x41",         /* a missing continuation byte ("A") */
		"\xE6\x97",         /* cut short */
	};
	unsigned long cp;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		cp = 7;
		assert_int_equal(scx_utf8_decode(bad[i], strlen(bad[i]), &cp), 0);
		assert_int_equal(cp, 7); /* left alone */
		assert_int_equal(scx_utf8_len(bad[i], strlen(bad[i])), 0);
	}
	/* n bounds the sequence even when more bytes follow. */
	assert_int_equal(scx_utf8_len("\xC3\xA9", 1), 0);
	assert_int_equal(scx_utf8_len("\xF0\x90\x80\x80", 3), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(lower__ascii_letters_only),
		cmocka_unit_test(utf8__valid__length_and_code_point),
		cmocka_unit_test(utf8__invalid__zero),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
