/* test_format_text.c - the text layout: exact output, and the width holds. */
#include "testutil.h"
#include "format.h"
#include "prewrap.h"
#include "wrap.h"

static char *lookup_text(int code, const char *after, int width)
{
	struct smtpcode_lookup lk;
	struct style st = { width, 0, 0 };
	FILE *f = capture_open();

	assert_int_equal(smtpcode_lookup(code, after, &lk), 0);
	text_lookup(f, &lk, &st);
	return capture_close(f);
}

static char *wrapped(const char *text, int col, int open, int indent, int width)
{
	FILE *f = capture_open();

	wrap_from(f, text, col, open, indent, width);
	return capture_close(f);
}

/* Plain text goes a line at a time: the break is the last space that fits,
 * a word longer than a line stands alone, the first word of an open line
 * moves on when it does not fit, and two-byte characters take one column. */
static void wrap__plain_text__breaks_like_word_at_a_time(void **state)
{
	static const struct {
		const char *text;
		int col, open, indent, width;
		const char *want;
	} cases[] = {
		{ "abc defgh ij", 0, 0, 2, 10, "abc defgh\n  ij\n" },
		{ "abc defghi", 0, 0, 2, 10, "abc defghi\n" },
		{ "abc defghij", 0, 0, 2, 10, "abc\n  defghij\n" },
		{ "abcdef", 8, 1, 2, 10, "\n  abcdef\n" },
		{ "ab", 7, 1, 2, 10, " ab\n" },
		{ "a verylongword b", 0, 0, 0, 8, "a\nverylongword\nb\n" },
		{ "\xc2\xa7\xc2\xa7\xc2\xa7\xc2\xa7 \xc2\xa7\xc2\xa7", 0, 0, 0, 5,
		  "\xc2\xa7\xc2\xa7\xc2\xa7\xc2\xa7\n\xc2\xa7\xc2\xa7\n" },
		{ "a  b", 0, 0, 0, 10, "a b\n" }, /* not plain: the word wrapper */
		{ "", 0, 0, 0, 10, "\n" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = wrapped(cases[i].text, cases[i].col, cases[i].open, cases[i].indent,
		                    cases[i].width);
		assert_string_equal(got, cases[i].want);
		free(got);
	}
}

/* The test for plain text finds a double space, a control byte, DEL or a
 * byte of a two-byte character wherever it stands (its eight-byte windows
 * overlap; the last one ends the text): the output is the word wrapper's,
 * whose double space prints as one and control byte escaped. */
static void wrap__not_plain_anywhere__word_wrapper(void **state)
{
	char text[48], want[64];
	size_t n, k;

	(void)state;
	for (n = 3; n <= 40; n++)
		for (k = 1; k + 2 < n; k++) {
			char *got;
			memset(text, 'a', n);
			text[n] = '\0';
			text[k] = text[k + 1] = ' ';
			got = wrapped(text, 0, 0, 0, 200);
			memset(want, 'a', n - 1);
			want[k] = ' ';
			want[n - 1] = '\n';
			want[n] = '\0';
			assert_string_equal(got, want);
			free(got);
			text[k + 1] = 'a';
			text[k] = '\x01';
			got = wrapped(text, 0, 0, 0, 200);
			assert_non_null(strstr(got, "\\x01"));
			free(got);
			text[k] = '\x7f';
			got = wrapped(text, 0, 0, 0, 200);
			assert_non_null(strstr(got, "\\x7F"));
			free(got);
			text[k] = '\xc3', text[k + 1] = '\xa9'; /* U+00E9 is plain: one column */
			got = wrapped(text, 0, 0, 0, n - 1);
			assert_int_equal(strlen(got), n + 1);
			free(got);
		}
}

/* prewrap_put(id, text) into a string; NULL when it refuses (and then it
 * wrote nothing). */
static char *prewrapped(long id, const char *text)
{
	struct sink s;
	FILE *f = capture_open();
	int r;
	char *got;

	sink_init(&s, f);
	r = prewrap_put(&s, id, text);
	if (r != 0)
		assert_int_equal(s.len, 0);
	sink_flush(&s);
	got = capture_close(f);
	if (r == 0)
		return got;
	assert_string_equal(got, "");
	free(got);
	return NULL;
}

/* The runtime's wrap of a section's text at the default width. */
static void assert_prewrap_same(long id, const char *text)
{
	char *want = wrapped(text, PREWRAP_INDENT, 0, PREWRAP_INDENT, PREWRAP_WIDTH);
	char *got = prewrapped(id, text);

	assert_non_null(got);
	assert_memory_equal(got, "  ", 2);
	assert_string_equal(got + 2, want);
	free(want);
	free(got);
}

/* Every long text of the table comes pre-wrapped, byte for byte as the
 * runtime wraps it. */
/* The four texts of a meaning (enhanced 0) or registry row (1). */
static void assert_row_prewrapped(int enhanced, size_t row, const char *description,
                                  const char *when_seen, const char *fix, const char *source)
{
	assert_prewrap_same(prewrap_id(enhanced, row, PREWRAP_DESCRIPTION), description);
	assert_prewrap_same(prewrap_id(enhanced, row, PREWRAP_WHEN_SEEN), when_seen);
	assert_prewrap_same(prewrap_id(enhanced, row, PREWRAP_FIX), fix);
	assert_prewrap_same(prewrap_id(enhanced, row, PREWRAP_SOURCE), source);
}

static void prewrap__every_text__same_as_wrap(void **state)
{
	struct smtpcode_meaning m;
	struct smtpcode_enhanced_entry e;
	size_t i;

	(void)state;
	for (i = 0; smtpcode_meaning_at(i, &m) == 0; i++)
		assert_row_prewrapped(0, i, m.description, m.when_seen, m.fix, m.source);
	assert_int_equal(prewrap_id(0, i, PREWRAP_DESCRIPTION), PREWRAP_NONE);
	for (i = 0; smtpcode_enhanced_at(i, &e) == 0; i++)
		assert_row_prewrapped(1, i, e.description, e.when_seen, e.fix, e.source);
	assert_int_equal(prewrap_id(1, i, PREWRAP_SOURCE), PREWRAP_NONE);
	assert_int_equal(prewrap_id(0, 0, PREWRAP_FIELDS), PREWRAP_NONE);
}

/* No id, or one out of range: nothing is written, and the caller wraps. */
static void prewrap__no_text__refused(void **state)
{
	struct smtpcode_meaning m;

	(void)state;
	assert_int_equal(smtpcode_meaning_at(0, &m), 0);
	assert_int_equal(prewrap_id(0, (size_t)-1, PREWRAP_FIX), PREWRAP_NONE);
	assert_int_equal(prewrap_id(1, (size_t)-1, PREWRAP_FIX), PREWRAP_NONE);
	assert_null(prewrapped(-5, m.description));
	assert_null(prewrapped(PREWRAP_NONE, m.description));
	assert_null(prewrapped(1L << 30, m.description));
}

/* A sink keeps the order of what it is given, whatever the sizes. */
static void sink__large_and_small_writes__in_order(void **state)
{
	static char big[20000], want[20010];
	struct sink s;
	FILE *f = capture_open();
	char *got;

	(void)state;
	memset(big, 'b', sizeof big - 1);
	sink_init(&s, f);
	sink_puts(&s, "abc");
	sink_put(&s, big, sizeof big - 1);
	sink_putc(&s, 'z');
	sink_put(&s, big, sizeof s.buf - 1);
	sink_putc(&s, 'y');
	sink_putc(&s, 'x');
	sink_flush(&s);
	got = capture_close(f);
	assert_int_equal(strlen(got), 3 + (sizeof big - 1) + 1 + (sizeof s.buf - 1) + 2);
	snprintf(want, sizeof want, "abc%sz", big);
	assert_memory_equal(got, want, strlen(want));
	assert_string_equal(got + strlen(want) + sizeof s.buf - 1, "yx");
	free(got);
}

static void lookup__undefined__exact_text(void **state)
{
	char *got = lookup_text(418, NULL, 80);

	(void)state;
	assert_string_equal(got,
		"SMTP 418 (not defined)\n"
		"Class:     4xx Transient Negative Completion\n"
		"Category:  x1x Information\n"
		"Status:    not defined\n"
		"\n"
		"Note: 418 is not defined by any RFC or by the IANA registry. RFC 5321 §4.2.1 has\n"
		"  a client act on the first digit of a code it does not know: The command failed\n"
		"  for now; the client may try the same command again later, typically after a\n"
		"  delay of at least 30 minutes for a message (RFC 5321 §4.5.4.1).\n");
	free(got);
}

static void lookup__narrow_width__wraps_words(void **state)
{
	char *got = lookup_text(597, NULL, 40);

	(void)state;
	assert_string_equal(got,
		"SMTP 597 (not defined)\n"
		"Class:     5xx Permanent Negative\n"
		"           Completion\n"
		"Category:  x9x Not assigned\n"
		"Status:    not defined\n"
		"\n"
		"Note: 597 is not defined by any RFC or\n"
		"  by the IANA registry. RFC 5321 §4.2.1\n"
		"  has a client act on the first digit of\n"
		"  a code it does not know: The command\n"
		"  failed for good; the client must not\n"
		"  repeat it unchanged, and an\n"
		"  undeliverable message is returned to\n"
		"  its sender.\n");
	free(got);
}

/* The reply a scan finds, kept for printing. */
static struct smtpcode_reply captured;

static void capture_reply(const struct smtpcode_reply *r, void *arg)
{
	captured = *r;
	++*(int *)arg;
}

/* Every line of s fits width columns, or is a single word after its indent. */
static void check_width(const char *s, int width)
{
	while (*s) {
		const char *end = strchr(s, '\n');
		int cols = 0;
		const char *p;
		assert_non_null(end);
		for (p = s; p < end; p++)
			if (((unsigned char)*p & 0xC0) != 0x80)
				cols++;
		if (cols > width) {
			const char *w = s;
			while (*w == ' ')
				w++;
			if (memchr(w, ' ', (size_t)(end - w))) {
				print_error("line over %d columns: %.*s\n", width, (int)(end - s), s);
				fail();
			}
		}
		s = end + 1;
	}
}

static void lookup__every_code__within_width_and_complete(void **state)
{
	struct smtpcode_meaning m;
	size_t i;

	(void)state;
	for (i = 0; smtpcode_meaning_at(i, &m) == 0; i++) {
		char *got = lookup_text(m.basic, NULL, 80);
		check_width(got, 80);
		assert_non_null(strstr(got, "\nDescription\n"));
		assert_non_null(strstr(got, "\nWhen you see it\n"));
		assert_non_null(strstr(got, "\nHow to fix\n"));
		assert_non_null(strstr(got, "\nSource\n"));
		assert_memory_equal(got, "SMTP ", 5);
		free(got);
		got = lookup_text(m.basic, NULL, 50);
		check_width(got, 50);
		free(got);
	}
}

static void lookup__several_meanings__numbered(void **state)
{
	char *got = lookup_text(251, NULL, 80);

	(void)state;
	assert_non_null(strstr(got, "\nMeanings: "));
	assert_non_null(strstr(got, "\n[1] 251 "));
	assert_non_null(strstr(got, "\n[2] 251 "));
	free(got);
	got = lookup_text(251, "ETRN", 80);
	assert_null(strstr(got, "\nMeanings: "));
	assert_null(strstr(got, "\n[1] "));
	assert_non_null(strstr(got, "\nReply to:  ETRN\n"));
	free(got);
}

static void compare__sections__in_order(void **state)
{
	static struct smtpcode_compare c;
	FILE *f = capture_open();
	char *got;
	const char *p;

	(void)state;
	struct smtpcode_query qa = { SMTPCODE_KIND_BASIC, 251, { 0, 0, 0 } };
	struct smtpcode_query qb = { SMTPCODE_KIND_BASIC, 551, { 0, 0, 0 } };

	assert_int_equal(smtpcode_compare(&qa, &qb, NULL, &c), 0);
	text_compare(f, &c, &(struct style){ 80, 0, 0 });
	got = capture_close(f);
	check_width(got, 80);
	assert_memory_equal(got, "SMTP 251 ", 9);
	p = strstr(got, "\nSummary\n");
	assert_non_null(p);
	p = strstr(p, "\nSMTP 251 ");
	assert_non_null(p);
	p = strstr(p, "\nSMTP 551 ");
	assert_non_null(p);
	p = strstr(p, "\nKey differences\n  1. Class: ");
	assert_non_null(p);
	p = strstr(p, "\nWhen to use which\n  ");
	assert_non_null(p);
	free(got);
}

/* Text from the input: control bytes, C1 and invalid UTF-8 shown as \xNN and
 * counted as they show (four columns each); a tab separates words and shows
 * as a space; valid UTF-8 passes. */
static void field__hostile_value__escaped_and_counted(void **state)
{
	struct style st = { 30, 0, 0 };
	FILE *f = capture_open();
	char *got;

	(void)state;
	text_field(f, &st, "l.text",
	           "\x1b[2J abc \x9b" "def\tghi \xc2\x9b jkl caf\xc3\xa9 \xff\xfe\xfd\xfc\xfb\xfa mno");
	got = capture_close(f);
	assert_string_equal(got,
		"Text:      \\x1B[2J abc \\x9Bdef\n"
		"           ghi \\xC2\\x9B jkl\n"
		"           caf\xc3\xa9\n"
		"           \\xFF\\xFE\\xFD\\xFC\\xFB\\xFA\n"
		"           mno\n");
	check_width(got, 30);
	free(got);
}

/* Every byte value in a scanned reply: the text output holds no control
 * byte but the newlines it writes itself. */
static void reply__every_byte__no_control_bytes(void **state)
{
	static struct smtpcode_scanner sc;
	struct style st = { 80, 0, 0 };
	char line[10 + 256];
	FILE *f = capture_open();
	char *got;
	const unsigned char *p;
	int c, found = 0;

	(void)state;
	memcpy(line, "550 5.1.1 ", 10);
	for (c = 0; c < 256; c++)
		line[10 + c] = c == '\n' || c == 0 ? 'x' : (char)c;
	smtpcode_scanner_init(&sc);
	smtpcode_scanner_line(&sc, line, sizeof line, capture_reply, &found);
	smtpcode_scanner_end(&sc, capture_reply, &found);
	assert_int_equal(found, 1);
	text_reply(f, &captured, 1, 1, &st);
	got = capture_close(f);
	for (p = (const unsigned char *)got; *p; p++) {
		assert_false(*p < 0x20 && *p != '\n');
		assert_false(*p == 0x7F);
		assert_false(p[0] == 0xC2 && p[1] >= 0x80 && p[1] < 0xA0);
	}
	assert_non_null(strstr(got, "\\x08\n           x\\x0B\\x0C\\x0D")); /* the tab */
	assert_non_null(strstr(got, "\\x1B\\x1C\\x1D\\x1E\\x1F\n"));
	assert_non_null(strstr(got, "}~\\x7F\\x80\\x81"));
	free(got);
}

/* With colour on, the class code is coloured outside the text that wraps:
 * its escape is not escaped, and the line wraps as it does without colour. */
static void lookup__colour__class_code_coloured(void **state)
{
	struct smtpcode_lookup lk;
	struct style st = { 40, 1, 0 };
	FILE *f = capture_open();
	char *got;

	(void)state;
	assert_int_equal(smtpcode_lookup(550, NULL, &lk), 0);
	text_lookup(f, &lk, &st);
	got = capture_close(f);
	assert_memory_equal(got,
		"SMTP \033[31m550\033[0m Mailbox Unavailable\n"
		"Class:     \033[31m5xx\033[0m Permanent Negative\n"
		"           Completion\n", 91);
	free(got);
}

static void names__code_or_none(void **state)
{
	struct style st = { 80, 0, 0 };
	struct smtpcode_meaning m;
	struct smtpcode_query q;
	struct smtpcode_item item;
	char buf[64];

	(void)state;
	assert_string_equal(basic_name(550), "Mailbox Unavailable");
	assert_null(basic_name(299));
	assert_string_equal(enhanced_title(1, 1), "Bad destination mailbox address");
	assert_null(enhanced_title(7, 606));
	assert_null(enhanced_title(9, 1));
	smtpcode_parse("4.1.1", &q, NULL);
	smtpcode_lookup_item(&q, NULL, &item);
	assert_string_equal(item_name(&item), "Bad destination mailbox address");
	smtpcode_parse("5.7.606", &q, NULL);
	smtpcode_lookup_item(&q, NULL, &item);
	assert_null(item_name(&item));
	assert_string_equal(undefined_label(&st, item.kind, buf, sizeof buf), "(not registered)");
	smtpcode_parse("299", &q, NULL);
	smtpcode_lookup_item(&q, NULL, &item);
	assert_null(item_name(&item));
	assert_string_equal(undefined_label(&st, item.kind, buf, sizeof buf), "(not defined)");
	/* The selected meaning: 251 after ETRN is not its first one. */
	smtpcode_parse("251", &q, NULL);
	smtpcode_lookup_item(&q, "ETRN", &item);
	assert_int_equal(smtpcode_meaning_at(item.basic.first, &m), 0);
	assert_true(smtpcode_meaning_answers(&m, "ETRN"));
	assert_string_equal(item_name(&item), m.name);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(lookup__undefined__exact_text),
		cmocka_unit_test(prewrap__every_text__same_as_wrap),
		cmocka_unit_test(prewrap__no_text__refused),
		cmocka_unit_test(sink__large_and_small_writes__in_order),
		cmocka_unit_test(names__code_or_none),
		cmocka_unit_test(lookup__narrow_width__wraps_words),
		cmocka_unit_test(lookup__every_code__within_width_and_complete),
		cmocka_unit_test(lookup__several_meanings__numbered),
		cmocka_unit_test(compare__sections__in_order),
		cmocka_unit_test(field__hostile_value__escaped_and_counted),
		cmocka_unit_test(reply__every_byte__no_control_bytes),
		cmocka_unit_test(lookup__colour__class_code_coloured),
		cmocka_unit_test(wrap__plain_text__breaks_like_word_at_a_time),
		cmocka_unit_test(wrap__not_plain_anywhere__word_wrapper),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
