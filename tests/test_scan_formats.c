/* test_scan_formats.c - the format tables and their lookups: each role
 * read from the rows of every format. */
#include "testutil.h"
#include "smtpcode.h"

#include "scan.h"

static struct scan_index ix;

static int setup(void **state)
{
	(void)state;
	smtpcode__formats_index(&ix);
	return 0;
}

static int same_text(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

static int same_row(const struct scan_marker *a, const struct scan_marker *b)
{
	return strcmp(a->marker, b->marker) == 0 && same_text(a->then, b->then) &&
	       same_text(a->command, b->command) && a->outcome == b->outcome &&
	       a->direction == b->direction;
}

/* Every row stands once under its own role, and the roles tile the index. */
static void index__rows_by_role(void **state)
{
	size_t i, j;
	int r;

	(void)state;
	assert_int_equal(ix.first[0], 0);
	for (r = 0; r < SCAN_ROLE_COUNT; r++) {
		assert_true(ix.first[r] <= ix.first[r + 1]);
		assert_true(ix.first[r] < ix.first[r + 1]); /* every role has rows */
		for (i = ix.first[r]; i < ix.first[r + 1]; i++) {
			assert_int_equal(ix.rows[i]->role, r);
			assert_int_equal(ix.rows[i]->len, strlen(ix.rows[i]->marker));
			for (j = ix.first[r]; j < i; j++) /* a row written twice */
				assert_false(same_row(ix.rows[i], ix.rows[j]));
		}
	}
	assert_true(ix.first[SCAN_ROLE_COUNT] <= SCAN_ROWS_MAX);
}

/* Two rows have one number exactly when they have one marker: the first
 * row's with that marker (genscan), which the lookups compare instead of
 * the markers. */
static void index__marker_numbers(void **state)
{
	size_t i, j, n = ix.first[SCAN_ROLE_COUNT];

	(void)state;
	for (i = 0; i < n; i++) {
		assert_true(ix.rows[i]->id <= i);
		assert_string_equal(ix.rows[ix.rows[i]->id]->marker, ix.rows[i]->marker);
		for (j = 0; j < i; j++)
			assert_int_equal(ix.rows[i]->id == ix.rows[j]->id,
			                 strcmp(ix.rows[i]->marker, ix.rows[j]->marker) == 0);
	}
}

static void command__each_format(void **state)
{
	static const struct {
		const char *line, *command;
	} cases[] = {
		{ "550 x (in reply to RCPT TO command)", "RCPT" },
		{ "552 x (in reply to end of DATA command)", "DATA" },
		{ "x (in reply to FOO command)", NULL }, /* "in reply to" decides */
		{ "NOQUEUE: reject: RCPT from x[192.0.2.1]: 554 5.7.1", "RCPT" },
		{ "NOQUEUE: reject: END-OF-MESSAGE from x: 550", "DATA" },
		{ "NOQUEUE: reject: rcpt from x: 554", "RCPT" }, /* any case after the marker */
		{ "host x[192.0.2.1] refused to talk to me: 421 busy", "CONNECT" },
		{ "ruleset=check_rcpt, arg1=<b>, reject=550 5.7.1", "RCPT" },
		{ "ruleset=check_relay, reject=550", "CONNECT" },
		{ "SMTP error from remote mail server after RCPT TO:<b>: 550", "RCPT" },
		{ "SMTP error from remote mail server after pipelined MAIL FROM:<a> SIZE=1: 552", "MAIL" },
		{ "SMTP error from remote mail server after end of data: 451", "DATA" },
		{ "SMTP error from remote mail server after initial connection: 554", "CONNECT" },
		{ "SMTP error from remote mail server after EHLO x: 550", "EHLO" },
		{ "SMTP error from remote mail server after nonsense: 550", NULL },
		{ "550 5.1.1 User unknown", NULL },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *got = smtpcode__command_in(&ix, cases[i].line);
		if (cases[i].command)
			assert_string_equal(got, cases[i].command);
		else
			assert_null(got);
	}
}

static void outcome__fields_and_tokens(void **state)
{
	static const struct {
		const char *line;
		enum smtpcode_outcome outcome;
	} cases[] = {
		{ "to=<a>, dsn=2.0.0, status=sent (250 ok)", SMTPCODE_OUTCOME_DELIVERED },
		{ "dsn=4.4.1, status=deferred (connect to x)", SMTPCODE_OUTCOME_DEFERRED },
		{ "dsn=5.1.1, status=bounced (host x said: 550)", SMTPCODE_OUTCOME_BOUNCED },
		{ "status=expired, returned to sender", SMTPCODE_OUTCOME_EXPIRED },
		{ "dsn=2.0.0, stat=Sent (ok)", SMTPCODE_OUTCOME_DELIVERED },
		{ "dsn=4.0.0, stat=Deferred: Connection refused", SMTPCODE_OUTCOME_DEFERRED },
		{ "dsn=5.1.1, stat=User unknown", SMTPCODE_OUTCOME_BOUNCED },
		{ "dsn=4.1.1, stat=User unknown", SMTPCODE_OUTCOME_NONE },
		{ "status=User unknown dsn=5.1.1", SMTPCODE_OUTCOME_NONE }, /* Sendmail's rule only */
		{ "stat=x status=sent", SMTPCODE_OUTCOME_NONE },           /* the first field decides */
		{ "1abc-000 => d@example.org R=x", SMTPCODE_OUTCOME_DELIVERED },
		{ "1abc-000 -> d@example.org R=x", SMTPCODE_OUTCOME_DELIVERED },
		{ "1abc-000 == c@example.org defer (-44)", SMTPCODE_OUTCOME_DEFERRED },
		{ "1abc-000 ** b@example.org R=x ==", SMTPCODE_OUTCOME_BOUNCED }, /* the first token */
		{ "a=>b **", SMTPCODE_OUTCOME_NONE },
		/* Postfix verify(8) probes, soft_bounce, warn_if_reject */
		{ "dsn=5.1.1, status=undeliverable (host x said: 550)", SMTPCODE_OUTCOME_UNDELIVERABLE },
		{ "dsn=5.1.1, status=undeliverable-but-not-cached (host x said: 550)",
		  SMTPCODE_OUTCOME_UNDELIVERABLE },
		{ "dsn=4.4.1, status=undeliverable (connect to x)", SMTPCODE_OUTCOME_UNDELIVERABLE },
		{ "dsn=2.1.5, status=deliverable (250 2.1.5 Ok)", SMTPCODE_OUTCOME_DELIVERABLE },
		{ "dsn=4.1.1, status=SOFTBOUNCE (host x said: 550)", SMTPCODE_OUTCOME_SOFTBOUNCE },
		{ "NOQUEUE: reject_warning: RCPT from x[192.0.2.1]: 450 4.7.1 y",
		  SMTPCODE_OUTCOME_WARNING },
		{ "NOQUEUE: reject: RCPT from x[192.0.2.1]: 450 4.1.1 <a@example.org>: Recipient "
		  "address rejected: undeliverable address: host x said: 550", SMTPCODE_OUTCOME_NONE },
		{ "status=undeliverablex (y)", SMTPCODE_OUTCOME_UNDELIVERABLE }, /* a prefix, as sent */
		{ "", SMTPCODE_OUTCOME_NONE },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		assert_int_equal(smtpcode__outcome_in(&ix, cases[i].line), cases[i].outcome);
}

static void lead_in__markers_and_colon(void **state)
{
	static const struct {
		const char *line, *code;
		int at;
	} cases[] = {
		{ "host x said: 550 no", "550", 1 },
		{ "host x said:550 no", "550", 1 },
		{ "Diagnostic: smtp; 550 no", "550", 1 },
		{ "Remote Server returned '550 no'", "550", 1 },
		{ "responded with: \"421 4.4.2 x\"", "421", 1 },
		{ "=> b C=\"250 ok\"", "250", 1 },
		{ "reject=550 5.7.1", "550", 1 },
		{ "stat=Deferred: 451 x", "451", 1 },
		{ "#5.4.14 smtp; 554 x", "554", 1 },
		{ "size 550 bytes", "550", 0 },
		{ "port: 465", "465", 0 },
		{ "said 550", "550", 0 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *line = cases[i].line, *p = strstr(line, cases[i].code);
		assert_int_equal(smtpcode__after_lead_in(&ix, line, p, NULL), cases[i].at);
	}
	{
		const char *line = "mail server after end of data: 550 x";
		const char *after = smtpcode__colon_lead_in(&ix, line);
		assert_ptr_equal(after, line);
		assert_true(smtpcode__after_lead_in(&ix, line, strstr(line, "550"), after));
		assert_false(smtpcode__after_lead_in(&ix, line, strstr(line, "550"), NULL));
		assert_null(smtpcode__colon_lead_in(&ix, "said: 550"));
	}
}

static void record__enhanced_and_text(void **state)
{
	const char *line = "to=<a>, dsn=4.4.1, status=deferred (connect to x:25: timed out)";
	const char *t;
	size_t n;

	(void)state;
	assert_string_equal(smtpcode__enhanced_field(&ix, line), "4.4.1, status=deferred "
	                                                       "(connect to x:25: timed out)");
	assert_null(smtpcode__enhanced_field(&ix, "dsn=x dsn=5.1.1")); /* the first one decides */
	t = smtpcode__record_text(&ix, line, &n);
	assert_int_equal(n, strlen("connect to x:25: timed out"));
	assert_memory_equal(t, "connect to x:25: timed out", n);
	t = smtpcode__record_text(&ix, "dsn=5.1.1, stat=User unknown", &n);
	assert_string_equal(t, "User unknown");
	assert_int_equal(n, 12);
	assert_null(smtpcode__record_text(&ix, "status=sent stat=x", &n)); /* no "(" */
	assert_null(smtpcode__record_text(&ix, "dsn=5.1.1", &n));
}

static void text__end_and_joins(void **state)
{
	const char *text = "x (in reply to RCPT TO command)";
	size_t len = 0;

	(void)state;
	assert_ptr_equal(smtpcode__text_end(&ix, text, 0), text + 2);
	assert_ptr_equal(smtpcode__text_end(&ix, text, 1), text + 2);
	text = "(in reply to x";
	assert_ptr_equal(smtpcode__text_end(&ix, text, 0), text);
	assert_null(smtpcode__text_end(&ix, text, 1)); /* no space before */
	text = "a(in reply to x (in reply to y";
	assert_ptr_equal(smtpcode__text_end(&ix, text, 1), text + 16);
	assert_null(smtpcode__text_end(&ix, "no end", 0));
	text = "first\\n550-5.7.1 second";
	assert_ptr_equal(smtpcode__join_in(&ix, text, &len), text + 5);
	assert_int_equal(len, 2);
	assert_null(smtpcode__join_in(&ix, "no join", &len));
}

static void transcript__prefixes_and_words(void **state)
{
	size_t len = 0;

	(void)state;
	assert_int_equal(smtpcode__prefix(&ix, "<-  250 ok", &len), SCAN_SERVER);
	assert_int_equal(len, 4);
	assert_int_equal(smtpcode__prefix(&ix, ">>> DATA", &len), SCAN_CLIENT);
	assert_int_equal(smtpcode__prefix(&ix, "=== Trying", &len), SCAN_SESSION);
	assert_int_equal(smtpcode__prefix(&ix, "250 ok", &len), SCAN_ROLE_COUNT);
	assert_string_equal(smtpcode__client_word(&ix, "."), "DATA");
	assert_null(smtpcode__client_word(&ix, ".."));
	assert_null(smtpcode__client_word(&ix, "RCPT"));
}

static void dsn__action_values(void **state)
{
	(void)state;
	assert_int_equal(smtpcode__dsn_action(&ix, "failed"), SMTPCODE_OUTCOME_BOUNCED);
	assert_int_equal(smtpcode__dsn_action(&ix, "Delayed"), SMTPCODE_OUTCOME_DEFERRED);
	assert_int_equal(smtpcode__dsn_action(&ix, "relayed"), SMTPCODE_OUTCOME_DELIVERED);
	assert_int_equal(smtpcode__dsn_action(&ix, "expanded (to 2)"), SMTPCODE_OUTCOME_DELIVERED);
	assert_int_equal(smtpcode__dsn_action(&ix, "unknown"), SMTPCODE_OUTCOME_NONE);
}

static void prefix_after__every_marker_passes_the_filter(void **state)
{
	static const char *const server[] = {
		"  308   SMTP<< 250 OK", "21550 <<< 250 HELP", "2026-05-06 SERVER -> CLIENT: 220 x",
		"[t] DEBUG [Kx7f] S: 220 x", "postfix/smtp[1]: < mx[192.0.2.1]:25: 220 x",
		"2026-05-06 08:14:02\tSERVER -> CLIENT: 220 x", /* PHPMailer's echo */
		"2026-05-06 08:14:02 SERVER -&gt; CLIENT: 220 x<br>", /* and html */
	};
	static const char *const client[] = {
		"  308   SMTP>> EHLO x", "  308   SMTP|> MAIL FROM:<a>", "21550 >>> DATA",
		"2026-05-06 CLIENT -> SERVER: QUIT", "[t] DEBUG [Kx7f] C: EHLO x",
		"2026-05-06 08:14:02 CLIENT -&gt; SERVER: MAIL FROM:&lt;a@example.org&gt;<br>",
		"postfix/smtp[1]: > mx[192.0.2.1]:25: RSET",
	};
	const char *start;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof server / sizeof server[0]; i++)
		assert_int_equal(smtpcode__prefix_after(&ix, server[i], &start), SCAN_SERVER_AFTER);
	for (i = 0; i < sizeof client / sizeof client[0]; i++)
		assert_int_equal(smtpcode__prefix_after(&ix, client[i], &start), SCAN_CLIENT_AFTER);
	assert_string_equal(start, "RSET");
	/* Not a transcript: a log line with addresses, a ">>>>" banner. */
	assert_int_equal(smtpcode__prefix_after(&ix, "to=<a@example.org>, status=sent (250 ok)", &start),
	                 SCAN_ROLE_COUNT);
	assert_int_equal(smtpcode__prefix_after(&ix, "  308 >>>>>>>> Exim pid=308 >>>>>>>>", &start),
	                 SCAN_ROLE_COUNT);
}

/* The lookups of the bounce rows: a label written again before the
 * enhanced code, a status before the reply, the longer of two transcript
 * markers, a JSON object that makes one reply. */
static void bounce_lookups__each_role(void **state)
{
	static const char line[] = "<mx.example.net #5.0.0 smtp; 554 5.7.1 Blocked>";
	struct smtpcode_enhanced_code c;
	const char *start;

	(void)state;
	assert_int_equal(smtpcode__lead_in_at(&ix, "ERROR_CODE :5.1.1 <a>"), 12);
	assert_int_equal(smtpcode__lead_in_at(&ix, "5.1.1 <a>"), 0);
	assert_true(smtpcode__status_before(&ix, line, strstr(line, "554"), &c));
	assert_int_equal(c.subject, 0);
	assert_false(smtpcode__status_before(&ix, line, line, &c)); /* nothing before */
	{
		static const char tag[] = "<mx #4.16.1 smtp; 451 x>"; /* subject over 7 */
		assert_false(smtpcode__status_before(&ix, tag, strstr(tag, "451"), &c));
	}
	assert_int_equal(smtpcode__prefix_after_longest(&ix, "Sent <<< RCPT TO:<a>", &start),
	                 SCAN_CLIENT_AFTER);
	assert_string_equal(start, "RCPT TO:<a>");
	assert_int_equal(smtpcode__prefix_after_longest(&ix, "Received >>> 550 x", &start),
	                 SCAN_SERVER_AFTER);
	assert_int_equal(smtpcode__prefix_after_longest(&ix, "21550 <<< 250 HELP", &start),
	                 SCAN_SERVER_AFTER);
	assert_true(smtpcode__json_object(&ix, "  \"delivery-status\": {"));
	assert_false(smtpcode__json_object(&ix, "  \"delivery\": {"));
}

/* Every SCAN_SIDE_AFTER marker starts with a character of
 * smtpcode__side_firsts (the one pass of smtpcode__side_after looks for
 * no other), and the lookup finds each, the first on the line. */
static void side_after__every_marker_and_its_first_character(void **state)
{
	size_t len = 0;
	const char *line = "2026-06-02T08:14:03Z,Send,08DE,2,192.0.2.40:1,198.51.100.25:25,<,220 x,";

	(void)state;
	EACH(&ix, SCAN_SIDE_AFTER, m)
		assert_non_null(strchr(smtpcode__side_firsts, (*m)->marker[0]));
	assert_ptr_equal(smtpcode__side_after(&ix, line, &len), strstr(line, ",<,"));
	assert_int_equal(len, 3);
	line = "\"SMTPC\"\t5212\t7\t\"2026-06-03 10:01:02.345\"\t\"198.51.100.25\"\t\"SENT: QUIT\"";
	assert_ptr_equal(smtpcode__side_after(&ix, line, &len), strstr(line, "\"SENT: "));
	assert_int_equal(len, 7);
	assert_null(smtpcode__side_after(&ix, "to=<a@example.org>, status=sent (250 ok)", &len));
	assert_null(smtpcode__side_after(&ix, "a,<b, >,\"SENT:x", &len));
}

/* The SCAN_COMMAND_SPAN rows: the marker, then `then` later on the line. */
static void command_span__marker_then_words(void **state)
{
	(void)state;
	assert_string_equal(smtpcode__command_span(&ix, "Recipient <a@example.org> rejected: 450"),
	                    "RCPT");
	assert_string_equal(smtpcode__command_span(&ix, "sender <a@example.org> rejected: 553"),
	                    "MAIL");
	assert_null(smtpcode__command_span(&ix, "rejected recipient <a@example.org>: 450"));
	assert_null(smtpcode__command_span(&ix, "Recipient <a@example.org> accepted"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(index__rows_by_role),
		cmocka_unit_test(index__marker_numbers),
		cmocka_unit_test(command__each_format),
		cmocka_unit_test(outcome__fields_and_tokens),
		cmocka_unit_test(lead_in__markers_and_colon),
		cmocka_unit_test(record__enhanced_and_text),
		cmocka_unit_test(text__end_and_joins),
		cmocka_unit_test(transcript__prefixes_and_words),
		cmocka_unit_test(dsn__action_values),
		cmocka_unit_test(prefix_after__every_marker_passes_the_filter),
		cmocka_unit_test(bounce_lookups__each_role),
		cmocka_unit_test(side_after__every_marker_and_its_first_character),
		cmocka_unit_test(command_span__marker_then_words),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
