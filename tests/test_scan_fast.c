/* test_scan_fast.c - the scanner's fast path (src/lib/scan_fast.c) gives
 * what the general way gives: every reply, field for field, for the test
 * logs, both explain corpora and generated Postfix records of every shape
 * near the one it reads, mixed with lines that leave the scanner in other
 * states; and it reads exactly the lines of that shape. */
#define _POSIX_C_SOURCE 200809L /* opendir */

#include "testutil.h"
#include "scan_twoways.h"
#include "scan_fast.h"

#include <dirent.h>

static struct twoways w;

static void assert_same(const char *what)
{
	int codes;
	size_t at = twoways_differ(&w, &codes);

	if (at != (size_t)-1) {
		const struct transcript *x = codes ? &w.c : &w.a, *y = codes ? &w.d : &w.b;
		const char *a = x->buf ? x->buf + (at < x->len ? at : x->len) : "";
		const char *b = y->buf ? y->buf + (at < y->len ? at : y->len) : "";
		fail_msg("%s: the fast path%s gives\n%.600s\nthe general way\n%.600s", what,
		         codes ? " (codes only)" : "", a, b);
	}
}

/* Reads a whole file (free it), its length in *n. */
static char *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	char *s;
	long len;

	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	len = ftell(f);
	assert_true(len >= 0);
	rewind(f);
	s = malloc((size_t)len + 1);
	assert_non_null(s);
	assert_int_equal(fread(s, 1, (size_t)len, f), (size_t)len);
	fclose(f);
	*n = (size_t)len;
	return s;
}

/* Feeds one file both ways; the lines the fast path read. */
static unsigned long both_ways_file(const char *path)
{
	size_t n;
	char *text = slurp(path, &n);
	unsigned long fast;

	twoways_init(&w);
	twoways_text(&w, text, n);
	twoways_end(&w);
	fast = twoways_fast_lines(&w);
	assert_same(path);
	twoways_free(&w);
	free(text);
	return fast;
}

/* Every file of dir but compressed ones; the lines the fast path read. */
static unsigned long both_ways_dir(const char *dir, unsigned *files)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	unsigned long fast = 0;
	char path[512];

	assert_non_null(d);
	while ((e = readdir(d)) != NULL) {
		const char *dot = strrchr(e->d_name, '.');
		if (e->d_name[0] == '.' || (dot && (strcmp(dot, ".gz") == 0 || strcmp(dot, ".bz2") == 0 ||
		                                    strcmp(dot, ".xz") == 0 || strcmp(dot, ".zst") == 0)))
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		fast += both_ways_file(path);
		++*files;
	}
	closedir(d);
	return fast;
}

static void test_corpora(void **state)
{
	unsigned files = 0;
	(void)state;

	/* The Postfix logs hold delivery records the fast path reads;
	 * the explain corpora's pastes a few. */
	assert_true(both_ways_dir("tests/logs", &files) > 0);
	both_ways_dir("tests/explain/samples", &files);
	both_ways_dir("tests/explain/wild/samples", &files);
	both_ways_dir("tests/fuzz/regress/scan_fast", &files); /* what fuzzing found */
	assert_true(files >= 80);
}

/* The fast path lets a field's name hold lower-case letters, digits and
 * "._@+-/" (scan_fast.c bytes[]): no marker read anywhere on a line may be
 * made of those alone, or a name could hold it. Markers read only where a
 * line starts, and the values of DSN's Action field, may. */
static void test_no_marker_in_a_name(void **state)
{
	static struct smtpcode_scanner sc;
	const struct scan *s = (const struct scan *)(const void *)&sc;
	int role;
	(void)state;

	smtpcode_scanner_init(&sc);
	for (role = 0; role < SCAN_ROLE_COUNT; role++) {
		if (role == SCAN_ENHANCED_LEAD || role == SCAN_SERVER || role == SCAN_CLIENT ||
		    role == SCAN_SESSION || role == SCAN_CLIENT_WORD || role == SCAN_ECHO ||
		    role == SCAN_RAW_CLIENT || role == SCAN_DSN_ACTION || role == SCAN_HOST_LINE)
			continue;
		EACH(&s->formats, role, m) {
			const char *k = (*m)->marker;
			while (*k && ((*k >= 'a' && *k <= 'z') || (*k >= '0' && *k <= '9') ||
			              strchr("._@+-/", *k)))
				k++;
			if (!*k)
				fail_msg("role %d: marker \"%s\" could stand in a name", role, (*m)->marker);
		}
	}
}

/* The direct builder of codes only (scan_fast_reply.c) refuses a text that
 * holds any marker of the roles whose lookups it does not run: a
 * transcript's or a side's prefix, a join, a text end but Postfix's
 * "(in reply to ", which it reads itself. */
