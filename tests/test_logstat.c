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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(postfix__pflogsumm_definitions),
		cmocka_unit_test(postfix__rejects_are_ours),
		cmocka_unit_test(exim__flags),
		cmocka_unit_test(sendmail__recipients_and_rejects),
		cmocka_unit_test(opensmtpd__results),
		cmocka_unit_test(lines__not_from_an_mta),
		cmocka_unit_test(percent__as_pflogsumm),
		cmocka_unit_test(idset__exact_within_a_generation_then_forgets_old),
		cmocka_unit_test(compressed__magic_numbers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
