/* read_synonyms.c - read and check data/synonyms.tsv, the words users type
 * for a problem and the codes an expert gives for it (checked against the
 * codes and the enhanced registry read before); print gen_synonyms[] and
 * gen_synonym_codes[]. */
#include "gen.h"
#include "smtpcode.h"

#include <string.h>

enum { SYNONYM_CODES_MAX = 8, PHRASE_LEN_MAX = 60 };

/* Nonzero if s is lower-case words (a-z, 0-9, '-') with single spaces. */
static int is_phrase(const char *s)
{
	const char *p;

	if (*s == '\0' || *s == ' ')
		return 0;
	for (p = s; *p; p++) {
		int word = (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-';
		if (!word && !(*p == ' ' && p[1] && p[1] != ' '))
			return 0;
	}
	return 1;
}

static int has_basic(const struct table *tab, int code)
{
	size_t i;

	for (i = 0; i < tab->ncodes; i++)
		if (tab->codes[i].code == code)
			return 1;
	return 0;
}

static int has_detail(const struct table *tab, int subject, int detail)
{
	size_t i;

	for (i = 0; i < tab->nenhanced; i++)
		if (tab->enhanced[i].kind == E_DETAIL && tab->enhanced[i].subject == subject &&
		    tab->enhanced[i].detail == detail)
			return 1;
	return 0;
}

/* Reads one code of the list ("550" or "X.1.1") into *out; 0 or -1. */
static int read_synonym_code(struct tsv *t, const struct table *tab, const char *s,
                             struct synonym_code *out)
{
	struct smtpcode_enhanced_code e;

	memset(out, 0, sizeof *out);
	if (s[0] == 'X' && smtpcode_parse_enhanced(s, &e, NULL) == SMTPCODE_PARSE_OK) {
		if (!has_detail(tab, e.subject, e.detail)) {
			tsv_error(t, "code %s is not in the enhanced registry", s);
			return -1;
		}
		out->subject = e.subject, out->detail = e.detail;
		return 0;
	}
	if (smtpcode_parse_basic(s, &out->basic, NULL) != SMTPCODE_PARSE_OK) {
		tsv_error(t, "code '%s' is not a reply code (550) or X.subject.detail", s);
		return -1;
	}
	if (!has_basic(tab, out->basic)) {
		tsv_error(t, "code %s is not in the codes table", s);
		return -1;
	}
	return 0;
}

/* Nonzero if c is among the codes of the row begun at first. */
static int listed(const struct table *tab, size_t first, const struct synonym_code *c)
{
	size_t i;

	for (i = first; i < tab->nsyncodes; i++)
		if (memcmp(&tab->syncodes[i], c, sizeof *c) == 0)
			return 1;
	return 0;
}

/* Reads the codes column ("-", or "550,X.1.1") after the row's first code
 * index; returns how many, or -1. */
static int read_synonym_codes(struct tsv *t, struct table *tab, char *list)
{
	size_t first = tab->nsyncodes;
	char *p = list, *comma;
	int n = 0;

	if (strcmp(list, "-") == 0)
		return 0;
	for (comma = list; (comma = strchr(comma, ',')) != NULL; comma++)
		n++;
	if (n >= SYNONYM_CODES_MAX) {
		tsv_error(t, "more than %d codes", SYNONYM_CODES_MAX);
		return -1;
	}
	n = 0;
	do {
		struct synonym_code c;
		if ((comma = strchr(p, ',')) != NULL)
			*comma = '\0';
		if (read_synonym_code(t, tab, p, &c) < 0)
			return -1;
		if (listed(tab, first, &c)) {
			tsv_error(t, "code %s is listed twice", p);
			return -1;
		}
		tab->syncodes = grow(tab->syncodes, &tab->capsyncodes, tab->nsyncodes, sizeof c);
		tab->syncodes[tab->nsyncodes++] = c;
		n++;
		p = comma + 1;
	} while (comma);
	return n;
}

static void read_synonym_row(struct tsv *t, struct table *tab)
{
	static const char *const columns[] = { "phrase", "codes", "note" };
	struct synonym_row row;
	char **f = t->field;
	size_t first = tab->nsyncodes;
	int n;

	if (tsv_check_fields(t, columns, 3) < 0)
		return;
	if (!is_phrase(f[0]) || strlen(f[0]) > PHRASE_LEN_MAX) {
		tsv_error(t, "phrase '%s' is not lower-case words with single spaces", f[0]);
		return;
	}
	if (tab->nsynonyms &&
	    strcmp(tab->synblob.bytes + tab->synonyms[tab->nsynonyms - 1].phrase, f[0]) >= 0) {
		tsv_error(t, "phrase '%s' is out of order or repeated", f[0]);
		return;
	}
	if (strcmp(f[2], "-") != 0 && tsv_check_sentences(t, "note", f[2], SOURCE_MAX_LEN) < 0)
		return;
	if ((n = read_synonym_codes(t, tab, f[1])) < 0) {
		tab->nsyncodes = first;
		return;
	}
	row.phrase = blob_add(&tab->synblob, f[0]);
	row.first = first;
	row.count = (size_t)n;
	tab->synonyms = grow(tab->synonyms, &tab->capsynonyms, tab->nsynonyms, sizeof row);
	tab->synonyms[tab->nsynonyms++] = row;
}

int read_synonyms(const char *path, struct table *tab)
{
	return read_rows(path, tab, read_synonym_row, &tab->nsynonyms);
}

void print_synonyms(const struct table *tab, FILE *out)
{
	size_t i;

	fputs("\n/* offset of the phrase; first code, number of codes (0: a word with no\n"
	      " * meaning in a query) */\n", out);
	fprintf(out, "static const struct gen_synonym gen_synonyms[%zu] = {\n", tab->nsynonyms);
	for (i = 0; i < tab->nsynonyms; i++)
		fprintf(out, "\t{ %lu, %zu, %zu },\n", tab->synonyms[i].phrase,
		        tab->synonyms[i].first, tab->synonyms[i].count);
	fputs("};\n\n/* reply code (0 for an enhanced one), subject, detail */\n", out);
	fprintf(out, "static const struct gen_synonym_code gen_synonym_codes[%zu] = {\n",
	        tab->nsyncodes);
	for (i = 0; i < tab->nsyncodes; i++)
		fprintf(out, "\t{ %d, %d, %d },\n", tab->syncodes[i].basic,
		        tab->syncodes[i].subject, tab->syncodes[i].detail);
	fputs("};\n", out);
}
