/* test_scan.c - finding replies in text: each form, and what is not a
 * reply (the scanner end to end, through its public functions, and its
 * readers on buffers of exactly their size). */
#include "testutil.h"
#include "smtpcode.h"

/* White-box: the readers are called directly below, on buffers of exactly
 * their size, so that AddressSanitizer sees a read before or after them
 * (built with the library's include path). */
#include "scan.h"

#include "scan_feed.h"

static const char *enh(size_t reply, size_t i)
{
	static char buf[16];

	assert_true(i < found[reply].enhanced_count);
	return smtpcode_enhanced_text(&found[reply].enhanced[i], buf, sizeof buf);
}

static int has_warning(size_t reply, enum smtpcode_warning w)
{
	size_t i;

	for (i = 0; i < found[reply].warning_count; i++)
		if (found[reply].warnings[i] == w)
			return 1;
	return 0;
}

static void bare_reply__code_enhanced_text(void **state)
{
	(void)state;
	scan("550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown in "
	     "local recipient table");
	assert_int_equal(nfound, 1);
	assert_int_equal(found[0].basic, 550);
	assert_int_equal(found[0].enhanced_count, 1);
	assert_string_equal(enh(0, 0), "5.1.1");
	assert_null(found[0].command);
	assert_int_equal(found[0].first_line, 1);
	assert_string_equal(found[0].text, "<bob@example.org>: Recipient address rejected: "
	                                   "User unknown in local recipient table");
	assert_int_equal(found[0].warning_count, 0);
	scan("554 Transaction failed");
	assert_int_equal(nfound, 1);
	assert_int_equal(found[0].enhanced_count, 0);
	assert_string_equal(found[0].text, "Transaction failed");
}

static void multiline__one_reply_text_joined(void **state)
{
	(void)state;
	scan("550-5.7.1 [198.51.100.7] The IP you're using to send mail is not\n"
	     "550-5.7.1 authorized to send email directly to our servers.\n"
	     "550 5.7.1 Please use the SMTP relay at your service provider.");
	assert_int_equal(nfound, 1);
	assert_int_equal(found[0].first_line, 1);
	assert_int_equal(found[0].last_line, 3);
	assert_int_equal(found[0].enhanced_count, 1);
	assert_string_equal(found[0].text,
		"[198.51.100.7] The IP you're using to send mail is not authorized to send "
		"email directly to our servers. Please use the SMTP relay at your service "
		"provider.");
	assert_false(has_warning(0, SMTPCODE_WARN_CONTINUATION_MISMATCH));
	scan("550-first\n551 second");
	assert_int_equal(nfound, 1);
	assert_int_equal(found[0].basic, 551); /* the last line's code, as clients read it */
	assert_true(has_warning(0, SMTPCODE_WARN_CONTINUATION_MISMATCH));
}

static void dsn__group_is_one_reply(void **state)
{
	(void)state;
	scan("Reporting-MTA: dns; mail.example.com\n"
	     "\n"
	     "Final-Recipient: rfc822; bob@example.org\n"
	     "Action: failed\n"
	     "Status: 5.1.1\n"
	     "Remote-MTA: dns; mx.example.org\n"
	     "Diagnostic-Code: smtp; 550 5.1.1 <bob@example.org>: Recipient address\n"
	     "    rejected: User unknown\n"
	     "\n"
	     "Final-Recipient: rfc822; carol@example.org\n"
	     "Action: delayed\n"
	     "Status: 4.4.1\n");
	assert_int_equal(nfound, 2);
	assert_int_equal(found[0].basic, 550);
	assert_string_equal(enh(0, 0), "5.1.1");
	assert_int_equal(found[0].enhanced_count, 1);
	assert_int_equal(found[0].outcome, SMTPCODE_OUTCOME_BOUNCED);
	assert_int_equal(found[0].first_line, 5); /* Status: */
	assert_int_equal(found[0].last_line, 8);  /* the end of Diagnostic-Code: */
	assert_string_equal(found[0].text, "<bob@example.org>: Recipient address rejected: "
	                                   "User unknown");
	assert_int_equal(found[1].basic, 0);
	assert_string_equal(enh(1, 0), "4.4.1");
	assert_int_equal(found[1].outcome, SMTPCODE_OUTCOME_DEFERRED);
}