static void test_direct_markers(void **state)
{
	static const enum scan_role roles[] = { SCAN_SERVER_AFTER, SCAN_CLIENT_AFTER, SCAN_SIDE_AFTER,
	                                        SCAN_JOIN, SCAN_TEXT_END };
	static struct smtpcode_scanner sc;
	const struct scan *s = (const struct scan *)(const void *)&sc;
	const struct scan_index *ix = &s->formats;
	const struct scan_marker *te;
	char text[SCAN_MARKER_SIZE + 8];
	size_t i;
	(void)state;

	smtpcode_scanner_init(&sc);
	te = ix->rows[ix->first[SCAN_TEXT_END]];
	assert_string_equal(te->marker, "(in reply to ");
	for (i = 0; i < sizeof roles / sizeof roles[0]; i++)
		EACH(ix, roles[i], m) {
			if (*m == te)
				continue;
			snprintf(text, sizeof text, " x%sx", (*m)->marker);
			if (smtpcode__fast_plain_text(ix, text + 1))
				fail_msg("role %d: the direct builder misses \"%s\"", (int)roles[i],
				         (*m)->marker);
		}
	assert_true(smtpcode__fast_plain_text(ix, "2.0.0 Ok: queued as 4F3A2B1C0D)"));
	assert_true(smtpcode__fast_plain_text(ix, "5.1.1 <bob@example.org>: User unknown (in reply "
	                                          "to RCPT TO command)"));
	assert_true(smtpcode__fast_plain_text(ix, "5.7.1 <bob@example.org> Relaying denied. "
	                                          "Client host [192.0.2.1] blocked, see <https://x>"));
	assert_false(smtpcode__fast_plain_text(ix, "5.1.1 x 550 5.1.1 y"));
	assert_false(smtpcode__fast_plain_text(ix, "5.1.1 x #5.1.1 y"));
	assert_false(smtpcode__fast_plain_text(ix, "5.1.1 x (in reply to RCPT TO"));
}

/* ---- Generated records ------------------------------------------------- */

static unsigned long seed = 42;

static unsigned pick(unsigned n)
{
	seed = seed * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)((seed >> 33) % n);
}

#define PICK(a) a[pick(sizeof a / sizeof a[0])]

