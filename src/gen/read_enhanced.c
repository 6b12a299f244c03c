/* read_enhanced.c - read and check data/enhanced.tsv, the IANA registry of
 * RFC 3463 enhanced status codes; print gen_enhanced[]. Codes are parsed
 * by the runtime's smtpcode_parse_enhanced. */
#include "gen.h"
#include "smtpcode.h"

#include <stdlib.h>
#include <string.h>

/*
 * Parses the code column into r: a class (2.X.X), a subject (X.1.X) or a
 * detail (X.1.1), with a capital X. The wildcards are read as 0 for the
 * runtime's parser, which knows only X for the class. Returns 0 or -1.
 */
static int parse_row_code(const char *s, struct enhanced_row *r)
{
	char code[16];
	size_t n = strlen(s);
	struct smtpcode_enhanced_code c;

	if (n >= sizeof code || s[0] == 'x')
		return -1;
	memcpy(code, s, n + 1);
	r->kind = E_DETAIL;
	if (n > 4 && strcmp(code + n - 4, ".X.X") == 0) {
		memcpy(code + n - 4, ".0.0", 4);
		r->kind = E_CLASS;
	} else if (n > 2 && strcmp(code + n - 2, ".X") == 0) {
		code[n - 1] = '0';
		r->kind = E_SUBJECT;
	}
	if (smtpcode_parse_enhanced(code, &c, NULL) != SMTPCODE_PARSE_OK ||
	    (r->kind == E_CLASS) != (c.reply_class != SMTPCODE_ANY))
		return -1;
	r->cls = c.reply_class == SMTPCODE_ANY ? 0 : c.reply_class; /* the table's X is 0 */
	r->subject = r->kind == E_CLASS ? -1 : c.subject;
	r->detail = r->kind == E_DETAIL ? c.detail : -1;
	return 0;
}

/* "-", "Any" (as the registry says of X.0.0), or a comma list of basic
 * codes (200 to 599) and 4XX or 5XX. */
static int check_basic_codes(struct tsv *t, const char *s)
{
	const char *p = s;

	if (strcmp(s, "-") == 0 || strcmp(s, "Any") == 0)
		return 0;
	for (;;) {
		size_t n = strcspn(p, ",");
		char one[4] = "";
		int code = 0;
		if (n == 3)
			memcpy(one, p, 3);
		if (!(strcmp(one, "4XX") == 0 || strcmp(one, "5XX") == 0 ||
		      (n == 3 && smtpcode_parse_basic(one, &code, NULL) == SMTPCODE_PARSE_OK &&
		       code >= 200))) {
			tsv_error(t, "basic_codes '%s' is not '-', 'Any' or a list of codes like 451,550,5XX",
			          s);
			return -1;
		}
		if (p[n] == '\0')
			return 0;
		p += n + 1;
	}
}

/* Checks that a row is new and comes after the one before; 0 or -1. */
static int check_row_order(struct tsv *t, const struct table *tab, const struct enhanced_row *r)
{
	const struct enhanced_row *p;
	int o;

	if (tab->nenhanced == 0)
		return 0;
	p = &tab->enhanced[tab->nenhanced - 1];
	o = compare_ints((const int[]){ r->kind, r->cls, r->subject, r->detail },
	                 (const int[]){ p->kind, p->cls, p->subject, p->detail }, 4);
	if (o == 0)
		tsv_error(t, "duplicate code %s", t->field[0]);
	else if (o < 0)
		tsv_error(t, "rows out of order: %s comes after a later code", t->field[0]);
	return o > 0 ? 0 : -1;
}

static void read_enhanced_row(struct tsv *t, struct table *tab)
{
	static const char *const columns[] = {
		"code", "title", "basic_codes", "status", "source", "description",
		"when_seen", "fix"
	};
	struct enhanced_row row;
	char **f = t->field;
	int i, bad = 0;

	if (tsv_check_fields(t, columns, 8) < 0)
		return;
	if (parse_row_code(f[0], &row) < 0) {
		tsv_error(t, "code '%s' is not like 5.X.X, X.1.X or X.1.1", f[0]);
		return;
	}
	if (strcmp(f[3], "current") != 0 && strcmp(f[3], "deprecated") != 0) {
		tsv_error(t, "unknown status '%s' (current or deprecated)", f[3]);
		return;
	}
	row.deprecated = f[3][0] == 'd';
	if (check_row_order(t, tab, &row) < 0)
		return;
	bad |= tsv_check_text(t, "title", f[1], (size_t)NAME_MAX_LEN * 2);
	bad |= check_basic_codes(t, f[2]);
	bad |= check_entry_texts(t, f + 4);
	if (bad)
		return;
	row.off[E_TITLE] = blob_add(&tab->blob, f[1]);
	row.off[E_BASIC] = blob_add(&tab->blob, f[2]);
	for (i = E_SOURCE; i < E_TEXTS; i++)
		row.off[i] = blob_add(&tab->blob, f[i + 2]);
	tab->enhanced = grow(tab->enhanced, &tab->capenhanced, tab->nenhanced, sizeof row);
	tab->enhanced[tab->nenhanced++] = row;
}

