/* read_i18n.c - read and check data/i18n.tsv, the phrases of the text output by
 * language (build-time only). The library gets the phrases of its own prose
 * (table.inc); the command gets its labels (labels.inc, gentable --labels). */
#include "gen.h"
#include "../cli/safe_text.h"

#include <stdlib.h>
#include <string.h>

/* Placeholders {1}..{9} in s, as a bit set. */
static unsigned placeholders(const char *s)
{
	unsigned set = 0;

	for (; *s; s++)
		if (s[0] == '{' && s[1] >= '1' && s[1] <= '9' && s[2] == '}')
			set |= 1u << (s[1] - '0');
	return set;
}

static int valid_key(const char *k)
{
	if (!*k)
		return 0;
	for (; *k; k++)
		if (!((*k >= 'a' && *k <= 'z') || (*k >= '0' && *k <= '9') || strchr("._-", *k)))
			return 0;
	return 1;
}

static int read_header(struct tsv *t, struct table *tab)
{
	int i;

	if (strcmp(t->field[0], "key") != 0 || t->nfields < 2 || t->nfields > I18N_MAX_LANGS + 1 ||
	    strcmp(t->field[1], "en") != 0) {
		tsv_error(t, "the first row must be 'key', 'en', then other language codes");
		return -1;
	}
	for (i = 1; i < t->nfields; i++) {
		const char *l = t->field[i];
		if (strlen(l) != 2 || l[0] < 'a' || l[0] > 'z' || l[1] < 'a' || l[1] > 'z') {
			tsv_error(t, "language '%s' is not a two-letter code", l);
			return -1;
		}
		tab->lang_off[tab->nlangs++] = blob_add(&tab->blob, l);
	}
	return 0;
}

/* The phrases the library's own prose uses: the connecting words of a
 * compare (cmp.*) and the class names (c.N). They go into tab (table.inc).
 * The others label the command's output: they are kept apart, in a blob of
 * their own, for labels.inc (and dropped after the checks for table.inc). */
static int library_key(const char *key)
{
	return strncmp(key, "cmp.", 4) == 0 || strncmp(key, "c.", 2) == 0;
}

static struct blob label_strings;
static struct phrase_row *label_rows;
static size_t nlabels, caplabels;
static int keep_labels;

static void free_labels(void)
{
	blob_free(&label_strings);
	free(label_rows);
	label_rows = NULL;
	nlabels = caplabels = 0;
}

static int is_duplicate(const struct table *tab, const char *key)
{
	size_t i;

	for (i = 0; i < tab->nphrases; i++)
		if (strcmp(tab->blob.bytes + tab->phrases[i].key, key) == 0)
			return 1;
	for (i = 0; i < nlabels; i++)
		if (strcmp(label_strings.bytes + label_rows[i].key, key) == 0)
			return 1;
	return 0;
}

static void read_phrase(struct tsv *t, struct table *tab)
{
	struct phrase_row row;
	struct blob *b = library_key(t->field[0]) ? &tab->blob : &label_strings;
	unsigned want;
	int l;

	if (t->nfields != (int)tab->nlangs + 1) {
		tsv_error(t, "expected %d fields, found %d", (int)tab->nlangs + 1, t->nfields);
		return;
	}
	if (!valid_key(t->field[0])) {
		tsv_error(t, "key '%s' is not made of a-z, 0-9, '.', '_' and '-'", t->field[0]);
		return;
	}
	if (is_duplicate(tab, t->field[0])) {
		tsv_error(t, "duplicate key '%s'", t->field[0]);
		return;
	}
	want = placeholders(t->field[1]);
	for (l = 1; l <= (int)tab->nlangs; l++) {
		if (tsv_check_text(t, "phrase", t->field[l], TEXT_MAX_LEN) < 0)
			return;
		if (placeholders(t->field[l]) != want) {
			tsv_error(t, "'%s' in %s has other placeholders than in en", t->field[0],
			          tab->blob.bytes + tab->lang_off[l - 1]);
			return;
		}
	}
	row.key = blob_add(b, t->field[0]);
	for (l = 0; l < (int)tab->nlangs; l++)
		row.text[l] = blob_add(b, t->field[l + 1]);
	if (b == &tab->blob) {
		tab->phrases = grow(tab->phrases, &tab->capphrases, tab->nphrases, sizeof row);
		tab->phrases[tab->nphrases++] = row;
	} else {
		label_rows = grow(label_rows, &caplabels, nlabels, sizeof row);
		label_rows[nlabels++] = row;
	}
}

