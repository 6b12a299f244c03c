/* test_scan_bounce.c - bounce and NDR lines (scan_bounce.c and the bounce
 * paths of scan_reply.c): Zoho's labelled codes (issue 13 kind 6), where a
 * reply's text stops in a bounce body (a sentence of the mail client's own,
 * a table's column), each with the real form and a negative. */
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

/* Zoho labels both codes: "ERROR_CODE :550, ERROR_CODE :5.1.1 ..."; the
 * second label is no text. A number after the label that is no code (four
 * digits) gives nothing. */
static void zoho_label__both_codes_read(void **state)
{
	(void)state;
	scan("bea@example.net Invalid Address, ERROR_CODE :550, ERROR_CODE :5.1.1 "
	     "<bea@example.net>... User Unknown\n"
	     "cyd@example.net Invalid Address, ERROR_CODE :550, ERROR_CODE :Requested action "
	     "not taken: mailbox unavailable\n"
	     "Invoice ERROR_CODE :5501, see the portal");
	assert_int_equal(nfound, 2);
	assert_int_equal(found[0].basic, 550);
	assert_int_equal(found[0].enhanced_count, 1);
	assert_string_equal(enh(0, 0), "5.1.1");
	assert_string_equal(found[0].text, "<bea@example.net>... User Unknown");
	assert_int_equal(found[1].basic, 550);
	assert_int_equal(found[1].enhanced_count, 0);
	assert_string_equal(found[1].text, "Requested action not taken: mailbox unavailable");
	assert_int_equal(found[1].first_line, 2);
}

/* A mail client shows the reply, then a sentence of its own at the same
 * indentation: a short line that ended a sentence was no wrap. A long line
 * that ends a sentence was wrapped, and the next line goes on. */
static void sentence__client_text_after_a_short_reply(void **state)
{
	(void)state;
	scan("   An error occurred while sending mail. The mail server responded:\n"
	     "   550: 5.1.1 <intern@example.org>... No such mailbox.\n"
	     "   Please check the message recipient \"intern@example.org\" and try again.");
	assert_int_equal(nfound, 1);
	assert_int_equal(found[0].first_line, 2);
	assert_int_equal(found[0].last_line, 2);
	assert_string_equal(found[0].text, "<intern@example.org>... No such mailbox.");
	scan("<ada@example.org>: host mx.example.org[192.0.2.1] said:\n"
	     "    550 5.7.1 The message was rejected by the content filter of the domain.\n"
	     "    Contact the postmaster (in reply to end of DATA command)");
	assert_int_equal(nfound, 1);
	assert_int_equal(found[0].last_line, 3);
	assert_string_equal(found[0].command, "DATA");
	assert_string_equal(found[0].text, "The message was rejected by the content filter of "
	                                   "the domain. Contact the postmaster");
}

/* A bounce report's table: each row's reply is a cell of one line. A reply
 * inside a line of prose goes on at the same indentation (Exim's old
 * bounce). */
static void table__a_row_is_one_reply(void **state)
{
	(void)state;
	scan("  Email address        Bounce type   SMTP reply\n"
	     "  wes@example.com      hard          550 5.1.1 User unknown\n"
	     "  xia@example.com      soft          452 4.2.2 Mailbox full\n"
	     "  yves@example.com     hard          no MX record for example.com\n"
	     "zed@example.com\thard\t554 5.7.1 Blocked\n"
	     "    more words");
	assert_int_equal(nfound, 3);
	assert_int_equal(found[0].basic, 550);
	assert_int_equal(found[0].last_line, 2);
	assert_string_equal(found[0].text, "User unknown");
	assert_int_equal(found[1].basic, 452);
	assert_int_equal(found[1].first_line, 3);
	assert_int_equal(found[1].last_line, 3);
	assert_string_equal(found[1].text, "Mailbox full");
	assert_int_equal(found[2].basic, 554);
	assert_int_equal(found[2].last_line, 5);
	scan("  help@example.net\n"
	     "    SMTP error from remote mail server after pipelined RCPT TO:<help@example.net>:\n"
	     "    host mx.example.net [198.51.100.8]: 550 5.1.1 <help@example.net>:\n"
	     "    Recipient address rejected: User unknown in local recipient table");
	assert_int_equal(nfound, 1);
	assert_int_equal(found[0].first_line, 3);
	assert_int_equal(found[0].last_line, 4);
}

