/* test_enhanced.c - RFC 3463 enhanced codes: parsing, the registry table,
 * lookups and provider notes. */
#include "testutil.h"
#include "smtpcode.h"

#define ANY SMTPCODE_ANY

/* The index of registry entry (c, s, d); fails the test if there is none. */
static size_t row_of(int c, int s, int d)
{
	size_t row = SMTPCODE_NO_ROW;

	assert_int_equal(smtpcode_enhanced_find(c, s, d, &row), 0);
	return row;
}

static const char *enhanced_note_of(const struct smtpcode_enhanced_lookup *lk, size_t i)
{
	static char buf[1024];
	size_t n = smtpcode_enhanced_lookup_note(lk, i, buf, sizeof buf);

	assert_int_equal(n, strlen(buf));
	assert_int_equal(smtpcode_enhanced_lookup_note(lk, i, NULL, 0), n);
	return buf;
}

static void parse(const char *text, enum smtpcode_parse_error want, int c, int s, int d)
{
	struct smtpcode_enhanced_code code = { 7, -1, -1 };

	assert_int_equal(smtpcode_parse_enhanced(text, &code, NULL), want);
	if (want == SMTPCODE_PARSE_OK) {
		assert_int_equal(code.reply_class, c);
		assert_int_equal(code.subject, s);
		assert_int_equal(code.detail, d);
	} else {
		assert_int_equal(code.reply_class, 7); /* left alone */
	}
}

static void parse_enhanced__valid__parts(void **state)
{
	(void)state;
	parse("5.1.1", SMTPCODE_PARSE_OK, 5, 1, 1);
	parse("2.0.0", SMTPCODE_PARSE_OK, 2, 0, 0);
	parse("4.7.606", SMTPCODE_PARSE_OK, 4, 7, 606);
	parse("5.999.999", SMTPCODE_PARSE_OK, 5, 999, 999);
	parse("X.1.10", SMTPCODE_PARSE_OK, SMTPCODE_ANY, 1, 10);
	parse("x.7.1", SMTPCODE_PARSE_OK, SMTPCODE_ANY, 7, 1);
}

static void parse_enhanced__malformed__rfc3463_syntax(void **state)
{
	size_t bad = 99;
	struct smtpcode_enhanced_code code;

	(void)state;
	parse("", SMTPCODE_PARSE_EMPTY, 0, 0, 0);
	parse("5.01.1", SMTPCODE_PARSE_ENH_LEADING_ZERO, 0, 0, 0);
	parse("5.1.01", SMTPCODE_PARSE_ENH_LEADING_ZERO, 0, 0, 0);
	parse("6.1.1", SMTPCODE_PARSE_ENH_CLASS, 0, 0, 0);
	parse("3.1.1", SMTPCODE_PARSE_ENH_CLASS, 0, 0, 0);
	parse("55.1.1", SMTPCODE_PARSE_ENH_CLASS, 0, 0, 0);
	parse("5.1", SMTPCODE_PARSE_ENH_PARTS_FEW, 0, 0, 0);
	parse("5.1.1.1", SMTPCODE_PARSE_ENH_PARTS_MANY, 0, 0, 0);
	parse("5..1", SMTPCODE_PARSE_ENH_EMPTY_PART, 0, 0, 0);
	parse(".1.1", SMTPCODE_PARSE_ENH_EMPTY_PART, 0, 0, 0);
	parse("5.1.", SMTPCODE_PARSE_ENH_EMPTY_PART, 0, 0, 0);
	parse("5.1.1000", SMTPCODE_PARSE_ENH_TOO_LONG, 0, 0, 0);
	parse("5.1000.1", SMTPCODE_PARSE_ENH_TOO_LONG, 0, 0, 0);
	parse("5.X.1", SMTPCODE_PARSE_NOT_DIGIT, 0, 0, 0);
	parse("XX.1.1", SMTPCODE_PARSE_NOT_DIGIT, 0, 0, 0);
	parse(" 5.1.1", SMTPCODE_PARSE_NOT_DIGIT, 0, 0, 0);
	assert_int_equal(smtpcode_parse_enhanced("5.1.a", &code, &bad), SMTPCODE_PARSE_NOT_DIGIT);
	assert_int_equal(bad, 4);
}