static void postfix__reply_command_outcome(void **state)
{
	(void)state;
	scan("Nov 22 10:01:02 mx postfix/smtp[1234]: 4F1C32A0B7: to=<bob@example.org>, "
	     "relay=mx.example.org[192.0.2.1]:25, delay=1.2, delays=0.1/0/0.5/0.6, "
	     "dsn=5.1.1, status=bounced (host mx.example.org[192.0.2.1] said: 550 5.1.1 "
	     "<bob@example.org>: User unknown (in reply to RCPT TO command))\n"
	     "Nov 22 10:01:03 mx postfix/smtp[1235]: 5A1C32A0B8: to=<a@example.net>, "
	     "relay=none, delay=30, dsn=4.4.1, status=deferred (connect to "
	     "mx.example.net[198.51.100.2]:25: Connection timed out)\n"
	     "Nov 22 10:01:04 mx postfix/smtp[1236]: 6B: to=<c@example.net>, dsn=5.0.0, "
	     "status=bounced (host mx.example.net[198.51.100.3] said: 554 Transaction "
	     "failed (in reply to end of DATA command))");
	assert_int_equal(nfound, 3);
	assert_int_equal(found[0].basic, 550);
	assert_string_equal(found[0].command, "RCPT");
	assert_int_equal(found[0].outcome, SMTPCODE_OUTCOME_BOUNCED);
	assert_string_equal(found[0].text, "<bob@example.org>: User unknown");
	assert_int_equal(found[1].basic, 0);
	assert_string_equal(enh(1, 0), "4.4.1");
	assert_int_equal(found[1].outcome, SMTPCODE_OUTCOME_DEFERRED);
	assert_string_equal(found[1].text,
	                    "connect to mx.example.net[198.51.100.2]:25: Connection timed out");
	assert_int_equal(found[2].basic, 554);
	assert_string_equal(found[2].command, "DATA");
	assert_string_equal(enh(2, 0), "5.0.0");
}

static void exim__after_command(void **state)
{
	(void)state;
	scan("2026-11-22 10:00:00 1abcDE-000Abc-12 ** bob@example.org R=dnslookup "
	     "T=remote_smtp H=mx.example.org [192.0.2.1]: SMTP error from remote mail "
	     "server after RCPT TO:<bob@example.org>: 550 5.1.1 User unknown\n"
	     "2026-11-22 10:00:01 1abcDE-000Abc-13 == c@example.org R=dnslookup "
	     "T=remote_smtp defer (-44) H=mx.example.org [192.0.2.1]: SMTP error from "
	     "remote mail server after end of data: 451 Try later\n"
	     "2026-11-22 10:00:02 1abcDE-000Abc-14 H=mx.example.org [192.0.2.1]: SMTP "
	     "error from remote mail server after initial connection: 554 No service\n"
	     "2026-11-22 10:00:03 1abcDE-000Abc-15 => d@example.org R=dnslookup T=remote_smtp");
	assert_int_equal(nfound, 3);
	assert_string_equal(found[0].command, "RCPT");
	assert_int_equal(found[0].outcome, SMTPCODE_OUTCOME_BOUNCED);
	assert_int_equal(found[1].basic, 451);
	assert_string_equal(found[1].command, "DATA");
	assert_int_equal(found[1].outcome, SMTPCODE_OUTCOME_DEFERRED);
	assert_string_equal(found[2].command, "CONNECT");
}

static void exchange__outer_and_inner_codes(void **state)
{
	(void)state;
	scan("Remote Server returned '554 5.4.0 < #4.4.1 smtp; 421 4.4.1 Connection "
	     "timed out>'\n"
	     "Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient "
	     "not found by SMTP address lookup'\n"
	     "#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##");
	assert_int_equal(nfound, 3);
	assert_int_equal(found[0].basic, 554);
	assert_int_equal(found[0].enhanced_count, 2);
	assert_string_equal(enh(0, 0), "5.4.0");
	assert_string_equal(enh(0, 1), "4.4.1");
	assert_int_equal(found[0].warning_count, 0);
	assert_string_equal(enh(1, 0), "5.1.10");
	assert_string_equal(found[1].text, "RESOLVER.ADR.RecipientNotFound; Recipient not "
	                                   "found by SMTP address lookup");
	assert_int_equal(found[2].basic, 550);
}

