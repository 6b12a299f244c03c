/* test_scan_who.c - who each reply is about (scan_who.c): its recipient,
 * remote host and direction in each format the scanner reads, what never
 * becomes a recipient, and a bounce's reply merged with its DSN twin
 * (scan_twin.c) within the hold-back bounds. */
#include "testutil.h"
#include "smtpcode.h"

/* White-box: the readers of the rows (built with the library's include
 * path). */
#include "scan.h"

#include "scan_feed.h"

#define LOCAL SMTPCODE_DIRECTION_LOCAL
#define REMOTE SMTPCODE_DIRECTION_REMOTE
#define UNKNOWN SMTPCODE_DIRECTION_UNKNOWN

static void who_is(size_t i, const char *recipient, const char *host, enum smtpcode_direction d)
{
	assert_true(i < nfound);
	assert_string_equal(found[i].recipient, recipient);
	assert_string_equal(found[i].remote_host, host);
	assert_int_equal(found[i].direction, d);
}

/* Postfix wraps its bounce text after "said:": the reply on the next line
 * is still about the address and the host of the line before. */
static void postfix_bounce__wrapped_after_said(void **state)
{
	(void)state;
	scan("<quinn@example.net>: host mx.example.net[192.0.2.130] said:\n"
	     "    452 4.2.2 Mailbox full (in reply to RCPT TO command)\n");
	assert_int_equal(nfound, 1);
	who_is(0, "quinn@example.net", "mx.example.net[192.0.2.130]", REMOTE);
	assert_string_equal(found[0].command, "RCPT");
}

/* A quoted bounce: the quote marks go before the line is read (its text
 * moves), and the host and the address are still found where they now
 * stand. */
static void quoted_bounce__host_and_address(void **state)
{
	(void)state;
	scan("> <quinn@example.net>: host mx.example.net[192.0.2.130] said: 550 5.1.1\n"
	     ">     <quinn@example.net>: unknown user (in reply to RCPT TO command)\n"
	     ">> <rosa@example.net>: host mx2.example.net[192.0.2.131] said: 452 4.2.2 full\n");
	assert_int_equal(nfound, 2);
	who_is(0, "quinn@example.net", "mx.example.net[192.0.2.130]", REMOTE);
	assert_string_equal(found[0].command, "RCPT");
	who_is(1, "rosa@example.net", "mx2.example.net[192.0.2.131]", REMOTE);
}

static void postfix_log__to_relay_said(void **state)
{
	(void)state;
	scan("May  3 10:20:31 mail postfix/smtp[24810]: 5A1C32A0B8: to=<bob@example.org>, "
	     "orig_to=<info@example.org>, relay=mx1.example.org[192.0.2.25]:25, delay=1.2, "
	     "delays=0.1/0/0.5/0.6, dsn=5.1.1, status=bounced (host mx1.example.org[192.0.2.25] "
	     "said: 550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown (in "
	     "reply to RCPT TO command))\n"
	     "May  3 10:20:32 mail postfix/qmgr[99]: 5A1C32A0B8: from=<alice@example.com>, "
	     "size=2501, nrcpt=1 (queue active)\n"
	     "May  3 10:20:33 mail postfix/smtp[24811]: 6B2D43B1C9: to=<dan@example.net>, "
	     "relay=mx.example.net[198.51.100.7]:25, delay=0.4, dsn=2.0.0, status=sent (250 2.0.0 "
	     "Ok: queued as 4F2A81)\n"
	     "May  3 10:20:34 mail postfix/smtp[24812]: 7C3E54C2DA: to=<eve@example.org>, "
	     "relay=none, delay=30, dsn=4.4.1, status=deferred (connect to "
	     "mx.example.org[192.0.2.30]:25: Connection timed out)");
	assert_int_equal(nfound, 3);
	who_is(0, "bob@example.org", "mx1.example.org[192.0.2.25]", REMOTE);
	who_is(1, "dan@example.net", "mx.example.net[198.51.100.7]", REMOTE);
	/* no reply: no direction; relay=none is no host, "connect to" names it */
	who_is(2, "eve@example.org", "mx.example.org[192.0.2.30]", UNKNOWN);
}

