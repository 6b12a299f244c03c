/* test_scan_pairs.c - the marked pairs of a line (scan_pairs.h): a marker
 * the line holds always passes the filter, wherever it stands, and the
 * lookups answer the same with the pairs as without them. */
#include "testutil.h"
#include "smtpcode.h"

#include "scan.h"
#include "scan_pairs.h"

static struct scan_index ix;

static int setup(void **state)
{
	(void)state;
	smtpcode__formats_index(&ix);
	return 0;
}

/* Every row's marker, at the start, inside and at the end of a line (its
 * last pair is the line's last), passes the filter and is found there. */
static void pairs__every_marker_passes(void **state)
{
	static const char *const before[] = { "", "to=<a@example.org>, x ", "550 5.1.1 " };
	static const char *const after[] = { "", " said: 550 5.1.1 (in reply to RCPT TO command)" };
	struct scan_pairs pp;
	char line[160];
	size_t i, b, a;

	(void)state;
	for (i = 0; i < ix.first[SCAN_ROLE_COUNT]; i++)
		for (b = 0; b < sizeof before / sizeof before[0]; b++)
			for (a = 0; a < sizeof after / sizeof after[0]; a++) {
				const struct scan_marker *m = ix.rows[i];
				size_t n = (size_t)snprintf(line, sizeof line, "%s%s%s", before[b],
				                            m->marker, after[a]);
				smtpcode__pairs_mark(&pp, line, n);
				assert_true(scan_may_hold(&pp, m->marker, m->len));
				ix.pairs = &pp;
				assert_ptr_equal(smtpcode__find(&ix, line, m), strstr(line, m->marker));
				assert_ptr_equal(smtpcode__find(&ix, line + strlen(before[b]), m),
				                 line + strlen(before[b]));
				ix.pairs = NULL;
			}
}

/* The slots genscan computed on the build machine (build/scan_slots.inc)
 * are the runtime's, row by row: those of the first and last pair, the
 * slot every line holds for a marker of one byte. */
static void pairs__row_slots_are_the_runtime_ones(void **state)
{
	struct scan_pairs pp;
	size_t i;

	(void)state;
	for (i = 0; i < ix.first[SCAN_ROLE_COUNT]; i++) {
		const struct scan_marker *m = ix.rows[i];
		const unsigned char *u = (const unsigned char *)m->marker;
		if (m->len < 2) {
			assert_int_equal(smtpcode__row_slots[i][0], SCAN_PAIRS);
			assert_int_equal(smtpcode__row_slots[i][1], SCAN_PAIRS);
			continue;
		}
		assert_int_equal(smtpcode__row_slots[i][0], scan_pair_slot(u));
		assert_int_equal(smtpcode__row_slots[i][1], scan_pair_slot(u + m->len - 2));
	}
	smtpcode__pairs_mark(&pp, "", 0);
	assert_int_equal(pp.first[SCAN_PAIRS], 1);
}

/* The transcript prefixes' first pairs (build/scan_slots.inc) let each
 * prefix through, as itself and at a line's start, and stop a line that
 * starts with the prefix's first byte and another second one. */
static void pairs__prefix_bits_let_every_prefix_through(void **state)
{
	static const enum scan_role prefixes[] = { SCAN_SERVER, SCAN_CLIENT, SCAN_SESSION };
	size_t r, i;
	size_t len;

	(void)state;
	for (r = 0; r < sizeof prefixes / sizeof prefixes[0]; r++)
		for (i = ix.first[prefixes[r]]; i < ix.first[prefixes[r] + 1]; i++) {
			unsigned slot = scan_pair_slot((const unsigned char *)ix.rows[i]->marker);
			assert_true(ix.rows[i]->len >= 2);
			assert_true(smtpcode__prefix_pairs[slot / 8] >> slot % 8 & 1);
			assert_int_equal(smtpcode__prefix(&ix, ix.rows[i]->marker, &len), prefixes[r]);
		}
	assert_int_equal(smtpcode__prefix(&ix, "Subject: x", &len), SCAN_ROLE_COUNT);
	assert_int_equal(smtpcode__prefix(&ix, "S", &len), SCAN_ROLE_COUNT);
	/* the raw client's one-byte command, the whole line but its blanks */
	assert_string_equal(smtpcode__raw_client(&ix, ". \t"), "DATA");
	assert_string_equal(smtpcode__raw_client(&ix, "."), "DATA");
	assert_null(smtpcode__raw_client(&ix, ".x"));
	assert_string_equal(smtpcode__raw_client(&ix, "RcPt To:<a@example.org>"), "RCPT");
}

