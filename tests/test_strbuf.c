/* test_strbuf.c - appending to a fixed buffer, and cutting it cleanly. */
#include "testutil.h"
#include "strbuf.h"

static void printf__fits__appends(void **state)
{
	char buf[32];
	struct strbuf sb;

	(void)state;
	scx_sb_init(&sb, buf, sizeof buf);
	assert_string_equal(buf, "");
	scx_sb_printf(&sb, "%d-%s", 42, "x");
	scx_sb_putn(&sb, "abcdef", 3);
	assert_string_equal(buf, "42-xabc");
	assert_int_equal(sb.len, 7);
}

static void printf__overflow__cut_and_terminated(void **state)
{
	char buf[8];
	struct strbuf sb;

	(void)state;
	scx_sb_init(&sb, buf, sizeof buf);
	scx_sb_printf(&sb, "%s", "0123456789");
	assert_string_equal(buf, "0123456");
	scx_sb_printf(&sb, "more");
	scx_sb_putn(&sb, "more", 4);
	assert_string_equal(buf, "0123456");
}

static void overflow__inside_utf8__drops_partial_character(void **state)
{
	char buf[6];
	struct strbuf sb;

	(void)state;
	/* "abcd" then U+00A7 (2 bytes): only one byte would fit. */
	scx_sb_init(&sb, buf, sizeof buf);
	scx_sb_printf(&sb, "abcd\xC2\xA7");
	assert_string_equal(buf, "abcd");
	/* A 3-byte character with two bytes of room. */
	scx_sb_init(&sb, buf, sizeof buf);
	scx_sb_putn(&sb, "abc\xE2\x80\x94", 6);
	assert_string_equal(buf, "abc");
	/* A whole character that fits is kept. */
	scx_sb_init(&sb, buf, sizeof buf);
	scx_sb_putn(&sb, "ab\xE2\x80\x94zz", 7);
	assert_string_equal(buf, "ab\xE2\x80\x94");
}

static void template__placeholders_filled(void **state)
{
	const char *args[] = { "251", "User Not Local" };
	char buf[64];
	struct strbuf sb;

	(void)state;
	scx_sb_init(&sb, buf, sizeof buf);
	scx_sb_template(&sb, "{2} ({1}) and {1}, {3} {", args, 2);
	assert_string_equal(buf, "User Not Local (251) and 251, {3} {");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(printf__fits__appends),
		cmocka_unit_test(printf__overflow__cut_and_terminated),
		cmocka_unit_test(overflow__inside_utf8__drops_partial_character),
		cmocka_unit_test(template__placeholders_filled),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