static void postfix_smtpd__refusals_are_local(void **state)
{
	(void)state;
	scan("May  3 10:22:01 mail postfix/smtpd[2501]: NOQUEUE: reject: RCPT from "
	     "unknown[203.0.113.7]: 554 5.7.1 <bob@example.org>: Relay access denied; "
	     "from=<spam@example.com> to=<bob@example.org> proto=ESMTP helo=<x.example.com>\n"
	     "May  3 10:22:02 mail postfix/smtpd[2501]: NOQUEUE: reject: MAIL from "
	     "unknown[203.0.113.7]: 553 5.1.8 <spam@example.com>: Sender address rejected: Domain "
	     "not found; from=<spam@example.com> proto=ESMTP helo=<x.example.com>\n"
	     "May  3 10:22:03 mail postfix/smtpd[2502]: 8D4F65: milter-reject: RCPT from "
	     "unknown[203.0.113.7]: 550 5.7.1 Command rejected; from=<spam@example.com> "
	     "to=<carl@example.org> proto=ESMTP helo=<x.example.com>");
	assert_int_equal(nfound, 3);
	who_is(0, "bob@example.org", "", LOCAL);
	who_is(1, "", "", LOCAL); /* the sender is never the recipient */
	who_is(2, "carl@example.org", "", LOCAL);
}

/* A Postfix bounce: the human-readable part, then the DSN groups. */
static const char postfix_bounce[] =
	"                   The mail system\n"                                         /* 1 */
	"\n"                                                                            /* 2 */
	"<bob@example.org>: host mx1.example.org[192.0.2.25] said: 550 5.1.1\n"        /* 3 */
	"    <bob@example.org>: Recipient address rejected: User unknown (in reply to\n" /* 4 */
	"    RCPT TO command)\n"                                                        /* 5 */
	"\n"                                                                            /* 6 */
	"<frank@example.net>: host mx2.example.net[198.51.100.7] said: 550 No such\n"  /* 7 */
	"    user here (in reply to RCPT TO command)\n"                                 /* 8 */
	"\n"                                                                            /* 9 */
	"--4F2A81C0A3B.1777803633/mail.example.com\n"                                   /* 10 */
	"Content-Type: message/delivery-status\n"                                       /* 11 */
	"\n"                                                                            /* 12 */
	"Reporting-MTA: dns; mail.example.com\n"                                        /* 13 */
	"X-Postfix-Sender: rfc822; alice@example.com\n"                                 /* 14 */
	"\n"                                                                            /* 15 */
	"Final-Recipient: rfc822; bob@example.org\n"                                    /* 16 */
	"Original-Recipient: rfc822;info@example.org\n"                                 /* 17 */
	"Action: failed\n"                                                              /* 18 */
	"Status: 5.1.1\n"                                                               /* 19 */
	"Remote-MTA: dns; mx1.example.org\n"                                            /* 20 */
	"Diagnostic-Code: smtp; 550 5.1.1 <bob@example.org>: Recipient address\n"       /* 21 */
	"    rejected: User unknown\n"                                                  /* 22 */
	"\n"                                                                            /* 23 */
	"Final-Recipient: rfc822; frank@example.net\n"                                  /* 24 */
	"Action: failed\n"                                                              /* 25 */
	"Status: 5.0.0\n"                                                               /* 26 */
	"Remote-MTA: dns; mx2.example.net\n"                                            /* 27 */
	"Diagnostic-Code: smtp; 550 No such user here\n";                               /* 28 */

static void postfix_bounce__one_reply_per_recipient(void **state)
{
	(void)state;
	scan(postfix_bounce);
	assert_int_equal(nfound, 2);
	who_is(0, "bob@example.org", "mx1.example.org[192.0.2.25]", REMOTE);
	assert_int_equal(found[0].first_line, 3);
	assert_int_equal(found[0].last_line, 5);
	assert_int_equal(found[0].dsn_first_line, 19);
	assert_int_equal(found[0].dsn_last_line, 22);
	assert_string_equal(found[0].command, "RCPT");
	assert_int_equal(found[0].enhanced_count, 1);
	assert_int_equal(found[0].outcome, SMTPCODE_OUTCOME_BOUNCED); /* the DSN's Action */
	who_is(1, "frank@example.net", "mx2.example.net[198.51.100.7]", REMOTE);
	assert_int_equal(found[1].basic, 550);
	assert_int_equal(found[1].enhanced_count, 1); /* the Status: code joins it */
	assert_int_equal(found[1].enhanced[0].detail, 0);
	assert_int_equal(found[1].dsn_first_line, 26);
	assert_int_equal(found[1].dsn_last_line, 28);
}