/* An enhanced code's class and dot are a pair of the line: a line with one
 * may hold one (anywhere), a line without none. */
static void pairs__enhanced_codes_pass_the_filter(void **state)
{
	static const char *const with[] = { "5.1.1", "Reason: 4.4.7 expired", "(#5.1.2)",
		                            "status=sent (250 2.0.0 Ok)", "x 5.7.26" };
	struct scan_pairs pp;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof with / sizeof with[0]; i++) {
		smtpcode__pairs_mark(&pp, with[i], strlen(with[i]));
		assert_true(scan_may_hold_enhanced(&pp));
	}
	smtpcode__pairs_mark(&pp, "no code here", 12);
	assert_false(scan_may_hold_enhanced(&pp));
	assert_true(scan_may_hold_enhanced(NULL));
}

/* The filter answers for the line marked and its suffixes only: another
 * string is searched in full. */
static void pairs__cover_the_line_and_its_suffixes(void **state)
{
	static const char line[] = "status=sent (250 2.0.0 Ok)";
	static const char other[] = "dsn=5.1.1";
	struct scan_pairs pp;
	const struct scan_marker *dsn = NULL;
	size_t i;

	(void)state;
	for (i = ix.first[SCAN_ENHANCED]; i < ix.first[SCAN_ENHANCED + 1]; i++)
		if (strcmp(ix.rows[i]->marker, "dsn=") == 0)
			dsn = ix.rows[i];
	assert_non_null(dsn);
	smtpcode__pairs_mark(&pp, line, strlen(line));
	ix.pairs = &pp;
	assert_ptr_equal(scan_covering(&ix, line), &pp);
	assert_ptr_equal(scan_covering(&ix, line + 7), &pp);
	assert_ptr_equal(scan_covering(&ix, line + strlen(line)), &pp);
	assert_null(scan_covering(&ix, other));
	assert_null(smtpcode__find(&ix, line, dsn));         /* the line lacks "ds" */
	assert_ptr_equal(smtpcode__find(&ix, other, dsn), other); /* searched in full */
	ix.pairs = NULL;
	assert_ptr_equal(smtpcode__find(&ix, other, dsn), other);
}

/* A search starts where the marker's first pair is first seen: it finds
 * the first place of the marker (not of its first pair), and from a suffix
 * the first place in that suffix. */
static void pairs__first_place_of_the_marker(void **state)
{
	static const char line[] = "sa x said: a said: b";
	const struct scan_marker *said = NULL;
	struct scan_pairs pp;
	size_t i;

	(void)state;
	for (i = ix.first[SCAN_LEAD_IN]; i < ix.first[SCAN_LEAD_IN + 1]; i++)
		if (strcmp(ix.rows[i]->marker, "said:") == 0)
			said = ix.rows[i];
	assert_non_null(said);
	smtpcode__pairs_mark(&pp, line, strlen(line));
	ix.pairs = &pp;
	assert_ptr_equal(smtpcode__find(&ix, line, said), line + 5);
	assert_ptr_equal(smtpcode__find(&ix, line + 3, said), line + 5);
	assert_ptr_equal(smtpcode__find(&ix, line + 5, said), line + 5);
	assert_ptr_equal(smtpcode__find(&ix, line + 6, said), line + 13);
	assert_null(smtpcode__find(&ix, line + 14, said));
	ix.pairs = NULL;
}

/* Far into a long line (from SCAN_PAIR_FAR on, where the pairs keep no
 * exact place), a marker is still found at its first place: right at
 * SCAN_PAIR_FAR, after its first pair alone, and from a suffix. */