static void transcripts__client_command_carries(void **state)
{
	(void)state;
	scan("=== Trying mx.example.org:25...\n"
	     " -> EHLO client.example.com\n"
	     "<-  250-mx.example.org\n"
	     "<-  250-PIPELINING\n"
	     "<-  250 STARTTLS\n"
	     " -> STARTTLS\n"
	     "<-  220 2.0.0 Ready to start TLS\n"
	     " ~> MAIL FROM:<a@example.com>\n"
	     "<~  250 2.1.0 Ok\n"
	     " ~> RCPT TO:<b@example.org>\n"
	     "<~* 550 5.7.1 Relaying denied\n"
	     "C: DATA\n"
	     "S: 354 End data with <CR><LF>.<CR><LF>");
	assert_int_equal(nfound, 5);
	assert_int_equal(found[0].basic, 250);
	assert_string_equal(found[0].command, "EHLO");
	assert_int_equal(found[0].first_line, 3);
	assert_int_equal(found[0].last_line, 5);
	assert_string_equal(found[1].command, "STARTTLS");
	assert_string_equal(found[2].command, "MAIL");
	assert_string_equal(found[3].command, "RCPT");
	assert_int_equal(found[3].basic, 550);
	assert_int_equal(found[4].basic, 354);
	assert_string_equal(found[4].command, "DATA");
}

static void postfix_bounce__wrapped_lines_join(void **state)
{
	(void)state;
	scan("<bob@example.org>: host mx1.example.org[192.0.2.25] said: 550 5.1.1\n"
	     "    <bob@example.org>: Recipient address rejected: User unknown in local\n"
	     "    recipient table (in reply to RCPT TO command)\n"
	     "\n"
	     "<erin@example.net>: host mx2.example.net[198.51.100.7] said: 552 5.2.2\n"
	     "    <erin@example.net>: mailbox full (in reply to end\n"
	     "    of DATA command)");
	assert_int_equal(nfound, 2);
	assert_int_equal(found[0].first_line, 1);
	assert_int_equal(found[0].last_line, 3);
	assert_string_equal(found[0].command, "RCPT");
	assert_string_equal(found[0].text, "<bob@example.org>: Recipient address rejected: "
	                                   "User unknown in local recipient table");
	assert_string_equal(found[1].command, "DATA");
	assert_string_equal(found[1].text, "<erin@example.net>: mailbox full");
}

static void checks__each_warning(void **state)
{
	(void)state;
	scan("500 4.7.1 Mismatch\n254 4.7.1 Suppression for user\n354 2.0.0 Go ahead\n"
	     "550 5.01.1 Bad code\n550 5.1.1000 Bad code\n571 Delivery not authorized\n"
	     "599 Odd\n550 5.1.1 Fine");
	assert_int_equal(nfound, 8);
	assert_true(has_warning(0, SMTPCODE_WARN_CLASS_MISMATCH));
	assert_true(has_warning(1, SMTPCODE_WARN_CLASS_MISMATCH));
	assert_true(has_warning(2, SMTPCODE_WARN_ENHANCED_ON_3XX));
	assert_false(has_warning(2, SMTPCODE_WARN_CLASS_MISMATCH));
	assert_true(has_warning(3, SMTPCODE_WARN_MALFORMED_ENHANCED));
	assert_string_equal(found[3].malformed, "5.01.1");
	assert_int_equal(found[3].enhanced_count, 0);
	assert_true(has_warning(4, SMTPCODE_WARN_MALFORMED_ENHANCED));
	assert_true(has_warning(5, SMTPCODE_WARN_PSEUDO_CODE));
	assert_true(has_warning(6, SMTPCODE_WARN_UNDEFINED_CODE));
	assert_int_equal(found[7].warning_count, 0);
}

