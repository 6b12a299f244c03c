/* test_scan_raw.c - issue 13's forms, one test each with the real form and
 * a negative: raw sessions without transcript prefixes (telnet, nc,
 * openssl s_client, JavaMail debug output). */
#include "testutil.h"
#include "smtpcode.h"

#include "scan.h"

#include "scan_feed.h"

static const char *enh(size_t reply)
{
	static char buf[16];

	assert_true(found[reply].enhanced_count > 0);
	return smtpcode_enhanced_text(&found[reply].enhanced[0], buf, sizeof buf);
}

static void raw_session__client_lines_give_the_command(void **state)
{
	(void)state;
	scan("Connected to mx.example.org.\n"
	     "220 mx.example.org ESMTP\n"
	     "helo web01.example.com\n"
	     "250 mx.example.org\n"
	     "mail from: <a@example.com>\n"
	     "250 2.1.0 Ok\n"
	     "data\n"
	     "354 End data with <CR><LF>.<CR><LF>\n"
	     ".\n"
	     "550 5.7.1 message rejected\n"
	     "quit\n"
	     "221 2.0.0 Bye");
	assert_int_equal(nfound, 6);
	assert_string_equal(found[0].command, "CONNECT");
	assert_string_equal(found[1].command, "HELO");
	assert_string_equal(found[2].command, "MAIL");
	assert_string_equal(found[3].command, "DATA");
	assert_int_equal(found[4].basic, 550);
	assert_string_equal(found[4].command, "DATA");
	assert_string_equal(found[5].command, "QUIT");
}

static void raw_session__negatives(void **state)
{
	(void)state;
	/* Prose that starts like a command is no client line without the
	 * command's shape, and a lone "." opens no session. */
	scan("data from the report follows\n"
	     ".\n"
	     "550 5.1.1 unknown user");
	assert_int_equal(nfound, 1);
	assert_null(found[0].command);
	/* A number in a client line is no code. */
	scan("mail from:<a@example.com> SIZE=421\n"
	     "250 2.1.0 Ok");
	assert_int_equal(nfound, 1);
	assert_int_equal(found[0].basic, 250);
	assert_string_equal(found[0].command, "MAIL");
}

static void pipelining__replies_answer_commands_in_order(void **state)
{
	(void)state;
	scan(">>> MAIL From:<a@example.com> SIZE=5\n"
	     ">>> RCPT To:<b@example.org>\n"
	     ">>> DATA\n"
	     "<<< 250 2.1.0 Sender ok\n"
	     "<<< 550 5.1.1 User unknown\n"
	     "<<< 503 5.0.0 Need RCPT\n"
	     ">>> AUTH LOGIN\n"
	     "<<< 334 VXNlcm5hbWU6\n"
	     ">>> YXBw\n"
	     "<<< 334 UGFzc3dvcmQ6");
	assert_int_equal(nfound, 5);
	assert_string_equal(found[0].command, "MAIL");
	assert_string_equal(found[1].command, "RCPT");
	assert_string_equal(found[2].command, "DATA");
	/* A client line that is no command (AUTH's data) leaves the last. */
	assert_string_equal(found[3].command, "AUTH");
	assert_string_equal(found[4].command, "AUTH");
	/* SIZE=5 in a client line is no reply. */
	assert_int_equal(found[0].basic, 250);
}

