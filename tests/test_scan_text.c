/* test_scan_text.c - issue 13's forms where a reply's text and codes are
 * read out of other text, one test each with the real form and a negative:
 * a DSN Diagnostic-Code with a leading status (kind 8), a reply quoted
 * inside a reply (13), Exim's literal "\n" joins (14), where a reply's text
 * stops (15); client libraries' errors; and connection failures that are
 * no SMTP reply (issue 14, rule 4). */
#include "testutil.h"
#include "smtpcode.h"

#include "scan.h"

#include "scan_feed.h"

static const char *enh(size_t reply, size_t i)
{
	static char buf[16];

	assert_true(i < found[reply].enhanced_count);
	return smtpcode_enhanced_text(&found[reply].enhanced[i], buf, sizeof buf);
}

/* A log's parenthesis around the reply is not the reply's text; one the
 * reply opens is. */
static void text_end__closing_parenthesis_of_the_log(void **state)
{
	(void)state;
	scan("Nov 29 10:00:00 mx postfix/smtp[1]: 4ABC: to=<a@example.org>, "
	     "relay=mx.example.org[192.0.2.1]:25, dsn=2.0.0, status=sent (250 2.0.0 Ok: "
	     "queued as 9F8E7D6C5B)\n"
	     "550 5.7.1 unknown user (see docs)\n");
	assert_int_equal(nfound, 2);
	assert_string_equal(found[0].text, "Ok: queued as 9F8E7D6C5B");
	assert_string_equal(found[1].text, "unknown user (see docs)");
}

static void dsn_leading_status__quoted_reply_gives_the_code(void **state)
{
	(void)state;
	scan("Final-Recipient: rfc822; cam@example.org\n"
	     "Action: failed\n"
	     "Status: 5.1.0\n"
	     "Diagnostic-Code: smtp; 5.1.0 - Unknown address error 550-'5.7.1\n"
	     "    <cam@example.org>... Refused here' (delivery attempts: 0)");
	assert_int_equal(nfound, 1);
	assert_int_equal(found[0].basic, 550);
	assert_int_equal(found[0].enhanced_count, 2);
	assert_string_equal(enh(0, 0), "5.1.0");
	assert_string_equal(enh(0, 1), "5.7.1");
	assert_int_equal(found[0].first_line, 3);
	assert_int_equal(found[0].last_line, 5);
	assert_string_equal(found[0].text, "<cam@example.org>... Refused here");
	/* No Status: the Diagnostic-Code alone is the reply. */
	scan("Final-Recipient: rfc822; dev@example.org\n"
	     "Action: delayed\n"
	     "Diagnostic-Code: smtp; 4.4.7 - Delivery time expired 421-'4.4.2 mx.example.org\n"
	     "    Timeout' (delivery attempts: 12)");
	assert_int_equal(nfound, 1);
	assert_int_equal(found[0].basic, 421);
	assert_string_equal(enh(0, 0), "4.4.7");
	assert_string_equal(enh(0, 1), "4.4.2");
	assert_int_equal(found[0].first_line, 3);
	assert_int_equal(found[0].last_line, 4);
	assert_int_equal(found[0].outcome, SMTPCODE_OUTCOME_DEFERRED);
	/* A leading status and text with no quoted reply: no basic code. */
	scan("Final-Recipient: rfc822; eve@example.org\n"
	     "Diagnostic-Code: smtp; 5.1.1 - unknown user 550 times (no quote)");
	assert_int_equal(nfound, 1);
	assert_int_equal(found[0].basic, 0);
	assert_string_equal(enh(0, 0), "5.1.1");
	assert_string_equal(found[0].text, "- unknown user 550 times (no quote)");
}