int read_i18n(const char *path, struct table *tab)
{
	struct tsv t;
	int header = 0, errors;

	if (tsv_open(&t, path) < 0)
		return -1;
	while (tsv_next(&t, NULL, NULL)) {
		if (!header) {
			if (read_header(&t, tab) < 0)
				break;
			header = 1;
			continue;
		}
		read_phrase(&t, tab);
	}
	if (!header && t.errors == 0)
		tsv_error(&t, "no header row");
	else if (tab->nphrases + nlabels == 0 && t.errors == 0)
		tsv_error(&t, "no rows");
	errors = tsv_finish(&t);
	if (!keep_labels)
		free_labels();
	return errors ? -1 : 0;
}

static const char *sort_bytes;

static int by_key(const void *a, const void *b)
{
	const struct phrase_row *x = a, *y = b;

	return strcmp(sort_bytes + x->key, sort_bytes + y->key);
}

/* Sorts n rows whose strings are in bytes by key. */
static void sort_rows(struct phrase_row *rows, size_t n, const char *bytes)
{
	sort_bytes = bytes;
	if (n > 0)
		qsort(rows, n, sizeof rows[0], by_key);
}

void print_i18n(struct table *tab, FILE *out)
{
	size_t i, l;

	sort_rows(tab->phrases, tab->nphrases, tab->blob.bytes);
	fprintf(out, "\n#define GEN_NLANGS %zu\n\n", tab->nlangs);
	fputs("/* offsets of the language codes: en first */\n", out);
	fprintf(out, "static const unsigned int gen_langs[GEN_NLANGS] = {");
	for (l = 0; l < tab->nlangs; l++)
		fprintf(out, "%s%lu", l ? ", " : " ", tab->lang_off[l]);
	fputs(" };\n\n", out);
	fputs("struct gen_phrase {\n\tunsigned int key;\n\tunsigned int text[GEN_NLANGS];\n};\n\n",
	      out);
	fputs("/* the library's phrases, sorted by key: offsets of the key and of its text in "
	      "each language */\n", out);
	fprintf(out, "static const struct gen_phrase gen_phrases[%zu] = {\n", tab->nphrases);
	for (i = 0; i < tab->nphrases; i++) {
		fprintf(out, "\t{ %lu, {", tab->phrases[i].key);
		for (l = 0; l < tab->nlangs; l++)
			fprintf(out, "%s%lu", l ? ", " : " ", tab->phrases[i].text[l]);
		fputs(" } },\n", out);
	}
	fputs("};\n", out);
}

/* Adds row (its strings in bytes) to rows[*n], with its strings in b. */
static void add_label(struct phrase_row *rows, size_t *n, struct blob *b,
                      const struct phrase_row *row, const char *bytes, size_t nlangs)
{
	size_t l;

	rows[*n].key = blob_add(b, bytes + row->key);
	for (l = 0; l < nlangs; l++)
		rows[*n].text[l] = blob_add(b, bytes + row->text[l]);
	(*n)++;
}

/* The hash of a key that places it in label_slots[]: one definition, which
 * the generator uses and prints into labels.inc (FNV-1a, kept to 32 bits
 * whatever the width of unsigned long). */
#define LABEL_HASH_DEFINITION(name) \
	static unsigned long name(const char *s) \
	{ \
		unsigned long h = 2166136261u; \
		while (*s) \
			h = ((h ^ (unsigned char)*s++) * 16777619u) & 0xFFFFFFFFu; \
		return h; \
	}
#define LABEL_STRING(x) #x
#define LABEL_EXPANDED_STRING(x) LABEL_STRING(x)
LABEL_HASH_DEFINITION(label_hash)

/* label_slots[]: an open-addressed hash table of the n rows (row + 1 in a
 * slot, 0 for none), at most half full, so that a lookup reads a slot or
 * two instead of searching the sorted keys. */