static void log_prefix__markers_after_a_prefix_and_process_ids(void **state)
{
	(void)state;
	scan("  308 Connecting to mail.example.net [198.51.100.31]:25 ...  connected\n"
	     "  308   SMTP<< 220 mail.example.net ESMTP ready\n"
	     "  308   SMTP>> EHLO mail.example.com\n"
	     "  308   SMTP<< 250-mail.example.net\n"
	     "  308          250 SIZE 10240000\n"
	     "  308   SMTP|> MAIL FROM:<a@example.com>\n"
	     "  308   SMTP|> RCPT TO:<b@example.net>\n"
	     "  308   SMTP<< 250 OK\n"
	     "  308   SMTP<< 451 Internal resource temporarily unavailable\n"
	     "  308 LOG: MAIN");
	/* The process id 308 is never a code: not on the line before the
	 * first marker, not on the lines after. */
	assert_int_equal(nfound, 4);
	assert_int_equal(found[0].basic, 220);
	assert_string_equal(found[0].command, "CONNECT");
	assert_int_equal(found[1].basic, 250);
	assert_int_equal(found[1].first_line, 4);
	assert_int_equal(found[1].last_line, 5);
	assert_string_equal(found[1].command, "EHLO");
	assert_string_equal(found[2].command, "MAIL");
	assert_int_equal(found[3].basic, 451);
	assert_string_equal(found[3].command, "RCPT");
	scan("May  4 12:00:01 relay postfix/smtp[22104]: > mx.example.org[192.0.2.17]:25: DATA\n"
	     "May  4 12:00:01 relay postfix/smtp[22104]: < mx.example.org[192.0.2.17]:25: 354 go");
	assert_int_equal(nfound, 1);
	assert_int_equal(found[0].basic, 354);
	assert_string_equal(found[0].command, "DATA");
}

static void postfix_wrap__code_on_the_next_line(void **state)
{
	(void)state;
	scan("<kim@example.net>: host mx.example.net[198.51.100.45] said: 421\n"
	     "    4.7.0 [TSS04] Messages from 203.0.113.17 deferred - 4.16.55.1; (in reply to MAIL\n"
	     "    FROM command)");
	assert_int_equal(nfound, 1);
	assert_int_equal(found[0].basic, 421);
	assert_int_equal(found[0].enhanced_count, 1); /* not 4.16.55.1 */
	assert_string_equal(found[0].command, "MAIL");
	assert_string_equal(found[0].text, "[TSS04] Messages from 203.0.113.17 deferred - 4.16.55.1;");
	/* The same with the indentation lost. */
	scan("<a@example.org>: host mx.example.org[192.0.2.80] said: 550\n"
	     "5.7.1 <a@example.org>: Relay access denied (in reply to RCPT TO\n"
	     "command)\n"
	     "Reporting-MTA: dns; out2.example.com 250");
	assert_int_equal(nfound, 1);
	assert_int_equal(found[0].last_line, 3);
	assert_string_equal(found[0].command, "RCPT");
	/* A reply at a line's start is not continued by prose. */
	scan("550 5.1.1 gone\nThe 421 messages were kept.");
	assert_int_equal(nfound, 1);
	assert_int_equal(found[0].last_line, 1);
}

static void exim_body__reply_lines_after_the_lead_in(void **state)
{
	(void)state;
	scan("  jo@example.org\n"
	     "    SMTP error from remote mail server after RCPT TO:<jo@example.org>:\n"
	     "    host mx1.example.org [192.0.2.140]:\n"
	     "    550 Administrative prohibition\n"
	     "  max@example.net\n"
	     "    SMTP error from remote mail server after end of data:\n"
	     "    host mx.example.net [198.51.100.8]: 554 5.7.1 Rejected as spam (score 9.1,\n"
	     "    required 5.0)\n"
	     "  ops@example.org\n");
	assert_int_equal(nfound, 2);
	assert_int_equal(found[0].basic, 550);
	assert_string_equal(found[0].command, "RCPT");
	assert_int_equal(found[0].last_line, 4); /* "  max@" is less indented */
	assert_int_equal(found[1].basic, 554);
	assert_string_equal(found[1].command, "DATA");
	assert_int_equal(found[1].last_line, 8);
	/* Without the lead-in, "host:" then a number is no reply. */
	scan("    host mx1.example.org [192.0.2.140]: 550 messages queued\n");
	assert_int_equal(nfound, 0);
}