/* Exchange 2000/2003's NDR: "<host #5.1.1>" alone is the server's own
 * status (basic none); before a quoted reply it comes first in the
 * reply's codes. A '#' number that is no status gives nothing. */
static void exchange_legacy__own_status(void **state)
{
	(void)state;
	scan("      abby@example.org on 5/11/2026 9:41 AM\n"
	     "            The e-mail account does not exist at the organization.\n"
	     "            <mail.corp.example.com #5.1.1>\n"
	     "            <mx.example.net #5.0.0 smtp; 554 5.7.1 Service unavailable; Client host "
	     "[198.51.100.200] blocked>\n"
	     "Ticket #5.1.1> is closed; room #4.16.1> too\n"
	     "<mx.example.net #4.16.1 smtp; 451 Busy>");
	assert_int_equal(nfound, 3);
	assert_int_equal(found[0].basic, 0);
	assert_int_equal(found[0].first_line, 3);
	assert_int_equal(found[0].enhanced_count, 1);
	assert_string_equal(enh(0, 0), "5.1.1");
	assert_int_equal(found[1].basic, 554);
	assert_int_equal(found[1].enhanced_count, 2);
	assert_string_equal(enh(1, 0), "5.0.0");
	assert_string_equal(enh(1, 1), "5.7.1");
	assert_int_equal(found[1].warning_count, 0);
	assert_int_equal(found[2].basic, 451);
	assert_int_equal(found[2].enhanced_count, 0);
}

/* Cisco Secure Email's notice: a status, " - ", words, then the remote
 * reply quoted after "NNN-". A line that only starts with a status and a
 * dash gives its status alone when a lead-in precedes it, else nothing. */
static void ironport__status_then_quoted_reply(void **state)
{
	(void)state;
	scan("The reason for the problem:\n"
	     "5.1.0 - Unknown address error 550-'5.1.1 <sara@example.net>: User unknown'\n"
	     "5.4.7 - Delivery expired (message too old) 421-'4.4.2 mx.example.net Connection "
	     "timed out' (delivery attempts: 17)\n"
	     "4.2.1 - the release notes, item 7");
	assert_int_equal(nfound, 2);
	assert_int_equal(found[0].basic, 550);
	assert_int_equal(found[0].enhanced_count, 2);
	assert_string_equal(enh(0, 0), "5.1.0");
	assert_string_equal(enh(0, 1), "5.1.1");
	assert_string_equal(found[0].text, "<sara@example.net>: User unknown");
	assert_int_equal(found[1].basic, 421);
	assert_string_equal(enh(1, 0), "5.4.7");
	assert_string_equal(enh(1, 1), "4.4.2");
	assert_string_equal(found[1].text, "mx.example.net Connection timed out");
}

/* 1&1 IONOS: "for RCPT TO command" and "for TEXT command" (DATA) name the
 * command, also when "reason:" comes two lines later; a line with a
 * reply after its own lead-in is no continuation of the one before. */
static void ionos__command_and_one_reply_a_line(void **state)
{
	(void)state;
	scan("    SMTP error from remote server for RCPT TO command, host: mx.example.org "
	     "(192.0.2.41) reason: 550 5.1.1 <pia@example.org>: User unknown\n"
	     "    SMTP error from remote server for TEXT command, host: mx.example.net "
	     "(198.51.100.52) reason: 550 5.2.0 Message refused.\n"
	     "\n"
	     "    SMTP error from remote server for TEXT command,\n"
	     "      host: smtp-in.example.net (198.51.100.52)\n"
	     "      reason: 554 5.7.1 Message refused as spam.");
	assert_int_equal(nfound, 3);
	assert_string_equal(found[0].command, "RCPT");
	assert_int_equal(found[0].last_line, 1);
	assert_string_equal(found[0].text, "<pia@example.org>: User unknown");
	assert_string_equal(found[1].command, "DATA");
	assert_int_equal(found[1].first_line, 2);
	assert_string_equal(found[2].command, "DATA");
	assert_int_equal(found[2].basic, 554);
	assert_int_equal(found[2].first_line, 6);
}

/* Trend Micro InterScan MSS writes its arrows the other way: "Sent <<< "
 * is its own command, "Received >>> " the server's reply; " <<< " alone
 * stays the server's (Sendmail -v). */
