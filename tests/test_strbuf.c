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

static void need__whole_length__cut_or_not(void **state)
{
	struct strbuf sb;
	const char *args[1] = { "world" };
	char buf[8];

	(void)state;
	scx_sb_init(&sb, buf, sizeof buf);
	scx_sb_printf(&sb, "%d-%s", 42, "abc");
	assert_int_equal(sb.need, 6);
	scx_sb_putn(&sb, "defgh", 5);
	assert_int_equal(sb.need, 11);
	assert_string_equal(buf, "42-abcd");
	/* A full buffer still counts what would have followed. */
	scx_sb_printf(&sb, "%s", "xyz");
	scx_sb_template(&sb, "hello {1}", args, 1);
	assert_int_equal(sb.need, 11 + 3 + 11);
	assert_string_equal(buf, "42-abcd");
}

static void need__size_zero__null_buffer_counts_only(void **state)
{
	struct strbuf sb;

	(void)state;
	scx_sb_init(&sb, NULL, 0);
	scx_sb_printf(&sb, "%s %d", "abc", 12345);
	scx_sb_putn(&sb, "\xc3\xa9", 2);
	assert_int_equal(sb.need, 11);
	assert_int_equal(sb.len, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(printf__fits__appends),
		cmocka_unit_test(printf__overflow__cut_and_terminated),
		cmocka_unit_test(overflow__inside_utf8__drops_partial_character),
		cmocka_unit_test(template__placeholders_filled),
		cmocka_unit_test(need__whole_length__cut_or_not),
		cmocka_unit_test(need__size_zero__null_buffer_counts_only),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