static void smtplib__debug_output(void **state)
{
	(void)state;
	scan("send: 'rcpt TO:<quin@example.org>\\r\\n'\n"
	     "reply: b'550 5.1.1 <quin@example.org>: User unknown\\r\\n'\n"
	     "reply: retcode (550); Msg: b'5.1.1 <quin@example.org>: User unknown'\n"
	     "send: 'rset\\r\\n'\n"
	     "reply: b'250 2.0.0 Ok\\r\\n'");
	assert_int_equal(nfound, 2);
	assert_int_equal(found[0].basic, 550);
	assert_string_equal(found[0].command, "RCPT");
	assert_int_equal(found[0].last_line, 3); /* the retcode line repeats it */
	assert_string_equal(found[0].text, "<quin@example.org>: User unknown");
	assert_string_equal(found[1].command, "RSET");
	/* A retcode line with no reply open is nothing. */
	scan("reply: retcode (250); Msg: b'ok'");
	assert_int_equal(nfound, 0);
}

static void punctuation__code_then_enhanced_code(void **state)
{
	(void)state;
	scan("   550: 5.1.1 <intern@example.org>... No such mailbox.");
	assert_int_equal(nfound, 1);
	assert_int_equal(found[0].basic, 550);
	assert_string_equal(found[0].text, "<intern@example.org>... No such mailbox.");
	scan("\"Sending failed (554): 5.7.1 Message rejected.\"");
	assert_int_equal(nfound, 1);
	assert_int_equal(found[0].basic, 554);
	scan("smtplib.SMTPSenderRefused: (553, b'5.7.1 <a@example.com>: not owned', 'a@example.com')");
	assert_int_equal(nfound, 1);
	assert_int_equal(found[0].basic, 553);
	assert_string_equal(found[0].command, "MAIL");
	scan("250 2.0.0: Ok");
	assert_int_equal(found[0].enhanced_count, 1);
	/* Numbers followed by punctuation but no enhanced code are no codes. */
	scan("ticket #4512, 250 MB quota; port 587, 10:11:12, (421), 550: see 1.2");
	assert_int_equal(nfound, 0);
}

static void lead_ins__sent_record_and_address_colon(void **state)
{
	(void)state;
	scan("postfix/smtp[41187]: 7F3A2B1C04: to=<ana@example.org>, relay=mx1.example.org"
	     "[192.0.2.21]:25, delay=1.2, dsn=2.0.0, status=sent (250 Accepted as 7f3a2b)");
	assert_int_equal(nfound, 1);
	assert_int_equal(found[0].basic, 250);
	assert_string_equal(enh(0), "2.0.0");
	scan("    <jon@example.net>: 550 5.1.1 mailbox not found (in reply to RCPT TO command)\n"
	     "    <kit@example.net>: 552 mailbox full\n"
	     "<hal@example.org>: 550 mailbox not found");
	assert_int_equal(nfound, 3);
	assert_string_equal(found[0].command, "RCPT");
	assert_int_equal(found[1].basic, 552);
	assert_int_equal(found[1].first_line, 2);
	assert_int_equal(found[2].basic, 550);
	/* A number after an address's colon that is no code, and a deferred
	 * record's delay. */
	scan("<a@example.org>: 1200 messages\nstatus=deferred (delay 250)");
	assert_int_equal(nfound, 0);
}

static void qmail__status_tags_and_command_before(void **state)
{
	(void)state;
	scan("<pat@example.org>:\n"
	     "192.0.2.33 does not like recipient.\n"
	     "Remote host said: 550 5.1.1 <pat@example.org>: User unknown\n"
	     "Giving up on 192.0.2.33.\n"
	     "<rae@nohost.example.com>:\n"
	     "Sorry, I couldn't find any host named nohost.example.com. (#5.1.2)\n"
	     "Remote host said: 451 Busy, come back later [#4.16.1]");
	assert_int_equal(nfound, 3);
	assert_string_equal(found[0].command, "RCPT");
	assert_int_equal(found[1].basic, 0);
	assert_string_equal(enh(1), "5.1.2");
	assert_int_equal(found[2].basic, 451);
	assert_int_equal(found[2].enhanced_count, 0); /* subject 16: no status */
	/* Tags that are no status: subject over 7, a number, an issue number. */
	scan("see (#4.16.1) and [#1234] and (#5.1.2.3)");
	assert_int_equal(nfound, 0);
}

