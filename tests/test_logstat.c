/* test_logstat.c - scan's totals by MTA rules: one line at a time, the
 * bounded set of deferred queue ids, and compressed input. */
#include "testutil.h"
#include "compressed.h"
#include "idset.h"
#include "logstat.h"

static struct logstat ls;

static void feed(const char *line)
{
	logstat_line(&ls, line, strlen(line));
}

static struct ls_event read1(const char *line)
{
	struct ls_event e;

	assert_true(ls_read_line(line, strlen(line), &e));
	return e;
}

/* What one line counts (e.count of ls_read_line), or -1. */
static int count_of(const char *line)
{
	return read1(line).count;
}

static void postfix__pflogsumm_definitions(void **state)
{
	(void)state;
	logstat_init(&ls);
	feed("Nov 29 10:00:02 mx postfix/smtpd[1]: 4Y1A: client=a.example.com[192.0.2.1]");
	feed("Nov 29 10:00:02 mx postfix/pickup[1]: 4Y1B: uid=0 from=<root>");
	feed("Nov 29 10:00:03 mx postfix/smtpd[1]: NOQUEUE: client=odd[192.0.2.1]");
	feed("Nov 29 10:00:04 mx postfix/qmgr[1]: 4Y1A: from=<a@example.com>, size=1, nrcpt=1 (queue active)");
	feed("Nov 29 10:00:05 mx postfix/smtp[1]: 4Y1A: to=<b@example.net>, relay=mx[192.0.2.2]:25, delay=1, dsn=4.0.0, status=deferred (host mx[192.0.2.2] said: 451 4.3.0 later)");
	feed("Nov 29 10:00:06 mx postfix/smtp[1]: 4Y1A: to=<c@example.net>, relay=mx[192.0.2.2]:25, delay=1, dsn=4.0.0, status=deferred (connect to mx: timed out)");
	feed("Nov 29 10:00:07 mx postfix/smtp[1]: 4Y1A: to=<b@example.net>, relay=mx[192.0.2.2]:25, delay=1, dsn=2.0.0, status=sent (250 ok)");
	feed("Nov 29 10:00:08 mx postfix/qmgr[1]: 4Y1C: from=<d@example.org>, status=expired, returned to sender");
	assert_int_equal(ls.count[LS_RECEIVED], 2);
	assert_int_equal(ls.count[LS_DEFERRED], 1);
	assert_int_equal(ls.count[LS_DEFERRALS], 2);
	assert_int_equal(ls.count[LS_DELIVERED], 1);
	assert_int_equal(ls.count[LS_EXPIRED], 1);
	assert_int_equal(ls.count[LS_BOUNCED], 0);
	assert_int_equal(ls.dir[LS_DIR_REMOTE][0], 1);
	assert_int_equal(ls.dir[LS_DIR_REMOTE][1], 1);
	assert_int_equal(ls.mta_lines[LS_MTA_POSTFIX], 8);
}

/* verify(8)'s address probes and soft_bounce's would-be bounces are what
 * they are: neither delivered, bounced nor deferred (pflogsumm counts them
 * in nothing), nor in the hours, domains, relays or detail tables. */
static void postfix__probes_and_soft_bounces(void **state)
{
	(void)state;
	logstat_init(&ls);
	feed("Nov 29 10:00:01 mx postfix/smtp[1]: 4Y2A: to=<a@example.com>, relay=mx.example.com[192.0.2.1]:25, delay=1, delays=0/0/0.5/0.5, dsn=2.1.5, status=deliverable (250 2.1.5 Ok)");
	feed("Nov 29 10:00:02 mx postfix/smtp[1]: 4Y2B: to=<b@example.com>, relay=mx.example.com[192.0.2.1]:25, delay=1, delays=0/0/0.5/0.5, dsn=5.1.1, status=undeliverable (host mx.example.com[192.0.2.1] said: 550 5.1.1 <b@example.com>: User unknown (in reply to RCPT TO command))");
	feed("Nov 29 10:00:03 mx postfix/smtp[1]: 4Y2C: to=<c@example.com>, relay=mx.example.com[192.0.2.1]:25, delay=1, delays=0/0/0.5/0.5, dsn=4.1.1, status=SOFTBOUNCE (host mx.example.com[192.0.2.1] said: 550 5.1.1 <c@example.com>: User unknown (in reply to RCPT TO command))");
	feed("Nov 29 10:00:04 mx postfix/local[1]: 4Y2D: to=<d@example.com>, relay=local, delay=1, delays=0/0/0/1, dsn=4.1.1, status=SOFTBOUNCE (unknown user: \"d\")");
	feed("Nov 29 10:00:05 mx postfix/smtp[1]: 4Y2E: to=<e@example.com>, relay=mx.example.com[192.0.2.1]:25, delay=1, dsn=2.1.5, status=deliverables (250 2.1.5 Ok)");
	assert_int_equal(ls.count[LS_PROBES], 2);
	assert_int_equal(ls.count[LS_SOFT_BOUNCED], 2);
	assert_int_equal(ls.count[LS_DELIVERED] + ls.count[LS_BOUNCED] + ls.count[LS_DEFERRALS], 0);
	assert_int_equal(ls.count[LS_DEFERRED], 0);
	/* a soft bounce that quotes the remote server is its refusal */
	assert_int_equal(ls.dir[LS_DIR_REMOTE][0], 1);
	assert_int_equal(ls.dir[LS_DIR_REMOTE][2], 1);
	assert_int_equal(ls.hours[LS_H_BOUNCED][10] + ls.hours[LS_H_DELIVERED][10], 0);
	assert_int_equal(ls.domains.total[0] + ls.domains.total[1] + ls.domains.total[2], 0);
	assert_int_equal(ls.mta_lines[LS_MTA_POSTFIX], 5);
	assert_string_equal(logstat_key(LS_PROBES), "probes");
	assert_string_equal(logstat_key(LS_SOFT_BOUNCED), "soft_bounced");
}

