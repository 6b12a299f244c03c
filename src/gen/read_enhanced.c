/* enhanced.c - read and check data/enhanced.tsv (the IANA registry of RFC
 * 3463 enhanced status codes) and data/enhanced-notes.tsv (provider notes). */
#include "gen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One dot-separated part: 'X' gives -2 (when allowed), a number from 0 to
 * 999 without a leading zero gives its value, anything else -1. */
static int part(const char *s, size_t n, int allow_x)
{
	int v = 0;
	size_t i;

	if (n == 1 && s[0] == 'X')
		return allow_x ? -2 : -1;
	if (n == 0 || n > 3 || (n > 1 && s[0] == '0'))
		return -1;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* Splits "a.b.c" into three parts; returns 0, or -1 if there are not three. */
static int split3(const char *s, int v[3], int allow_x)
{
	int i;

	for (i = 0; i < 3; i++) {
		size_t n = strcspn(s, ".");
		v[i] = part(s, n, allow_x);
		if (v[i] == -1 || (i < 2 && s[n] != '.') || (i == 2 && s[n] != '\0'))
			return -1;
		s += n + 1;
	}
	return 0;
}

static int is_class(int c)
{
	return c == 2 || c == 4 || c == 5;
}

/* Parses the code column of enhanced.tsv into r; returns 0 or -1. */
static int parse_row_code(const char *s, struct enhanced_row *r)
{
	int v[3];

	if (split3(s, v, 1) < 0)
		return -1;
	if (v[0] >= 0) { /* 2.X.X */
		if (!is_class(v[0]) || v[1] != -2 || v[2] != -2)
			return -1;
		r->kind = E_CLASS, r->cls = v[0], r->subject = -1, r->detail = -1;
		return 0;
	}
	if (v[1] < 0)
		return -1;
	r->cls = 0, r->subject = v[1];
	r->kind = v[2] == -2 ? E_SUBJECT : E_DETAIL;
	r->detail = v[2] == -2 ? -1 : v[2];
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
		int ok = n == 3 && p[0] >= '2' && p[0] <= '5' &&
		         ((p[1] >= '0' && p[1] <= '9' && p[2] >= '0' && p[2] <= '9') ||
		          (p[1] == 'X' && p[2] == 'X' && (p[0] == '4' || p[0] == '5')));
		if (!ok) {
			tsv_error(t, "basic_codes '%s' is not '-', 'Any' or a list of codes like 451,550,5XX",
			          s);
			return -1;
		}
		if (p[n] == '\0')
			return 0;
		p += n + 1;
	}
}

/* Compares rows by kind, class, subject, detail: <0, 0 or >0. */
static int order(int ka, int ca, int sa, int da, int kb, int cb, int sb, int db)
{
	if (ka != kb)
		return ka - kb;
	if (ca != cb)
		return ca - cb;
	if (sa != sb)
		return sa - sb;
	return da - db;
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
	if (tab->nenhanced > 0) {
		const struct enhanced_row *p = &tab->enhanced[tab->nenhanced - 1];
		int o = order(row.kind, row.cls, row.subject, row.detail, p->kind, p->cls,
		              p->subject, p->detail);
		if (o == 0) {
			tsv_error(t, "duplicate code %s", f[0]);
			return;
		}
		if (o < 0) {
			tsv_error(t, "rows out of order: %s comes after a later code", f[0]);
			return;
		}
	}
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
	struct tsv t;
	int errors;

	if (tsv_open(&t, path) < 0)
		return -1;
	while (tsv_next(&t, NULL, NULL))
		read_enhanced_row(&t, tab);
	if (tab->nenhanced == 0 && t.errors == 0)
		tsv_error(&t, "no rows");
	errors = t.errors;
	tsv_close(&t);
	return errors ? -1 : 0;
}

static void read_note_row(struct tsv *t, struct table *tab)
{
	static const char *const columns[] = { "code", "provider", "note", "source" };
	struct note_row row;
	char **f = t->field;
	int i, v[3], bad = 0;

	if (tsv_check_fields(t, columns, 4) < 0)
		return;
	{
		/* An optional range of details: 5.7.606-649. */
		char code[32], *dash;
		int last = -1;
		snprintf(code, sizeof code, "%s", f[0]);
		dash = strchr(code, '-');
		if (dash) {
			*dash = '\0';
			last = part(dash + 1, strlen(dash + 1), 0);
		}
		if (strlen(f[0]) >= sizeof code || split3(code, v, 0) < 0 || !is_class(v[0]) ||
		    (dash && last <= v[2])) {
			tsv_error(t, "code '%s' is not an enhanced code like 5.1.10 or a range "
			          "like 5.7.606-649", f[0]);
			return;
		}
		row.cls = v[0], row.subject = v[1], row.detail = v[2];
		row.detail_last = dash ? last : v[2];
	}
	if (tab->nnotes > 0) {
		const struct note_row *p = &tab->notes[tab->nnotes - 1];
		if (order(0, row.cls, row.subject, row.detail, 0, p->cls, p->subject,
		          p->detail) < 0) {
			tsv_error(t, "rows out of order: %s comes after a later code", f[0]);
			return;
		}
	}
	bad |= tsv_check_text(t, "provider", f[1], NAME_MAX_LEN);
	bad |= tsv_check_sentences(t, "note", f[2], TEXT_MAX_LEN);
	bad |= tsv_check_text(t, "source", f[3], SOURCE_MAX_LEN);
	if (bad)
		return;
	for (i = 0; i < 3; i++)
		row.off[i] = blob_add(&tab->blob, f[i + 1]);
	tab->notes = grow(tab->notes, &tab->capnotes, tab->nnotes, sizeof row);
	tab->notes[tab->nnotes++] = row;
}

int read_notes(const char *path, struct table *tab)
{
	struct tsv t;
	int errors;

	if (tsv_open(&t, path) < 0)
		return -1;
	while (tsv_next(&t, NULL, NULL))
		read_note_row(&t, tab);
	if (tab->nnotes == 0 && t.errors == 0)
		tsv_error(&t, "no rows");
	errors = t.errors;
	tsv_close(&t);
	return errors ? -1 : 0;
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
	fputs("};\n\n/* class, subject, first and last detail, offsets of: provider, note, "
	      "source */\n", out);
	fprintf(out, "static const struct gen_note gen_notes[%zu] = {\n", tab->nnotes);
	for (i = 0; i < tab->nnotes; i++) {
		const struct note_row *r = &tab->notes[i];
		fprintf(out, "\t{ %d, %d, %d, %d, { %lu, %lu, %lu } },\n", r->cls, r->subject,
		        r->detail, r->detail_last, r->off[0], r->off[1], r->off[2]);
	}
	fputs("};\n", out);
}