static void dsn_alone__fields_and_order(void **state)
{
	(void)state;
	/* Original-Recipient before Final-Recipient: the final one wins */
	scan("Original-Recipient: rfc822;info@example.org\n"
	     "Final-Recipient: rfc822; <bob@example.org>\n"
	     "Action: failed\n"
	     "Status: 5.1.1\n"
	     "Remote-MTA: dns; mx1.example.org [192.0.2.25]\n"
	     "Diagnostic-Code: smtp; 550 5.1.1 User unknown\n"
	     "\n"
	     "Original-Recipient: rfc822;dora@example.net\n"
	     "Action: delayed\n"
	     "Status: 4.4.1\n"
	     "Diagnostic-Code: X-Postfix; connect to mx.example.net[198.51.100.7]: timed out\n"
	     "\n"
	     "Final-Recipient: rfc822; ops@example.com\n"
	     "X-Actual-Recipient: rfc822; ops-team@example.com\n"
	     "Action: failed\n"
	     "Status: 5.2.2\n");
	assert_int_equal(nfound, 3);
	who_is(0, "bob@example.org", "mx1.example.org [192.0.2.25]", REMOTE);
	assert_int_equal(found[0].dsn_first_line, 4);
	assert_int_equal(found[0].dsn_last_line, 6);
	who_is(1, "dora@example.net", "", UNKNOWN); /* not a remote server's reply */
	who_is(2, "ops@example.com", "", UNKNOWN);
}

static void exim_log__flags_and_hosts(void **state)
{
	(void)state;
	scan("2026-05-03 10:00:00 1wXyZa-000Abc-12 ** bob@example.org R=dnslookup "
	     "T=remote_smtp H=mx1.example.org [192.0.2.25] X=TLS1.3: SMTP error from remote mail "
	     "server after RCPT TO:<bob@example.org>: 550 5.1.1 User unknown\n"
	     "2026-05-03 10:00:01 1wXyZa-000Abc-13 == carol@example.net R=dnslookup "
	     "T=remote_smtp defer (-44) H=mx.example.net [198.51.100.30]: SMTP error from remote "
	     "mail server after end of data: 451 4.7.1 Try later\n"
	     "2026-05-03 10:00:02 1wXyZa-000Abc-14 => dave <dave@example.com> R=dnslookup "
	     "T=remote_smtp H=mx2.example.com [198.51.100.20] C=\"250 2.0.0 Ok: queued as "
	     "9B3C2D\"");
	assert_int_equal(nfound, 3);
	who_is(0, "bob@example.org", "mx1.example.org [192.0.2.25]", REMOTE);
	who_is(1, "carol@example.net", "mx.example.net [198.51.100.30]", REMOTE);
	/* a local part alone is no address: the one in <...> after it is */
	who_is(2, "dave@example.com", "mx2.example.com [198.51.100.20]", REMOTE);
}

static void exim_bounce_body__lines_before_the_reply(void **state)
{
	(void)state;
	scan("A message that you sent could not be delivered to one or more of its\n"
	     "recipients. This is a permanent error. The following address(es) failed:\n"
	     "\n"
	     "  jo@example.org\n"
	     "    host mx.example.org [192.0.2.9]\n"
	     "    SMTP error from remote mail server after RCPT TO:<jo@example.org>:\n"
	     "    550 Administrative prohibition\n"
	     "  lee@example.net\n"
	     "    host mail.example.net [198.51.100.31]\n"
	     "    SMTP error from remote mail server after MAIL FROM:<shop@example.com> SIZE=1825:\n"
	     "    553 5.7.1 Sender address rejected\n");
	assert_int_equal(nfound, 2);
	who_is(0, "jo@example.org", "mx.example.org [192.0.2.9]", REMOTE);
	assert_string_equal(found[0].command, "RCPT");
	/* after MAIL FROM: the sender on that line is not the recipient */
	who_is(1, "lee@example.net", "mail.example.net [198.51.100.31]", REMOTE);
	assert_string_equal(found[1].command, "MAIL");
}