static void reply_in_reply__inner_reply_is_its_own_quoted_object(void **state)
{
	(void)state;
	scan("Remote Server returned '554 4.4.7 Gave up after 12 hours.<421 4.4.2 "
	     "mx.example.org timed out>'");
	assert_int_equal(nfound, 2);
	assert_int_equal(found[0].basic, 554);
	assert_int_equal(found[0].quoted, 0);
	assert_int_equal(found[0].enhanced_count, 2);
	assert_string_equal(enh(0, 1), "4.4.2");
	assert_int_equal(found[1].basic, 421);
	assert_int_equal(found[1].quoted, 1);
	assert_int_equal(found[1].enhanced_count, 1);
	assert_string_equal(enh(1, 0), "4.4.2");
	assert_string_equal(found[1].text, "mx.example.org timed out");
	assert_int_equal(found[1].first_line, 1);
	/* "-> " and a double quote on the second, wrapped line of a Postfix
	 * bounce: the inner reply is on the line where it is written. */
	scan("451 4.4.397 Error communicating with target host. -> 421 4.4.2 Connection "
	     "dropped");
	assert_int_equal(nfound, 2);
	assert_int_equal(found[1].basic, 421);
	assert_string_equal(found[1].text, "Connection dropped");
	scan("<uma@example.org>: host relay.example.org[192.0.2.5] said: 554 5.4.0 Error:\n"
	     "    remote said \"550 5.1.1 <uma@example.org>: User unknown\" (in reply to end\n"
	     "    of DATA command)");
	assert_int_equal(nfound, 2);
	assert_int_equal(found[0].basic, 554);
	assert_string_equal(found[0].command, "DATA");
	assert_int_equal(found[1].basic, 550);
	assert_int_equal(found[1].quoted, 1);
	assert_null(found[1].command);
	assert_int_equal(found[1].first_line, 2);
	assert_string_equal(found[1].text, "<uma@example.org>: User unknown");
	/* Negatives: no enhanced code, Exchange's "smtp; 554 5.4.14", a plain
	 * "<421 apples>", a number after "->". */
	scan("554 5.4.0 <host #5.4.14 smtp; 554 5.4.14 Hop count exceeded>");
	assert_int_equal(nfound, 1);
	scan("550 5.7.1 Rejected <421 apples> and \"250 pears\" -> 451 items");
	assert_int_equal(nfound, 1);
	assert_int_equal(found[0].quoted, 0);
}

static void exim_joins__literal_newline_keeps_the_codes(void **state)
{
	(void)state;
	scan("2026-04-09 06:31:10 1wPz9k-0007Rt-0C ** vic@example.org R=dnslookup "
	     "T=remote_smtp H=mx.example.org [192.0.2.99]: SMTP error from remote mail "
	     "server after initial connection: 554-mx.example.org\\n554 5.7.1 Host "
	     "203.0.113.99 is listed");
	assert_int_equal(nfound, 1);
	assert_int_equal(found[0].basic, 554);
	assert_int_equal(found[0].enhanced_count, 1);
	assert_string_equal(enh(0, 0), "5.7.1");
	assert_int_equal(found[0].direct, 1);
	assert_string_equal(found[0].command, "CONNECT");
	assert_string_equal(found[0].text, "mx.example.org Host 203.0.113.99 is listed");
	/* A Go log's "\r\n" between the lines of a reply joins them too. */
	scan("level=warn err=\"550-5.7.1 [203.0.113.4] Our system has detected\\r\\n550-5.7.1 "
	     "likely unsolicited mail.\\r\\n550 5.7.1 Blocked.\\r\\n\" host=smtp.example.net");
	assert_int_equal(nfound, 1);
	assert_int_equal(found[0].basic, 550);
	assert_string_equal(found[0].text,
	                    "[203.0.113.4] Our system has detected likely unsolicited mail. "
	                    "Blocked.");
	/* A "\r\n" that no code follows ends the text. */
	scan("err=\"554 5.7.1 Refused\\r\\nQUIT\\r\\n\"");
	assert_int_equal(nfound, 1);
	assert_string_equal(found[0].text, "Refused");
}

static void text_ends__json_quote_fields_and_next_lines(void **state)
{
	(void)state;
	scan("{\"event\":\"bounce\",\"reason\":\"554 5.7.1 Blocked\",\"status\":\"5.7.1\"}");
	assert_int_equal(nfound, 1);
	assert_string_equal(found[0].text, "Blocked");
	/* An escaped quote does not end it. */
	scan("{\"reason\":\"550 5.7.1 Message \\\"x\\\" refused\",\"n\":1}");
	assert_int_equal(nfound, 1);
	assert_string_equal(found[0].text, "Message \\\"x\\\" refused");
	/* Pretty-printed: the next JSON line is not the reply's. */
	scan("{\n"
	     "  \"smtp_response\": \"554 5.7.1 Blocked\",\n"
	     "  \"http_status\": 200\n"
	     "}");
	assert_int_equal(nfound, 1);
	assert_int_equal(found[0].last_line, 2);
	assert_string_equal(found[0].text, "Blocked");
	/* The next field of an NDR ends it; a wrapped line goes on. */
	scan("    Diagnostic code: smtp;550 5.2.2 <dee@example.org>: Mailbox full\n"
	     "    Remote system: dns;mx.example.org (TCP|203.0.113.80|2525|192.0.2.71|25)");
	assert_int_equal(nfound, 1);
	assert_int_equal(found[0].last_line, 1);
	assert_string_equal(found[0].text, "<dee@example.org>: Mailbox full");
	scan("    550 5.2.2 <dee@example.org>: Mailbox full\n"
	     "    Remote system says: try later");
	assert_int_equal(nfound, 1);
	assert_int_equal(found[0].last_line, 2);
}

