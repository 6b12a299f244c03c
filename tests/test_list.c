/* test_list.c - comma-separated lists: items, empty items, the end, and
 * the ", " join. */
#include "testutil.h"
#include "list.h"
#include "strbuf.h"

static void next__items_in_order(void **state)
{
	const char *p = "RCPT,VRFY,,X", *item;
	size_t len;

	(void)state;
	assert_true(scx_list_next(&p, &item, &len));
	assert_int_equal(len, 4);
	assert_memory_equal(item, "RCPT", 4);
	assert_true(scx_list_next(&p, &item, &len));
	assert_memory_equal(item, "VRFY", 4);
	assert_true(scx_list_next(&p, &item, &len));
	assert_int_equal(len, 0); /* an empty item between two commas */
	assert_true(scx_list_next(&p, &item, &len));
	assert_int_equal(len, 1);
	assert_false(scx_list_next(&p, &item, &len));
	assert_false(scx_list_next(&p, &item, &len)); /* and stays at the end */
}

static void next__empty_list_and_trailing_comma(void **state)
{
	const char *p = "", *item;
	size_t len;

	(void)state;
	assert_false(scx_list_next(&p, &item, &len));
	p = "451,";
	assert_true(scx_list_next(&p, &item, &len));
	assert_int_equal(len, 3);
	assert_false(scx_list_next(&p, &item, &len));
}

static void sb_list__joined_with_comma_space(void **state)
{
	struct strbuf sb;
	char buf[32];

	(void)state;
	scx_sb_init(&sb, buf, sizeof buf);
	scx_sb_list(&sb, "451,550,5XX");
	assert_string_equal(buf, "451, 550, 5XX");
	scx_sb_init(&sb, buf, sizeof buf);
	scx_sb_list(&sb, "Any");
	assert_string_equal(buf, "Any");
	scx_sb_init(&sb, buf, 6);
	scx_sb_list(&sb, "451,550");
	assert_string_equal(buf, "451, ");
	assert_int_equal(sb.need, 8);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(next__items_in_order),
		cmocka_unit_test(next__empty_list_and_trailing_comma),
		cmocka_unit_test(sb_list__joined_with_comma_space),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