static void parse__dot_picks_kind(void **state)
{
	struct smtpcode_query q;

	(void)state;
	assert_int_equal(smtpcode_parse("550", &q, NULL), SMTPCODE_PARSE_OK);
	assert_int_equal(q.kind, SMTPCODE_KIND_BASIC);
	assert_int_equal(q.basic, 550);
	assert_int_equal(smtpcode_parse("5.5.0", &q, NULL), SMTPCODE_PARSE_OK);
	assert_int_equal(q.kind, SMTPCODE_KIND_ENHANCED);
	assert_int_equal(q.enhanced.subject, 5);
	assert_int_equal(smtpcode_parse("5.50", &q, NULL), SMTPCODE_PARSE_ENH_PARTS_FEW);
}

static void enhanced_text__class_or_x(void **state)
{
	struct smtpcode_enhanced_code c = { 5, 7, 26 };
	char buf[16];

	(void)state;
	assert_string_equal(smtpcode_enhanced_text(&c, buf, sizeof buf), "5.7.26");
	c.reply_class = SMTPCODE_ANY;
	assert_string_equal(smtpcode_enhanced_text(&c, buf, sizeof buf), "X.7.26");
	assert_string_equal(smtpcode_enhanced_class_name(2), "Success");
	assert_string_equal(smtpcode_enhanced_class_name(4), "Persistent Transient Failure");
	assert_string_equal(smtpcode_enhanced_class_name(5), "Permanent Failure");
	assert_null(smtpcode_enhanced_class_name(3));
}

static void table__classes_subjects_details(void **state)
{
	struct smtpcode_enhanced_entry e;
	size_t row;
	int s;

	(void)state;
	assert_int_equal(smtpcode_enhanced_find(2, ANY, ANY, NULL), 0);
	assert_int_equal(smtpcode_enhanced_find(4, ANY, ANY, NULL), 0);
	assert_int_equal(smtpcode_enhanced_find(5, ANY, ANY, NULL), 0);
	row = 99;
	assert_int_equal(smtpcode_enhanced_find(3, ANY, ANY, &row), -1);
	assert_int_equal(row, 99); /* left alone */
	for (s = 0; s <= 7; s++)
		assert_int_equal(smtpcode_enhanced_find(ANY, s, ANY, NULL), 0);
	assert_int_equal(smtpcode_enhanced_find(ANY, 8, ANY, NULL), -1);
	/* The class of a subject or code entry is ANY, not 0 or a digit. */
	assert_int_equal(smtpcode_enhanced_find(0, 1, ANY, NULL), -1);
	assert_int_equal(smtpcode_enhanced_find(5, 1, 1, NULL), -1);
	assert_int_equal(smtpcode_enhanced_at(row_of(ANY, 1, 1), &e), 0);
	assert_int_equal(e.reply_class, ANY);
	assert_string_equal(e.title, "Bad destination mailbox address");
	assert_int_equal(smtpcode_enhanced_lists_basic(&e, 550), 1);
	assert_int_equal(smtpcode_enhanced_lists_basic(&e, 551), 0);
	assert_int_equal(smtpcode_enhanced_at(row_of(ANY, 6, 10), &e), 0);
	assert_true(e.deprecated);
	assert_int_equal(smtpcode_enhanced_at(smtpcode_enhanced_count(), &e), -1);
}

static void lists_basic__exact_and_class(void **state)
{
	struct smtpcode_enhanced_entry e;

	(void)state;
	memset(&e, 0, sizeof e);
	e.basic_codes = "451,550,5XX";
	assert_int_equal(smtpcode_enhanced_lists_basic(&e, 451), 1);
	assert_int_equal(smtpcode_enhanced_lists_basic(&e, 550), 1);
	assert_int_equal(smtpcode_enhanced_lists_basic(&e, 554), 2);
	assert_int_equal(smtpcode_enhanced_lists_basic(&e, 450), 0);
	e.basic_codes = "-";
	assert_int_equal(smtpcode_enhanced_lists_basic(&e, 550), 0);
	e.basic_codes = "Any";
	assert_int_equal(smtpcode_enhanced_lists_basic(&e, 250), 2);
	assert_int_equal(smtpcode_enhanced_lists_basic(&e, 354), 0);
}

/* The index agrees with reading every entry's list, for every code. */
static void for_basic__index_matches_every_list(void **state)
{
	struct smtpcode_enhanced_entry e;
	size_t rows[64], n, i, k;
	int basic, total = 0;

	(void)state;
	for (basic = 100; basic <= 599; basic++) {
		n = smtpcode_enhanced_for_basic(basic, rows, sizeof rows / sizeof rows[0]);
		assert_true(n <= sizeof rows / sizeof rows[0]);
		for (i = 0, k = 0; smtpcode_enhanced_at(i, &e) == 0; i++) {
			if (e.detail == ANY || smtpcode_enhanced_lists_basic(&e, basic) != 1)
				continue;
			assert_true(k < n);
			assert_int_equal(rows[k], i);
			k++;
		}
		assert_int_equal(k, n);
		total += (int)n;
	}
	assert_true(total > 50);
}