static void sendmail__log_and_rulesets(void **state)
{
	(void)state;
	scan("May  3 10:21:40 mail sendmail[31010]: 643ALea0031008: to=<grace@example.org>, "
	     "delay=00:00:05, mailer=esmtp, pri=120, relay=mx.example.org. [192.0.2.30], "
	     "dsn=4.0.0, stat=Deferred: 451 4.3.0 Temporary failure\n"
	     "May  3 10:22:10 mail sendmail[31040]: 643AMAx3031040: ruleset=check_rcpt, "
	     "arg1=<bob@example.com>, relay=[203.0.113.77], reject=550 5.7.1 <bob@example.com>... "
	     "Relaying denied\n"
	     "May  3 10:22:11 mail sendmail[31041]: 643AMBx3031041: ruleset=check_mail, "
	     "arg1=<spam@example.net>, relay=[203.0.113.77], reject=553 5.1.8 <spam@example.net>... "
	     "Domain of sender address spam@example.net does not exist");
	assert_int_equal(nfound, 3);
	who_is(0, "grace@example.org", "mx.example.org. [192.0.2.30]", REMOTE);
	who_is(1, "bob@example.com", "[203.0.113.77]", LOCAL);
	who_is(2, "", "[203.0.113.77]", LOCAL);
}

static void sendmail_bounce__reason_and_user_unknown(void **state)
{
	(void)state;
	scan("   ----- The following addresses had permanent fatal errors -----\n"
	     "<vera@example.org>\n"
	     "    (reason: 550 5.1.1 <vera@example.org>... User unknown)\n"
	     "\n"
	     "   ----- Transcript of session follows -----\n"
	     "... while talking to mx.example.org.:\n"
	     ">>> RCPT To:<vera@example.org>\n"
	     "<<< 550 5.1.1 <vera@example.org>... User unknown\n"
	     "550 5.1.1 vera@example.org... User unknown\n");
	assert_int_equal(nfound, 1); /* told three times, one reply */
	who_is(0, "vera@example.org", "", REMOTE);
	assert_string_equal(found[0].command, "RCPT");
}

/* Several recipients, the replies of a pipelined transcript after ">>>
 * DATA", each followed by Sendmail's own "554 5.0.0 Service unavailable"
 * (sysexits.c, EX_UNAVAILABLE): one reply a recipient, the status's code
 * joined to it, the host from "... while talking to". */
#define SENDMAIL_PIPELINED \
	"\n" \
	"   ----- Transcript of session follows -----\n" \
	"... while talking to mx.example.net.:\n" \
	">>> DATA\n" \
	"<<< 550 Unknown user carl@example.net\n" \
	"554 5.0.0 Service unavailable\n" \
	"<<< 550 Unknown user dora@example.net\n" \
	"554 5.0.0 Service unavailable\n"
static void sendmail_bounce__status_after_each_reply(void **state)
{
	size_t i;

	(void)state;
	scan("   ----- The following addresses had permanent fatal errors -----\n"
	     "<carl@example.net>\n"
	     "    (reason: 550 Unknown user carl@example.net)\n"
	     "<dora@example.net>\n"
	     "    (reason: 550 Unknown user dora@example.net)\n" SENDMAIL_PIPELINED);
	assert_int_equal(nfound, 2);
	who_is(0, "carl@example.net", "", REMOTE);
	who_is(1, "dora@example.net", "", REMOTE);
	assert_int_equal(found[1].first_line, 5);
	assert_int_equal(found[1].enhanced_count, 1);
	assert_int_equal(found[1].enhanced[0].reply_class, 5);
	assert_int_equal(found[1].enhanced[0].subject, 0);
	/* Without the "(reason:" lines (older Sendmail): the transcript's
	 * replies, none about the last address listed above the transcript. */
	scan("   ----- The following addresses had permanent fatal errors -----\n"
	     "<carl@example.net>\n"
	     "<dora@example.net>\n" SENDMAIL_PIPELINED);
	assert_int_equal(nfound, 2);
	for (i = 0; i < 2; i++) { /* "<<< 550 ..." and its status */
		who_is(i, "", "mx.example.net", REMOTE);
		assert_int_equal(found[i].first_line, 8 + 2 * i);
		assert_int_equal(found[i].last_line, 9 + 2 * i);
	}
}

static void qmail_bounce__paragraphs(void **state)
{
	(void)state;
	scan("<pat@example.org>:\n"
	     "192.0.2.33 does not like recipient.\n"
	     "Remote host said: 550 5.1.1 <pat@example.org>: Recipient address rejected\n"
	     "Giving up on 192.0.2.33.\n"
	     "\n"
	     "<kai@example.org>:\n"
	     "Connected to 192.0.2.44 but sender was rejected.\n"
	     "Remote host said: 451 4.3.0 Try again later\n");
	assert_int_equal(nfound, 2);
	who_is(0, "pat@example.org", "", REMOTE);
	assert_string_equal(found[0].command, "RCPT");
	who_is(1, "kai@example.org", "192.0.2.44", REMOTE);
	assert_string_equal(found[1].command, "MAIL");
}