static const char *const stamps[] = {
	"Nov 22 10:00:01", "Nov  2 03:04:05", "Jan 31 23:59:59", "2026-11-22T10:00:01.123456+00:00",
	"2026-11-22T10:00:01Z", "2026-11-22T10:00:01-05:00", "2026-11-22 10:00:01", "Nov 22 1:00:01",
	"nov 22 10:00:01",
	/* near the clock read as one word (scan_fast.c clock_time) */
	"Nov 22 10:00:0:", "Nov 22 10;00:01", "Nov 22 1a:00:01", "Nov 22 10:00:01\t", "Nov 22 10:00:01:",
	"Nov 22 10::00:01", "Nov 22 10:00:?1",
};
static const char *const heads[] = {
	"mx postfix/smtp[1005]: 0A1B2C3D4E:", "mail.example.org postfix/lmtp[77]: 4Zb3qk0Qf5z9sX2:",
	"mx1 postfix-out/smtp[250]: 3F5A9C2B17:", "mx postfix/smtp[1005]: said:",
	"mx postfix/smtp[1005]: 0A1B:", "mx postfix/smtp[x]: 0A1B2C3D4E:",
	"mx postfix/smtp[1005]: Milter:", "mx postfix/smtp[1005]: 0A1B2C3D4E",
	"S: postfix/smtp[1005]: 0A1B2C3D4E:", "mx postfix/smtp 0A1B2C3D4E:",
};
static const char *const tos[] = {
	"to=<bob@example.org>", "to=<user123@example.net>", "to=<a.b+c@sub.example.com>",
	"to=<root>", "to=<SRS0=ab=cd=example.org=bob@example.net>", "to=<bob@[192.0.2.7]>",
	"to=<dsn=5@example.org>", "to=<\"q x\"@example.org>", "to=bob@example.org",
};
static const char *const middles[] = {
	"relay=mx.example.org[192.0.2.1]:25, delay=1.2, delays=0.1/0/0.5/0.6, dsn=",
	"orig_to=<alias@example.org>, relay=mx.example.org[192.0.2.1]:25, delay=1, delays=0/0/0/1, dsn=",
	"relay=mx.example.net[2001:db8::1]:587, conn_use=2, delay=350, delays=0/0/30/0, dsn=",
	"relay=none, delay=30, delays=0/0/30/0, dsn=", "relay=local, delay=0.1, delays=0/0/0/0.1, dsn=",
	"relay=private/dovecot-lmtp, delay=0.1, delays=0/0/0/0.1, dsn=",
	"relay=mx.example.org, delay=1, delays=0/0/0/1, dsn=",
	"relay=mx.example.org[192.0.2.1]:25, delay=1, dsn=", "relay=mx.example.org[192.0.2.1]:25, dsn=",
	"relay=mx.example.org[192.0.2.1]:25, reply=x, dsn=", "delay=1, relay=mx[192.0.2.1]:25, dsn=",
	"relay=mx.example.org[192.0.2.1]:25, delay=1, delays=0/0/0/1, ",
};
static const char *const dsns[] = { "2.0.0", "4.7.1", "5.1.1", "5.0.0", "4.4.1", "x", "5.1.10" };
static const char *const statuses[] = {
	"sent", "deferred", "bounced", "expired", "undeliverable", "Sent", "sentx",
	"sent(", "deferred  ", "bounce", "expired(", "d\320\265ferred",
};
static const char *const leads[] = {
	"", "host mx.example.org[192.0.2.1] said: ", "host mx.example.org said: ",
	"host mx.example.net[2001:db8::1] said: ", "host mx.example.org[192.0.2.1] refused to talk to me: ",
	"connect to mx.example.org[192.0.2.1]:25: ", "host mx.example.org[192.0.2.1]  said: ",
	/* the relay's host again, and near it (scan_fast.c reply_at) */
	"host mx.example.org[192.0.2.10] said: ", "host mx.example.org[192.0.2.1]x said: ",
	"host mx.example.org[192.0.2.1]] said: ", "host mx.example.org.x said: ",
	"host mx.example.org[192.0.2.1]:25 said: ", "host mx.example.org[192.0.2.1",
};
static const char *const replies[] = {
	"250 2.0.0 Ok: queued as 4F3A2B1C0D", "250 Accepted as 7f3a2b", "250 2.0.0 <id@example.org> Saved",
	"450 4.7.1 <bob@example.org>: Recipient address rejected: Greylisted (in reply to RCPT TO command)",
	"550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown in local recipient table "
	"(in reply to RCPT TO command)",
	"550-5.1.1 The email account that you tried to reach does not exist. Please try 550-5.1.1 "
	"double-checking the recipient's email address for typos or 550-5.1.1 unnecessary spaces. "
	"550 5.1.1 https://support.google.com/mail/?p=NoSuchUser x1si - gsmtp (in reply to RCPT TO command)",
	"421-4.7.0 [192.0.2.1] Our system has detected an unusual rate of 421-4.7.0 unsolicited mail "
	"(in reply to end of DATA command)",
	"554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org "
	"(in reply to RCPT TO command)",
	"550 5.7.1 Milter: rejected by policy (in reply to end of DATA command)",
	"550 5.7.1 reject: RCPT from x (in reply to RCPT TO command)",
	"451 4.3.0 Temporary failure -> 421 4.4.2 timed out (in reply to end of DATA command)",
	"550 Requested action not taken: mailbox unavailable (in reply to RCPT TO command)",
	"550 \"5.1.1 quoted\" user unknown", "552 5.2.2 <bob@example.org>: mailbox full <452 4.2.2 over>",
	"550 5.7.1 ,<, side marker", "550 5.7.1 text SMTP<< 250 ok", "550 5.7.1 text <<< 250 ok",
	"550 5.7.1 col   umns", "550 5.7.1 tab\there", "554 #5.0.0 smtp; 554 5.7.1 blocked",
	"550 5.1.1 see\\n550 5.1.1 more", "550 5.1.1 sent to <alice@example.com> from <s@example.net>",
	"550 5.1.1 unclosed (in reply to RCPT TO", "550", "550 ", "550: 5.1.1 punctuated",
	"550 550 5.1.1 twice", "571 571 Sender rejected", "550 5.1.1 \"reason\":\"554 5.7.1 x\"",
	"250 2.0.0 Ok: queued as X (in reply to end of DATA command)", "550 5.1.1 ends. Please",
	"550-5.7.1 first part only", "450 4.2.0 <bob@example.org>: Recipient address rejected: "
	"Greylisted, see http://example.org/greylisting.html (in reply to RCPT TO command)",
	"550 5.1.1 User unknown (in reply to RCPT TO command)) extra", "550 5.1.1 ERROR_CODE :550 x",
	"550 5.7.606 Access denied, banned sending IP [192.0.2.1]. To request removal from this list "
	"please visit https://sender.office.com/ (AS16012609) (in reply to RCPT TO command)",
	/* near what the codes-only builder reads (scan_fast_reply.c) */
	"550 5.1.1 x (in reply to RCPT TO command) (in reply to MAIL FROM command)",
	"550 5.1.1 5.1.1 repeated (in reply to RCPT TO command)", "550 5.1.1 user 550 inside",
	"550 5.1.1 in reply to DATA command first (in reply to RCPT TO command)",
	"550 5.1.1 no blank(in reply to RCPT TO command)", "550 5.1.1 (in reply to RCPT TO command)",
	"550 5.1.1 x (in reply to 550 5.1.1 y) (in reply to RCPT TO command)",
	"550 5.1.1 x (in reply to FOO command)", "550 5.1.1 x (in reply to end of DATA)",
	"550 5.1.1 Recipient <bob@example.org> rejected (in reply to FOO command)",
	"550 5.1.1 x (In Reply To RCPT TO Command)", "550 5.1.1 x (in reply to RCPT TO",
	"250 2.0.0 Ok: RCPT TO command failed", "250 2.0.0 Recipient <a@example.org> rejected",
	"250 2.0.0 <br> x", "250 2.0.0 a [nl] b", "250 2.0.0 a &gt; b", "250 2.0.0 a,<,b",
	"250 2.0.0 a | b", "250 2.0.0 a ] b", "250 2.0.0 a >> b", "250 2.0.0 [Hostname=x.example.org]",
	"250 2.0.0 (open paren", "250 2.0.0 Ok (nested (parens)) x)", "250 2.0.0 Ok: queued as X))",
	"250 2.0.0 Ok ((x)", "250 2.0.0 Ok.", "250 2.0.0 Ok? ", "550  5.1.1 two blanks",
	"550 5.1.1", "550 5.1.1 ", "550 5.1 malformed", "550 5.1.1.1 long", "550 9.9.9 class",
	"550 5.1.1  double  blanks  ", "250 2.0.0 Ok: queued as 12345 ABCDE",
	"250 2.0.0 Ok: queued as 123 ABCDE", "250 2.0.0 id=1abc-2def #4", "250 2.0.0 a;550 b",
	"550 5.1.1 Empf\xc3\xa4nger unbekannt (in reply to RCPT TO command)", "250 2.0.0 \"Ok\"",
	"250 2.0.0 a\\nb", "550 #5.1.1 hash", "550 x#5.1.1 hash",
	"550 5.7.1 <bob@example.org> Relaying denied (in reply to RCPT TO command)",
	"554 5.7.1 Client host [192.0.2.1] blocked using zen.example.org, see <https://x>",
	"550 5.7.1 a -> b", "550 5.7.1 x ] S: y", "550 5.7.1 x ] rsp: y", "550 5.7.1 x: < y",
	"550 5.7.1 x <- y", "550 5.7.1 [a] b", "550 5.7.1 x|y |> z",
	/* texts of records without a reply */
	"delivered to mailbox", "delivered via dovecot service", "forwarded as 4F3A2B1C0D",
	"connect to mx.example.org[192.0.2.1]:25: Connection timed out",
	"lost connection with mx.example.org[192.0.2.1] while receiving the initial server greeting",
	"Host or domain name not found. Name service error for name=example.org type=MX: Host not "
	"found, try again", "unknown user: \"bob\"", "mail forwarding loop for bob@example.org",
	"delivered to mailbox (in reply to RCPT TO command)", "in reply to DATA command x",
	"Recipient <a@example.org> rejected by policy", "(nested (parens)) x)", "x))", "x (y",
	"delivered to command: procmail -a $EXTENSION", "RCPT TO command failed here",
	"  blanks around  ", "delivered. ",
};
/* Lines of other kinds between the records: they leave the scanner in
 * other states (an open reply, a DSN group, a MIME header, a transcript). */