static void pairs__first_place_far_into_a_line(void **state)
{
	const struct scan_marker *said = NULL;
	struct scan_pairs pp;
	char line[400];
	size_t i, at;

	(void)state;
	for (i = ix.first[SCAN_LEAD_IN]; i < ix.first[SCAN_LEAD_IN + 1]; i++)
		if (strcmp(ix.rows[i]->marker, "said:") == 0)
			said = ix.rows[i];
	assert_non_null(said);
	for (at = SCAN_PAIR_FAR - 2; at <= SCAN_PAIR_FAR + 3; at++) {
		memset(line, 'x', sizeof line);
		memcpy(line + at, "said: 550", 9);
		memcpy(line + 300, "sa said: 451", 12);
		line[sizeof line - 1] = '\0';
		smtpcode__pairs_mark(&pp, line, strlen(line));
		ix.pairs = &pp;
		assert_ptr_equal(smtpcode__find(&ix, line, said), line + at);
		assert_ptr_equal(smtpcode__find(&ix, line + at, said), line + at);
		assert_ptr_equal(smtpcode__find(&ix, line + at + 1, said), line + 303);
		assert_ptr_equal(smtpcode__find(&ix, line + 301, said), line + 303);
		assert_null(smtpcode__find(&ix, line + 304, said));
		ix.pairs = NULL;
	}
}

/* The first bytes the index keeps let every transcript prefix and every
 * raw client's command (in either case) through, and stop other lines. */
static void index__first_bytes_let_every_row_through(void **state)
{
	static const enum scan_role prefixes[] = { SCAN_SERVER, SCAN_CLIENT, SCAN_SESSION };
	char line[64];
	size_t i, r, k;
	size_t len;

	(void)state;
	for (r = 0; r < sizeof prefixes / sizeof prefixes[0]; r++)
		for (i = ix.first[prefixes[r]]; i < ix.first[prefixes[r] + 1]; i++) {
			snprintf(line, sizeof line, "%sx", ix.rows[i]->marker);
			assert_int_not_equal(smtpcode__prefix(&ix, line, &len), SCAN_ROLE_COUNT);
		}
	for (i = ix.first[SCAN_RAW_CLIENT]; i < ix.first[SCAN_RAW_CLIENT + 1]; i++) {
		const struct scan_marker *m = ix.rows[i];
		char last = m->marker[m->len - 1];
		snprintf(line, sizeof line, "%s%s", m->marker, last == ' ' || last == ':' ? "x" : "");
		assert_ptr_equal(smtpcode__raw_client(&ix, line), m->command);
		for (k = 0; line[k]; k++)
			line[k] = (char)(line[k] >= 'a' && line[k] <= 'z' ? line[k] - 'a' + 'A' : line[k]);
		assert_ptr_equal(smtpcode__raw_client(&ix, line), m->command);
	}
	assert_int_equal(smtpcode__prefix(&ix, "Nov 22 07:41:25 mx postfix", &len), SCAN_ROLE_COUNT);
	assert_null(smtpcode__raw_client(&ix, "Nov 22 07:41:25 mx postfix"));
	assert_null(smtpcode__raw_client(&ix, ""));
}

/* The first bytes genscan keeps for SCAN_TEXT_END and SCAN_JOIN are those
 * of their markers: each marker's first byte is there, and text that is
 * not the line's (a reply's text, searched without pairs) holding none of
 * them holds no marker; each marker is found in such text. */
static void firsts__text_end_and_joins(void **state)
{
	static const struct {
		enum scan_role role;
		const char *firsts;
	} roles[] = { { SCAN_TEXT_END, smtpcode__text_end_firsts },
		      { SCAN_JOIN, smtpcode__join_firsts } };
	char text[96];
	size_t r, i;

	(void)state;
	ix.pairs = NULL;
	for (r = 0; r < sizeof roles / sizeof roles[0]; r++) {
		size_t n = 0;
		for (i = ix.first[roles[r].role]; i < ix.first[roles[r].role + 1]; i++)
			assert_non_null(strchr(roles[r].firsts, ix.rows[i]->marker[0]));
		for (i = 0; roles[r].firsts[i]; i++)
			n++;
		assert_true(n > 0 && n < SCAN_FIRSTS_MAX);
	}
	for (i = ix.first[SCAN_TEXT_END]; i < ix.first[SCAN_TEXT_END + 1]; i++) {
		snprintf(text, sizeof text, "User unknown %sRCPT TO command)", ix.rows[i]->marker);
		assert_ptr_equal(smtpcode__text_end(&ix, text, 0), text + 13);
	}
	for (i = ix.first[SCAN_JOIN]; i < ix.first[SCAN_JOIN + 1]; i++) {
		size_t len = 0;
		snprintf(text, sizeof text, "Try again later%s550-5.7.1 more", ix.rows[i]->marker);
		assert_ptr_equal(smtpcode__join_in(&ix, text, &len), text + 15);
		assert_int_equal(len, ix.rows[i]->len);
	}
	assert_null(smtpcode__text_end(&ix, "User unknown in reply to RCPT TO command", 0));
	assert_null(smtpcode__join_in(&ix, "Try again later n 550-5.7.1 more", &(size_t){ 0 }));
}