static void for_basic__known_codes_and_limits(void **state)
{
	size_t rows[4] = { 99, 99, 99, 99 };

	(void)state;
	assert_int_equal(smtpcode_enhanced_for_basic(252, rows, 4), 2);
	assert_int_equal(rows[0], row_of(ANY, 5, 0));
	assert_int_equal(rows[1], row_of(ANY, 6, 8));
	assert_int_equal(rows[2], 99);
	rows[0] = rows[1] = 99;
	assert_int_equal(smtpcode_enhanced_for_basic(252, rows, 1), 2); /* the count, not max */
	assert_int_equal(rows[0], row_of(ANY, 5, 0));
	assert_int_equal(rows[1], 99);
	assert_int_equal(smtpcode_enhanced_for_basic(252, NULL, 0), 2);
	assert_int_equal(smtpcode_enhanced_for_basic(299, rows, 4), 0);
	assert_int_equal(smtpcode_enhanced_for_basic(0, rows, 4), 0);
	assert_int_equal(smtpcode_enhanced_for_basic(-5, rows, 4), 0);
	assert_int_equal(smtpcode_enhanced_for_basic(100000, rows, 4), 0);
}

static void lookup__registered__rows(void **state)
{
	struct smtpcode_enhanced_lookup lk;
	struct smtpcode_enhanced_code c = { 5, 1, 1 };

	(void)state;
	smtpcode_lookup_enhanced(&c, &lk);
	assert_true(lk.known);
	assert_string_equal(lk.text, "5.1.1");
	assert_int_equal(lk.class_row, row_of(5, ANY, ANY));
	assert_int_equal(lk.subject_row, row_of(ANY, 1, ANY));
	assert_int_equal(lk.detail_row, row_of(ANY, 1, 1));
	assert_int_equal(lk.note_count, 0);
	c.reply_class = ANY;
	smtpcode_lookup_enhanced(&c, &lk);
	assert_true(lk.known);
	assert_string_equal(lk.text, "X.1.1");
	assert_int_equal(lk.class_row, SMTPCODE_NO_ROW);
}

static void lookup__unregistered__subject_level_note(void **state)
{
	struct smtpcode_enhanced_lookup lk;
	struct smtpcode_enhanced_code c = { 5, 7, 606 };

	(void)state;
	smtpcode_lookup_enhanced(&c, &lk);
	assert_false(lk.known);
	assert_int_equal(lk.detail_row, SMTPCODE_NO_ROW);
	assert_int_equal(lk.subject_row, row_of(ANY, 7, ANY));
	assert_int_equal(lk.note_count, 1);
	assert_memory_equal(enhanced_note_of(&lk, 0), "5.7.606 is not in the IANA registry.", 36);
	assert_non_null(strstr(enhanced_note_of(&lk, 0), "X.7.X, "));
	c.subject = 9;
	c.detail = 1;
	smtpcode_lookup_enhanced(&c, &lk);
	assert_int_equal(lk.subject_row, SMTPCODE_NO_ROW);
	assert_non_null(strstr(enhanced_note_of(&lk, 0), "defines no subject 9"));
}

static void lookup__provider_notes__exact_class_or_any_for_x(void **state)
{
	struct smtpcode_enhanced_lookup lk;
	struct smtpcode_provider_note n;
	size_t i;

	(void)state;
	assert_true(smtpcode_provider_note_count() > 0);
	for (i = 0; smtpcode_provider_note_at(i, &n) == 0; i++) {
		struct smtpcode_enhanced_code x = n.enhanced;
		size_t k, found = 0;
		smtpcode_lookup_enhanced(&n.enhanced, &lk);
		for (k = 0; k < lk.provider_count; k++)
			found |= lk.provider[k] == i;
		assert_true(found);
		x.reply_class = ANY;
		smtpcode_lookup_enhanced(&x, &lk);
		for (k = 0, found = 0; k < lk.provider_count; k++)
			found |= lk.provider[k] == i;
		assert_true(found);
		/* A range covers its last detail, and nothing after it. */
		x.reply_class = n.enhanced.reply_class;
		x.detail = n.detail_last;
		smtpcode_lookup_enhanced(&x, &lk);
		for (k = 0, found = 0; k < lk.provider_count; k++)
			found |= lk.provider[k] == i;
		assert_true(found);
		x.detail = n.detail_last + 1;
		smtpcode_lookup_enhanced(&x, &lk);
		for (k = 0, found = 0; k < lk.provider_count; k++)
			found |= lk.provider[k] == i;
		assert_false(found);
		x.detail = n.enhanced.detail;
		/* The other failure class does not share the note. */
		x.reply_class = n.enhanced.reply_class == 5 ? 4 : 5;
		smtpcode_lookup_enhanced(&x, &lk);
		for (k = 0, found = 0; k < lk.provider_count; k++)
			found |= lk.provider[k] == i;
		assert_false(found);
	}
}