static void exchange__ndr_layouts(void **state)
{
	(void)state;
	scan("Your message to gail@example.com couldn't be delivered.\n"
	     "gail wasn't found at example.com.\n"
	     "\n"
	     "Action Required                                     Recipient\n"
	     "Unknown To address\n"
	     "\n"
	     "How to Fix It\n"
	     "The address may be misspelled or may not exist.\n"
	     "\n"
	     "More Info for Email Admins\n"
	     "\n"
	     "Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not "
	     "found by SMTP address lookup'\n"
	     "\n"
	     "Delivery has failed to these recipients or groups:\n"
	     "\n"
	     "judy@example.org\n"
	     "Remote Server at mail.example.org (192.0.2.30) returned '451 4.4.0 Primary target "
	     "IP address responded with: \"421 4.4.2 Connection dropped.\"'\n");
	/* the 421 quoted in the 451 is a reply of its own, about the same
	 * recipient and host */
	assert_int_equal(nfound, 3);
	who_is(0, "gail@example.com", "", REMOTE);
	who_is(1, "judy@example.org", "mail.example.org", REMOTE);
	who_is(2, "judy@example.org", "mail.example.org", REMOTE);
	assert_int_equal(found[2].basic, 421);
	assert_true(found[2].quoted);
}

static void transcript__rcpt_data_and_host(void **state)
{
	(void)state;
	scan("=== Trying mx1.example.org:25...\n"
	     "=== Connected to mx1.example.org.\n"
	     "<-  220 mx1.example.org ESMTP\n"
	     " -> MAIL FROM:<alice@example.com>\n"
	     "<-  250 2.1.0 Ok\n"
	     " -> RCPT TO:<bob@example.org>\n"
	     "<-  250 2.1.5 Ok\n"
	     " -> RCPT TO:<carol@example.org>\n"
	     "<** 550 5.1.1 <carol@example.org>: Recipient address rejected\n"
	     " -> DATA\n"
	     "<-  354 End data with <CR><LF>.<CR><LF>\n"
	     " -> .\n"
	     "<-  250 2.0.0 Ok: queued as 4F2A81\n"
	     " -> MAIL FROM:<alice@example.com>\n"
	     "<-  250 2.1.0 Ok\n"
	     " -> RCPT TO:<dan@example.org>\n"
	     "<-  250 2.1.5 Ok\n"
	     " -> RCPT TO:<erin@example.org>\n"
	     "<-  250 2.1.5 Ok\n"
	     " -> DATA\n"
	     "<-  554 5.7.1 Rejected\n");
	assert_int_equal(nfound, 10);
	who_is(0, "", "mx1.example.org", REMOTE);
	who_is(1, "", "mx1.example.org", REMOTE);                /* MAIL: the sender's */
	who_is(2, "bob@example.org", "mx1.example.org", REMOTE);
	who_is(3, "carol@example.org", "mx1.example.org", REMOTE);
	who_is(4, "bob@example.org", "mx1.example.org", REMOTE); /* one accepted */
	who_is(5, "bob@example.org", "mx1.example.org", REMOTE);
	who_is(8, "erin@example.org", "mx1.example.org", REMOTE);
	who_is(9, "", "mx1.example.org", REMOTE);                /* two accepted */
}

static void negatives__never_the_recipient(void **state)
{
	(void)state;
	scan("From: Mail Delivery System <MAILER-DAEMON@mail.example.com>\n"
	     "Message-ID: <20260503102030.4F2A81C0A3B@mail.example.com>\n"
	     "Please write to postmaster@example.org if you need help.\n"
	     "554 5.7.1 Message-ID <20260503.77AB@mail.example.com> rejected as spam\n"
	     "\n"
	     "553 5.1.8 <alice@example.com>: Sender address rejected: Domain not found\n");
	assert_int_equal(nfound, 2);
	who_is(0, "", "", UNKNOWN);
	who_is(1, "", "", UNKNOWN);
	/* an address line more than a few lines before a reply is not its */
	scan("<old@example.org>:\n\n\n\n\n\n\n\n\n550 5.7.1 Blocked\n");
	assert_int_equal(nfound, 1);
	who_is(0, "", "", UNKNOWN);
}