/* The rows of a role whose first and last pairs the line holds, as the
 * row slots say them one by one. */
static uint64_t held_by_slots(const struct scan_pairs *pp, enum scan_role role)
{
	uint64_t m = 0;
	size_t i;

	for (i = ix.first[role]; i < ix.first[role + 1]; i++)
		if (pp->first[smtpcode__row_slots[i][0]] && pp->first[smtpcode__row_slots[i][1]])
			m |= UINT64_C(1) << (i - ix.first[role]);
	return m;
}

/* genscan's code for the rows a line holds (smtpcode__held_rows) gives, for
 * every role it groups, the rows the slots give one by one: on lines made
 * of each marker, and on pseudo-random lines of the bytes markers are made
 * of; EACH_HELD gives those rows in the role's order, and a break or a
 * continue in its body works as in one loop. */
static void held_rows__the_rows_the_slots_give(void **state)
{
	static const char bytes[] = " :=<>()[]\"';,.-_#@rest*dnaoilRSMTPCDE0123459";
	struct scan_pairs pp;
	char line[120];
	unsigned long seed = 1;
	size_t i, k;
	int r, grouped = 0;

	(void)state;
	for (i = 0; i < (size_t)ix.first[SCAN_ROLE_COUNT] + 2000; i++) {
		size_t n;
		if (i < ix.first[SCAN_ROLE_COUNT]) {
			n = (size_t)snprintf(line, sizeof line, "x %s y", ix.rows[i]->marker);
		} else {
			n = 1 + i % (sizeof line - 2);
			for (k = 0; k < n; k++) {
				seed = seed * 1103515245UL + 12345UL;
				line[k] = bytes[(seed >> 16) % (sizeof bytes - 1)];
			}
			line[n] = '\0';
		}
		smtpcode__pairs_mark(&pp, line, n);
		for (r = 0; r < SCAN_ROLE_COUNT; r++) {
			uint64_t want = held_by_slots(&pp, (enum scan_role)r), got = 0;
			size_t rows = (size_t)(ix.first[r + 1] - ix.first[r]);
			if (rows > SCAN_GROUP_ROWS)
				continue;
			grouped += i == 0;
			assert_true(smtpcode__held_rows(pp.first, (enum scan_role)r) == want);
			{
				const scan_row *last = NULL;
				EACH_HELD(&ix, &pp, (enum scan_role)r, m) {
					assert_true(last == NULL || m > last);
					last = m;
					got |= UINT64_C(1) << (m - ix.rows - ix.first[r]);
				}
			}
			assert_true(got == want);
		}
	}
	assert_int_equal(grouped, SCAN_ROLE_COUNT); /* no role has more rows yet */
	/* break leaves the loop at the row; continue goes on to the next */
	smtpcode__pairs_mark(&pp, "said: 550 reply: 551", 20);
	{
		int seen = 0, after = 0;
		EACH_HELD(&ix, &pp, SCAN_LEAD_IN, m) {
			seen++;
			if (strcmp((*m)->marker, "said:") == 0)
				break;
			after++;
		}
		assert_int_equal(seen, 1);
		assert_int_equal(after, 0);
		seen = 0;
		EACH_HELD(&ix, &pp, SCAN_LEAD_IN, m) {
			if (seen++ == 0)
				continue;
		}
		assert_true(seen >= 2); /* "said:", "reply:" at least */
	}
	/* without pairs, every row of the role, in order */
	{
		size_t n = 0;
		EACH_HELD(&ix, NULL, SCAN_DIRECTION, m)
			assert_ptr_equal(m, ix.rows + ix.first[SCAN_DIRECTION] + n++);
		assert_int_equal(n, (size_t)(ix.first[SCAN_DIRECTION + 1] - ix.first[SCAN_DIRECTION]));
	}
}