static void vendor_lead_ins__rows_of_a_table(void **state)
{
	(void)state;
	scan("  Server mx.example.org[192.0.2.10] failed with: 550 Unrouteable address\n"
	     "\n"
	     "  mx.example.net[192.0.2.11] responded with failure: 552 mailbox over quota (#5.2.2)\n"
	     "\n"
	     "  Remote server replied: 550 5.7.1 Unable to relay");
	assert_int_equal(nfound, 3);
	assert_int_equal(found[0].basic, 550);
	assert_int_equal(found[1].basic, 552);
	assert_string_equal(enh(1), "5.2.2");
	assert_int_equal(found[2].basic, 550);
	/* An HTTP API's error is no reply. */
	scan("  SMTP API error: 406 Inactive recipient\n  Error: 300 messages queued");
	assert_int_equal(nfound, 0);
}

static void curl_and_sendmail_v__one_side_prefixed(void **state)
{
	(void)state;
	scan("< 220 smtp.example.org ESMTP\n"
	     "> RCPT TO:<mo@example.org>\n"
	     "< 550 5.7.1 Relaying denied\n"
	     "* RCPT failed: 550");
	assert_int_equal(nfound, 2);
	assert_string_equal(found[0].command, "CONNECT");
	assert_string_equal(found[1].command, "RCPT");
	/* Sendmail -v prefixes only the client's lines. */
	scan(">>> RSET\n"
	     "250 2.0.0 Reset state\n");
	assert_int_equal(nfound, 1);
	assert_string_equal(found[0].command, "RSET");
	/* In a bounce's transcript the server's lines are prefixed: the line
	 * after "<<< 550" is Sendmail's own status, the same reply told again
	 * (one reply over both lines). */
	scan(">>> RCPT To:<v@example.org>\n"
	     "<<< 550 5.1.1 <v@example.org>... User unknown\n"
	     "550 5.1.1 <v@example.org>... User unknown");
	assert_int_equal(nfound, 1);
	assert_string_equal(found[0].command, "RCPT");
	assert_int_equal(found[0].first_line, 2);
	assert_int_equal(found[0].last_line, 3);
	/* ... or its status for the exit code, whatever the remote's code
	 * ("554 5.0.0 Service unavailable" after any 5xx): one reply, its code
	 * after the remote's */
	scan(">>> DATA\n"
	     "<<< 503 All recipients are invalid\n"
	     "554 5.0.0 Service unavailable");
	assert_int_equal(nfound, 1);
	assert_int_equal(found[0].basic, 503);
	assert_string_equal(enh(0), "5.0.0");
	assert_int_equal(found[0].last_line, 3);
	/* Negatives: a status of another class, a status not right after the
	 * server's line, and another text are replies of their own. */
	scan("<<< 451 4.7.1 Try again later\n"
	     "554 5.0.0 Service unavailable\n"
	     "<<< 550 5.7.1 Refused\n"
	     "\n"
	     "554 5.0.0 Service unavailable\n"
	     "<<< 550 5.7.1 Refused\n"
	     "554 5.0.0 Service unavailable today");
	assert_int_equal(nfound, 6);
}