static const char *const others[] = {
	"Nov 22 10:00:02 mx postfix/qmgr[99]: 0A1B2C3D4E: from=<s@example.com>, size=1234, nrcpt=1 "
	"(queue active)",
	"Nov 22 10:00:02 mx postfix/smtpd[12]: NOQUEUE: reject: RCPT from x[192.0.2.5]: 554 5.7.1 "
	"<bob@example.org>: Relay access denied; from=<s@example.com> to=<bob@example.org> proto=ESMTP",
	"    (in reply to RCPT TO command)", "    550 5.1.1 continued text", "",
	"Final-Recipient: rfc822; bob@example.org", "Action: failed", "Status: 5.1.1",
	"Diagnostic-Code: smtp; 550 5.1.1 user unknown", "Content-Type: multipart/report; boundary=\"b1\"",
	"--b1", "Content-Transfer-Encoding: quoted-printable", "<<< 550 5.1.1 transcript",
	">>> RCPT TO:<bob@example.org>", "RCPT TO:<bob@example.org>", "DATA", "354 go ahead",
	"SMTP error from remote mail server after RCPT TO:<bob@example.org>:",
	"Nov 22 10:00:02 mx postfix/smtp[1005]: 0A1B2C3D4E: to=<bob@example.org>, relay=none, "
	"delay=30, delays=0/0/30/0, dsn=4.4.1, status=deferred (connect to mx.example.org[192.0.2.1]:25: "
	"Connection timed out)",
	"Nov 22 10:00:02 mx postfix/local[12]: 0A1B2C3D4E: to=<bob@example.org>, relay=local, "
	"delay=0.1, delays=0/0/0/0.1, dsn=2.0.0, status=sent (delivered to mailbox)",
	"  \"reason\": \"550 5.1.1 in JSON\",", "\"delivery-status\": {", "  308   SMTP<< 250 OK",
	"Reporting-MTA: dns; mx.example.org", "  550-5.1.1 open", "550-5.1.1 open at start",
	"said: 421", "Nov 22 10:00:02 mx exim[1]: 1abc-000 ** bob@example.org: SMTP error",
	"Nov 22 10:00:02 mx postfix/qmgr[99]: 0A1B2C3D4E: removed",
	"Nov 22 10:00:02 mx postfix/qmgr[99]: 0A1B2C3D4E: from=<>, size=1234, nrcpt=2 (queue active)",
	"Nov 22 10:00:02 mx postfix/qmgr[99]: 0A1B2C3D4E: from=<a@b>, size=1, nrcpt=1 (queue active) x",
	"Nov 22 10:00:02 mx postfix/smtpd[12]: 0A1B2C3D4E: client=mail.example.org[192.0.2.5]",
	"Nov 22 10:00:02 mx postfix/smtpd[12]: 0A1B2C3D4E: client=mail.example.org[192.0.2.5], "
	"sasl_method=PLAIN, sasl_username=bob",
	"Nov 22 10:00:02 mx postfix/cleanup[13]: 0A1B2C3D4E: message-id=<20261122.x1@example.org>",
	"Nov 22 10:00:02 mx postfix/cleanup[13]: 0A1B2C3D4E: message-id=<550 5.1.1 x@example.org>",
	"Nov 22 10:00:02 mx postfix/smtpd[12]: connect from unknown[192.0.2.5]",
	"Nov 22 10:00:02 mx postfix/smtpd[12]: connect from Mail.example.org[192.0.2.5]",
	"Nov 22 10:00:02 mx postfix/smtpd[12]: disconnect from unknown[192.0.2.5] ehlo=1 auth=0/1 "
	"mail=1 rcpt=1 data=1 quit=1 commands=5/6",
	"Nov 22 10:00:02 mx postfix/smtpd[12]: disconnect from unknown[192.0.2.5] ehlo=1 said: 550 5.1.1",
	"Nov 22 10:00:02 mx postfix/smtpd[12]: lost connection after RCPT from unknown[192.0.2.5]",
	"Nov 22 10:00:02 mx postfix/pickup[14]: 0A1B2C3D4E: uid=0 from=<root>",
	"Nov 22 10:00:02 mx postfix/pickup[14]: 0A1B2C3D4E: uid=0 from=<Root@example.org>",
	"Nov 22 10:00:02 mx postfix/bounce[15]: 0A1B2C3D4E: sender non-delivery notification: 4Z03AB5AB0",
	"Nov 22 10:00:02 mx postfix/bounce[15]: 0A1B2C3D4E: sender non-delivery notification: 550 5.1.1",
	"Nov 22 10:00:02 mx postfix/local[12]: 0A1B2C3D4E: to=<bob@example.org>, relay=local, "
	"delay=0.1, delays=0/0/0/0.1, dsn=5.1.1, status=bounced (unknown user: \"bob\")",
	"Nov 22 10:00:02 mx postfix/smtp[1005]: 0A1B2C3D4E: to=<bob@example.org>, relay=none, "
	"delay=30, delays=0/0/30/0, dsn=4.4.1, status=deferred (connect to mx.example.org[192.0.2.1]:25: "
	"Connection refused)",
	"Nov 22 10:00:02 mx postfix/smtp[1005]: 0A1B2C3D4E: to=<bob@example.org>, relay=none, "
	"delay=30, delays=0/0/30/0, dsn=4.4.1, status=deferred (delivery temporarily suspended: "
	"host mx.example.org[192.0.2.1] refused to talk to me: 554 5.7.1 go away)",
	/* after a reply whose command is read late: Yahoo's line goes on
	 * with a reply that names none */
	"[RCPT_TO]", "[MAIL_FROM] more", "  [RCPT_TO]", "[x] no command", "    continued words",
	"Please check the address", "reply: retcode (550); Msg: x",
};