static void text_ends__continuation_prefixes_dropped(void **state)
{
	(void)state;
	scan("<yul@example.net>: host mx.example.net[198.51.100.13] said: 550-5.7.26\n"
	     "    Unauthenticated email is not accepted due to 550-5.7.26 domain's DMARC\n"
	     "    policy. 550 5.7.26 Please contact the administrator. (in reply to end of\n"
	     "    DATA command)");
	assert_int_equal(nfound, 1);
	assert_int_equal(found[0].basic, 550);
	assert_int_equal(found[0].enhanced_count, 1);
	assert_string_equal(found[0].text, "Unauthenticated email is not accepted due to "
	                                   "domain's DMARC policy. Please contact the "
	                                   "administrator.");
	/* Another code, or the same code without an enhanced code or "-", stays. */
	scan("550 5.1.1 Mailbox has 550 messages; 421 4.7.0 is not ours");
	assert_int_equal(nfound, 1);
	assert_string_equal(found[0].text, "Mailbox has 550 messages; 421 4.7.0 is not ours");
}

static void connection__failures_are_replies_without_codes(void **state)
{
	(void)state;
	scan("May  3 10:25:41 mail postfix/smtp[24902]: 5A7C11C0B10: to=<g@example.org>, "
	     "relay=none, delay=30, status=deferred (connect to mx.example.org[192.0.2.7]:25: "
	     "Connection timed out)");
	assert_int_equal(nfound, 1);
	assert_int_equal(found[0].basic, 0);
	assert_int_equal(found[0].enhanced_count, 0);
	assert_int_equal(found[0].outcome, SMTPCODE_OUTCOME_DEFERRED);
	assert_string_equal(found[0].text,
	                    "connect to mx.example.org[192.0.2.7]:25: Connection timed out");
	/* A bounce body: no outcome on the line, the Postfix form is enough. */
	scan("<h@example.org>: lost connection with mx.example.org[192.0.2.7] while sending "
	     "RCPT TO");
	assert_int_equal(nfound, 1);
	assert_int_equal(found[0].outcome, SMTPCODE_OUTCOME_NONE);
	assert_string_equal(found[0].text,
	                    "lost connection with mx.example.org[192.0.2.7] while sending RCPT TO");
	scan("<h@example.org>: Host or domain name not found. Name service error for "
	     "name=example.org type=MX: Host not found, try again");
	assert_int_equal(nfound, 1);
	assert_string_equal(found[0].text, "Host or domain name not found. Name service error "
	                                   "for name=example.org type=MX: Host not found, try "
	                                   "again");
	/* Exim: the outcome token says it. */
	scan("2026-05-25 03:00:05 1wWb2D-0005Eg-9H == bob@example.org R=dnslookup "
	     "T=remote_smtp defer (-53): retry time not reached for any host for 'example.org'");
	assert_int_equal(nfound, 1);
	assert_int_equal(found[0].outcome, SMTPCODE_OUTCOME_DEFERRED);
	assert_string_equal(found[0].text, "retry time not reached for any host for 'example.org'");
	scan("2026-05-25 03:00:05 1wWb2D-0005Eg-9H ** bob@example.org R=dnslookup "
	     "T=remote_smtp: Connection refused");
	assert_int_equal(nfound, 1);
	assert_int_equal(found[0].outcome, SMTPCODE_OUTCOME_BOUNCED);
	/* Sendmail's own line after a transcript. */
	scan("<carol@example.org>... Deferred: Connection timed out with mx.example.org.");
	assert_int_equal(nfound, 1);
	assert_int_equal(found[0].outcome, SMTPCODE_OUTCOME_DEFERRED);
	assert_string_equal(found[0].text, "Deferred: Connection timed out with mx.example.org.");
	/* With dsn=, the record keeps its status code. */
	scan("May  3 10:20:33 mail sendmail[31004]: 643AKUa0031002: to=<c@example.net>, "
	     "dsn=4.0.0, stat=Deferred: Connection refused by mx.example.net.");
	assert_int_equal(nfound, 1);
	assert_int_equal(found[0].basic, 0);
	assert_string_equal(enh(0, 0), "4.0.0");
	/* Negatives: prose, a reply that says it, a line with no outcome. */
	scan("I keep getting Connection refused when I telnet to port 25.\n"
	     "Why would a connect to the server time out?\n"
	     "2026-05-03 10:26:36 1uBg6L-000LAe-0P H=mx8.example.org [192.0.2.98] Connection "
	     "timed out");
	assert_int_equal(nfound, 0);
	scan("421 4.4.2 mx.example.org Connection timed out");
	assert_int_equal(nfound, 1);
	assert_int_equal(found[0].basic, 421);
}