/* Every code of classes X, 2, 4 and 5, subjects 0 to 9 and details 0 to
 * 999 lists exactly the notes a walk over all of them finds, in their
 * order (the lookup reads an index by subject, build/notes.inc). */
static void lookup__provider_notes__same_as_every_note_walked(void **state)
{
	static const int classes[] = { ANY, 2, 4, 5 };
	struct smtpcode_enhanced_lookup lk;
	struct smtpcode_provider_note n;
	size_t c, i, want[SMTPCODE_PROVIDER_MAX], nwant, total = 0;
	int s, d;

	(void)state;
	for (c = 0; c < sizeof classes / sizeof classes[0]; c++)
		for (s = 0; s <= 9; s++)
			for (d = 0; d <= 999; d++) {
				struct smtpcode_enhanced_code x = { classes[c], s, d };
				nwant = 0;
				for (i = 0; smtpcode_provider_note_at(i, &n) == 0; i++)
					if (n.enhanced.subject == s && d >= n.enhanced.detail &&
					    d <= n.detail_last &&
					    (x.reply_class == ANY ||
					     x.reply_class == n.enhanced.reply_class) &&
					    nwant < SMTPCODE_PROVIDER_MAX)
						want[nwant++] = i;
				smtpcode_lookup_enhanced(&x, &lk);
				assert_int_equal(lk.provider_count, nwant);
				for (i = 0; i < nwant; i++)
					assert_int_equal(lk.provider[i], want[i]);
				total += nwant;
			}
	assert_true(total >= 2 * smtpcode_provider_note_count()); /* X and its own class */
}

static void note_code__single_and_range(void **state)
{
	struct smtpcode_provider_note n;
	char buf[32];

	(void)state;
	memset(&n, 0, sizeof n);
	n.enhanced.reply_class = 5, n.enhanced.subject = 7, n.enhanced.detail = 606, n.detail_last = 649;
	assert_string_equal(smtpcode_provider_note_code(&n, buf, sizeof buf), "5.7.606-649");
	n.detail_last = 606;
	assert_string_equal(smtpcode_provider_note_code(&n, buf, sizeof buf), "5.7.606");
}

static void lookup_item__either_kind(void **state)
{
	struct smtpcode_item item;
	struct smtpcode_query q;

	(void)state;
	smtpcode_parse("4.2.2", &q, NULL);
	assert_int_equal(smtpcode_lookup_item(&q, NULL, &item), 0);
	assert_int_equal(item.kind, SMTPCODE_KIND_ENHANCED);
	assert_true(smtpcode_item_known(&item));
	assert_int_equal(smtpcode_lookup_item(&q, "FROB", &item), -1);
	smtpcode_parse("299", &q, NULL);
	assert_int_equal(smtpcode_lookup_item(&q, NULL, &item), 0);
	assert_int_equal(item.kind, SMTPCODE_KIND_BASIC);
	assert_false(smtpcode_item_known(&item));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parse_enhanced__valid__parts),
		cmocka_unit_test(parse_enhanced__malformed__rfc3463_syntax),
		cmocka_unit_test(parse__dot_picks_kind),
		cmocka_unit_test(for_basic__index_matches_every_list),
		cmocka_unit_test(for_basic__known_codes_and_limits),
		cmocka_unit_test(enhanced_text__class_or_x),
		cmocka_unit_test(table__classes_subjects_details),
		cmocka_unit_test(lists_basic__exact_and_class),
		cmocka_unit_test(lookup__registered__rows),
		cmocka_unit_test(lookup__unregistered__subject_level_note),
		cmocka_unit_test(lookup__provider_notes__exact_class_or_any_for_x),
		cmocka_unit_test(lookup__provider_notes__same_as_every_note_walked),
		cmocka_unit_test(note_code__single_and_range),
		cmocka_unit_test(lookup_item__either_kind),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