static void postfix__rejects_are_ours(void **state)
{
	struct ls_event e;

	(void)state;
	e = read1("2026-11-29T10:00:00+01:00 mx postfix/smtpd[9]: NOQUEUE: reject: RCPT from x[192.0.2.9]: 554 5.7.1 Relay access denied; from=<a@example.net>");
	assert_int_equal(e.count, LS_REJECTED);
	assert_int_equal(e.dir, LS_DIR_OURS);
	assert_int_equal(e.cls, 5);
	e = read1("Nov 29 10:00:00 mx postfix/cleanup[9]: 4Y1A: discard: body spam from x[192.0.2.9]; from=<a@example.net>");
	assert_int_equal(e.count, LS_DISCARDED);
	e = read1("Nov 29 10:00:00 mx postfix/smtpd[9]: NOQUEUE: reject_warning: RCPT from x[192.0.2.9]: 450 4.7.1 no");
	assert_int_equal(e.count, LS_REJECT_WARNINGS);
	assert_int_equal(e.dir, LS_DIR_NONE);
	/* A remote server's refusing greeting is a refusal by remote, as
	 * its "said:" reply is. */
	e = read1("Nov 29 12:05:00 mx postfix/smtp[1]: 4Y1E: to=<c@example.com>, relay=mx.example.com[192.0.2.10]:25, delay=1, dsn=4.0.0, status=deferred (host mx.example.com[192.0.2.10] refused to talk to me: 421 4.7.0 Try again later)");
	assert_int_equal(e.count, LS_DEFERRALS);
	assert_int_equal(e.dir, LS_DIR_REMOTE);
	e = read1("Nov 29 12:05:00 mx postfix/smtp[1]: 4Y1E: to=<c@example.com>, relay=none, delay=1, dsn=4.4.1, status=deferred (connect to mx.example.com[192.0.2.10]:25: Connection refused)");
	assert_int_equal(e.dir, LS_DIR_NONE);
	/* postscreen's rejects count as smtpd's (pflogsumm does the same);
	 * its other lines count nothing */
	e = read1("Nov 29 10:02:04 mx postfix/postscreen[5004]: NOQUEUE: reject: RCPT from [203.0.113.9]:40001: 450 4.3.2 Service currently unavailable; from=<a@example.net>, to=<b@example.org>, proto=ESMTP, helo=<x>");
	assert_int_equal(e.count, LS_REJECTED);
	assert_int_equal(e.dir, LS_DIR_OURS);
	assert_int_equal(e.cls, 4);
	e = read1("Nov 29 10:02:05 mx postfix/postscreen[5004]: PASS NEW [192.0.2.10]:51234");
	assert_int_equal(e.count, -1);
	e = read1("Nov 29 10:02:05 mx postfix/postscreen[5004]: DNSBL rank 3 for [192.0.2.11]:51235");
	assert_int_equal(e.count, -1);
}