static void libraries__errors_name_the_command(void **state)
{
	(void)state;
	scan("2026-05-06 08:14:03 SMTP ERROR: RCPT TO command failed: 550 5.1.1 <l@example.org>: "
	     "User unknown\n"
	     "Error: Invalid login: 535 5.7.139 Authentication unsuccessful\n"
	     "Error: Message failed: 552 5.3.4 Message size exceeds fixed limit");
	assert_int_equal(nfound, 3);
	assert_string_equal(found[0].command, "RCPT");
	assert_string_equal(found[1].command, "AUTH");
	assert_string_equal(found[2].command, "DATA");
	/* msmtp: the line before names the step, two lines are one reply. */
	scan("msmtp: authentication failed (method LOGIN)\n"
	     "msmtp: server message: 535-5.7.8 Username and Password not accepted.\n"
	     "msmtp: server message: 535 5.7.8 https://support.example.com/?p=BadCredentials\n"
	     "msmtp: could not send mail (account gmail from /home/pat/.msmtprc)");
	assert_int_equal(nfound, 1);
	assert_int_equal(found[0].first_line, 2);
	assert_int_equal(found[0].last_line, 3);
	assert_string_equal(found[0].command, "AUTH");
	/* A stack frame is not the reply's text; .NET gives no basic code. */
	scan("Net::SMTPFatalError: 550 5.1.1 <z@example.com>: User unknown\n"
	     "  /usr/local/bundle/gems/net-smtp-0.5.0/lib/net/smtp.rb:1083:in `check_response'\n"
	     "System.Net.Mail.SmtpFailedRecipientException: Mailbox unavailable. The server "
	     "response was: 5.1.1 <x@example.net>: User unknown\n"
	     "   at System.Net.Mail.SmtpClient.Send(MailMessage message)");
	assert_int_equal(nfound, 2);
	assert_int_equal(found[0].last_line, 1);
	assert_int_equal(found[1].basic, 0);
	assert_string_equal(enh(1, 0), "5.1.1");
	assert_string_equal(found[1].command, "RCPT");
	assert_int_equal(found[1].last_line, 3);
	/* Yahoo's tag on the line after the reply. */
	scan("Remote host said:\n552 5.2.2 <w@example.org>... Mailbox Full\n[RCPT_TO]");
	assert_int_equal(nfound, 1);
	assert_int_equal(found[0].last_line, 3);
	assert_string_equal(found[0].command, "RCPT");
}

static void lead_ins__bare_codes_and_split_command(void **state)
{
	(void)state;
	/* A lead-in lets a code without an enhanced code count, also when
	 * punctuation follows it; without one, the number is no code. */
	scan("[Status: Error, Address: <a@example.org>, ResponseCode 421, , Host not reachable.]\n"
	     "Failure Reason: 550 Unrouteable address\n"
	     "Order 421, , shipped; reason 550: none");
	assert_int_equal(nfound, 2);
	assert_int_equal(found[0].basic, 421);
	assert_string_equal(found[0].text, "Host not reachable.]");
	assert_int_equal(found[1].basic, 550);
	assert_string_equal(found[1].text, "Unrouteable address");
	/* GMX's Exim: the enhanced code on the line after "host:". */
	scan("SMTP error from remote server after RCPT command:\n"
	     "host: mx.example.net\n"
	     "5.2.2 <abe@example.net>... Quota exceeded");
	assert_int_equal(nfound, 1);
	assert_int_equal(found[0].first_line, 3);
	assert_string_equal(found[0].command, "RCPT");
	/* "(in reply to end" / "of DATA command)" after a reply on one line. */
	scan("    <lin@example.net>: 554 5.7.1 rejected by filter (in reply to end\n"
	     "        of DATA command)\n"
	     "    <mo@example.net>: Host or domain name not found. Name service error\n"
	     "        for name=example.net type=MX: Host not found, try again");
	assert_int_equal(nfound, 2);
	assert_string_equal(found[0].command, "DATA");
	assert_string_equal(found[0].text, "rejected by filter");
	assert_int_equal(found[0].last_line, 2);
	assert_int_equal(found[1].basic, 0);
	assert_int_equal(found[1].first_line, 3);
	assert_int_equal(found[1].last_line, 4);
}

