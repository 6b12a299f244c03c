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

/* The stamps that syslog daemons, journalctl and Postfix's own log file
 * write (logtime.c names each). */
static void formats__every_writer(void **state)
{
	struct logtime t;

	(void)state;
	/* Postfix maillog_file (postlogd): strftime's "%b %d", a 0 before the day */
	assert_string_equal(parse("Nov 09 10:00:01 mx postfix/smtp[1]: x"), "--11-09T10:00:01");
	/* journalctl -o short-precise */
	assert_string_equal(parse("Nov 29 10:00:01.123456 mx postfix/smtp[1]: x"),
	                    "--11-29T10:00:01");
	/* journalctl -o short-iso (older systemd: "+0100"), short-iso-precise */
	assert_string_equal(parse("2026-11-29T10:00:01+0100 mx x"), "2026-11-29T10:00:01");
	assert_string_equal(parse("2026-11-29T10:00:01.123456+01:00 mx x"), "2026-11-29T10:00:01");
	/* a template with a space, as Exim's own */
	assert_string_equal(parse("2026-11-29 10:00:01 mx postfix/smtp[1]: x"),
	                    "2026-11-29T10:00:01");
	/* journalctl -o short-full */
	assert_string_equal(parse("Sun 2026-11-29 10:00:01 CET mx postfix/smtp[1]: x"),
	                    "2026-11-29T10:00:01");
	/* syslog with the year after the day */
	assert_string_equal(parse("Nov 29 2026 10:00:01 mx postfix/smtp[1]: x"),
	                    "2026-11-29T10:00:01");
	assert_string_equal(parse("Nov  9 2026 23:00:01 mx x"), "2026-11-09T23:00:01");
	assert_true(logtime_parse("Sun 2026-11-29 23:00:01 CET", 27, &t));
	assert_int_equal(t.hour, 23);
	assert_null(parse("Nov 29 2026 10:00:0"));
	assert_null(parse("Nov 29 202x 10:00:01 mx"));
	assert_null(parse("Nov 29 2026T10:00:01 mx"));
	assert_null(parse("Sun 2026-11-29T10:00:0"));
	assert_null(parse("Sun 2026-11-29X10:00:01 mx"));
	assert_null(parse("Sun 2026-13-29 10:00:01 mx"));
	assert_null(parse("Sunday 2026-11-29 10:00:01 mx"));
}