static void exim__flags(void **state)
{
	struct ls_event e;

	(void)state;
	e = read1("2026-11-29 10:00:01 1tXyZa-000AbC-Ab <= <> R=1tXyZa-000AbC-Aa U=exim P=local S=1");
	assert_int_equal(e.count, LS_RECEIVED);
	e = read1("2026-11-29 10:00:01 1tXyZa-000AbC-Ab -> c <c@example.org> R=local T=spool");
	assert_int_equal(e.count, LS_DELIVERED);
	e = read1("2026-11-29 10:00:01 1tXyZa-000AbC-Ab ** x@example.net: retry timeout exceeded");
	assert_int_equal(e.count, LS_EXPIRED);
	e = read1("2026-11-29 10:00:01 1tXyZa-000AbC-Ab == x@example.net R=d T=remote_smtp defer (-44) H=mx [192.0.2.3]: SMTP error from remote mail server after RCPT TO:<x@example.net>: 452 4.2.2 full");
	assert_int_equal(e.count, LS_DEFERRALS);
	assert_int_equal(e.dir, LS_DIR_REMOTE);
	assert_int_equal(e.cls, 4);
	assert_int_equal(e.idlen, 16);
	e = read1("2026-11-29 10:00:01 H=[192.0.2.4] rejected connection in \"connect\" ACL");
	assert_int_equal(e.count, LS_REJECTED);
	assert_int_equal(e.dir, LS_DIR_OURS);
	assert_int_equal(e.cls, 5); /* no code logged: deny */
	/* a temporary refusal counts apart, as eximstats' Temp Rejects */
	e = read1("2026-11-29 10:00:01 H=(x.example.net) [192.0.2.4] F=<a@example.net> temporarily rejected RCPT <b@example.org>: greylisted");
	assert_int_equal(e.count, LS_TEMP_REJECTED);
	assert_int_equal(e.dir, LS_DIR_OURS);
	assert_string_equal(e.command, "RCPT");
	assert_int_equal(e.cls, 4); /* defer */
	assert_int_equal(count_of("2026-11-29 10:00:01 H=mail.example.net [192.0.2.4]:45386 temporarily rejected connection in \"connect\" ACL: too fast reconnects"), LS_TEMP_REJECTED);
	e = read1("2026-11-29 10:00:01 H=[192.0.2.4] temporarily refused connection");
	assert_int_equal(e.count, LS_TEMP_REJECTED);
	assert_int_equal(e.cls, 4);
	/* eximstats' other Rejects: any line not a delivery that says
	 * "rejected", "refused" or "dropped" */
	e = read1("2026-11-29 10:00:01 SMTP call from (x) [192.0.2.4] dropped: too many syntax or protocol errors (last command was \"RCPT TO:<>\")");
	assert_int_equal(e.count, LS_REJECTED);
	assert_int_equal(e.dir, LS_DIR_OURS);
	assert_null(e.command);
	assert_int_equal(count_of("2026-11-29 10:00:01 refused connection from [192.0.2.4] (host_reject_connection)"), LS_REJECTED);
	e = read1("2026-11-29 10:00:01 1tXyZa-000AbC-Ab H=mx.example.net [192.0.2.1] Connection refused");
	assert_int_equal(e.count, LS_REJECTED);
	assert_int_equal(e.dir, LS_DIR_REMOTE);
	assert_int_equal(count_of("2026-11-29 10:00:01 1tXyZa-000AbC-Ab local_scan() function timed out - message temporarily rejected"), LS_REJECTED);
	assert_int_equal(count_of("2026-11-29 10:00:01 1tXyZa-000AbC-Ab H=[192.0.2.4] F=<a@example.net> temporarily rejected after DATA: SpamAssassin says no"), LS_REJECTED);
	/* a delivery line is never a refusal, whatever its text says */
	assert_int_equal(count_of("2026-11-29 10:00:01 1tXyZa-000AbC-Ab *> b@example.org R=d T=remote_smtp H=mx [192.0.2.3] C=\"250 not rejected\""), -1);
	assert_int_equal(count_of("2026-11-29 10:00:01 1tXyZa-000AbC-Ab <= a@example.net H=mx [192.0.2.3] P=esmtp S=1 T=\"refused\""), LS_RECEIVED);
	/* a delivery to :blackhole: is delivered (eximstats also counts it in its Rejects) */
	assert_int_equal(count_of("2026-11-29 10:00:01 1tXyZa-000AbC-Ab => :blackhole: <b@example.org> R=blackhole_router"), LS_DELIVERED);
	assert_int_equal(count_of("2026-11-29 10:00:01 Start queue run: pid=1234"), -1);
	assert_int_equal(count_of("2026-11-29 10:00:01 1tXyZa-000AbC-Ab Completed"), -1);
}

static void sendmail__recipients_and_rejects(void **state)
{
	struct ls_event e;

	(void)state;
	e = read1("Nov 29 10:00:02 m sm-mta[1]: 4ATA01: to=<b@example.org>,<c@example.org>, delay=00:00:01, mailer=local, pri=1, dsn=2.0.0, stat=Sent");
	assert_int_equal(e.count, LS_DELIVERED);
	assert_int_equal(e.n, 2);
	e = read1("Nov 29 10:00:02 m sm-mta[1]: 4ATA01: ruleset=check_rcpt, arg1=<d@example.com>, relay=x [192.0.2.5], reject=550 5.7.1 <d@example.com>... Relaying denied");
	assert_int_equal(e.count, LS_REJECTED);
	assert_int_equal(e.dir, LS_DIR_OURS);
	assert_int_equal(e.cls, 5);
	e = read1("Nov 29 10:00:02 m sm-mta[1]: 4ATA01: to=<d@example.com>, delay=5+00:00:00, mailer=esmtp, pri=1, relay=mx., dsn=4.4.7, stat=Cannot send message for 5 days");
	assert_int_equal(e.count, LS_EXPIRED);
}

static void opensmtpd__results(void **state)
{
	struct ls_event e;

	(void)state;
	e = read1("Nov 29 10:00:02 m smtpd[1]: 0a1b2c3d4e5f6a7b mta delivery evpid=2a3b4c5d00000003 from=<a@example.org> to=<g@example.com> rcpt=<-> source=\"203.0.113.5\" relay=\"192.0.2.26 (mx2.example.com)\" delay=4s result=\"TempFail\" stat=\"451 4.7.1 Greylisted\"");
	assert_int_equal(e.count, LS_DEFERRALS);
	assert_int_equal(e.idlen, 8);
	assert_memory_equal(e.id, "2a3b4c5d", 8);
	assert_int_equal(e.cls, 4);
	e = read1("Nov 29 10:00:02 m smtpd[1]: 0a1b2c3d4e5f6a7b smtp failed-command command=\"RCPT TO:<d@example.com>\" result=\"550 Invalid recipient\"");
	assert_int_equal(e.count, LS_REJECTED);
	assert_int_equal(e.dir, LS_DIR_OURS);
	/* Postfix's smtpd is not OpenSMTPD's: no session id. */
	assert_false(ls_read_line("Nov 29 10:00:02 m smtpd[1]: warning: x", 38, &e));
}

