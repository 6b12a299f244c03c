/* test_logtime.c - time stamps at the start of log lines. */
#include "testutil.h"
#include "logtime.h"

static const char *parse(const char *line)
{
	static struct logtime t;

	memset(&t, 'x', sizeof t);
	if (!logtime_parse(line, strlen(line), &t))
		return NULL;
	return t.text;
}

static void formats__three_kinds(void **state)
{
	struct logtime t;

	(void)state;
	assert_string_equal(parse("Nov 29 10:00:01 mx postfix/smtpd[1]: x"), "--11-29T10:00:01");
	assert_string_equal(parse("Jan  2 03:04:05 mx x"), "--01-02T03:04:05");
	assert_string_equal(parse("2026-11-29T10:00:01.123456+01:00 mx x"), "2026-11-29T10:00:01");
	assert_string_equal(parse("2026-11-29 23:59:60 1tXyZa-000AbC-Ab <= x"), "2026-11-29T23:59:60");
	assert_true(logtime_parse("Dec 31 23:00:00 h", 17, &t));
	assert_int_equal(t.hour, 23);
}

static void bad__not_taken(void **state)
{
	static const char *const bad[] = {
		"", "Nov 29 10:00:0", "Foo 29 10:00:01 h", "Nov 29 24:00:01 h", "Nov 32 10:00:01 h",
		"Nov 00 10:00:01 h", "2026-13-29 10:00:01", "2026-11-29X10:00:01",
		"2026-11-29 10:60:01", "2026-11-29 10:00", "nov 29 10:00:01 h",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		if (parse(bad[i]))
			fail_msg("taken: %s", bad[i]);
	}
}

static void order__texts_sort_in_time(void **state)
{
	(void)state;
	assert_true(strcmp("--11-29T10:00:01", "--12-01T00:00:00") < 0);
	assert_true(strcmp("2026-11-29T10:00:01", "2026-11-29T10:00:02") < 0);
	/* with and without a year: by month, day and time */
	assert_true(logtime_cmp("--11-29T10:00:01", "2026-11-29T12:35:00") < 0);
	assert_true(logtime_cmp("2026-11-29T12:35:00", "--11-29T10:00:01") > 0);
	assert_true(logtime_cmp("--11-29T13:00:00", "2026-11-29T12:35:00") > 0);
	assert_true(logtime_cmp("2026-11-30T00:00:00", "--11-29T23:59:59") > 0);
	assert_true(logtime_cmp("--11-29T10:00:01", "2026-11-29T10:00:01") < 0);
	assert_true(logtime_cmp("2026-11-29T10:00:01", "2026-11-29T10:00:01") == 0);
	assert_true(logtime_cmp("--11-29T10:00:01", "--11-29T10:00:02") < 0);
}

static void valid__as_written(void **state)
{
	(void)state;
	assert_true(logtime_valid("2026-11-29T10:00:01"));
	assert_true(logtime_valid("--11-29T10:00:01"));
	assert_false(logtime_valid("--11-29T10:00:0"));
	assert_false(logtime_valid("2026-11-29 10:00:01"));
	assert_false(logtime_valid("2026-11-29T25:00:01"));
	assert_false(logtime_valid("-11-29T10:00:01x"));
	assert_false(logtime_valid(""));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(formats__three_kinds),
		cmocka_unit_test(bad__not_taken),
		cmocka_unit_test(order__texts_sort_in_time),
		cmocka_unit_test(valid__as_written),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
