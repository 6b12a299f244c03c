/* test_logstat_text.c - the small searches scan runs on every log line
 * (logstat_text.c) and the walk of a line's fields: exact places, lines
 * cut short in every field, NUL bytes, 16 KiB lines. Each line is read
 * from a buffer of exactly its length, so that a read past its end shows
 * under the sanitizers. */
#include "testutil.h"
#include "logstat.h"
#include "logstat_text.h"

/* A copy of s[0..n) in a buffer of n bytes (free it). */
static char *exact(const char *s, size_t n)
{
	char *copy = malloc(n ? n : 1);

	assert_non_null(copy);
	memcpy(copy, s, n);
	return copy;
}

/* The i-th of a run of random texts over alphabet (size bytes), of 0 to
 * max bytes, in a buffer of exactly its length (free it); *n is its length. */
static char *random_text(size_t i, const char *alphabet, size_t size, size_t max,
                         unsigned long *seed, size_t *n)
{
	char text[64];
	size_t k;

	assert_true(max <= sizeof text);
	*n = i % (max + 1);
	for (k = 0; k < *n; k++) {
		*seed = *seed * 6364136223846793005UL + 1442695040888963407UL;
		text[k] = alphabet[(*seed >> 33) % size];
	}
	return exact(text, *n);
}

static size_t span2(const char *s, size_t n, char a, char b)
{
	char *copy = exact(s, n);
	size_t at = ls_span2(copy, n, a, b);

	free(copy);
	return at;
}

static void span2__first_of_two_bytes(void **state)
{
	char line[40];
	size_t n, k;

	(void)state;
	assert_int_equal(span2("", 0, ':', ' '), 0);
	assert_int_equal(span2("4Y1AB2C3D4: to=<", 16, ':', ' '), 10);
	assert_int_equal(span2("NOQUEUE reject", 14, ':', ' '), 7);
	assert_int_equal(span2("postfix/smtp[123]: x", 20, ':', ' '), 17);
	assert_int_equal(span2("nostophere at all", 5, ':', ' '), 5);
	assert_int_equal(span2("a\0b:c", 5, ':', ' '), 3); /* a NUL byte is a byte */
	assert_int_equal(span2("a\0b:c", 5, '\0', ':'), 1);
	/* the stop at every place, in lines of every length around 8 and 16 */
	for (n = 0; n <= sizeof line; n++)
		for (k = 0; k <= n; k++) {
			memset(line, 'x', sizeof line);
			if (k < n)
				line[k] = k % 2 ? ':' : ' ';
			assert_int_equal(span2(line, n, ':', ' '), k);
		}
	/* bytes that differ from a stop by one bit, or over 0x7F */
	assert_int_equal(span2("\x3B\x3A", 2, ':', ' '), 1);
	assert_int_equal(span2("\xBA\xA0\x21\x1A\x3A", 5, ':', ' '), 4);
}

/* The first reply code as ls_code_at finds it, against the rule it keeps:
 * three digits, the first 4 or 5, after the start, a space, '=', '"', '('
 * or NUL, before the end, a space, '-', '"' or NUL. */
static const char *code_rule(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i + 3 <= n; i++) {
		char before = i ? s[i - 1] : ' ', after = i + 3 < n ? s[i + 3] : ' ';
		if ((s[i] == '4' || s[i] == '5') && s[i + 1] >= '0' && s[i + 1] <= '9' &&
		    s[i + 2] >= '0' && s[i + 2] <= '9' && memchr(" =\"(", before, 5) &&
		    memchr(" -\"", after, 4))
			return s + i;
	}
	return NULL;
}

static void code_at__first_code_standing_alone(void **state)
{
	static const char alphabet[] = "45 0=\"(-x\0";
	unsigned long seed = 7;
	size_t i, n;

	(void)state;
	assert_null(ls_code_at("", 0));
	assert_int_equal(ls_code_class("deferred (host mx[192.0.2.45] said: 451 4.7.1 x", 47), 4);
	assert_int_equal(ls_code_class("550-5.7.1", 9), 5);
	assert_int_equal(ls_code_class("x550 y 4500 z", 13), 0);
	assert_int_equal(ls_code_class("result=\"550 no\"", 15), 5);
	for (i = 0; i < 200000; i++) {
		char *copy = random_text(i, alphabet, sizeof alphabet - 1, 12, &seed, &n);
		assert_ptr_equal(ls_code_at(copy, n), code_rule(copy, n));
		free(copy);
	}
}