static void enhanced_first__after_a_lead_in(void **state)
{
	(void)state;
	scan("    Recipient: <zoe@example.org>\n"
	     "    Reason:    5.1.1 <zoe@example.org>... User unknown\n"
	     "\n"
	     "-- 4.4.2 Connection dropped while sending");
	assert_int_equal(nfound, 2);
	assert_int_equal(found[0].basic, 0);
	assert_string_equal(enh(0), "5.1.1");
	assert_string_equal(found[0].text, "<zoe@example.org>... User unknown");
	assert_string_equal(enh(1), "4.4.2");
	/* Version numbers and dates after the same lead-ins are no codes. */
	scan("-- 1.2.3 release notes\nReason: 2026.04.01 maintenance\n5.1.1 alone is no reply");
	assert_int_equal(nfound, 0);
}

static void exim_debug__process_id_before_the_first_marker(void **state)
{
	(void)state;
	scan("  554 delivering 1wRb2c-0002aX-4T\n"
	     "  554 Connecting to mx.example.org [192.0.2.9]:25 ...  connected\n"
	     "  554   SMTP<< 220 mx.example.org ESMTP\n"
	     "  554   SMTP>> STARTTLS\n"
	     "  554   SMTP<< 220 2.0.0 Ready to start TLS\n"
	     "  554 TLS session: (certificate verification failed): certificate invalid\n"
	     "  554   SMTP>> QUIT\n"
	     "  554   SMTP<< 221 2.0.0 Bye\n"
	     "  554 LOG: MAIN\n"
	     "  554   => jo@example.org R=dnslookup T=remote_smtp C=\"250 2.0.0 Ok\"");
	/* The two lines before the first marker start with the process id:
	 * no reply; the lines after continue none. */
	assert_int_equal(nfound, 4);
	assert_int_equal(found[0].basic, 220);
	assert_int_equal(found[0].first_line, 3);
	assert_string_equal(found[1].command, "STARTTLS");
	assert_int_equal(found[1].last_line, 5);
	assert_string_equal(found[1].text, "Ready to start TLS");
	assert_int_equal(found[2].basic, 221);
	assert_int_equal(found[2].last_line, 8);
	assert_string_equal(found[2].text, "Bye");
	assert_int_equal(found[3].basic, 250);
	assert_int_equal(found[3].first_line, 10);
	/* The same number on two lines with no marker after: two replies. */
	scan("  550 No such user here\n"
	     "  550 No such user here");
	assert_int_equal(nfound, 2);
	/* A marker line with another number spares the replies before. */
	scan("  550 No such user here\n"
	     "  308   SMTP<< 220 mx.example.org ESMTP");
	assert_int_equal(nfound, 2);
	assert_int_equal(found[0].basic, 550);
}

static void raw_session__message_content_is_no_reply(void **state)
{
	(void)state;
	scan("data\n"
	     "354 Enter message, ending with \".\" on a line by itself\n"
	     "Subject: stock count\n"
	     "\n"
	     "250 units in the Lyon warehouse,\n"
	     "421 in Porto.\n"
	     ".\n"
	     "250 OK id=1wTx4e-00B7q2-1V\n"
	     "quit\n"
	     "221 closing connection");
	assert_int_equal(nfound, 3);
	assert_int_equal(found[0].basic, 354);
	assert_int_equal(found[0].last_line, 2);
	assert_int_equal(found[1].basic, 250);
	assert_int_equal(found[1].first_line, 8);
	assert_string_equal(found[1].command, "DATA");
	assert_string_equal(found[2].command, "QUIT");
	/* Outside a raw session a 354 starts no content: the lines after it
	 * are replies. */
	scan("354 End data with <CR><LF>.<CR><LF>\n"
	     "550 5.7.1 message rejected");
	assert_int_equal(nfound, 2);
	/* A prefixed server line ends the content. */
	scan("data\n"
	     "354 go ahead\n"
	     "S: 550 5.7.1 rejected");
	assert_int_equal(nfound, 2);
	assert_int_equal(found[1].basic, 550);
}