static void interscan__reversed_arrows(void **state)
{
	(void)state;
	scan("Sent <<< RCPT TO:<kai@example.org>\n"
	     "Received >>> 550 5.1.1 <kai@example.org>... user unknown\n"
	     "Sent <<< DATA\n"
	     "Received >>> 554 Message rejected\n"
	     "21550 >>> QUIT\n"
	     "21550 <<< 221 2.0.0 Bye");
	assert_int_equal(nfound, 3);
	assert_int_equal(found[0].basic, 550);
	assert_string_equal(found[0].command, "RCPT");
	assert_int_equal(found[1].basic, 554);
	assert_string_equal(found[1].command, "DATA");
	assert_int_equal(found[2].basic, 221);
	assert_string_equal(found[2].command, "QUIT");
}

/* MailEnable flattens a two-line banner: "554-host 554 text" loses the
 * second code; a code after several words stays text. */
static void banner__flattened_after_one_word(void **state)
{
	(void)state;
	scan("554-mx.example.net 554 Your access to this mail system has been rejected\n"
	     "550-Over the limit of 550 messages today");
	assert_int_equal(nfound, 2);
	assert_string_equal(found[0].text, "mx.example.net Your access to this mail system has "
	                                   "been rejected");
	assert_string_equal(found[1].text, "Over the limit of 550 messages today");
}

/* Mailgun's "delivery-status" object: its "code", "message" and
 * "enhanced-code" members are one reply; a "code" member outside such an
 * object, or with a number that is no code, is none. A JSON reply after
 * "smtp; " ends at its closing quote. */
static void json__mailgun_delivery_status(void **state)
{
	(void)state;
	scan("  \"delivery-status\": {\n"
	     "    \"attempt-no\": 1,\n"
	     "    \"code\": 550,\n"
	     "    \"message\": \"5.1.1 The account does not exist.\",\n"
	     "    \"enhanced-code\": \"5.1.1\",\n"
	     "    \"mx-host\": \"mx.example.org\"\n"
	     "  },\n"
	     "{\"error\": {\"code\": 421, \"message\": \"Too many requests\"}}\n"
	     "  \"code\": 421,\n"
	     "{\"diagnosticCode\":\"smtp; 550 5.1.1 user unknown\"}],\"timestamp\":\"x\"}");
	assert_int_equal(nfound, 2);
	assert_int_equal(found[0].basic, 550);
	assert_int_equal(found[0].first_line, 3);
	assert_int_equal(found[0].last_line, 5);
	assert_string_equal(enh(0, 0), "5.1.1");
	assert_string_equal(found[0].text, "The account does not exist.");
	assert_int_equal(found[1].first_line, 10);
	assert_string_equal(found[1].text, "user unknown");
}

/* An enhanced code with no basic code after a lead-in that another
 * lead-in precedes (.NET's "The server response was:" after "Reason:"), a
 * client's "Error: 4.7.1 ...", Thunderbird's "The mail server responded:"
 * with the code ending the line (its text on the next); the lead-ins with
 * no code after them give nothing. */
static void enhanced_first__after_another_lead_in(void **state)
{
	(void)state;
	scan("Reason: SmtpException: Mailbox unavailable. The server response was: 5.7.57 "
	     "Client not authenticated\n"
	     "Error: 4.7.1 <bob@example.org>: Relay access denied\n"
	     "An error occurred while sending mail. The mail server responded: 4.2.2\n"
	     "Mailbox full.\n"
	     "Error: queue file write error\n"
	     "Reason: upgrade to 5.1.1 failed\n"
	     "The mail server responded: Relay not permitted.");
	assert_int_equal(nfound, 3);
	assert_int_equal(found[0].basic, 0);
	assert_string_equal(enh(0, 0), "5.7.57");
	assert_string_equal(found[0].text, "Client not authenticated");
	assert_string_equal(enh(1, 0), "4.7.1");
	assert_string_equal(found[1].recipient, "bob@example.org");
	assert_string_equal(found[1].text, "<bob@example.org>: Relay access denied");
	assert_string_equal(enh(2, 0), "4.2.2");
	assert_int_equal(found[2].first_line, 3);
	assert_int_equal(found[2].last_line, 4);
	assert_string_equal(found[2].text, "Mailbox full.");
}

/* Postfix cleanup(8) writes a milter's or header_checks' refusal with the
 * enhanced code alone, after "]: " or after "helo=<h>: "; our own server's
 * refusal of the message. A discard and a header_checks warning give
 * nothing. */