static void lines__not_from_an_mta(void **state)
{
	struct ls_event e;
	static const char *const others[] = {
		"", "Nov", "Nov 29 10:00:02 host", "Nov 29 10:00:02 host kernel: x",
		"2026-11-29 10:00:0", "just text with postfix/smtpd[1]: in it",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof others / sizeof others[0]; i++)
		assert_false(ls_read_line(others[i], strlen(others[i]), &e));
}

/* Every stamp that a syslog daemon, journalctl or Postfix's own log file
 * writes, before each MTA's tag: the tag decides the MTA. */
static void stamps__the_tag_decides(void **state)
{
	static const char *const stamps[] = {
		"Nov 22 10:00:00", "Nov 02 10:00:00", "Nov  2 10:00:00", "Nov 22 10:00:00.123456",
		"Nov 22 2026 10:00:00", "2026-11-22T10:00:00.123456+00:00", "2026-11-22T10:00:00Z",
		"2026-11-22T10:00:00+0100", "2026-11-22 10:00:00", "2026-11-22 10:00:00.123",
		"2026-11-22 10:00:00 +0100", "Sun 2026-11-22 10:00:00 CET",
	};
	static const struct { const char *tagged; enum ls_mta mta; int count; } lines[] = {
		{ "mx postfix/smtp[123]: 4AB12C0D1E: to=<a@example.com>, relay=mx.example.com"
		  "[192.0.2.1]:25, delay=1.2, delays=0.1/0/0.5/0.6, dsn=5.1.1, status=bounced "
		  "(host mx.example.com[192.0.2.1] said: 550 5.1.1 User unknown (in reply to RCPT TO "
		  "command))", LS_MTA_POSTFIX, LS_BOUNCED },
		{ "mx sm-mta[77]: 5ATA0001: to=<b@example.org>, delay=00:00:01, mailer=esmtp, "
		  "pri=120, relay=mx.example.org. [192.0.2.2], dsn=2.0.0, stat=Sent (Ok)",
		  LS_MTA_SENDMAIL, LS_DELIVERED },
		{ "mx exim[88]: 1tXyZa-000AbC-Ab => c@example.net R=dnslookup T=remote_smtp "
		  "H=mx.example.net [192.0.2.3]", LS_MTA_EXIM, LS_DELIVERED },
		{ "mx smtpd[99]: 0123456789abcdef mta delivery evpid=0123456789abcdef "
		  "from=<a@example.com> to=<d@example.org> rcpt=<-> source=\"192.0.2.4\" "
		  "relay=\"mx.example.org [192.0.2.5]\" delay=1s result=\"Ok\" stat=\"250 Ok\"",
		  LS_MTA_OPENSMTPD, LS_DELIVERED },
	};
	size_t i, k;

	(void)state;
	for (i = 0; i < sizeof stamps / sizeof stamps[0]; i++)
		for (k = 0; k < sizeof lines / sizeof lines[0]; k++) {
			char line[512];
			struct ls_event e;
			snprintf(line, sizeof line, "%s %s", stamps[i], lines[k].tagged);
			if (!ls_read_line(line, strlen(line), &e))
				fail_msg("not read: %s", line);
			if (e.mta != lines[k].mta || e.count != lines[k].count)
				fail_msg("mta %d, count %d: %s", (int)e.mta, e.count, line);
			if (!e.time.text[0])
				fail_msg("no time: %s", line);
		}
	/* Exim's own stamp, with no host or tag after it, stays Exim's */
	assert_int_equal(read1("2026-11-22 10:00:00 1tXyZa-000AbC-Ab => c@example.net R=x "
	                       "T=remote_smtp H=mx.example.net [192.0.2.3]").mta, LS_MTA_EXIM);
	assert_int_equal(read1("2026-11-22 10:00:00.123 +0100 [4242] 1tXyZa-000AbC-Ab ** "
	                       "c@example.net: Unrouteable address").mta, LS_MTA_EXIM);
	/* an RFC 3339 stamp is never Exim's */
	assert_int_equal(read1("2026-11-22T10:00:00 mx exim[1]: 1tXyZa-000AbC-Ab Completed").mta,
	                 LS_MTA_EXIM);
	assert_false(ls_read_line("2026-11-22T10:00:00 1tXyZa-000AbC-Ab Completed", 44, &(struct
	             ls_event){ 0 }));
}

/* A log without years across New Year's Eve: its range is from December
 * to January, and a late line of December 31st does not move it. */