/* "said: " found from its ':' as ls_find finds it from its 's': random
 * texts over the bytes of the needle, each from a buffer of its length. */
static void find_said__as_find(void **state)
{
	static const char alphabet[] = "said: :sx";
	unsigned long seed = 3;
	size_t i, n;

	(void)state;
	assert_null(ls_find_said("", 0));
	assert_null(ls_find_said("said:", 5));
	{
		static const char text[] = "x said: 550";
		assert_ptr_equal(ls_find_said(text, sizeof text - 1), text + 2);
	}
	for (i = 0; i < 300000; i++) {
		char *copy = random_text(i, alphabet, sizeof alphabet - 1, 16, &seed, &n);
		assert_ptr_equal(ls_find_said(copy, n), ls_find(copy, n, "said: "));
		free(copy);
	}
	{
		static const char line[] = "deferred (host mx[2001:db8::1] said: 451 4.7.1 (said: no)";
		assert_ptr_equal(ls_find_said(line, sizeof line - 1), strstr(line, "said: "));
	}
}

/* A line read alone, from a buffer of its length: whether it is an MTA's,
 * and each place the event names inside the line. */
static int read_exact(const char *s, size_t n, struct ls_event *e)
{
	static char *copy; /* kept until the next read: e points into it */
	int known;

	free(copy);
	copy = NULL;
	if (!s) /* the end of a test: the last copy freed */
		return 0;
	copy = exact(s, n);
	known = ls_read_line(copy, n, e);
	const char *const starts[] = { e->id, e->rcpt, e->relay, e->text, e->dsn };
	const size_t lens[] = { e->idlen, e->rcptlen, e->relaylen, e->textlen, e->dsnlen };
	size_t i;

	for (i = 0; i < sizeof lens / sizeof lens[0]; i++) {
		/* in the line, or a constant ("local", "none") */
		if (!starts[i] || !lens[i] || (starts[i] >= copy && starts[i] + lens[i] <= copy + n))
			continue;
		assert_true(strcmp(starts[i], "local") == 0 || strcmp(starts[i], "none") == 0);
	}
	return known;
}

static const char *const full_lines[] = {
	"Nov 29 10:00:05 mx postfix/smtp[1]: 4Y1A: to=<b@example.net>, relay=mx.example.net[192.0.2.2]:25, delay=1, delays=0/0/0/1, dsn=4.7.1, status=deferred (host mx.example.net[192.0.2.2] said: 450 4.7.1 <b@example.net>: Recipient address rejected: Greylisted (in reply to RCPT TO command))",
	"2026-11-29T10:00:06.1+01:00 mx postfix/submission/smtpd[2]: NOQUEUE: reject: RCPT from x[192.0.2.9]: 554 5.7.1 <c@example.org>: Relay access denied; from=<a@example.net> to=<c@example.org> proto=ESMTP helo=<x>",
	"2026-11-29 10:00:07 1tXyZa-000AbC-Ab ** d@example.com R=dnslookup T=remote_smtp H=mx.example.com [198.51.100.2]: SMTP error from remote mail server after RCPT TO:<d@example.com>: 550 5.1.1 unknown",
	"Nov 29 10:00:08 m sm-mta[3]: 4ATA1b2c: to=<e@example.org>,<f@example.net>, delay=00:00:01, mailer=esmtp, pri=1, relay=mx.example.org. [203.0.113.3], dsn=5.1.1, stat=User unknown",
	"Nov 29 10:00:09 mx2 smtpd[4]: 0a1b2c3d4e5f6a7b mta delivery evpid=0a1b2c3d00000001 from=<a@example.org> to=<g@example.org> rcpt=<-> source=\"203.0.113.5\" relay=\"198.51.100.7 (mx.example.net)\" delay=2s result=\"TempFail\" stat=\"451 4.7.1 later\"",
};

/* Each line cut at every length: the event only ever names bytes of what
 * is left, and a count needs the field that says it. */
