/* test_scan_line.c - the scanner's normalising passes, one by one: reading
 * a line into the scanner's copy, transcript prefixes, indentation,
 * quoted mail. */
#include "testutil.h"
#include "smtpcode.h"

#include "scan.h"

static struct scan sc;

static int setup(void **state)
{
	(void)state;
	memset(&sc, 0, sizeof sc);
	smtpcode__formats_index(&sc.formats);
	return 0;
}

/* Reads text through the passes; returns the line. */
static struct scan_line *pass(const char *text)
{
	smtpcode__line_read(&sc.in, text, strlen(text));
	assert_true(smtpcode__pass_prefix(&sc, &sc.in));
	assert_true(smtpcode__pass_indent(&sc, &sc.in));
	return &sc.in;
}

static void read__cr_dropped_nul_as_space(void **state)
{
	struct scan_line *l = &sc.in;

	(void)state;
	smtpcode__line_read(l, "550 a\0b\r", 8);
	assert_string_equal(l->text, "550 a b");
	assert_int_equal(l->len, 7);
	assert_ptr_equal(l->start, l->text);
	assert_int_equal(l->kind, SCAN_LINE_TEXT);
	smtpcode__line_read(l, "a\r\r", 3); /* only the last CR goes */
	assert_string_equal(l->text, "a\r");
	smtpcode__line_read(l, NULL, 0);
	assert_string_equal(l->text, "");
	smtpcode__line_read(l, NULL, 5); /* NULL reads as nothing */
	assert_int_equal(l->len, 0);
}

/* A longer line is cut at SMTPCODE_SCAN_LINE_MAX bytes, read from a buffer
 * of exactly its size (AddressSanitizer sees a read past it). */
static void read__long_line_cut(void **state)
{
	size_t len = SMTPCODE_SCAN_LINE_MAX + 3;
	char *big = malloc(len);

	(void)state;
	assert_non_null(big);
	memset(big, 'x', len);
	smtpcode__line_read(&sc.in, big, len);
	assert_int_equal(sc.in.len, SMTPCODE_SCAN_LINE_MAX);
	assert_int_equal(strlen(sc.in.text), SMTPCODE_SCAN_LINE_MAX);
	big[SMTPCODE_SCAN_LINE_MAX - 1] = '\r';
	smtpcode__line_read(&sc.in, big, SMTPCODE_SCAN_LINE_MAX);
	assert_int_equal(sc.in.len, SMTPCODE_SCAN_LINE_MAX - 1);
	free(big);
}

static void prefix__server_client_session(void **state)
{
	static const struct {
		const char *line, *start;
		enum scan_line_kind kind;
	} cases[] = {
		{ "S: 250 ok", "250 ok", SCAN_LINE_SERVER },
		{ "S:250 ok", "250 ok", SCAN_LINE_SERVER },
		{ "<-  250-PIPELINING", "250-PIPELINING", SCAN_LINE_SERVER }, /* not "<- " */
		{ "<- 250 ok", "250 ok", SCAN_LINE_SERVER },
		{ "<~* 550 5.7.1 no", "550 5.7.1 no", SCAN_LINE_SERVER },
		{ "<<< 452 4.2.2 full", "452 4.2.2 full", SCAN_LINE_SERVER },
		{ "C: MAIL FROM:<a>", "MAIL FROM:<a>", SCAN_LINE_CLIENT },
		{ " -> EHLO x", "EHLO x", SCAN_LINE_CLIENT },
		{ "~> QUIT", "QUIT", SCAN_LINE_CLIENT },
		{ ">>> RCPT To:<b>", "RCPT To:<b>", SCAN_LINE_CLIENT },
		{ "=== Trying x:25...", "Trying x:25...", SCAN_LINE_SESSION },
		{ "Status: 5.1.1", "Status: 5.1.1", SCAN_LINE_TEXT }, /* not "S:" */
		{ "s: 250 ok", "s: 250 ok", SCAN_LINE_TEXT },         /* prefixes keep their case */
		{ "550 5.1.1 x", "550 5.1.1 x", SCAN_LINE_TEXT },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct scan_line *l = pass(cases[i].line);
		assert_int_equal(l->kind, cases[i].kind);
		assert_string_equal(l->start, cases[i].start);
		assert_string_equal(l->text, cases[i].line); /* the copy is not changed */
	}
}

static void indent__blank_start_with_more(void **state)
{
	(void)state;
	assert_true(pass("    rejected: User unknown")->indented);
	assert_true(pass("\tx")->indented);
	assert_true(pass(" #")->indented);
	assert_false(pass("    ")->indented);
	assert_false(pass("")->indented);
	assert_false(pass("x  y")->indented);
	assert_true(pass(" -> EHLO x")->indented); /* a client line; the DSN stage reads it */
}

/* Reads text through the unquoting pass; returns the line's text. */
static const char *unquote(const char *text)
{
	smtpcode__line_read(&sc.in, text, strlen(text));
	assert_true(smtpcode__pass_unquote(&sc, &sc.in));
	assert_int_equal(sc.in.len, strlen(sc.in.text));
	return sc.in.text;
}

static void unquote__quote_marks_go(void **state)
{
	(void)state;
	assert_string_equal(unquote("> 550 Header value not allowed"), "550 Header value not allowed");
	assert_string_equal(unquote(">> 550 x"), "550 x");
	assert_string_equal(unquote("> > > 452-4.2.2 x"), "452-4.2.2 x");
	assert_string_equal(unquote(">     4.7.0 wrapped"), "    4.7.0 wrapped");
	assert_string_equal(unquote(">"), "");
	/* Not quotes: a transcript's client prefix, text that has no quote. */
	assert_string_equal(unquote(">>> RCPT To:<a@example.org>"), ">>> RCPT To:<a@example.org>");
	assert_string_equal(unquote("a > 550 b"), "a > 550 b");
	assert_string_equal(unquote("550 > 421"), "550 > 421");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(read__cr_dropped_nul_as_space, setup),
		cmocka_unit_test_setup(read__long_line_cut, setup),
		cmocka_unit_test_setup(prefix__server_client_session, setup),
		cmocka_unit_test_setup(indent__blank_start_with_more, setup),
		cmocka_unit_test_setup(unquote__quote_marks_go, setup),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