static void greeting__220_answers_only_connect_and_starttls(void **state)
{
	(void)state;
	/* msmtp's session ends without QUIT; curl's begins with 220. */
	scan("--> AUTH PLAIN AG5hcwBodW50ZXIy\n"
	     "<-- 535 Incorrect authentication data\n"
	     "< 220 smtp.example.org ESMTP\n"
	     "> STARTTLS\n"
	     "< 220 Go ahead.");
	assert_int_equal(nfound, 3);
	assert_string_equal(found[0].command, "AUTH");
	assert_string_equal(found[1].command, "CONNECT");
	assert_string_equal(found[2].command, "STARTTLS");
}

static void time_stamp__before_a_transcript_prefix(void **state)
{
	(void)state;
	scan(" Fri 2026-05-15 09:12:01.560: Waiting for protocol to start...\n"
	     " Fri 2026-05-15 09:12:01.611: <-- 220 mx.example.org ESMTP Service ready\n"
	     " Fri 2026-05-15 09:12:01.731: --> RCPT To:<nico@example.org>\n"
	     " Fri 2026-05-15 09:12:01.790: <-- 550 5.1.1 <nico@example.org>: User unknown\n"
	     " Fri 2026-05-15 09:12:01.791: --> QUIT");
	assert_int_equal(nfound, 2);
	assert_string_equal(found[0].command, "CONNECT");
	assert_int_equal(found[1].basic, 550);
	assert_string_equal(found[1].command, "RCPT");
	assert_int_equal(found[1].last_line, 4);
	/* Fewer than four digits before ": " are no time stamp. */
	scan("Step 2: --> RCPT To:<nico@example.org>\n"
	     "Step 3: <-- 550 5.1.1 User unknown");
	assert_int_equal(nfound, 1);
	assert_null(found[0].command);
}

static void command_span__recipient_rejected_and_failed_command(void **state)
{
	(void)state;
	scan("[2026-05-07 10:05:32] INFO  [Kx7fQ2aB] Recipient <ola@example.org> rejected: "
	     "450 4.1.8 Domain not found\n"
	     "[NOTICE] [3F1E0B52] [outbound] sender <a@example.com> rejected: 553 5.7.1 No\n"
	     "box smtpd[7312]: 3c1a9b2f8e0d4a13 smtp failed-command command=\"RCPT "
	     "TO:<n@box.example.com>\" result=\"550 Invalid recipient\"\n"
	     "Invalid recipient s@example.com: 571 571 Sender is not allowed\n"
	     "RCPT failed: Invalid recipient s@example.com: 571 571 Sender is not allowed");
	assert_int_equal(nfound, 4);
	assert_string_equal(found[0].command, "RCPT");
	assert_string_equal(found[1].command, "MAIL");
	assert_int_equal(found[2].basic, 550);
	assert_string_equal(found[2].command, "RCPT");
	/* Without Zimbra's "failed:" the colon is no lead-in (line 4). */
	assert_int_equal(found[3].first_line, 5);
	assert_int_equal(found[3].basic, 571);
	assert_string_equal(found[3].text, "Sender is not allowed");
	/* "rejected" before the address names nothing. */
	scan("rejected recipient <ola@example.org>: 450 4.1.8 Domain not found");
	assert_int_equal(nfound, 1);
	assert_null(found[0].command);
}