static void numbers__not_taken_for_codes(void **state)
{
	(void)state;
	scan("Nov 22 10:20:30 mx postfix/qmgr[550]: 4F1C32A0B7: from=<a@example.com>, "
	     "size=250, nrcpt=1 (queue active)\n"
	     "2026-11-22T10:20:30 connect from client.example.com[192.0.2.250]:587\n"
	     "delay=550.3, delays=0.1/0/550/0, port 465, pid 421, uid 554\n"
	     "Received: from mail.example.com ([203.0.113.250]) by mx with ESMTPS id 550abc\n"
	     "Message-ID: <550.421.250@example.com>\n"
	     "Version 2.5.0 of tool 3.1.4 released in 2026, 451 downloads\n"
	     "IPv6 2001:db8::250 and port 25 and 550-page report\n"
	     "Date: Sun, 22 Nov 2026 10:20:30 +0000");
	assert_int_equal(nfound, 0);
}

static void hostile__nul_cr_long_and_null_lines(void **state)
{
	struct smtpcode_scanner s;
	static char big[SMTPCODE_SCAN_LINE_MAX * 2];

	(void)state;
	nfound = 0;
	smtpcode_scanner_init(&s);
	smtpcode_scanner_line(&s, "550 5.1.1 a\0b\r", 14, collect, NULL);
	/* Open until the next line shows that nothing continues it. */
	assert_int_equal(nfound, 0);
	memset(big, 'x', sizeof big);
	memcpy(big, "421 4.7.0 ", 10);
	smtpcode_scanner_line(&s, big, sizeof big, collect, NULL);
	smtpcode_scanner_line(&s, NULL, 0, collect, NULL);
	smtpcode_scanner_line(&s, "\xff\xfe 550 \xc3", 8, collect, NULL);
	/* Replies in text wait for a DSN twin (scan_twin.c) until the end. */
	assert_int_equal(nfound, 0);
	smtpcode_scanner_end(&s, collect, NULL);
	assert_int_equal(smtpcode_scanner_lines(&s), 4);
	assert_int_equal(nfound, 2);
	assert_string_equal(found[0].text, "a b");
	assert_int_equal(found[1].basic, 421);
	assert_true(strlen(found[1].text) < SMTPCODE_REPLY_TEXT_SIZE);
}

/* Feeds a copy of exactly len bytes, so a read past the line is caught. */
static void feed_exact(struct smtpcode_scanner *s, int fill, size_t len)
{
	char *line = malloc(len ? len : 1);

	assert_non_null(line);
	memset(line, fill, len);
	smtpcode_scanner_line(s, line, len, collect, NULL);
	free(line);
}

/* Lines around the 16 KiB line buffer, of the bytes that the readers look
 * ahead for: the scanner reads nothing past the end of its copy
 * (issue 11: outcome_in read p[3] before it knew p[1] and p[2] were not
 * the end). A failure here is an AddressSanitizer report. */
static void hostile__line_buffer_edges_read_nothing_past_the_end(void **state)
{
	static const int fills[] = { ' ', '\0', '5', '0', '.', '=', '*', '#', '\'', '"' };
	struct smtpcode_scanner s;
	size_t f, d;

	(void)state;
	nfound = 0;
	smtpcode_scanner_init(&s);
	for (f = 0; f < sizeof fills / sizeof fills[0]; f++)
		for (d = 0; d < 5; d++)
			feed_exact(&s, fills[f], SMTPCODE_SCAN_LINE_MAX - 2 + d);
	smtpcode_scanner_end(&s, collect, NULL);
	assert_int_equal(smtpcode_scanner_lines(&s), sizeof fills / sizeof fills[0] * 5);
}

/* The short forms of the same: a space one, two or three bytes before the
 * end of the line (valgrind saw "hello x" read the byte after its NUL). */