static void time__new_year_from_the_order(void **state)
{
	char first[LOGTIME_TEXT], last[LOGTIME_TEXT];

	(void)state;
	logstat_init(&ls);
	feed("Dec 30 10:00:00 mx postfix/pickup[1]: 4AB1: uid=0 from=<root>");
	feed("Dec 31 23:59:59 mx postfix/pickup[1]: 4AB2: uid=0 from=<root>");
	feed("Jan  1 00:00:01 mx postfix/pickup[1]: 4AB3: uid=0 from=<root>");
	feed("Dec 31 23:59:58 mx postfix/pickup[1]: 4AB4: uid=0 from=<root>");
	feed("Jan  2 08:00:00 mx postfix/pickup[1]: 4AB5: uid=0 from=<root>");
	logstat_time_range(&ls, first, last);
	assert_string_equal(first, "--12-30T10:00:00");
	assert_string_equal(last, "--01-02T08:00:00");
	/* the next New Year, the months between read: the range goes on */
	feed("Jun 30 08:00:00 mx postfix/pickup[1]: 4AB6: uid=0 from=<root>");
	feed("Dec 31 08:00:00 mx postfix/pickup[1]: 4AB6: uid=0 from=<root>");
	feed("Jan  1 08:00:00 mx postfix/pickup[1]: 4AB7: uid=0 from=<root>");
	logstat_time_range(&ls, first, last);
	assert_string_equal(first, "--12-30T10:00:00");
	assert_string_equal(last, "--01-01T08:00:00");
	/* files read newest first: January, then the December before */
	logstat_init(&ls);
	feed("Jan  1 00:00:01 mx postfix/pickup[1]: 4AB3: uid=0 from=<root>");
	feed("Dec 31 23:59:59 mx postfix/pickup[1]: 4AB2: uid=0 from=<root>");
	logstat_time_range(&ls, first, last);
	assert_string_equal(first, "--12-31T23:59:59");
	assert_string_equal(last, "--01-01T00:00:01");
	/* a year from the other end: the first line's, or the next */
	logstat_init(&ls);
	feed("2026-12-31 23:00:00 mx postfix/pickup[1]: 4AB2: uid=0 from=<root>");
	feed("Jan  1 00:00:01 mx postfix/pickup[1]: 4AB3: uid=0 from=<root>");
	logstat_time_range(&ls, first, last);
	assert_string_equal(first, "2026-12-31T23:00:00");
	assert_string_equal(last, "2027-01-01T00:00:01");
	/* the syslog lines before the first stamp with a year */
	logstat_init(&ls);
	feed("Nov 22 10:00:00 mx postfix/pickup[1]: 4AB2: uid=0 from=<root>");
	feed("2026-11-22 10:00:05 1tXyZa-000AbC-Ab <= a@example.com H=mx.example.com "
	     "[192.0.2.1] P=esmtp S=100");
	logstat_time_range(&ls, first, last);
	assert_string_equal(first, "2026-11-22T10:00:00");
	assert_string_equal(last, "2026-11-22T10:00:05");
	assert_int_equal(ls.mta_lines[LS_MTA_POSTFIX], 1);
	assert_int_equal(ls.mta_lines[LS_MTA_EXIM], 1);
	logstat_init(&ls);
	assert_int_equal(ls.first[0], 0);
	logstat_time_range(&ls, first, last);
	assert_string_equal(first, "");
	assert_string_equal(last, "");
}

/* pflogsumm's Per-Day Traffic Summary: a row per day in time order, the
 * same hourly counts; past LS_DAYS days, one row "other". */
static void days__in_order_bounded(void **state)
{
	static struct ls_day rows[LS_DAYS];
	char line[128];
	size_t n, i;

	(void)state;
	logstat_init(&ls);
	feed("Dec 31 23:59:00 mx postfix/pickup[1]: 4AB1: uid=0 from=<root>");
	feed("Jan  1 00:00:01 mx postfix/pickup[1]: 4AB2: uid=0 from=<root>");
	feed("Dec 31 23:59:59 mx postfix/smtpd[1]: NOQUEUE: reject: RCPT from x[192.0.2.1]: 554 5.7.1 no; from=<a@example.com> to=<b@example.org> proto=ESMTP helo=<x>");
	feed("Jan  1 00:00:02 mx postfix/qmgr[1]: 4AB2: removed");
	n = logstat_days(&ls, rows);
	assert_int_equal(n, 2);
	assert_string_equal(rows[0].text, "--12-31");
	assert_int_equal(rows[0].n[LS_H_RECEIVED], 1);
	assert_int_equal(rows[0].n[LS_H_REJECTED], 1);
	assert_string_equal(rows[1].text, "--01-01");
	assert_int_equal(rows[1].n[LS_H_RECEIVED], 1);
	/* a year from Exim's stamps: the same day with and without it is one row */
	feed("2027-01-01 00:00:03 1tXyZa-000AbC-Ab <= a@example.com H=mx [192.0.2.1] P=esmtp S=1");
	n = logstat_days(&ls, rows);
	assert_int_equal(n, 2);
	assert_string_equal(rows[0].text, "2026-12-31");
	assert_string_equal(rows[1].text, "2027-01-01");
	assert_int_equal(rows[1].n[LS_H_RECEIVED], 2);
	/* 400 days kept, the rest in "other" */
	logstat_init(&ls);
	for (i = 0; i < LS_DAYS + 3; i++) {
		snprintf(line, sizeof line, "%04u-%02u-%02u 10:00:00 mx postfix/pickup[1]: 4AB1: uid=0 from=<r>",
		         (unsigned)(2000 + i / 336), (unsigned)(i / 28 % 12 + 1), (unsigned)(i % 28 + 1));
		feed(line);
	}
	n = logstat_days(&ls, rows);
	assert_int_equal(n, LS_DAYS);
	assert_int_equal(ls.days_other[LS_H_RECEIVED], 3);
	assert_string_equal(rows[0].text, "2000-01-01");
	/* the day texts that --merge reads back */
	assert_true(logstat_day_key("2026-11-29") == (((uint64_t)2026 | 1 << 14) << 16 | 11 << 8 | 29));
	assert_true(logstat_day_key("--11-29") == ((uint64_t)8192 << 16 | 11 << 8 | 29));
	assert_true(logstat_day_key("--13-29") == 0);
	assert_true(logstat_day_key("2026-11-29T") == 0);
	assert_true(logstat_day_key("other") == 0);
	assert_true(logstat_day_key("") == 0);
}