static void side_marker__either_side_by_its_data(void **state)
{
	(void)state;
	/* Exchange SmtpSend: "<" is the server's; a reply with a comma is
	 * quoted, and the field's end is no part of the text. */
	scan("2026-06-02T08:14:03.297Z,Internet Send,08DE8A1F,2,192.0.2.40:28811,"
	     "198.51.100.25:25,<,\"220 mx.example.net ESMTP, ready\",\n"
	     "2026-06-02T08:14:03.396Z,Internet Send,08DE8A1F,7,192.0.2.40:28811,"
	     "198.51.100.25:25,>,RCPT TO:<lou@example.net>,\n"
	     "2026-06-02T08:14:03.494Z,Internet Send,08DE8A1F,9,192.0.2.40:28811,"
	     "198.51.100.25:25,<,550 5.1.1 User unknown,");
	assert_int_equal(nfound, 2);
	assert_string_equal(found[0].command, "CONNECT");
	assert_string_equal(found[0].text, "mx.example.net ESMTP, ready");
	assert_string_equal(found[1].command, "RCPT");
	assert_string_equal(found[1].text, "User unknown");
	/* hMailServer's server side: "SENT:" is the reply, "[nl]" joins. */
	scan("\"SMTPD\"\t4480\t12\t\"2026-06-03 10:05:40.120\"\t\"203.0.113.61\"\t"
	     "\"SENT: 250-mail.example.com[nl]250 AUTH LOGIN\"\n"
	     "\"SMTPD\"\t4480\t12\t\"2026-06-03 10:05:40.300\"\t\"203.0.113.61\"\t"
	     "\"RECEIVED: QUIT\"\n"
	     "\"SMTPD\"\t4480\t12\t\"2026-06-03 10:05:40.361\"\t\"203.0.113.61\"\t"
	     "\"SENT: 221 goodbye\"");
	assert_int_equal(nfound, 2);
	assert_string_equal(found[0].text, "mail.example.com AUTH LOGIN");
	assert_string_equal(found[1].command, "QUIT");
	assert_string_equal(found[1].text, "goodbye");
	/* A table's "<" and ">" columns hold no reply. */
	scan("Connector,Limit,<,Value\n"
	     "Internet Send,MaxMessageSize,<,250,MB\n"
	     "Internet Send,Retry,>,421,seconds");
	assert_int_equal(nfound, 0);
}

/* Every byte a stamp may hold between its digits and words ("[],- /:.+"),
 * and a byte it may not ('_') that ends it before the prefix. */
static void time_stamp__each_byte_it_may_hold(void **state)
{
	(void)state;
	scan("[Fri], 2026/05/15-09:12:01.731+0200 --> RCPT To:<nico@example.org>\n"
	     "[Fri], 2026/05/15-09:12:01.790+0200 <-- 550 5.1.1 <nico@example.org>: User unknown");
	assert_int_equal(nfound, 1);
	assert_string_equal(found[0].command, "RCPT");
	assert_true(found[0].transcript);
	scan("2026_05_15 09:12:01.731 --> RCPT To:<nico@example.org>\n"
	     "2026_05_15 09:12:01.790 <-- 550 5.1.1 <nico@example.org>: User unknown");
	assert_int_equal(nfound, 1);
	assert_null(found[0].command);
	assert_false(found[0].transcript);
}

static void time_stamp__blank_after_it_and_smtplib_echo(void **state)
{
	(void)state;
	scan("10:41:07.209301 send: 'rcpt TO:<dana@example.org>\\r\\n'\n"
	     "10:41:07.254432 reply: b'450 4.2.0 Greylisted\\r\\n'\n"
	     "10:41:07.254489 reply: retcode (450); Msg: b'4.2.0 Greylisted'");
	assert_int_equal(nfound, 1);
	assert_string_equal(found[0].command, "RCPT");
	assert_int_equal(found[0].first_line, 2);
	assert_int_equal(found[0].last_line, 3);
	/* A stamp starts the line: a reply's words before "< " are none. */
	scan("Remote Server returned '554 5.4.0 < #4.4.1 smtp; no connection>'");
	assert_int_equal(nfound, 1);
	assert_int_equal(found[0].basic, 554);
	/* ... and holds a time: "554 5.4.0" has no colon. */
	scan("554 5.4.0 < 550 5.1.1 x");
	assert_int_equal(nfound, 1);
	assert_int_equal(found[0].basic, 554);
}