/* One generated line: most are records of the shape, a few of others. */
static void generated_line(char *out, size_t size)
{
	const char *lead = PICK(leads);

	if (pick(8) == 0) {
		snprintf(out, size, "%s", PICK(others));
		return;
	}
	if (pick(3) == 0) /* the common shape */
		lead = pick(2) ? leads[1] : leads[0];
	snprintf(out, size, "%s %s %s, %s%s, status=%s (%s%s%s", pick(4) ? stamps[0] : PICK(stamps),
	         pick(3) ? heads[0] : PICK(heads), pick(3) ? tos[0] : PICK(tos),
	         pick(2) ? middles[0] : PICK(middles), pick(3) ? dsns[2] : PICK(dsns),
	         pick(2) ? statuses[pick(4)] : PICK(statuses), lead, PICK(replies),
	         pick(8) ? ")" : "");
	if (pick(64) == 0) { /* a text longer than a reply's (cut, UTF-8 too) */
		size_t n = strlen(out);
		while (n + 40 < size - 1)
			n += (size_t)snprintf(out + n, size - n, "%s", pick(2) ? " words" : " \xc3\xa4");
		snprintf(out + n, size - n, "%s", pick(2) ? " (in reply to RCPT TO command))" : ")");
	}
}

static void test_generated(void **state)
{
	char line[3000];
	int round, i;
	unsigned long fast = 0;
	(void)state;

	for (round = 0; round < 40; round++) {
		twoways_init(&w);
		for (i = 0; i < 500; i++) {
			generated_line(line, sizeof line);
			twoways_line(&w, line, strlen(line));
		}
		twoways_end(&w);
		fast += twoways_fast_lines(&w);
		assert_same("generated records");
		twoways_free(&w);
	}
	/* The shapes it reads turn up often, the others too. */
	assert_true(fast > 1500); /* 1,948 of 20,000 today */
	assert_true(fast < 18000);
}

/* ---- Which lines it reads ------------------------------------------------ */

static unsigned long fast_lines_of(const char *text)
{
	unsigned long fast;

	twoways_init(&w);
	twoways_text(&w, text, strlen(text));
	twoways_end(&w);
	fast = twoways_fast_lines(&w);
	assert_same(text);
	twoways_free(&w);
	return fast;
}

#define REC(stamp, head, to, fields, text) \
	stamp " " head " " to ", " fields ", status=" text