static void percent__as_pflogsumm(void **state)
{
	(void)state;
	logstat_init(&ls);
	assert_int_equal(logstat_percent(&ls, LS_REJECTED), 0);
	ls.count[LS_DELIVERED] = 71;
	ls.count[LS_REJECTED] = 29;
	ls.count[LS_DISCARDED] = 0;
	assert_int_equal(logstat_percent(&ls, LS_REJECTED), 29);
	ls.count[LS_DISCARDED] = 3;
	assert_int_equal(logstat_percent(&ls, LS_REJECTED), 28);
	assert_int_equal(logstat_percent(&ls, LS_DISCARDED), 2);
}

static struct idset ids;

static int add_number(unsigned long i)
{
	char id[24];

	snprintf(id, sizeof id, "Q%lu", i);
	return idset_add(&ids, id, strlen(id));
}

static void idset__exact_within_a_generation_then_forgets_old(void **state)
{
	unsigned long i, fresh = 0;

	(void)state;
	idset_init(&ids);
	for (i = 0; i < IDSET_GEN; i++)
		fresh += (unsigned long)add_number(i);
	assert_int_equal(fresh, IDSET_GEN);
	for (i = 0; i < IDSET_GEN; i++)
		assert_int_equal(add_number(i), 0);
	/* Another IDSET_GEN new ids: the first generation is still known... */
	for (i = IDSET_GEN; i < 2 * IDSET_GEN; i++)
		assert_int_equal(add_number(i), 1);
	assert_int_equal(add_number(0), 0);
	/* ...until a third generation starts: then the first is forgotten. */
	assert_int_equal(add_number(2 * IDSET_GEN), 1);
	assert_int_equal(add_number(0), 1);
	assert_int_equal(add_number(2 * IDSET_GEN - 1), 0);
}

static void compressed__magic_numbers(void **state)
{
	(void)state;
	assert_string_equal(compressed_magic((const unsigned char *)"\x1f\x8b\x08", 3)->tool, "zcat");
	assert_string_equal(compressed_magic((const unsigned char *)"BZh9", 4)->tool, "bzcat");
	assert_string_equal(compressed_magic((const unsigned char *)"\xfd" "7zXZ\0", 6)->tool, "xzcat");
	assert_string_equal(compressed_magic((const unsigned char *)"\x28\xb5\x2f\xfd", 4)->name, "zstd");
	assert_null(compressed_magic((const unsigned char *)"\xfd" "7zXZ", 5));
	assert_null(compressed_magic((const unsigned char *)"\x1f", 1));
	assert_null(compressed_magic((const unsigned char *)"Nov 29", 6));
}

/* What ls_failure_read finds in a line: the codes (enhanced "" for none),
 * the command (NULL for none) and the sample. */