static void give_year__from_the_other_end(void **state)
{
	char t[LOGTIME_TEXT];

	(void)state;
	strcpy(t, "--11-29T10:00:04");
	logtime_give_year(t, "2026-11-29T10:00:00", 1);
	assert_string_equal(t, "2026-11-29T10:00:04");
	strcpy(t, "--01-01T00:00:04"); /* the last, before the first in the year: the next */
	logtime_give_year(t, "2026-12-31T23:59:00", 1);
	assert_string_equal(t, "2027-01-01T00:00:04");
	strcpy(t, "--11-29T09:00:00");
	logtime_give_year(t, "2026-11-29T10:00:00", -1);
	assert_string_equal(t, "2026-11-29T09:00:00");
	strcpy(t, "--12-31T23:00:00"); /* the first, after the last in the year: the one before */
	logtime_give_year(t, "2027-01-01T01:00:00", -1);
	assert_string_equal(t, "2026-12-31T23:00:00");
	strcpy(t, "--12-31T23:00:00"); /* no year before 0000 */
	logtime_give_year(t, "0000-01-01T01:00:00", -1);
	assert_string_equal(t, "--12-31T23:00:00");
	strcpy(t, "--01-01T00:00:00");
	logtime_give_year(t, "9999-12-31T01:00:00", 1);
	assert_string_equal(t, "--01-01T00:00:00");
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

/* Reads line through the memo, and checks that the result is what a read
 * without one gives; returns the text, or NULL. */
static const char *memo_read(struct logtime_memo *m, const char *line, size_t n)
{
	const struct logtime *t = logtime_memo_read(line, n, m);
	struct logtime plain;

	assert_int_equal(t != NULL, logtime_parse(line, n, &plain));
	if (!t)
		return NULL;
	assert_string_equal(t->text, plain.text);
	assert_int_equal(t->hour, plain.hour);
	assert_true(t->order == plain.order);
	return t->text;
}

static const char *memo_str(struct logtime_memo *m, const char *line)
{
	return memo_read(m, line, strlen(line));
}

static void memo__same_as_reading_again(void **state)
{
	static const char *const lines[] = {
		"Nov 29 10:00:01 mx a", "Nov 29 10:00:01 mx b", "Nov 29 10:00:02 mx c",
		"Nov 29 24:00:00 mx bad hour", "Nov 29 10:60:00 mx bad minute", "Nov 29 10:00:61 x",
		"Nov 29 23:59:60 mx leap second", "Nov 30 00:00:00 mx next day",
		"Nov 30 0:00:00 mx short hour", "Nov 30 00:00:0", "Dec  1 00:00:00 mx next month",
		"Dec  1 00:00:00 mx", "Dec 31 23:59:59 mx", "Jan  1 00:00:00 mx next year",
		"Jan  1 00:00:0x", "Jan 01 00:00:01 mx", "Jan 32 00:00:01 mx", "Jan  0 00:00:01 mx",
		"2026-12-31T23:59:59.999+01:00 mx", "2026-12-31T23:59:59Z mx", "2026-12-31 23:59:59 x",
		"2027-01-01T00:00:00 mx", "2027-01-01T00:00:01", "2027-01-01T24:00:01",
		"2027-01-01T00:00:1", "2027-13-01T00:00:01", "2027-00-01T00:00:01 x",
		"Jan  1 00:00:01 mx back to syslog", "0000-01-01T00:00:00 x", "2027-01-01x00:00:01",
		"Jan  1 2027 00:00:01 mx", "Jan  1 2027 00:00:02 mx", "Jan  1 2027 00:00:0x mx",
		"Jan  2 2027 00:00:02 mx", "Sat 2027-01-02 00:00:02 CET mx",
		"Sat 2027-01-02 00:00:03 CET mx", "Sat 2027-01-02 00:60:03 CET mx",
		"Sun 2027-01-03 00:00:03 CET mx", "Jan  3 00:00:03.123456 mx",
		"Jan  3 00:00:04.123456 mx", "Jan 03 00:00:04 mx",
	};
	struct logtime_memo m;
	size_t i, k;

	(void)state;
	memset(&m, 0, sizeof m);
	for (i = 0; i < sizeof lines / sizeof lines[0]; i++) /* each line cut at every length */
		for (k = 0; k <= strlen(lines[i]); k++)
			memo_read(&m, lines[i], k);
	memset(&m, 0, sizeof m);
	assert_string_equal(memo_str(&m, "Dec 31 23:59:59 mx"), "--12-31T23:59:59");
	assert_string_equal(memo_str(&m, "Dec 31 23:59:59 mx"), "--12-31T23:59:59");
	assert_string_equal(memo_str(&m, "Jan  1 00:00:00 mx"), "--01-01T00:00:00");
	assert_null(memo_str(&m, "Jan  1 00:60:00 mx"));
	assert_string_equal(memo_str(&m, "Jan  1 00:00:01 mx"), "--01-01T00:00:01");
	assert_string_equal(memo_str(&m, "2026-12-31T23:59:59+01:00"), "2026-12-31T23:59:59");
	assert_string_equal(memo_str(&m, "2027-01-01 00:00:00 x"), "2027-01-01T00:00:00");
	assert_string_equal(memo_str(&m, "2027-01-01T00:00:00 x"), "2027-01-01T00:00:00");
	/* NUL bytes: a line is a length, not a string */
	assert_null(memo_read(&m, "2027-01-01T00:\0000:00 x", 21));
	assert_string_equal(memo_read(&m, "Jan  1 00:00:01\0mx", 19), "--01-01T00:00:01");
	assert_null(memo_read(&m, "Jan  1 00:00:\0001 mx", 19));
}

/* The clock read 8 bytes at a time: every byte value at every place of
 * "23:59:60" and "00:00:00", in both stamp forms, against the rule (digits
 * where digits go, ':' between, hour to 23, minute to 59, second to 60). */
static void clock__every_byte_at_every_place(void **state)
{
	static const char *const clocks[] = { "23:59:60", "00:00:00", "19:09:09" };
	size_t c, at;
	int b;

	(void)state;
	for (c = 0; c < 3; c++)
		for (at = 0; at < 8; at++)
			for (b = 0; b < 256; b++) {
				char syslog[] = "Nov 29 hh:mm:ss mx", iso[] = "2026-11-29Thh:mm:ss mx";
				char clock[9];
				struct logtime t;
				int digits = 1, ok;
				size_t i;
				memcpy(clock, clocks[c], 9);
				clock[at] = (char)b;
				for (i = 0; i < 8; i++)
					digits &= i == 2 || i == 5 ? clock[i] == ':'
					                           : clock[i] >= '0' && clock[i] <= '9';
				ok = digits && (clock[0] - '0') * 10 + clock[1] - '0' <= 23 &&
				     (clock[3] - '0') * 10 + clock[4] - '0' <= 59 &&
				     (clock[6] - '0') * 10 + clock[7] - '0' <= 60;
				memcpy(syslog + 7, clock, 8);
				memcpy(iso + 11, clock, 8);
				assert_int_equal(logtime_parse(syslog, sizeof syslog - 1, &t), ok);
				assert_int_equal(logtime_parse(iso, sizeof iso - 1, &t), ok);
				if (ok)
					assert_int_equal(t.hour, (clock[0] - '0') * 10 + clock[1] - '0');
			}
}

static void order__as_the_texts(void **state)
{
	static const char *const lines[] = {
		"Nov 29 10:00:01", "Nov 29 10:00:02", "Nov 29 10:01:00", "Nov 29 11:00:00",
		"Nov 30 00:00:00", "Dec  1 00:00:00", "Jan  1 00:00:00", "Dec 31 23:59:60",
		"2026-11-29T10:00:01", "2026-11-29T10:00:00", "2025-12-31T23:59:59",
		"2027-01-01T00:00:00", "0000-01-01T00:00:00", "9999-12-31T23:59:59",
		"Nov 29 2026 10:00:01", "Sun 2026-11-29 10:00:02 CET",
	};
	struct logtime a, b;
	size_t i, k;

	(void)state;
	for (i = 0; i < sizeof lines / sizeof lines[0]; i++) {
		assert_true(logtime_parse(lines[i], strlen(lines[i]), &a));
		for (k = 0; k < sizeof lines / sizeof lines[0]; k++) {
			int c;
			assert_true(logtime_parse(lines[k], strlen(lines[k]), &b));
			c = logtime_cmp(a.text, b.text);
			assert_int_equal(logtime_order_cmp(a.order, b.order), c < 0 ? -1 : c > 0);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(formats__three_kinds),
		cmocka_unit_test(formats__every_writer),
		cmocka_unit_test(give_year__from_the_other_end),
		cmocka_unit_test(bad__not_taken),
		cmocka_unit_test(order__texts_sort_in_time),
		cmocka_unit_test(valid__as_written),
		cmocka_unit_test(memo__same_as_reading_again),
		cmocka_unit_test(order__as_the_texts),
		cmocka_unit_test(clock__every_byte_at_every_place),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