static void readers__addresses_and_rows(void **state)
{
	struct scan_index ix;
	char out[SCAN_ADDRESS];

	(void)state;
	smtpcode__formats_index(&ix);
	assert_int_equal(smtpcode__address_at("<u@example.org>: x", out, sizeof out), 15);
	assert_string_equal(out, "u@example.org");
	assert_int_equal(smtpcode__address_at("u@example.org... User", out, sizeof out), 13);
	assert_string_equal(out, "u@example.org");
	assert_int_equal(smtpcode__address_at("u@[192.0.2.1]>", out, sizeof out), 13);
	assert_int_equal(smtpcode__address_at("<u@example.org", out, sizeof out), 0);
	assert_int_equal(smtpcode__address_at("<>", out, sizeof out), 0);
	assert_int_equal(smtpcode__address_at("root@localhost", out, sizeof out), 0);
	assert_int_equal(smtpcode__address_at("@example.org", out, sizeof out), 0);
	assert_int_equal(smtpcode__address_at("a@b@example.org", out, sizeof out), 0);
	assert_int_equal(smtpcode__address_at("u@example.org", out, 8), 0);
	assert_false(smtpcode__recipient_in(&ix, "orig_to=<u@example.org>", out));
	assert_true(smtpcode__recipient_in(&ix, "x, orig_to=<a@example.org> to=<u@example.org>", out));
	assert_string_equal(out, "u@example.org");
	/* the first row whose value reads: relay=none is no host */
	assert_true(smtpcode__host_in(&ix, "relay=none, (connect to mx.example.org[192.0.2.1]:25: x",
	                              out));
	assert_string_equal(out, "mx.example.org[192.0.2.1]");
	assert_int_equal(smtpcode__direction_in(&ix, "H=(x) [192.0.2.1] rejected RCPT <a@b.c>"),
	                 LOCAL);
	assert_int_equal(smtpcode__direction_in(&ix, "smtp failed-command command=\"RCPT\""),
	                 LOCAL);
	/* a refusal's row wins over a remote one's on the same line */
	assert_int_equal(smtpcode__direction_in(&ix, "NOQUEUE: reject: RCPT from x: 554 said:"),
	                 LOCAL);
	assert_int_equal(smtpcode__direction_in(&ix, "host x said: 550"), REMOTE);
	assert_int_equal(smtpcode__direction_in(&ix, "550 5.1.1 User unknown"), UNKNOWN);
}

/* The hold-back's bounds: SCAN_HELD_LINES lines, SCAN_HELD_MAX replies. */
static void twin__bounded_window(void **state)
{
	static char text[8192];
	size_t n = 0, i;

	(void)state;
	n += (size_t)snprintf(text + n, sizeof text - n, "<bob@example.org>: 550 5.1.1 Unknown\n");
	for (i = 0; i < SCAN_HELD_LINES; i++)
		text[n++] = '\n';
	n += (size_t)snprintf(text + n, sizeof text - n,
	                      "Final-Recipient: rfc822; bob@example.org\nStatus: 5.1.1\n");
	scan(text);
	assert_int_equal(nfound, 2); /* too far apart: two replies */
	assert_int_equal(found[0].dsn_first_line, 0);
	assert_int_equal(found[1].first_line, SCAN_HELD_LINES + 3);
	n = 0;
	for (i = 0; i < SCAN_HELD_MAX + 1; i++)
		n += (size_t)snprintf(text + n, sizeof text - n, "<u%zu@example.org>: 550 5.1.1 x\n", i);
	n += (size_t)snprintf(text + n, sizeof text - n,
	                      "Final-Recipient: rfc822; u0@example.org\nStatus: 5.1.1\n"
	                      "Final-Recipient: rfc822; u1@example.org\nStatus: 5.1.1\n");
	scan(text);
	/* u0 left the full ring before its twin came: the twin is dropped
	 * (known by its recipient); u1 met its twin */
	assert_int_equal(nfound, SCAN_HELD_MAX + 1);
	assert_string_equal(found[0].recipient, "u0@example.org");
	assert_int_equal(found[0].dsn_first_line, 0);
	assert_int_equal(found[1].dsn_first_line, SCAN_HELD_MAX + 5);
	assert_int_equal(found[SCAN_HELD_MAX].first_line, SCAN_HELD_MAX + 1);
}