/* A role of more rows than SCAN_GROUP_ROWS is tried row by row: an index
 * whose first role holds the first 70 rows of the real one (so that their
 * slots stand where genscan put them) gives the rows the slots give, in
 * order, and every row without pairs. */
static void held_rows__a_role_of_more_rows_row_by_row(void **state)
{
	static struct scan_index big;
	static unsigned short first[SCAN_ROLE_COUNT + 1];
	struct scan_pairs pp;
	size_t n = 0, i;
	uint64_t want_lo = 0, got_lo = 0, want_hi = 0, got_hi = 0;

	(void)state;
	big = ix;
	big.first = first; /* first[0] = 0 */
	for (i = 1; i <= SCAN_ROLE_COUNT; i++)
		first[i] = 70;
	assert_true(ix.first[SCAN_ROLE_COUNT] >= 70);
	EACH_HELD(&big, NULL, (enum scan_role)0, m)
		assert_ptr_equal(m, big.rows + n++);
	assert_int_equal(n, 70);
	smtpcode__pairs_mark(&pp, "reject: said: x reply: y mail server after z", 44);
	for (i = 0; i < 70; i++)
		if (pp.first[smtpcode__row_slots[i][0]] && pp.first[smtpcode__row_slots[i][1]])
			*(i < 64 ? &want_lo : &want_hi) |= UINT64_C(1) << i % 64;
	n = 0;
	EACH_HELD(&big, &pp, (enum scan_role)0, m) {
		i = (size_t)(m - big.rows);
		*(i < 64 ? &got_lo : &got_hi) |= UINT64_C(1) << i % 64;
		if (++n == 1000)
			break;
	}
	assert_true(want_lo != 0);
	assert_true(got_lo == want_lo && got_hi == want_hi);
}

/* Short strings: no pair (empty, one byte), a marker of one byte. */
static void pairs__short_strings(void **state)
{
	struct scan_pairs pp;
	size_t slot;
	int any = 0;

	(void)state;
	smtpcode__pairs_mark(&pp, "", 0);
	for (slot = 0; slot < SCAN_PAIRS; slot++)
		any |= pp.first[slot] != 0;
	assert_false(any);
	assert_true(scan_may_hold(&pp, ".", 1)); /* one byte: always searched */
	assert_false(scan_may_hold(&pp, "S:", 2));
	smtpcode__pairs_mark(&pp, "S", 1);
	assert_false(scan_may_hold(&pp, "S:", 2));
	smtpcode__pairs_mark(&pp, "S:", 2);
	assert_true(scan_may_hold(&pp, "S:", 2));
	assert_true(scan_may_hold(&pp, "S", 1));
}

/* Each lookup of a line answers the same with the line's pairs marked as
 * without: lines of the formats the tables know, and lines that hold none
 * of their markers. */