static void test_reads_the_shape(void **state)
{
	(void)state;
	/* Read: the delivery record, in both stamps, after a reply it closes. */
	assert_int_equal(fast_lines_of(REC("Nov 22 10:00:01", "mx postfix/smtp[1]: 0A1B2C3D4E:",
	                                   "to=<bob@example.org>",
	                                   "relay=mx.example.org[192.0.2.1]:25, delay=1, "
	                                   "delays=0/0/0/1, dsn=2.0.0",
	                                   "sent (250 2.0.0 Ok: queued as 4F3A2B1C0D)")),
	                 1);
	assert_int_equal(fast_lines_of(REC("2026-11-22T10:00:01.5+01:00", "mx postfix/lmtp[1]: 4Zb3qk0Qf5:",
	                                   "to=<bob@example.org>",
	                                   "orig_to=<a@example.org>, relay=mx[192.0.2.1]:24, "
	                                   "conn_use=2, delay=1, delays=0/0/0/1, dsn=5.1.1",
	                                   "bounced (host mx[192.0.2.1] said: 550 5.1.1 No such "
	                                   "user (in reply to RCPT TO command))")),
	                 1);
	assert_int_equal(fast_lines_of("550 5.1.1 open\n" REC("Nov 22 10:00:01", "mx postfix/smtp[1]: 0A1B2C3D4E:",
	                                   "to=<bob@example.org>", "relay=mx[192.0.2.1]:25, dsn=4.7.1",
	                                   "deferred (host mx[192.0.2.1] said: 450 4.7.1 Try later)")),
	                 1);
	/* Not read: no reply where the shape puts one, a field it does not
	 * know, an address with '=', no host, a vowel in the queue id, an
	 * open multi-line reply before it, a reply with no text. */
	assert_int_equal(fast_lines_of(REC("Nov 22 10:00:01", "mx postfix/local[1]: 0A1B2C3D4E:",
	                                   "to=<bob@example.org>", "relay=local, dsn=2.0.0",
	                                   "sent (delivered to mailbox)")),
	                 0);
	assert_int_equal(fast_lines_of(REC("Nov 22 10:00:01", "mx postfix/smtp[1]: 0A1B2C3D4E:",
	                                   "to=<bob@example.org>", "relay=mx[192.0.2.1]:25, size=1, dsn=5.1.1",
	                                   "bounced (host mx[192.0.2.1] said: 550 5.1.1 x)")),
	                 0);
	assert_int_equal(fast_lines_of(REC("Nov 22 10:00:01", "mx postfix/smtp[1]: 0A1B2C3D4E:",
	                                   "to=<SRS0=a=b@example.org>", "relay=mx[192.0.2.1]:25, dsn=5.1.1",
	                                   "bounced (host mx[192.0.2.1] said: 550 5.1.1 x)")),
	                 0);
	assert_int_equal(fast_lines_of(REC("Nov 22 10:00:01", "mx postfix/smtp[1]: 0A1B2C3D4E:",
	                                   "to=<bob@example.org>", "relay=none, dsn=5.1.1",
	                                   "bounced (host mx[192.0.2.1] said: 550 5.1.1 x)")),
	                 0);
	assert_int_equal(fast_lines_of(REC("Nov 22 10:00:01", "mx postfix/smtp[1]: Milter:",
	                                   "to=<bob@example.org>", "relay=mx[192.0.2.1]:25, dsn=5.1.1",
	                                   "bounced (host mx[192.0.2.1] said: 550 5.1.1 x)")),
	                 0);
	assert_int_equal(fast_lines_of("550-5.1.1 open\n" REC("Nov 22 10:00:01", "mx postfix/smtp[1]: 0A1B2C3D4E:",
	                                   "to=<bob@example.org>", "relay=mx[192.0.2.1]:25, dsn=5.1.1",
	                                   "bounced (host mx[192.0.2.1] said: 550 5.1.1 x)")),
	                 0);
	assert_int_equal(fast_lines_of(REC("Nov 22 10:00:01", "mx postfix/smtp[1]: 0A1B2C3D4E:",
	                                   "to=<bob@example.org>", "relay=mx[192.0.2.1]:25, dsn=5.1.1",
	                                   "bounced (host mx[192.0.2.1] said: 550)")),
	                 0);
}

/* The records the fast path reads as holding no reply hold none of the
 * markers the general way reads on such a line. */