static void twin__order_kept_and_logs_not_held(void **state)
{
	struct smtpcode_scanner s;
	static const char log[] = "x postfix/smtp[1]: A: to=<a@example.org>, status=bounced "
	                          "(host mx.example.org[192.0.2.1] said: 550 5.1.1 No)";
	static const char *const lines[] = {
		"<bob@example.org>: 550 5.1.1 Unknown user",
		"<<< 421 4.7.0 Try later",
		"Final-Recipient: rfc822; bob@example.org",
		"Status: 5.1.1",
	};
	size_t i;

	(void)state;
	nfound = 0;
	smtpcode_scanner_init(&s);
	for (i = 0; i < 4; i++)
		smtpcode_scanner_line(&s, lines[i], strlen(lines[i]), collect, NULL);
	assert_int_equal(nfound, 0); /* both wait: the first for its twin */
	smtpcode_scanner_end(&s, collect, NULL);
	assert_int_equal(nfound, 2);
	assert_int_equal(found[0].basic, 550);
	assert_int_equal(found[0].dsn_first_line, 4);
	assert_int_equal(found[1].basic, 421);
	/* a log line is given when the next line shows it complete */
	nfound = 0;
	smtpcode_scanner_init(&s);
	smtpcode_scanner_line(&s, log, strlen(log), collect, NULL);
	smtpcode_scanner_line(&s, "next", 4, collect, NULL);
	assert_int_equal(nfound, 1);
	smtpcode_scanner_end(&s, collect, NULL);
}

/* Sendmail's bounce tells a reply under its address ("(reason: ..."), after
 * "<<< " in the transcript and in its own status line after that: one
 * reply, on the "(reason:" line, with the transcript's command and every
 * code. Without "(reason:" the "<<< " line and the status line are one
 * reply over both lines. Not joined: a "<<< " line whose text differs, a
 * status line with another code or not at its line's start, the same text
 * after a lead-in that is not "(reason: " (a log line quoting it). */
static void twin__sendmail_tells_a_reply_three_times(void **state)
{
	(void)state;
	scan("<vera@example.org>\n"
	     "    (reason: 550 5.1.1 <vera@example.org>... User unknown)\n"
	     "   ----- Transcript of session follows -----\n"
	     "... while talking to mx.example.org.:\n"
	     ">>> RCPT To:<vera@example.org>\n"
	     "<<< 550 5.1.1 <vera@example.org>... User unknown\n"
	     "550 5.1.1 <vera@example.org>... User unknown\n"
	     ">>> MAIL From:<frank@example.com>\n"
	     "<<< 554 5.7.1 Rejected: listed at bl.example.net\n"
	     "554 5.0.0 Service unavailable\n"
	     "Final-Recipient: rfc822; vera@example.org\n"
	     "Status: 5.1.1");
	assert_int_equal(nfound, 2);
	assert_int_equal(found[0].first_line, 2);
	assert_int_equal(found[0].last_line, 2);
	assert_string_equal(found[0].command, "RCPT");
	assert_int_equal(found[0].enhanced_count, 1);
	assert_int_equal(found[0].dsn_first_line, 12); /* its Status: field */
	assert_int_equal(found[1].first_line, 9);
	assert_int_equal(found[1].last_line, 10);
	assert_string_equal(found[1].command, "MAIL");
	assert_int_equal(found[1].enhanced_count, 2);
	assert_int_equal(found[1].enhanced[1].detail, 0); /* 5.0.0 after 5.7.1 */
	assert_int_equal(found[0].transcript, 0); /* the bounce's "(reason:" reply */
	assert_int_equal(found[1].transcript, 1); /* a transcript's server line */
	scan("<wes@example.org>\n"
	     "    (reason: 550 5.1.1 <wes@example.org>... User unknown)\n"
	     ">>> RCPT To:<wes@example.org>\n"
	     "<<< 550 5.1.1 <wes@example.org>... No such user here\n"
	     "551 5.1.1 <wes@example.org>... User unknown\n"
	     "<<< 452 4.2.2 Mailbox full\n"
	     "<wes@example.org>... Deferred: 452 4.2.2 Mailbox full\n"
	     "said: 550 5.1.1 <wes@example.org>... User unknown");
	assert_int_equal(nfound, 6);
}

/* A reply that names the sender and then " to " and the recipient is about
 * the recipient (a greylisting reply, greylistd's Exim ACL); an address
 * alone before " to " and a word stays the recipient, and a sender alone
 * is none. */