static const struct {
	const char *line;
	int basic;
	const char *enhanced, *command, *sample;
} failures[] = {
	{ "Nov 29 10:05:12 mx postfix/smtpd[1]: NOQUEUE: reject: RCPT from x[198.51.100.2]: 554 5.7.1 <d@example.com>: Relay access denied; from=<s@example.net> to=<d@example.com> proto=ESMTP helo=<x>",
	  554, "5.7.1", "RCPT", "Relay access denied" },
	{ "Nov 29 11:10:03 mx postfix/smtp[1]: 4Y1A: to=<f@example.com>, relay=mx1.example.com[192.0.2.25]:25, delay=3, dsn=5.1.1, status=bounced (host mx1.example.com[192.0.2.25] said: 550-5.1.1 <f@example.com>: User unknown (in reply to RCPT TO command))",
	  550, "5.1.1", "RCPT", "User unknown" },
	/* No code in the text: the enhanced code of dsn=, the text as written. */
	{ "Nov 29 11:45:00 mx postfix/smtp[1]: 4Y1B: to=<h@example.net>, relay=none, delay=30, delays=0.1/0/30/0, dsn=4.4.1, status=deferred (connect to mx.example.net[198.51.100.7]:25: Connection timed out)",
	  0, "4.4.1", NULL, "connect to mx.example.net[198.51.100.7]:25: Connection timed out" },
	{ "Nov 29 12:00:00 mx postfix/smtp[1]: 4Y1C: to=<i@example.com>, relay=mx[192.0.2.1]:25, delay=1, dsn=5.0.0, status=bounced (host mx[192.0.2.1] said: 554 Rejected (in reply to end of DATA command))",
	  554, "5.0.0", "DATA", "Rejected" },
	/* A refusing greeting: Postfix's "refused to talk to me: " (the text
	 * after it; the command CONNECT, as explain has it). */
	{ "Nov 29 12:05:00 mx postfix/smtp[1]: 4Y1E: to=<c@example.com>, relay=mx.example.com[192.0.2.10]:25, delay=1, delays=0/0/1/0, dsn=5.0.0, status=bounced (host mx.example.com[192.0.2.10] refused to talk to me: 554 5.7.1 Client host rejected: Access denied)",
	  554, "5.7.1", "CONNECT", "Client host rejected: Access denied" },
	/* header_checks: the text after "helo=<...>: " (a number in the header is no code). */
	{ "Nov 29 12:10:01 mx postfix/cleanup[1]: 4Y1D: reject: header Subject: Win 500 now from r.example.net[203.0.113.7]; from=<p@example.net> to=<b@example.org> proto=ESMTP helo=<r.example.net>: 5.7.1 Message content rejected",
	  0, "5.7.1", "DATA", "Message content rejected" },
	{ "Nov 30 09:00:02 mx postfix/cleanup[1]: 4ZA1: milter-reject: END-OF-MESSAGE from m.example.com[192.0.2.10]: 5.7.1 Spam message rejected; from=<a@example.com> to=<b@example.org> proto=ESMTP helo=<m.example.com>",
	  0, "5.7.1", "DATA", "Spam message rejected" },
	{ "2026-11-29 10:05:01 H=(x.example.net) [198.51.100.23] F=<s@example.net> rejected RCPT <d@example.com>: relay not permitted",
	  0, "", "RCPT", "relay not permitted" },
	{ "2026-11-29 11:00:03 1tXz00-000DeF-Gh ** f@example.com R=dnslookup T=remote_smtp H=mx1.example.com [192.0.2.25]: SMTP error from remote mail server after RCPT TO:<f@example.com>: 550 5.1.1 <f@example.com>: unknown user",
	  550, "5.1.1", "RCPT", "unknown user" },
	{ "2026-11-29 11:45:00 1tXz02-000NoP-Qr == h@example.net R=dnslookup T=remote_smtp defer (110): Connection timed out",
	  0, "", NULL, "Connection timed out" },
	{ "2026-11-29 11:46:00 1tXz02-000NoP-Qr == h@example.net R=dnslookup T=remote_smtp defer (-46) H=mx.example.net [198.51.100.7]: SMTP error from remote mail server after end of data: 452 4.3.1 Insufficient system storage",
	  452, "4.3.1", "DATA", "Insufficient system storage" },
	{ "Nov 29 11:00:04 mail sm-mta[1]: 4ATB: to=<g@example.com>, delay=00:00:02, mailer=esmtp, pri=1, relay=mx2.example.com. [192.0.2.26], dsn=4.7.1, stat=Deferred: 451 4.7.1 Greylisted, try later",
	  451, "4.7.1", NULL, "Greylisted, try later" },
	{ "Nov 29 11:00:04 mail sm-mta[1]: 4ATB: to=<f@example.com>, delay=00:00:02, mailer=esmtp, pri=1, relay=mx1.example.com. [192.0.2.25], dsn=5.1.1, stat=User unknown",
	  0, "5.1.1", NULL, "User unknown" },
	{ "Nov 29 10:05:00 mail sm-mta[1]: 4ATA: ruleset=check_mail, arg1=<s@example.net>, relay=x [198.51.100.23], reject=451 4.1.8 Domain of sender address s@example.net does not resolve",
	  451, "4.1.8", "MAIL", "Domain of sender address s@example.net does not resolve" },
	{ "Nov 29 10:05:00 mx2 smtpd[1]: 1c2d3e4f5a6b7c8d smtp failed-command command=\"RCPT TO:<d@example.com>\" result=\"550 Invalid recipient: <d@example.com>\"",
	  550, "", "RCPT", "Invalid recipient: <d@example.com>" },
};

static void detail__failure_texts(void **state)
{
	struct ls_event e;
	struct ls_failure f;
	char code[16];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof failures / sizeof failures[0]; i++) {
		e = read1(failures[i].line);
		ls_failure_read(&e, &f);
		assert_int_equal(f.basic, failures[i].basic);
		assert_string_equal(f.has_enhanced ? smtpcode_enhanced_text(&f.enhanced, code, sizeof code) : "",
		                    failures[i].enhanced);
		assert_string_equal(f.command ? f.command : "(null)",
		                    failures[i].command ? failures[i].command : "(null)");
		assert_int_equal(f.samplelen, strlen(failures[i].sample));
		assert_memory_equal(f.sample, failures[i].sample, f.samplelen);
	}
}

static void detail__sections_and_directions(void **state)
{
	struct ls_reason_ref refs[3 * LS_REASONS];
	const struct ls_code_row *rows[8];
	char code[32];
	size_t reason;

	(void)state;
	assert_true(smtpcode_reason_count() <= LS_REASONS);
	logstat_init(&ls);
	feed("Nov 29 10:05:13 mx postfix/smtpd[1]: NOQUEUE: reject: RCPT from x[198.51.100.2]: 550 5.1.1 <n@example.org>: Recipient address rejected: User unknown in local recipient table; from=<s@example.net> to=<n@example.org>");
	feed("Nov 29 10:05:14 mx postfix/smtpd[1]: NOQUEUE: reject: RCPT from x[198.51.100.2]: 550 5.1.1 <m@example.org>: Recipient address rejected: no such user; from=<s@example.net> to=<m@example.org>");
	feed("Nov 29 10:05:15 mx postfix/smtp[1]: 4Y1A: to=<f@example.com>, relay=mx[192.0.2.25]:25, delay=3, dsn=5.1.1, status=bounced (host mx[192.0.2.25] said: 550 5.1.1 <f@example.com>: User unknown (in reply to RCPT TO command))");
	feed("Nov 29 10:05:16 mx postfix/qmgr[1]: 4Y1B: from=<o@example.org>, status=expired, returned to sender");
	assert_int_equal(ls_detail_reasons(&ls.detail, LS_SEC_REJECTED, refs), 1);
	assert_int_equal(smtpcode_reason_find("userunknown", &reason), 0);
	assert_int_equal(refs[0].reason, reason);
	assert_int_equal(refs[0].dir, LS_DIR_OURS);
	assert_int_equal(refs[0].row->count, 2);
	/* The first text seen is the sample. */
	assert_string_equal(refs[0].row->sample, "Recipient address rejected: User unknown in local recipient table");
	assert_int_equal(ls_detail_reasons(&ls.detail, LS_SEC_BOUNCED, refs), 1);
	assert_int_equal(refs[0].dir, LS_DIR_REMOTE);
	assert_int_equal(ls_detail_reasons(&ls.detail, LS_SEC_DEFERRALS, refs), 0);
	assert_int_equal(ls_detail_codes(&ls.detail, LS_SEC_BOUNCED, rows), 1);
	assert_string_equal(ls_code_text(rows[0], code, sizeof code), "550 5.1.1");
	assert_int_equal(ls_detail_codes(&ls.detail, LS_SEC_REJECTED, rows), 1);
	assert_int_equal(rows[0]->count, 2);
}

