/* test_table.c - the generated table holds every row of data/ exactly.
 * Run from the top of the source tree (tests/run.sh does). */
#include "testutil.h"
#include "smtpcode.h"

/* Splits line (without '\n') at TABs into f; returns the number of fields. */
static int split(char *line, char **f, int max)
{
	int n = 0;

	for (;;) {
		char *tab = strchr(line, '\t');
		if (n < max)
			f[n] = line;
		n++;
		if (!tab)
			return n;
		*tab = '\0';
		line = tab + 1;
	}
}

/* Calls row() for each data row of path, with its fields. */
static size_t each_row(const char *path, int nfields, void (*row)(char **f, size_t i))
{
	static char line[16384];
	FILE *in = fopen(path, "r");
	size_t i = 0;

	assert_non_null(in);
	while (fgets(line, sizeof line, in)) {
		char *f[16];
		line[strcspn(line, "\n")] = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		assert_int_equal(split(line, f, 16), nfields);
		row(f, i++);
	}
	fclose(in);
	return i;
}

static void check_code_row(char **f, size_t i)
{
	struct smtpcode_meaning m;
	size_t first, n;

	assert_int_equal(smtpcode_meaning_at(i, &m), 0);
	assert_int_equal(m.basic, atoi(f[0]));
	assert_string_equal(m.commands, f[1]);
	assert_string_equal(m.name, f[2]);
	assert_string_equal(smtpcode_status_name(m.status), f[3]);
	assert_string_equal(m.source, f[4]);
	assert_string_equal(m.description, f[5]);
	assert_string_equal(m.when_seen, f[6]);
	assert_string_equal(m.fix, f[7]);
	/* And the row is found by its code. */
	assert_int_equal(smtpcode_find(m.basic, &first, &n), 0);
	assert_true(n >= 1);
	assert_true(first <= i && i < first + n);
}

static void meanings__every_row__round_trips(void **state)
{
	struct smtpcode_meaning m;
	size_t rows;

	(void)state;
	rows = each_row("data/codes.tsv", 8, check_code_row);
	assert_true(rows > 0);
	assert_int_equal(smtpcode_meaning_count(), rows);
	assert_int_equal(smtpcode_meaning_at(rows, &m), -1);
}

static void check_pair_row(char **f, size_t i)
{
	struct smtpcode_pair p, q;
	size_t index;

	assert_int_equal(smtpcode_pair_at(i, &p), 0);
	assert_int_equal(p.a, atoi(f[0]));
	assert_int_equal(p.b, atoi(f[1]));
	assert_string_equal(p.source, f[2]);
	assert_string_equal(p.difference, f[3]);
	assert_string_equal(p.when_to_use, f[4]);
	/* Found in either order. */
	assert_int_equal(smtpcode_pair_find(p.a, p.b, &index), 0);
	assert_int_equal(index, i);
	index = 0;
	assert_int_equal(smtpcode_pair_find(p.b, p.a, &index), 0);
	assert_int_equal(index, i);
	assert_int_equal(smtpcode_pair_find(p.b, p.a, NULL), 0);
	assert_int_equal(smtpcode_pair_at(index, &q), 0);
	assert_int_equal(q.a, p.a);
}

static void pairs__every_row__round_trips(void **state)
{
	struct smtpcode_pair p;
	size_t rows;

	(void)state;
	rows = each_row("data/pairs.tsv", 5, check_pair_row);
	assert_true(rows > 0);
	assert_int_equal(smtpcode_pair_count(), rows);
	assert_int_equal(smtpcode_pair_at(rows, &p), -1);
	assert_int_equal(smtpcode_pair_find(250, 250, NULL), -1);
	assert_int_equal(smtpcode_pair_find(299, 599, NULL), -1);
}

static void check_enhanced_row(char **f, size_t i)
{
	struct smtpcode_enhanced_entry e;
	char code[32];
	size_t row;

	assert_int_equal(smtpcode_enhanced_at(i, &e), 0);
	if (e.subject == SMTPCODE_ANY)
		snprintf(code, sizeof code, "%d.X.X", e.reply_class);
	else if (e.detail == SMTPCODE_ANY)
		snprintf(code, sizeof code, "X.%d.X", e.subject);
	else
		snprintf(code, sizeof code, "X.%d.%d", e.subject, e.detail);
	assert_string_equal(code, f[0]);
	assert_string_equal(e.title, f[1]);
	assert_string_equal(e.basic_codes, f[2]);
	assert_string_equal(e.deprecated ? "deprecated" : "current", f[3]);
	assert_string_equal(e.source, f[4]);
	assert_string_equal(e.description, f[5]);
	assert_string_equal(e.when_seen, f[6]);
	assert_string_equal(e.fix, f[7]);
	/* Found by its parts, with the X parts SMTPCODE_ANY. */
	assert_int_equal(smtpcode_enhanced_find(e.reply_class, e.subject, e.detail, &row), 0);
	assert_int_equal(row, i);
	assert_true(e.subject == SMTPCODE_ANY ? e.reply_class >= 2 : e.reply_class == SMTPCODE_ANY);
}