int read_enhanced(const char *path, struct table *tab)
{
	return read_rows(path, tab, read_enhanced_row, &tab->nenhanced);
}

/* The (basic code, row) pairs, row after row: a detail row's basic codes
 * listed by number (not 4XX, 5XX or Any), in rows[0..n) (n <= max). */
static size_t basic_pairs(const struct table *tab, unsigned long (*rows)[2], size_t max)
{
	size_t i, n = 0;

	for (i = 0; i < tab->nenhanced; i++) {
		const struct enhanced_row *r = &tab->enhanced[i];
		const char *p = tab->blob.bytes + r->off[E_BASIC];
		int whole = 0; /* the classes listed as a whole (5XX) so far, as bits */
		if (r->kind != E_DETAIL || strcmp(p, "Any") == 0)
			continue;
		/* As smtpcode_enhanced_lists_basic reads the list: a code after
		 * its class listed as a whole counts as the class. */
		for (; p[0] && p[1] && p[2]; p += p[3] == ',' ? 4 : 3) {
			if (p[1] == 'X')
				whole |= 1 << (p[0] - '0');
			if (p[1] == 'X' || whole & 1 << (p[0] - '0'))
				continue;
			if (n < max) {
				rows[n][0] = (unsigned long)(p[0] - '0') * 100 + (unsigned long)(p[1] - '0') * 10 +
				             (unsigned long)(p[2] - '0');
				rows[n][1] = i;
			}
			n++;
		}
	}
	return n;
}

static int by_basic_then_row(const void *a, const void *b)
{
	const unsigned long *x = a, *y = b;

	return x[0] != y[0] ? (x[0] < y[0] ? -1 : 1) : (x[1] < y[1] ? -1 : x[1] > y[1]);
}

/* gen_basic_rows[]: smtpcode_enhanced_for_basic's index, sorted by code. */
static void print_basic_index(const struct table *tab, FILE *out)
{
	size_t n = basic_pairs(tab, NULL, 0), i;
	unsigned long (*rows)[2] = calloc(n + 1, sizeof *rows);

	if (!rows) {
		fputs("gentable: out of memory\n", stderr);
		exit(1);
	}
	basic_pairs(tab, rows, n);
	qsort(rows, n, sizeof *rows, by_basic_then_row);
	fputs("\n/* basic code, row of gen_enhanced[]: the detail rows that list each basic\n"
	      " * code by number, by code and then by row */\n", out);
	fprintf(out, "#define GEN_NBASIC_ROWS %zu\n", n);
	fprintf(out, "static const struct gen_basic_row gen_basic_rows[%zu] = {\n", n ? n : 1);
	for (i = 0; i < n; i++)
		fprintf(out, "\t{ %lu, %lu },\n", rows[i][0], rows[i][1]);
	fputs(n ? "};\n" : "\t{ 0, 0 }\n};\n", out);
	free(rows);
}

void print_enhanced(const struct table *tab, FILE *out)
{
	size_t i;

	fputs("\n/* class (0 for X), subject (-1 for a class row), detail (-1 for a class\n"
	      " * or subject row), deprecated, offsets of: title, basic_codes, source,\n"
	      " * description, when_seen, fix */\n", out);
	fprintf(out, "static const struct gen_enhanced gen_enhanced[%zu] = {\n",
	        tab->nenhanced);
	for (i = 0; i < tab->nenhanced; i++) {
		const struct enhanced_row *r = &tab->enhanced[i];
		fprintf(out, "\t{ %d, %d, %d, %d, { %lu, %lu, %lu, %lu, %lu, %lu } },\n",
		        r->cls, r->subject, r->detail, r->deprecated, r->off[0], r->off[1],
		        r->off[2], r->off[3], r->off[4], r->off[5]);
	}
	fputs("};\n", out);
	print_basic_index(tab, out);
}