static void greylist__sender_to_recipient(void **state)
{
	(void)state;
	scan("451 4.7.1 <sam@example.com> to <rae@example.org> greylisted, try again later\n"
	     "451 4.7.1 192.0.2.7 is not yet authorized to deliver mail from "
	     "<sam@example.com> to <ray@example.org>. Please try later.\n"
	     "450 4.2.0 sam@example.com to rio@example.net: Greylisted for 300 seconds\n"
	     "550 5.1.1 <ron@example.org> to the list is closed\n"
	     "553 5.1.8 <sam@example.com> to: Sender address rejected");
	assert_int_equal(nfound, 5);
	who_is(0, "rae@example.org", "", UNKNOWN);
	who_is(1, "ray@example.org", "", UNKNOWN);
	who_is(2, "rio@example.net", "", UNKNOWN);
	who_is(3, "ron@example.org", "", UNKNOWN);
	who_is(4, "", "", UNKNOWN);
}

/* Provider webhooks name the recipient in a member of the event: SendGrid's
 * "email" (two events of a one-line array, a reply each), SES's
 * "emailAddress" before the reply, Mailgun's "recipient" above its
 * delivery-status object; an event without a reply gives nothing. */
static void webhooks__json_members_name_the_recipient(void **state)
{
	(void)state;
	scan("[{\"email\":\"ann@example.org\",\"event\":\"bounce\",\"reason\":\"550 5.1.1 No such "
	     "user\",\"status\":\"5.1.1\"},{\"email\":\"ben@example.net\",\"event\":\"deferred\","
	     "\"response\":\"451 4.7.1 Greylisted\",\"attempt\":\"1\"},{\"email\":\"cy@example.com\","
	     "\"event\":\"open\"}]\n"
	     "{\"bouncedRecipients\":[{\"emailAddress\": \"dee@example.org\",\"diagnosticCode\":"
	     "\"smtp; 552 5.2.2 Mailbox full\"}]}\n"
	     "  \"recipient\": \"opal@example.org\",\n"
	     "  \"delivery-status\": {\n"
	     "    \"code\": 550,\n"
	     "    \"message\": \"5.1.1 No such user\"\n"
	     "  }");
	assert_int_equal(nfound, 4);
	assert_int_equal(found[0].basic, 550);
	who_is(0, "ann@example.org", "", UNKNOWN);
	assert_int_equal(found[1].basic, 451);
	assert_int_equal(found[1].first_line, 1);
	assert_string_equal(found[1].text, "Greylisted");
	who_is(1, "ben@example.net", "", UNKNOWN);
	who_is(2, "dee@example.org", "", UNKNOWN);
	who_is(3, "opal@example.org", "", UNKNOWN);
	/* a log line that quotes one reply twice, the first not in a JSON
	 * value (its quote is followed by '.'): one reply */
	scan("ERROR: got code \"450\", with message \"450 4.7.1 Try again later\". "
	     "{\"exception\":\"with message \\\"450 4.7.1 Try again later\\\".\"}");
	assert_int_equal(nfound, 1);
	assert_string_equal(found[0].text, "Try again later");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(postfix_log__to_relay_said),
		cmocka_unit_test(postfix_smtpd__refusals_are_local),
		cmocka_unit_test(postfix_bounce__one_reply_per_recipient),
		cmocka_unit_test(dsn_alone__fields_and_order),
		cmocka_unit_test(exim_log__flags_and_hosts),
		cmocka_unit_test(postfix_bounce__wrapped_after_said),
		cmocka_unit_test(quoted_bounce__host_and_address),
		cmocka_unit_test(exim_bounce_body__lines_before_the_reply),
		cmocka_unit_test(sendmail__log_and_rulesets),
		cmocka_unit_test(sendmail_bounce__reason_and_user_unknown),
		cmocka_unit_test(sendmail_bounce__status_after_each_reply),
		cmocka_unit_test(qmail_bounce__paragraphs),
		cmocka_unit_test(exchange__ndr_layouts),
		cmocka_unit_test(transcript__rcpt_data_and_host),
		cmocka_unit_test(negatives__never_the_recipient),
		cmocka_unit_test(readers__addresses_and_rows),
		cmocka_unit_test(twin__bounded_window),
		cmocka_unit_test(twin__order_kept_and_logs_not_held),
		cmocka_unit_test(greylist__sender_to_recipient),
		cmocka_unit_test(twin__sendmail_tells_a_reply_three_times),
		cmocka_unit_test(webhooks__json_members_name_the_recipient),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