static void enhanced__every_row__round_trips(void **state)
{
	struct smtpcode_enhanced_entry e;
	size_t rows;

	(void)state;
	rows = each_row("data/enhanced.tsv", 8, check_enhanced_row);
	assert_true(rows > 0);
	assert_int_equal(smtpcode_enhanced_count(), rows);
	assert_int_equal(smtpcode_enhanced_at(rows, &e), -1);
}

static void check_note_row(char **f, size_t i)
{
	struct smtpcode_provider_note n;
	char code[32];

	assert_int_equal(smtpcode_provider_note_at(i, &n), 0);
	assert_string_equal(smtpcode_provider_note_code(&n, code, sizeof code), f[0]);
	assert_string_equal(n.provider, f[1]);
	assert_string_equal(n.note, f[2]);
	assert_string_equal(n.source, f[3]);
}

static void notes__every_row__round_trips(void **state)
{
	struct smtpcode_provider_note n;
	size_t rows;

	(void)state;
	rows = each_row("data/enhanced-notes.tsv", 4, check_note_row);
	assert_int_equal(smtpcode_provider_note_count(), rows);
	assert_int_equal(smtpcode_provider_note_at(rows, &n), -1);
}

static void find__absent_codes__none(void **state)
{
	size_t first = 12345, count = 6789, n;

	(void)state;
	assert_int_equal(smtpcode_find(299, &first, &count), -1);
	assert_int_equal(smtpcode_find(99, &first, &count), -1);
	assert_int_equal(smtpcode_find(600, &first, &count), -1);
	/* Not found: the out-parameters are left alone. */
	assert_int_equal(first, 12345);
	assert_int_equal(count, 6789);
	assert_int_equal(smtpcode_find(250, NULL, NULL), 0);
	assert_int_equal(smtpcode_find(250, NULL, &n), 0);
	assert_int_equal(smtpcode_find(250, &first, &count), 0);
	assert_int_equal(n, count);
}

static void find__every_code__covers_its_rows(void **state)
{
	struct smtpcode_meaning m, prev;
	size_t i, count = smtpcode_meaning_count();

	(void)state;
	for (i = 0; i < count; i++) {
		size_t first, n, j;
		assert_int_equal(smtpcode_meaning_at(i, &m), 0);
		if (i > 0) {
			smtpcode_meaning_at(i - 1, &prev);
			assert_true(prev.basic <= m.basic);
			if (prev.basic == m.basic)
				continue;
		}
		assert_int_equal(smtpcode_find(m.basic, &first, &n), 0);
		assert_int_equal(first, i);
		for (j = first; j < first + n; j++) {
			smtpcode_meaning_at(j, &prev);
			assert_int_equal(prev.basic, m.basic);
		}
		if (first + n < count) {
			smtpcode_meaning_at(first + n, &prev);
			assert_true(prev.basic > m.basic);
		}
	}
}

static void sources_date__matches_data_header(void **state)
{
	char line[256], want[64] = "";
	FILE *in = fopen("data/codes.tsv", "r");

	(void)state;
	assert_non_null(in);
	while (fgets(line, sizeof line, in))
		if (sscanf(line, "# sources-date: %63s", want) == 1 && want[0] >= '0' &&
		    want[0] <= '9')
			break;
	fclose(in);
	assert_string_equal(smtpcode_sources_date(), want);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(meanings__every_row__round_trips),
		cmocka_unit_test(pairs__every_row__round_trips),
		cmocka_unit_test(enhanced__every_row__round_trips),
		cmocka_unit_test(notes__every_row__round_trips),
		cmocka_unit_test(find__absent_codes__none),
		cmocka_unit_test(find__every_code__covers_its_rows),
		cmocka_unit_test(sources_date__matches_data_header),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