static void pairs__lookups_answer_the_same(void **state)
{
	static const char *const lines[] = {
		"Nov 22 07:41:25 mx postfix/smtp[1000]: 0013F31BD8: to=<u@example.org>, "
		"relay=mx.example.org[192.0.2.1]:25, delay=1.3, dsn=2.0.0, status=sent (250 2.0.0 "
		"Ok: queued as 0013F31BD8)",
		"postfix/smtp[9]: A1: to=<b@example.com>, relay=mx.example.com[203.0.113.5]:25, "
		"dsn=5.1.1, status=bounced (host mx.example.com[203.0.113.5] said: 550 5.1.1 "
		"<b@example.com>: User unknown (in reply to RCPT TO command))",
		"postfix/smtpd[4]: NOQUEUE: reject: RCPT from x[192.0.2.9]: 554 5.7.1 <c@example.net>: "
		"Relay access denied; from=<a@example.org> to=<c@example.net>",
		"1abc-000 ** bob@example.org R=dnslookup T=remote_smtp H=mx.example.org [192.0.2.7]: "
		"SMTP error from remote mail server after RCPT TO:<bob@example.org>: 550 5.1.1 no",
		"sm-mta[5]: x: to=<d@example.org>, delay=00:00:01, mailer=esmtp, dsn=5.1.1, "
		"stat=User unknown",
		"connect to mx.example.net[198.51.100.4]:25: Connection refused",
		"Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound'",
		"Sorry, I couldn't find any host named example.invalid. (#5.1.2)",
		"smtplib.SMTPRecipientsRefused: {'e@example.org': (550, b'5.1.1 no')}",
		"Recipient <g@example.org> rejected: 550 5.1.1 no such user",
		"Sender <h@example.org> was fine, recipient <i@example.org> rejected",
		"<mx.example.net #5.0.0 smtp; 554 5.7.1 refused>",
		"<mx.example.net #5.0.0smtp; 554 5.7.1 refused>",
		"nothing to see here at all",
		"",
	};
	struct scan_pairs pp;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof lines / sizeof lines[0]; i++) {
		const char *l = lines[i], *c0, *c1;
		enum smtpcode_outcome o0, o1;
		enum smtpcode_direction d0, d1;
		char r0[SCAN_ADDRESS], r1[SCAN_ADDRESS], h0[SCAN_ADDRESS], h1[SCAN_ADDRESS];
		int has0, has1;
		size_t n0 = 0, n1 = 0;
		struct smtpcode_enhanced_code code0, code1;
		const char *span1;

		ix.pairs = NULL;
		c0 = smtpcode__command_in(&ix, l);
		o0 = smtpcode__outcome_in(&ix, l);
		d0 = smtpcode__direction_in(&ix, l);
		has0 = smtpcode__recipient_in(&ix, l, r0) * 2 + smtpcode__host_in(&ix, l, h0);
		c0 = c0 ? c0 : smtpcode__record_text(&ix, l, &n0);
		smtpcode__pairs_mark(&pp, l, strlen(l));
		ix.pairs = &pp;
		c1 = smtpcode__command_in(&ix, l);
		o1 = smtpcode__outcome_in(&ix, l);
		d1 = smtpcode__direction_in(&ix, l);
		has1 = smtpcode__recipient_in(&ix, l, r1) * 2 + smtpcode__host_in(&ix, l, h1);
		c1 = c1 ? c1 : smtpcode__record_text(&ix, l, &n1);
		assert_ptr_equal(c0, c1);
		assert_int_equal(n0, n1);
		assert_int_equal(o0, o1);
		assert_int_equal(d0, d1);
		assert_int_equal(has0, has1);
		if (has0 & 2)
			assert_string_equal(r0, r1);
		if (has0 & 1)
			assert_string_equal(h0, h1);
		c1 = smtpcode__enhanced_field(&ix, l);
		has1 = smtpcode__status_before(&ix, l, l + strlen(l), &code1);
		span1 = smtpcode__command_span(&ix, l);
		ix.pairs = NULL;
		assert_ptr_equal(smtpcode__enhanced_field(&ix, l), c1);
		has0 = smtpcode__status_before(&ix, l, l + strlen(l), &code0);
		assert_int_equal(has0, has1);
		if (has0)
			assert_memory_equal(&code0, &code1, sizeof code0);
		assert_ptr_equal(smtpcode__command_span(&ix, l), span1);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(pairs__every_marker_passes),
		cmocka_unit_test(pairs__row_slots_are_the_runtime_ones),
		cmocka_unit_test(pairs__prefix_bits_let_every_prefix_through),
		cmocka_unit_test(pairs__enhanced_codes_pass_the_filter),
		cmocka_unit_test(pairs__cover_the_line_and_its_suffixes),
		cmocka_unit_test(pairs__first_place_of_the_marker),
		cmocka_unit_test(pairs__first_place_far_into_a_line),
		cmocka_unit_test(pairs__short_strings),
		cmocka_unit_test(firsts__text_end_and_joins),
		cmocka_unit_test(held_rows__the_rows_the_slots_give),
		cmocka_unit_test(held_rows__a_role_of_more_rows_row_by_row),
		cmocka_unit_test(index__first_bytes_let_every_row_through),
		cmocka_unit_test(pairs__lookups_answer_the_same),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