static void cut__in_every_field(void **state)
{
	size_t i, k;

	(void)state;
	for (i = 0; i < sizeof full_lines / sizeof full_lines[0]; i++) {
		size_t n = strlen(full_lines[i]);
		struct ls_event e;
		for (k = 0; k <= n; k++)
			read_exact(full_lines[i], k, &e);
		assert_true(read_exact(full_lines[i], n, &e));
		assert_true(e.count >= 0);
	}
	/* the Postfix deferral: counted once its status word is whole */
	{
		const char *line = full_lines[0], *st = strstr(line, "status=deferred ");
		struct ls_event e;
		size_t at = (size_t)(st - line);
		read_exact(line, at + 15, &e);
		assert_int_equal(e.count, -1);
		read_exact(line, at + 16, &e);
		assert_int_equal(e.count, LS_DEFERRALS);
		assert_int_equal(e.relaylen, 14);
		assert_memory_equal(e.relay, "mx.example.net", 14);
		assert_int_equal(e.rcptlen, 15);
		assert_int_equal(e.dsnlen, 5);
		assert_int_equal(e.idlen, 4);
	}
	read_exact(NULL, 0, NULL);
}

/* NUL bytes and a 16 KiB line: read as bytes, never as the end of a string. */
static void nul_bytes_and_long_lines(void **state)
{
	static const char tag[] = "Nov 29 10:00:05 mx post\0fix/smtp[1]: 4Y1A: x";
	static const char qid[] = "Nov 29 10:00:05 mx postfix/smtp[1]: 4Y\0A: to=<b@example.net>, "
	                          "relay=mx[192.0.2.2]:25, delay=1, dsn=2.0.0, status=sent (250 ok)";
	static const char head[] = "Nov 29 10:00:05 mx postfix/smtp[1]: 4Y1A: to=<b@";
	static const char tail[] = ">, relay=mx[192.0.2.2]:25, delay=1, dsn=2.0.0, status=sent (250 ok)";
	static char big[SMTPCODE_SCAN_LINE_MAX];
	static struct logstat ls;
	struct ls_event e;
	size_t h = sizeof head - 1, t = sizeof tail - 1, i;

	(void)state;
	assert_false(read_exact(tag, sizeof tag - 1, &e));
	assert_true(read_exact(qid, sizeof qid - 1, &e));
	assert_int_equal(e.count, LS_DELIVERED);
	assert_int_equal(e.idlen, 4);
	assert_memory_equal(e.id, "4Y\0A", 4);
	memset(big, 'x', sizeof big);
	memcpy(big, head, h);
	memcpy(big + sizeof big - t, tail, t);
	assert_true(read_exact(big, sizeof big, &e));
	assert_int_equal(e.count, LS_DELIVERED);
	assert_int_equal(e.rcptlen, sizeof big - t - h + 4); /* "<b@xxx...x>" */
	read_exact(NULL, 0, NULL);
	/* its domain: cut to a key's 63 bytes */
	logstat_init(&ls);
	logstat_line(&ls, big, sizeof big);
	assert_int_equal(ls.count[LS_DELIVERED], 1);
	assert_int_equal(ls.domains.used, 1);
	assert_int_equal(ls.domains.slot[0].keylen, TOPK_KEY - 1);
	for (i = 0; i < TOPK_KEY - 1; i++)
		assert_int_equal(ls.domains.slot[0].key[i], 'x');
	assert_int_equal(ls.domains.slot[0].key[TOPK_KEY - 1], '\0');
}

/* The domain a recipient is counted under: after its last '@', up to a
 * '>', in lower case; "(no domain)" without one. */
static void domains__of_each_recipient(void **state)
{
	static const struct {
		const char *rcpt, *domains;
	} cases[] = {
		{ "<b@Example.NET>", "example.net" },
		{ "<a@b@example.org>", "example.org" },
		{ "<postmaster>", "(no domain)" },
		{ "<a@>", "(no domain)" },
		{ "<a@example.org>x>", "example.org" },
		{ "<@>", "(no domain)" },
		{ "<a@example.com", "example.com" },
	};
	static struct logstat ls;
	char line[256];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int n = snprintf(line, sizeof line, "Nov 29 10:00:05 mx postfix/smtp[1]: 4Y1A: to=%s, "
		                 "relay=mx[192.0.2.2]:25, delay=1, dsn=2.0.0, status=sent (250 ok)",
		                 cases[i].rcpt);
		char *copy = exact(line, (size_t)n);
		logstat_init(&ls);
		logstat_line(&ls, copy, (size_t)n);
		free(copy);
		assert_int_equal(ls.domains.used, 1);
		assert_string_equal(ls.domains.slot[0].key, cases[i].domains);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(span2__first_of_two_bytes),
		cmocka_unit_test(find_said__as_find),
		cmocka_unit_test(code_at__first_code_standing_alone),
		cmocka_unit_test(cut__in_every_field),
		cmocka_unit_test(nul_bytes_and_long_lines),
		cmocka_unit_test(domains__of_each_recipient),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