static void detail__hostile_samples(void **state)
{
	static const char line[] = "Nov 29 10:05:13 mx postfix/smtpd[1]: NOQUEUE: reject: RCPT from x[198.51.100.2]: 554 5.7.1 a\0b\xff\x1b[31mc\xc3\xa9; from=<s@example.net>";
	struct ls_reason_ref refs[3 * LS_REASONS];
	char text[200];
	int i;

	(void)state;
	logstat_init(&ls);
	logstat_line(&ls, line, sizeof line - 1);
	assert_int_equal(ls_detail_reasons(&ls.detail, LS_SEC_REJECTED, refs), 1);
	/* NUL and invalid UTF-8 become U+FFFD; control characters stay (the
	 * outputs escape them); valid UTF-8 stays. */
	assert_string_equal(refs[0].row->sample, "a\xef\xbf\xbd" "b\xef\xbf\xbd\x1b[31mc\xc3\xa9");
	/* A long text is cut to LS_SAMPLE - 1 bytes at most, never inside a character. */
	strcpy(text, "Nov 29 10:05:13 mx postfix/smtpd[1]: NOQUEUE: reject: RCPT from x[198.51.100.2]: 554 x");
	for (i = 0; i < 40; i++)
		strcat(text, "\xc3\xa9");
	logstat_init(&ls);
	feed(text);
	ls_detail_reasons(&ls.detail, LS_SEC_REJECTED, refs);
	assert_int_equal(strlen(refs[0].row->sample), 1 + 2 * 35);
}

static void detail__codes_bounded(void **state)
{
	struct ls_code_row c;
	int i;

	(void)state;
	ls_detail_init(&ls.detail);
	memset(&c, 0, sizeof c);
	c.section = LS_SEC_DEFERRALS;
	c.dir = LS_DIR_REMOTE;
	c.basic = 451;
	c.has_enhanced = 1;
	c.enhanced.reply_class = 4;
	for (i = 0; i < LS_CODE_SLOTS + 10; i++) {
		c.enhanced.subject = i / 1000;
		c.enhanced.detail = i % 1000;
		ls_detail_add_code(&ls.detail, &c, 2, "x", 1);
	}
	assert_int_equal(ls.detail.code_used, LS_CODE_SLOTS);
	assert_int_equal(ls.detail.code_other[LS_SEC_DEFERRALS], 20);
	/* A code already in the table is still counted there. */
	c.enhanced.subject = 0;
	c.enhanced.detail = 5;
	ls_detail_add_code(&ls.detail, &c, 1, "y", 1);
	assert_int_equal(ls.detail.code[5].count, 3);
	assert_string_equal(ls.detail.code[5].sample, "x");
}

static void detail__code_text_round_trip(void **state)
{
	static const char *const good[] = { "550 5.1.1", "550", "5.1.10", "", "421 4.7.0" };
	static const char *const bad[] = { "550 ", "5.1", "abc", "550 5.1.1x", "650", "55", "550 6.1.1" };
	struct ls_code_row c;
	char text[32];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof good / sizeof good[0]; i++) {
		memset(&c, 0, sizeof c);
		assert_int_equal(ls_code_parse(good[i], &c), 0);
		assert_string_equal(ls_code_text(&c, text, sizeof text), good[i]);
	}
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(ls_code_parse(bad[i], &c), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(postfix__pflogsumm_definitions),
		cmocka_unit_test(postfix__probes_and_soft_bounces),
		cmocka_unit_test(stamps__the_tag_decides),
		cmocka_unit_test(time__new_year_from_the_order),
		cmocka_unit_test(days__in_order_bounded),
		cmocka_unit_test(postfix__rejects_are_ours),
		cmocka_unit_test(exim__flags),
		cmocka_unit_test(sendmail__recipients_and_rejects),
		cmocka_unit_test(opensmtpd__results),
		cmocka_unit_test(lines__not_from_an_mta),
		cmocka_unit_test(percent__as_pflogsumm),
		cmocka_unit_test(idset__exact_within_a_generation_then_forgets_old),
		cmocka_unit_test(compressed__magic_numbers),
		cmocka_unit_test(detail__failure_texts),
		cmocka_unit_test(detail__sections_and_directions),
		cmocka_unit_test(detail__hostile_samples),
		cmocka_unit_test(detail__codes_bounded),
		cmocka_unit_test(detail__code_text_round_trip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