static void hostile__space_near_the_end_of_a_line(void **state)
{
	static const char *const lines[] = { "hello x", "hello ", "a =", "a ==", "a **",
	                                      "a -", " ", "x stat", "stat=" };
	static struct scan_index ix;
	struct smtpcode_scanner s;
	size_t i;

	(void)state;
	smtpcode__formats_index(&ix);
	nfound = 0;
	smtpcode_scanner_init(&s);
	for (i = 0; i < sizeof lines / sizeof lines[0]; i++) {
		size_t n = strlen(lines[i]) + 1;
		char *line = malloc(n);
		assert_non_null(line);
		memcpy(line, lines[i], n);
		/* The scanner's copy has room after its NUL: ask the reader too. */
		assert_int_equal(smtpcode__outcome_in(&ix, line), SMTPCODE_OUTCOME_NONE);
		smtpcode_scanner_line(&s, line, n - 1, collect, NULL);
		free(line);
	}
	smtpcode_scanner_end(&s, collect, NULL);
	assert_int_equal(nfound, 0);
	assert_int_equal(smtpcode_scanner_outcome_lines(&s, SMTPCODE_OUTCOME_NONE),
	                 sizeof lines / sizeof lines[0]);
}

/* A code at the very start of the text looked at: the lead-in check reads
 * nothing before it (issue 11: it read dsn_diagnostic[-1] for a
 * Diagnostic-Code that starts with its code). */
static void after_lead_in__code_at_start__reads_nothing_before(void **state)
{
	static const char *const texts[] = { "550 x", "'550 x", "\"550 x" };
	static struct scan_index ix;
	size_t i;

	(void)state;
	smtpcode__formats_index(&ix);
	for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		size_t n = strlen(texts[i]) + 1;
		char *line = malloc(n);
		assert_non_null(line);
		memcpy(line, texts[i], n);
		assert_false(smtpcode__after_lead_in(&ix, line, line, NULL));
		assert_false(smtpcode__after_lead_in(&ix, line, line, line));
		free(line);
	}
	/* That path: a Diagnostic-Code without its type ("smtp;") is text. */
	scan("Status: 5.1.1\nDiagnostic-Code: 550 user unknown");
	assert_int_equal(nfound, 1);
	assert_int_equal(found[0].basic, 0);
	assert_string_equal(enh(0, 0), "5.1.1");
	assert_string_equal(found[0].text, "550 user unknown");
}

/* A UTF-8 byte-order mark before a line (a file saved by an editor, a
 * paste) hides no reply; a lone mark is an empty line. */
static void bom__skipped_before_a_line(void **state)
{
	(void)state;
	scan("\xEF\xBB\xBF" "550 5.1.1 <bob@example.org>: User unknown");
	assert_int_equal(nfound, 1);
	assert_int_equal(found[0].basic, 550);
	assert_int_equal(found[0].first_line, 1);
	scan("\xEF\xBB\xBF\n\xEF\xBB\xBF" "421 4.7.0 Try later");
	assert_int_equal(nfound, 1);
	assert_int_equal(found[0].basic, 421);
	assert_int_equal(found[0].first_line, 2);
	scan("\xEF\xBB");
	assert_int_equal(nfound, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(bare_reply__code_enhanced_text),
		cmocka_unit_test(multiline__one_reply_text_joined),
		cmocka_unit_test(dsn__group_is_one_reply),
		cmocka_unit_test(postfix__reply_command_outcome),
		cmocka_unit_test(exim__after_command),
		cmocka_unit_test(exchange__outer_and_inner_codes),
		cmocka_unit_test(transcripts__client_command_carries),
		cmocka_unit_test(postfix_bounce__wrapped_lines_join),
		cmocka_unit_test(checks__each_warning),
		cmocka_unit_test(numbers__not_taken_for_codes),
		cmocka_unit_test(hostile__nul_cr_long_and_null_lines),
		cmocka_unit_test(hostile__line_buffer_edges_read_nothing_past_the_end),
		cmocka_unit_test(hostile__space_near_the_end_of_a_line),
		cmocka_unit_test(after_lead_in__code_at_start__reads_nothing_before),
		cmocka_unit_test(bom__skipped_before_a_line),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