static void test_records_without_reply(void **state)
{
	static const char *const lines[] = {
		"Nov 22 10:00:02 mx postfix/qmgr[99]: 0A1B2C3D4E: from=<s@example.com>, size=1234, "
		"nrcpt=1 (queue active)",
		"Nov 22 10:00:02 mx postfix/qmgr[99]: 0A1B2C3D4E: removed",
		"Nov 22 10:00:02 mx postfix/smtpd[12]: 0A1B2C3D4E: client=mail.example.org[192.0.2.5]",
		"Nov 22 10:00:02 mx postfix/cleanup[13]: 0A1B2C3D4E: message-id=<20261122.x1@example.org>",
		"Nov 22 10:00:02 mx postfix/smtpd[12]: connect from unknown[192.0.2.5]",
		"Nov 22 10:00:02 mx postfix/smtpd[12]: disconnect from unknown[192.0.2.5] ehlo=1 "
		"auth=0/1 mail=1 rcpt=1 data=1 quit=1 commands=5/6",
		"Nov 22 10:00:02 mx postfix/pickup[14]: 0A1B2C3D4E: uid=1000 from=<alice@example.org>",
		"Nov 22 10:00:02 mx postfix/bounce[15]: 0A1B2C3D4E: sender non-delivery notification: "
		"4Z03AB5AB0",
		"Nov 22 10:00:02 mx postfix/bounce[15]: 0A1B2C3D4E: sender delivery status notification: "
		"4Z03AB5AB0",
	};
	static struct smtpcode_scanner sc;
	const struct scan *s = (const struct scan *)(const void *)&sc;
	const struct scan_index *ix = &s->formats;
	char out[SCAN_ADDRESS], sep;
	size_t i;
	int code;
	(void)state;

	smtpcode_scanner_init(&sc);
	for (i = 0; i < sizeof lines / sizeof lines[0]; i++) {
		const char *l = lines[i];
		assert_int_equal(fast_lines_of(l), 1);
		assert_int_equal(smtpcode__outcome_in(ix, l), SMTPCODE_OUTCOME_NONE);
		assert_null(smtpcode__find_embedded(ix, l, 0, &code, &sep));
		assert_null(smtpcode__enhanced_field(ix, l));
		assert_null(smtpcode__enhanced_lead(ix, l));
		assert_false(smtpcode__recipient_in(ix, l, out));
		assert_false(smtpcode__host_in(ix, l, out));
		assert_null(smtpcode__host_line(ix, l));
		assert_int_equal(smtpcode__direction_in(ix, l), SMTPCODE_DIRECTION_UNKNOWN);
		assert_null(smtpcode__colon_lead_in(ix, l));
		assert_null(smtpcode__command_before(ix, l));
		assert_null(smtpcode__connection_failure(ix, l, 0));
		assert_false(smtpcode__json_object(ix, l));
	}
}

/* The lookups of a line's start find nothing on line. */
static void assert_starts_nothing(const struct scan_index *ix, const char *line)
{
	size_t len;

	assert_int_equal(smtpcode__prefix(ix, line, &len), SCAN_ROLE_COUNT);
	assert_null(smtpcode__raw_client(ix, line));
	assert_false(smtpcode__echo(ix, line));
	assert_int_equal(smtpcode__dsn_field(line), DSN_NOT_A_FIELD);
}

/* The lookups of a line's start find nothing on a line that starts with a
 * time stamp of either form, whatever its first letters and digits (so
 * scan_fast.c need not run them). */
static void test_stamps_start_nothing(void **state)
{
	static struct smtpcode_scanner sc;
	const struct scan *s = (const struct scan *)(const void *)&sc;
	const char *rest = " 10:00:00 mx postfix/smtp[1]: 0A1B2C3D4E: to=<bob@example.org>, relay=x";
	char line[160];
	int a, b, c, d;
	(void)state;

	smtpcode_scanner_init(&sc);
	for (a = 'A'; a <= 'Z'; a++)
		for (b = 'a'; b <= 'z'; b++)
			for (c = 'a'; c <= 'z'; c++)
				for (d = 0; d < 2; d++) {
					snprintf(line, sizeof line, "%c%c%c %s%s", a, b, c, d ? " 2" : "22", rest);
					assert_starts_nothing(&s->formats, line);
				}
	for (a = '0'; a <= '9'; a++) {
		snprintf(line, sizeof line, "%c026-11-22T10:00:00.5+01:00 mx postfix/smtp[1]: x", a);
		assert_starts_nothing(&s->formats, line);
	}
}

/* Postfix logs a multi-line reply flattened into one record: two such
 * records in a row are two replies (the second's "550-" had been read as
 * the first reply's next line, both ways). */
static void test_flattened_replies_in_a_row(void **state)
{
	static const char rec[] =
		"Nov 22 10:00:01 mx postfix/smtp[1]: 0A1B2C3D4E: to=<%s@example.com>, "
		"relay=mx[192.0.2.26]:25, delay=1, delays=0/0/0/1, dsn=5.1.1, status=bounced (host "
		"mx[192.0.2.26] said: 550-5.1.1 The email account that you tried to reach does not "
		"exist. 550-5.1.1 Please try double-checking. 550 5.1.1 https://support.google.com/"
		"mail/?p=NoSuchUser x1 - gsmtp (in reply to RCPT TO command))";
	char text[2048];
	int n;
	(void)state;

	n = snprintf(text, sizeof text, rec, "a");
	text[n++] = '\n';
	snprintf(text + n, sizeof text - (size_t)n, rec, "b");
	assert_int_equal(fast_lines_of(text), 2);
	twoways_init(&w);
	twoways_text(&w, text, strlen(text));
	twoways_end(&w);
	assert_non_null(strstr(w.b.buf, "recipient a@example.com"));
	assert_non_null(strstr(w.b.buf, "recipient b@example.com"));
	assert_non_null(strstr(w.b.buf, "text The email account that you tried to reach does not "
	                                "exist. Please try double-checking. https://support.google.com/"
	                                "mail/?p=NoSuchUser x1 - gsmtp direction "));
	twoways_free(&w);
}