static void side_by_data__a_marker_used_the_other_way_round(void **state)
{
	(void)state;
	scan("debug: smtp: 0x8b1c3e2a000: >>> 220 relay.example.com ESMTP OpenSMTPD\n"
	     "debug: smtp: 0x8b1c3e2a000: <<< RCPT TO:<olga@example.com>\n"
	     "debug: smtp: 0x8b1c3e2a000: >>> 550 Invalid recipient: <olga@example.com>");
	assert_int_equal(nfound, 2);
	assert_string_equal(found[0].command, "CONNECT");
	assert_int_equal(found[1].basic, 550);
	assert_string_equal(found[1].command, "RCPT");
	/* Sendmail's way: ">>> " sends, "<<< " answers; a server line of
	 * words that are no command stays the server's. */
	scan(">>> RCPT To:<v@example.org>\n"
	     "21550 <<< 550 5.1.1 <v@example.org>... User unknown\n"
	     "21550 >>> DATA\n"
	     "21550 <<< Service closing\n"
	     "21550 <<< 503 5.0.0 Need RCPT");
	assert_int_equal(nfound, 2);
	assert_string_equal(found[0].command, "RCPT");
	assert_string_equal(found[1].command, "DATA");
}

static void ehlo_keywords__after_a_logged_server_line(void **state)
{
	(void)state;
	scan("2026/06/04 09:15:02 [DEBUG] C --> S: EHLO client.example.com\n"
	     "2026/06/04 09:15:02 [DEBUG] C <-- S: 250 smtp.example.net\n"
	     "PIPELINING\n"
	     "STARTTLS\n"
	     "AUTH=PLAIN LOGIN\n"
	     "2026/06/04 09:15:02 [DEBUG] C --> S: STARTTLS\n"
	     "2026/06/04 09:15:02 [DEBUG] C <-- S: 220 2.0.0 Ready to start TLS");
	assert_int_equal(nfound, 2);
	assert_int_equal(found[0].last_line, 5);
	assert_string_equal(found[0].text, "smtp.example.net PIPELINING STARTTLS AUTH=PLAIN LOGIN");
	assert_string_equal(found[1].command, "STARTTLS");
	/* After curl's "< 250" the next "> STARTTLS" is the client's. */
	scan("> EHLO build\n"
	     "< 250 STARTTLS\n"
	     "> STARTTLS\n"
	     "< 220 Go ahead.");
	assert_int_equal(nfound, 2);
	assert_int_equal(found[0].last_line, 2);
	assert_string_equal(found[1].command, "STARTTLS");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(raw_session__client_lines_give_the_command),
		cmocka_unit_test(raw_session__negatives),
		cmocka_unit_test(pipelining__replies_answer_commands_in_order),
		cmocka_unit_test(log_prefix__markers_after_a_prefix_and_process_ids),
		cmocka_unit_test(postfix_wrap__code_on_the_next_line),
		cmocka_unit_test(exim_body__reply_lines_after_the_lead_in),
		cmocka_unit_test(smtplib__debug_output),
		cmocka_unit_test(punctuation__code_then_enhanced_code),
		cmocka_unit_test(lead_ins__sent_record_and_address_colon),
		cmocka_unit_test(qmail__status_tags_and_command_before),
		cmocka_unit_test(vendor_lead_ins__rows_of_a_table),
		cmocka_unit_test(curl_and_sendmail_v__one_side_prefixed),
		cmocka_unit_test(enhanced_first__after_a_lead_in),
		cmocka_unit_test(exim_debug__process_id_before_the_first_marker),
		cmocka_unit_test(raw_session__message_content_is_no_reply),
		cmocka_unit_test(greeting__220_answers_only_connect_and_starttls),
		cmocka_unit_test(time_stamp__before_a_transcript_prefix),
		cmocka_unit_test(command_span__recipient_rejected_and_failed_command),
		cmocka_unit_test(side_marker__either_side_by_its_data),
		cmocka_unit_test(time_stamp__each_byte_it_may_hold),
		cmocka_unit_test(time_stamp__blank_after_it_and_smtplib_echo),
		cmocka_unit_test(side_by_data__a_marker_used_the_other_way_round),
		cmocka_unit_test(ehlo_keywords__after_a_logged_server_line),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