static void cleanup__enhanced_code_alone(void **state)
{
	(void)state;
	scan("mx postfix/cleanup[26]: 436DE5E0E9A: milter-reject: END-OF-MESSAGE from "
	     "relay.example.net[198.51.100.12]: 4.7.1 Try again later; from=<n@example.net> "
	     "to=<gus@example.com> proto=ESMTP helo=<relay.example.net>\n"
	     "mx postfix/cleanup[26]: 5C0FFEE1234: reject: body Win 550 prizes from "
	     "relay.example.net[198.51.100.12]; from=<n@example.net> to=<gus@example.com> "
	     "proto=ESMTP helo=<relay.example.net>: 5.7.1 message content rejected\n"
	     "mx postfix/cleanup[26]: 6D1E2F3A4B: milter-discard: END-OF-MESSAGE from "
	     "relay.example.net[198.51.100.12]: milter triggers DISCARD action\n"
	     "mx postfix/cleanup[26]: 7E2F3A4B5C: warning: header Subject: 4.2.1 notes from "
	     "relay.example.net[198.51.100.12]; helo=<relay.example.net>: 4.2.1 notes");
	assert_int_equal(nfound, 2);
	assert_int_equal(found[0].basic, 0);
	assert_string_equal(enh(0, 0), "4.7.1");
	assert_string_equal(found[0].command, "DATA");
	assert_int_equal(found[0].direction, SMTPCODE_DIRECTION_LOCAL);
	assert_string_equal(found[0].recipient, "gus@example.com");
	assert_string_equal(enh(1, 0), "5.7.1");
	assert_string_equal(found[1].command, "DATA");
	assert_string_equal(found[1].text, "message content rejected");
}

/* qmail-send's log line: '_' for blanks, '/' for line breaks; the result
 * word gives the outcome, the sentence before "Remote host said:" the
 * command, the reply ends at its break (a URL's '/' stays); a local
 * failure's status tag; the delivery number and other lines are no code. */
static void qmail_send__log_lines(void **state)
{
	(void)state;
	scan("@40000000683f1a2c0b22d8b5 delivery 551: failure: 198.51.100.11_does_not_like_"
	     "recipient./Remote_host_said:_550_5.1.1_<bo@example.net>_unknown/Giving_up_on_"
	     "198.51.100.11./\n"
	     "1780568468.1 delivery 552: deferral: Connected_to_203.0.113.5_but_greeting_failed./"
	     "Remote_host_said:_421_4.7.0_see_http://www.example.com/help/Blocked.html/I'm_not_"
	     "going_to_try_again;_this_message_has_been_in_the_queue_too_long./\n"
	     "@40000000683f1a2c0c33e9c6 delivery 553: failure: Sorry,_no_mailbox_here_by_that_"
	     "name._(#5.1.1)/\n"
	     "@40000000683f1a2b04926340 starting delivery 550: msg 161214 to remote a@example.net\n"
	     "@40000000683f1a2b04926350 status: local 0/10 remote 1/20\n"
	     "delivery 554: failure: no_underscores_but_a_550_here");
	assert_int_equal(nfound, 3);
	assert_int_equal(found[0].basic, 550);
	assert_string_equal(found[0].command, "RCPT");
	assert_int_equal(found[0].outcome, SMTPCODE_OUTCOME_BOUNCED);
	assert_string_equal(found[0].text, "<bo@example.net> unknown");
	assert_string_equal(found[0].recipient, "bo@example.net");
	assert_int_equal(found[1].basic, 421);
	assert_string_equal(found[1].command, "CONNECT");
	assert_int_equal(found[1].outcome, SMTPCODE_OUTCOME_DEFERRED);
	assert_string_equal(found[1].text, "see http://www.example.com/help/Blocked.html");
	assert_int_equal(found[2].basic, 0);
	assert_string_equal(enh(2, 0), "5.1.1");
	assert_int_equal(found[2].outcome, SMTPCODE_OUTCOME_BOUNCED);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(zoho_label__both_codes_read),
		cmocka_unit_test(sentence__client_text_after_a_short_reply),
		cmocka_unit_test(table__a_row_is_one_reply),
		cmocka_unit_test(exchange_legacy__own_status),
		cmocka_unit_test(ironport__status_then_quoted_reply),
		cmocka_unit_test(ionos__command_and_one_reply_a_line),
		cmocka_unit_test(interscan__reversed_arrows),
		cmocka_unit_test(banner__flattened_after_one_word),
		cmocka_unit_test(json__mailgun_delivery_status),
		cmocka_unit_test(enhanced_first__after_another_lead_in),
		cmocka_unit_test(cleanup__enhanced_code_alone),
		cmocka_unit_test(qmail_send__log_lines),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