/* Node prints a string with a newline as quoted pieces joined by " +": a
 * reply's two lines ("'535-5.7.8 ...\\n' +" then "'535 5.7.8 ...',") are
 * one reply; pieces with another code are two; concat_end reads only a
 * quote, blanks and a final '+'. */
static void js_concat__one_reply_over_joined_strings(void **state)
{
	(void)state;
	scan("  response: '535-5.7.8 Username and Password not accepted. Learn more at\\n' +\n"
	     "    '535 5.7.8  https://support.example.com/?p=BadCredentials - gsmtp',\n"
	     "  responseCode: 535,\n"
	     "  response: '450 4.2.1 Slow down\\n' +\n"
	     "    '550 5.7.1 Refused',");
	assert_int_equal(nfound, 3);
	assert_int_equal(found[0].first_line, 1);
	assert_int_equal(found[0].last_line, 2);
	assert_int_equal(found[0].basic, 535);
	assert_int_equal(found[1].basic, 450);
	assert_int_equal(found[1].last_line, 4);
	assert_int_equal(found[2].basic, 550);
	assert_true(smtpcode__concat_end("x: 'a\\n' +"));
	assert_true(smtpcode__concat_end("x: \"a\" + \t"));
	assert_false(smtpcode__concat_end("x: 'a' + b"));
	assert_false(smtpcode__concat_end("1 + 2 +"));
	assert_false(smtpcode__concat_end("+"));
	assert_false(smtpcode__concat_end(""));
}

/* "NNN:" and a word, no enhanced code (Yahoo's "554: delivery error:"): a
 * reply at a line's start, after a transcript prefix and after a lead-in;
 * not for a code the table lacks, a number after the colon, a 2xx, prose. */
static void colon_code__only_where_a_reply_starts(void **state)
{
	char sep = 0;

	(void)state;
	scan("<gil@example.org>:\n"
	     "554: delivery error: dd This user doesn't have an account\n"
	     "S: 421: too busy\n"
	     "Remote host said: 554: delivery error: dd Not a valid recipient\n"
	     "404: Not Found\n"
	     "450: 12 more messages\n"
	     "We moved to room 421: the last one");
	assert_int_equal(nfound, 3);
	assert_int_equal(found[0].basic, 554);
	assert_int_equal(found[0].first_line, 2);
	assert_string_equal(found[0].text, "delivery error: dd This user doesn't have an account");
	assert_string_equal(found[0].recipient, "gil@example.org");
	assert_int_equal(found[1].basic, 421);
	assert_int_equal(found[1].transcript, 1);
	assert_int_equal(found[2].first_line, 4);
	assert_int_equal(smtpcode__colon_code("550: no such user", &sep), 550);
	assert_int_equal(sep, ':');
	assert_int_equal(smtpcode__colon_code("250: ok", &sep), 0);
	assert_int_equal(smtpcode__colon_code("550:no", &sep), 0);
	assert_int_equal(smtpcode__colon_code("599: no", &sep), 0);
	assert_int_equal(smtpcode__colon_code("55: no", &sep), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(text_end__closing_parenthesis_of_the_log),
		cmocka_unit_test(dsn_leading_status__quoted_reply_gives_the_code),
		cmocka_unit_test(reply_in_reply__inner_reply_is_its_own_quoted_object),
		cmocka_unit_test(exim_joins__literal_newline_keeps_the_codes),
		cmocka_unit_test(text_ends__json_quote_fields_and_next_lines),
		cmocka_unit_test(text_ends__continuation_prefixes_dropped),
		cmocka_unit_test(connection__failures_are_replies_without_codes),
		cmocka_unit_test(libraries__errors_name_the_command),
		cmocka_unit_test(lead_ins__bare_codes_and_split_command),
		cmocka_unit_test(js_concat__one_reply_over_joined_strings),
		cmocka_unit_test(colon_code__only_where_a_reply_starts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
