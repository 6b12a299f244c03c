/* test_scan_dsn.c - RFC 3464 per-recipient groups, read field by field: the
 * fields by name, which lines a group takes, and the reply it gives. */
#include "testutil.h"
#include "smtpcode.h"

#include "scan.h"

static struct scan sc;
static struct smtpcode_reply got[4];
static size_t ngot;

static void take(const struct smtpcode_reply *r, void *arg)
{
	(void)arg;
	assert_true(ngot < sizeof got / sizeof got[0]);
	got[ngot++] = *r;
}

static int setup(void **state)
{
	(void)state;
	memset(&sc, 0, sizeof sc);
	smtpcode__formats_index(&sc.formats);
	sc.emit = take;
	ngot = 0;
	return 0;
}

/* Feeds a line to the DSN stage as the driver does; returns whether it
 * took it. */
static int feed(const char *text)
{
	sc.line++;
	smtpcode__line_read(&sc.in, text, strlen(text));
	smtpcode__pass_prefix(&sc, &sc.in);
	smtpcode__pass_indent(&sc, &sc.in);
	if (!smtpcode__dsn_takes(&sc, &sc.in))
		return 0;
	smtpcode__dsn_line(&sc, &sc.in);
	return 1;
}

static void field__names_any_case(void **state)
{
	(void)state;
	assert_int_equal(smtpcode__dsn_field("Final-Recipient: rfc822; b"), DSN_FINAL_RECIPIENT);
	assert_int_equal(smtpcode__dsn_field("action: failed"), DSN_ACTION);
	assert_int_equal(smtpcode__dsn_field("STATUS: 5.1.1"), DSN_STATUS);
	assert_int_equal(smtpcode__dsn_field("Diagnostic-Code: smtp; 550"), DSN_DIAGNOSTIC_CODE);
	assert_int_equal(smtpcode__dsn_field("X-Postfix-Sender: rfc822; a"), DSN_X_POSTFIX_SENDER);
	assert_int_equal(smtpcode__dsn_field("Status RO"), DSN_NOT_A_FIELD);
	assert_int_equal(smtpcode__dsn_field("Reporting-MTA: dns; x"), DSN_NOT_A_FIELD);
	assert_int_equal(smtpcode__dsn_field(" Action: failed"), DSN_NOT_A_FIELD);
	/* The whole name, its ':' right after it, and nothing before. */
	assert_int_equal(smtpcode__dsn_field("Status:5.1.1"), DSN_STATUS);
	assert_int_equal(smtpcode__dsn_field("Status:"), DSN_STATUS);
	assert_int_equal(smtpcode__dsn_field("Status : 5.1.1"), DSN_NOT_A_FIELD);
	assert_int_equal(smtpcode__dsn_field("X-Status: 5.1.1"), DSN_NOT_A_FIELD);
	assert_int_equal(smtpcode__dsn_field("Statuses: 5.1.1"), DSN_NOT_A_FIELD);
	assert_int_equal(smtpcode__dsn_field("Stat: 5.1.1"), DSN_NOT_A_FIELD);
	assert_int_equal(smtpcode__dsn_field("Final-Recipient-X: rfc822; b"), DSN_NOT_A_FIELD);
	assert_int_equal(smtpcode__dsn_field(":"), DSN_NOT_A_FIELD);
	assert_int_equal(smtpcode__dsn_field(""), DSN_NOT_A_FIELD);
	assert_int_equal(smtpcode__dsn_field("original-recipient: rfc822;b"), DSN_ORIGINAL_RECIPIENT);
	assert_int_equal(smtpcode__dsn_field("Remote-MTA: dns; x"), DSN_REMOTE_MTA);
	assert_int_equal(smtpcode__dsn_field("Last-Attempt-Date: x"), DSN_LAST_ATTEMPT_DATE);
	assert_int_equal(smtpcode__dsn_field("Will-Retry-Until: x"), DSN_WILL_RETRY_UNTIL);
	assert_int_equal(smtpcode__dsn_field("X-Actual-Recipient: rfc822; b"),
	                 DSN_X_ACTUAL_RECIPIENT);
}

/* Indented lines belong to an open group; the Diagnostic-Code field takes
 * them into its text, other fields do not. */
static void group__continuation_and_flush(void **state)
{
	(void)state;
	assert_false(feed("    indented, no group open"));
	assert_true(feed("Final-Recipient: rfc822; b@example.org"));
	assert_true(feed("Action: failed"));
	assert_true(feed("Status: 5.1.1"));
	assert_true(feed("Remote-MTA: dns; mx.example.org"));
	assert_true(feed("    mx2.example.org"));
	assert_true(feed("Diagnostic-Code: smtp; 550 5.1.1 <b@example.org>: User"));
	assert_true(feed("    unknown"));
	assert_false(feed(""));
	assert_int_equal(ngot, 0);
	assert_int_equal(sc.outcomes[SMTPCODE_OUTCOME_BOUNCED], 1);
	smtpcode__dsn_flush(&sc);
	assert_int_equal(ngot, 1);
	assert_int_equal(got[0].basic, 550);
	assert_int_equal(got[0].first_line, 4); /* Status: */
	assert_int_equal(got[0].last_line, 8);
	assert_int_equal(got[0].outcome, SMTPCODE_OUTCOME_BOUNCED);
	assert_string_equal(got[0].text, "<b@example.org>: User unknown");
	assert_null(got[0].command); /* a DSN names no command */
	smtpcode__dsn_flush(&sc); /* closed: nothing more */
	assert_int_equal(ngot, 1);
}

/* A new recipient closes the group before it; an unknown Action value
 * keeps the outcome the group had. */
static void group__next_recipient_closes(void **state)
{
	(void)state;
	feed("Final-Recipient: rfc822; a@example.org");
	feed("Action: delayed");
	feed("Action: whatever");
	feed("Status: 4.4.1");
	feed("Final-Recipient: rfc822; c@example.org");
	assert_int_equal(ngot, 1);
	assert_int_equal(got[0].basic, 0);
	assert_int_equal(got[0].outcome, SMTPCODE_OUTCOME_DEFERRED);
	assert_int_equal(got[0].first_line, 4);
	assert_int_equal(got[0].last_line, 4);
	feed("Action: failed");
	smtpcode__dsn_flush(&sc); /* no Status, no Diagnostic-Code: no reply */
	assert_int_equal(ngot, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(field__names_any_case, setup),
		cmocka_unit_test_setup(group__continuation_and_flush, setup),
		cmocka_unit_test_setup(group__next_recipient_closes, setup),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