/* A record cut at SMTPCODE_SCAN_LINE_MAX inside its "(in reply to" does
 * not take the next record's reply: a syslog line continues no reply. */
static void test_cut_record_then_another(void **state)
{
	static char text[SMTPCODE_SCAN_LINE_MAX + 1024];
	size_t n;
	(void)state;

	n = (size_t)snprintf(text, sizeof text, "Nov 22 10:00:01 mx postfix/smtp[1]: 0A1B2C3D4E: "
	                     "to=<a@example.org>, relay=mx[192.0.2.1]:25, delay=1, dsn=5.1.1, "
	                     "status=bounced (host mx[192.0.2.1] said: 550 5.1.1 ");
	memset(text + n, 'x', SMTPCODE_SCAN_LINE_MAX - n - 10);
	n = SMTPCODE_SCAN_LINE_MAX - 10;
	snprintf(text + n, sizeof text - n, " (in reply to RCPT TO command))\nNov 22 10:00:02 mx "
	         "postfix/smtp[2]: 0B1B2C3D4E: to=<h@example.org>, relay=mx[192.0.2.1]:25, "
	         "delay=1, dsn=4.7.0, status=deferred (host mx[192.0.2.1] said: 421 4.7.0 later "
	         "(in reply to end of DATA command))");
	twoways_init(&w);
	twoways_text(&w, text, strlen(text));
	twoways_end(&w);
	assert_same("a cut record");
	assert_non_null(strstr(w.b.buf, "lines 1-1 dsn 0-0 basic 550"));
	assert_non_null(strstr(w.b.buf, "lines 2-2 dsn 0-0 basic 421"));
	twoways_free(&w);
}

/* With codes only, the command of a reply is read when a line goes the
 * general way: a reply without one takes Yahoo's "[RCPT_TO]" line after
 * it, one with one (named by "in reply to" or not) does not. */
static void test_command_read_late(void **state)
{
	static const char text[] =
		"Nov 22 10:00:01 mx postfix/smtp[1]: 0A1B2C3D4E: to=<bob@example.org>, "
		"relay=mx[192.0.2.1]:25, delay=1, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as "
		"4F3A2B1C0D)\n[RCPT_TO] joined\n"
		"Nov 22 10:00:02 mx postfix/smtp[1]: 0A1B2C3D4F: to=<bob@example.org>, "
		"relay=mx[192.0.2.1]:25, delay=1, dsn=2.0.0, status=sent (250 2.0.0 Ok: RCPT TO "
		"command failed)\n[RCPT_TO] not joined\n"
		"Nov 22 10:00:03 mx postfix/local[2]: 0A1B2C3D50: to=<bob@example.org>, relay=local, "
		"delay=0.1, dsn=2.0.0, status=sent (delivered to mailbox)\n[MAIL_FROM] joined\n"
		"Nov 22 10:00:04 mx postfix/smtp[1]: 0A1B2C3D51: to=<bob@example.org>, "
		"relay=mx[192.0.2.1]:25, delay=1, dsn=5.1.1, status=bounced (host mx[192.0.2.1] said: "
		"550 5.1.1 No such user (in reply to RCPT TO command))\n[MAIL_FROM] not joined\n";
	(void)state;

	twoways_init(&w);
	twoways_text(&w, text, strlen(text));
	twoways_end(&w);
	assert_same("commands read late");
	/* codes only reads the three records (the general way the others) */
	assert_int_equal(((const struct scan *)(const void *)&w.codes)->fast_lines, 4);
	assert_non_null(strstr(w.c.buf, "lines 1-2 dsn 0-0 basic 250 direct 1 outcome 1 quoted 0 "
	                                "report 0 enhanced 2.0.0 malformed  text Ok: queued as "
	                                "4F3A2B1C0D) [RCPT_TO] joined\n"));
	assert_non_null(strstr(w.c.buf, "lines 3-3 dsn 0-0 basic 250 direct 1 outcome 1 quoted 0 "
	                                "report 0 enhanced 2.0.0 malformed  text Ok: RCPT TO command "
	                                "failed\n"));
	assert_non_null(strstr(w.c.buf, "lines 5-6 dsn 0-0 basic 0 direct 0 outcome 1 quoted 0 "
	                                "report 0 enhanced 2.0.0 malformed  text delivered to "
	                                "mailbox [MAIL_FROM] joined\n"));
	assert_non_null(strstr(w.c.buf, "lines 7-7 dsn 0-0 basic 550 direct 1 outcome 3 quoted 0 "
	                                "report 0 enhanced 5.1.1 malformed  text No such user\n"));
	assert_non_null(strstr(w.b.buf, "text No such user direction 2 command RCPT"));
	twoways_free(&w);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_corpora),
		cmocka_unit_test(test_no_marker_in_a_name),
		cmocka_unit_test(test_direct_markers),
		cmocka_unit_test(test_stamps_start_nothing),
		cmocka_unit_test(test_records_without_reply),
		cmocka_unit_test(test_generated),
		cmocka_unit_test(test_reads_the_shape),
		cmocka_unit_test(test_flattened_replies_in_a_row),
		cmocka_unit_test(test_cut_record_then_another),
		cmocka_unit_test(test_command_read_late),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