static void print_label_slots(const struct phrase_row *rows, size_t n, const char *bytes,
                              FILE *out)
{
	size_t nslots = 16, i;
	unsigned short *slots;

	while (nslots < 2 * n)
		nslots *= 2;
	slots = calloc(nslots, sizeof *slots);
	if (!slots || n >= 0xFFFF) {
		fputs("gentable: out of memory or too many labels\n", stderr);
		exit(1);
	}
	for (i = 0; i < n; i++) {
		size_t s = label_hash(bytes + rows[i].key) & (nslots - 1);
		while (slots[s])
			s = (s + 1) & (nslots - 1);
		slots[s] = (unsigned short)(i + 1);
	}
	fputs("\n/* a hash of a key picks the slot where its search starts */\n", out);
	fputs(LABEL_EXPANDED_STRING(LABEL_HASH_DEFINITION(label_hash)) "\n", out);
	fprintf(out, "\n#define LABEL_NSLOTS %zu\n", nslots);
	fputs("/* labels[] row + 1 (0: empty), by hash with linear probing */\n", out);
	fputs("static const unsigned short label_slots[LABEL_NSLOTS] = {", out);
	for (i = 0; i < nslots; i++)
		fprintf(out, "%s%u,", i % 16 ? " " : "\n\t", slots[i]);
	fputs("\n};\n", out);
	free(slots);
}

/* labels.inc: the command's labels and the class names (every phrase but
 * the library's cmp.* ones), in a blob of their own. */
/* The column where the values of labelled fields start in each language:
 * after the widest field label (an "l." key other than l.note, which heads
 * a paragraph), its colon and a space. The command's text output aligns
 * its fields there (at least at its own minimum). */
static void print_label_columns(const struct phrase_row *rows, size_t n, size_t nlangs,
                                const char *bytes, FILE *out)
{
	size_t i, l;

	fputs("\n/* per language: the widest field label's columns, plus 2 */\n", out);
	fputs("static const unsigned char label_columns[LABEL_NLANGS] = {", out);
	for (l = 0; l < nlangs; l++) {
		int column = 0;
		for (i = 0; i < n; i++) {
			const char *key = bytes + rows[i].key, *text = bytes + rows[i].text[l];
			int cols = safe_columns(text, strlen(text)) + 2;
			if (strncmp(key, "l.", 2) == 0 && strcmp(key, "l.note") != 0 && cols > column)
				column = cols;
		}
		fprintf(out, "%s%d", l ? ", " : " ", column < 255 ? column : 255);
	}
	fputs(" };\n", out);
}

static void print_labels(const struct table *tab, FILE *out)
{
	struct blob b = { NULL, 0, 0 };
	struct phrase_row *rows = calloc(tab->nphrases + nlabels + 1, sizeof *rows);
	size_t i, l, n = 0;

	if (!rows) {
		fputs("gentable: out of memory\n", stderr);
		exit(1);
	}
	for (i = 0; i < nlabels; i++)
		add_label(rows, &n, &b, &label_rows[i], label_strings.bytes, tab->nlangs);
	for (i = 0; i < tab->nphrases; i++)
		if (strncmp(tab->blob.bytes + tab->phrases[i].key, "cmp.", 4) != 0)
			add_label(rows, &n, &b, &tab->phrases[i], tab->blob.bytes, tab->nlangs);
	sort_rows(rows, n, b.bytes);
	fputs("/* Generated by gentable --labels from data/i18n.tsv. Do not edit. */\n\n", out);
	fprintf(out, "#define LABEL_NLANGS %zu\n\n", tab->nlangs);
	blob_print(&b, "label_blob", out);
	fputs("\nstruct label {\n\tunsigned int key;\n\tunsigned int text[LABEL_NLANGS];\n};\n\n",
	      out);
	fputs("/* sorted by key: offsets of the key and of its text in each language */\n", out);
	fprintf(out, "static const struct label labels[%zu] = {\n", n);
	for (i = 0; i < n; i++) {
		fprintf(out, "\t{ %lu, {", rows[i].key);
		for (l = 0; l < tab->nlangs; l++)
			fprintf(out, "%s%lu", l ? ", " : " ", rows[i].text[l]);
		fputs(" } },\n", out);
	}
	fputs("};\n", out);
	print_label_columns(rows, n, tab->nlangs, b.bytes, out);
	print_label_slots(rows, n, b.bytes, out);
	blob_free(&b);
	free(rows);
}

int labels_main(const char *path)
{
	struct table tab;
	int failed;

	memset(&tab, 0, sizeof tab);
	keep_labels = 1;
	failed = read_i18n(path, &tab) < 0;
	if (!failed) {
		print_labels(&tab, stdout);
		failed = gen_flush("gentable") < 0;
	}
	table_free(&tab);
	free_labels();
	return failed ? 1 : 0;
}
