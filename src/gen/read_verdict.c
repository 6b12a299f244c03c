/* read_verdict.c - read and check the bounce-verdict data: the reason
 * vocabulary (data/reason-list.tsv), the phrases servers send
 * (data/reasons.tsv), the enhanced codes that decide a reason by themselves
 * (data/reason-codes.tsv) and the provider tags (data/provider-tags.tsv);
 * print gen_reasons[], gen_reason_phrases[], gen_reason_codes[] and
 * gen_provider_tags[]. Reasons are checked first: the other files name them. */
#include "gen.h"
#include "smtpcode.h"

#include <string.h>

enum { PHRASE_MAX_LEN = 120, REASON_MAX_LEN = 20, ADVICE_MAX_LEN = 240 };

static const char *const bounce_names[] = { "none", "soft", "hard" };

/* The advice column is checked always, but kept only for the command's
 * build/cli/advice.inc (read_advice), not for the library's table. */
static int keep_advice;

static const char *text_at(const struct table *tab, unsigned long off)
{
	return tab->blob.bytes + off;
}

/* The index of reason name s in the vocabulary, or -1 (reported). */
static int reason_index(struct tsv *t, const struct table *tab, const char *s)
{
	size_t i;

	for (i = 0; i < tab->nreasons; i++)
		if (strcmp(text_at(tab, tab->reasons[i].name), s) == 0)
			return (int)i;
	tsv_error(t, "reason '%s' is not in the reason list", s);
	return -1;
}

/* Nonzero if s is a lower-case ASCII word: the form of a reason name. */
static int is_word(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (*s < 'a' || *s > 'z')
			return 0;
	return 1;
}

static void read_reason_row(struct tsv *t, struct table *tab)
{
	static const char *const columns[] = { "reason", "bounce", "definition", "exceptions",
	                                       "sisimai", "advice" };
	struct reason_row row;
	char **f = t->field;
	int bad = 0, b;

	if (tsv_check_fields(t, columns, 6) < 0)
		return;
	if (!is_word(f[0]) || strlen(f[0]) > REASON_MAX_LEN) {
		tsv_error(t, "reason '%s' is not a lower-case word of at most %d letters", f[0],
		          REASON_MAX_LEN);
		return;
	}
	if (tab->nreasons && strcmp(text_at(tab, tab->reasons[tab->nreasons - 1].name), f[0]) >= 0) {
		tsv_error(t, "reason '%s' is out of order or repeated", f[0]);
		return;
	}
	for (b = 0; b < 3 && strcmp(f[1], bounce_names[b]) != 0; b++)
		;
	if (b == 3) {
		tsv_error(t, "bounce '%s' is not hard, soft or none", f[1]);
		return;
	}
	bad |= tsv_check_sentences(t, "definition", f[2], TEXT_MAX_LEN);
	if (strcmp(f[3], "-") != 0)
		bad |= tsv_check_sentences(t, "exceptions", f[3], TEXT_MAX_LEN);
	if (strcmp(f[4], "same") != 0 && !is_word(f[4])) {
		tsv_error(t, "sisimai '%s' is not 'same' or a lower-case word", f[4]);
		bad = 1;
	}
	bad |= tsv_check_sentences(t, "advice", f[5], ADVICE_MAX_LEN);
	if (bad)
		return;
	row.name = blob_add(&tab->blob, f[0]);
	row.definition = blob_add(&tab->blob, f[2]);
	row.advice = keep_advice ? blob_add(&tab->blob, f[5]) : 0;
	row.bounce = b;
	tab->reasons = grow(tab->reasons, &tab->capreasons, tab->nreasons, sizeof row);
	tab->reasons[tab->nreasons++] = row;
}

/* Checks a phrase: lower case (it is matched ignoring case), valid text. */
static int check_phrase(struct tsv *t, const char *s)
{
	const char *p;

	if (tsv_check_text(t, "phrase", s, PHRASE_MAX_LEN) < 0)
		return -1;
	for (p = s; *p; p++)
		if (*p >= 'A' && *p <= 'Z') {
			tsv_error(t, "phrase '%s' has an upper-case letter", s);
			return -1;
		}
	return 0;
}

/* Checks that phrase s is new and that (reason, phrase) sorts after the row
 * before; 0 or -1 (reported). */
static int check_phrase_order(struct tsv *t, const struct table *tab, const char *reason,
                              const char *s)
{
	const struct keyed_row *prev;
	size_t i;
	int c;

	for (i = 0; i < tab->nphrases_r; i++)
		if (strcmp(text_at(tab, tab->rphrases[i].key), s) == 0) {
			tsv_error(t, "phrase '%s' is listed twice", s);
			return -1;
		}
	if (tab->nphrases_r == 0)
		return 0;
	prev = &tab->rphrases[tab->nphrases_r - 1];
	c = strcmp(text_at(tab, tab->reasons[prev->reason].name), reason);
	if (c > 0 || (c == 0 && strcmp(text_at(tab, prev->key), s) > 0)) {
		tsv_error(t, "rows out of order: '%s' (%s) comes after '%s'", s, reason,
		          text_at(tab, prev->key));
		return -1;
	}
	return 0;
}

/* Nonzero if a phrase's note calls it weak: it says "weak", "ambiguous",
 * "generic" or "caution" (any case). */
static int note_is_weak(const char *note)
{
	static const char *const words[] = { "weak", "ambiguous", "generic", "caution" };
	const char *p;
	size_t i, k;

	for (p = note; *p; p++)
		for (i = 0; i < sizeof words / sizeof words[0]; i++) {
			for (k = 0; words[i][k] && (p[k] | 0x20) == words[i][k]; k++)
				;
			if (!words[i][k])
				return 1;
		}
	return 0;
}

static void read_phrase_row(struct tsv *t, struct table *tab)
{
	static const char *const columns[] = { "phrase", "reason", "source", "note" };
	struct keyed_row row = { 0 };
	char **f = t->field;
	int bad = 0;

	if (tsv_check_fields(t, columns, 4) < 0 || check_phrase(t, f[0]) < 0)
		return;
	if ((row.reason = reason_index(t, tab, f[1])) < 0)
		return;
	if (check_phrase_order(t, tab, f[1], f[0]) < 0)
		return;
	bad |= tsv_check_text(t, "source", f[2], SOURCE_MAX_LEN);
	bad |= tsv_check_text(t, "note", f[3], TEXT_MAX_LEN);
	if (bad)
		return;
	row.key = blob_add(&tab->blob, f[0]);
	row.provider = 0;
	row.weak = note_is_weak(f[3]);
	row.cls = row.subject = row.detail = 0;
	tab->rphrases = grow(tab->rphrases, &tab->capphrases_r, tab->nphrases_r, sizeof row);
	tab->rphrases[tab->nphrases_r++] = row;
}

/* Parses "X.1.1" (any failure class) or "2.X.X" (every success) into row:
 * cls is 0 for X, subject and detail -1 for X. Returns 0 or -1. */
static int parse_reason_code(const char *s, struct keyed_row *row)
{
	struct smtpcode_enhanced_code c;

	if (strcmp(s, "2.X.X") == 0) {
		row->cls = 2, row->subject = row->detail = -1;
		return 0;
	}
	if ((s[0] != 'X' && s[0] != 'x') ||
	    smtpcode_parse_enhanced(s, &c, NULL) != SMTPCODE_PARSE_OK)
		return -1;
	row->cls = 0, row->subject = c.subject, row->detail = c.detail;
	return 0;
}

static void read_code_row(struct tsv *t, struct table *tab)
{
	static const char *const columns[] = { "code", "reason", "source", "note" };
	struct keyed_row row = { 0 };
	char **f = t->field;
	int bad = 0;

	if (tsv_check_fields(t, columns, 4) < 0)
		return;
	if (parse_reason_code(f[0], &row) < 0) {
		tsv_error(t, "code '%s' is not X.subject.detail or 2.X.X", f[0]);
		return;
	}
	if (tab->nrcodes) {
		const struct keyed_row *p = &tab->rcodes[tab->nrcodes - 1];
		if (compare_ints((const int[]){ -row.cls, row.subject, row.detail },
		                 (const int[]){ -p->cls, p->subject, p->detail }, 3) <= 0) {
			tsv_error(t, "code %s is out of order or repeated", f[0]);
			return;
		}
	}
	if ((row.reason = reason_index(t, tab, f[1])) < 0)
		return;
	bad |= tsv_check_text(t, "source", f[2], SOURCE_MAX_LEN);
	bad |= tsv_check_text(t, "note", f[3], TEXT_MAX_LEN);
	if (bad)
		return;
	row.key = row.provider = 0;
	tab->rcodes = grow(tab->rcodes, &tab->caprcodes, tab->nrcodes, sizeof row);
	tab->rcodes[tab->nrcodes++] = row;
}

/* Checks that (provider, tag) sorts after the row before; 0 or -1. */
static int check_tag_order(struct tsv *t, const struct table *tab, const char *provider,
                           const char *tag)
{
	const struct keyed_row *p;
	int c;

	if (tab->ntags == 0)
		return 0;
	p = &tab->tags[tab->ntags - 1];
	c = strcmp(text_at(tab, p->provider), provider);
	if (c > 0 || (c == 0 && strcmp(text_at(tab, p->key), tag) >= 0)) {
		tsv_error(t, "rows out of order or repeated: %s '%s'", provider, tag);
		return -1;
	}
	return 0;
}

static void read_tag_row(struct tsv *t, struct table *tab)
{
	static const char *const columns[] = { "tag", "provider", "reason", "note", "source" };
	struct keyed_row row = { 0 };
	char **f = t->field;
	int bad = 0;

	if (tsv_check_fields(t, columns, 5) < 0)
		return;
	bad |= tsv_check_text(t, "tag", f[0], PHRASE_MAX_LEN);
	bad |= tsv_check_text(t, "provider", f[1], NAME_MAX_LEN);
	if (bad || check_tag_order(t, tab, f[1], f[0]) < 0)
		return;
	if ((row.reason = reason_index(t, tab, f[2])) < 0)
		return;
	bad |= tsv_check_sentences(t, "note", f[3], TEXT_MAX_LEN);
	bad |= tsv_check_text(t, "source", f[4], SOURCE_MAX_LEN);
	if (bad)
		return;
	row.key = blob_add(&tab->blob, f[0]);
	row.provider = blob_add(&tab->blob, f[1]);
	row.cls = row.subject = row.detail = 0;
	tab->tags = grow(tab->tags, &tab->captags, tab->ntags, sizeof row);
	tab->tags[tab->ntags++] = row;
}

int read_verdict(char *const *paths, struct table *tab)
{
	int bad;

	if (read_rows(paths[0], tab, read_reason_row, &tab->nreasons) < 0)
		return -1; /* the other files name the reasons */
	bad = read_rows(paths[1], tab, read_phrase_row, &tab->nphrases_r) < 0;
	bad |= read_rows(paths[2], tab, read_code_row, &tab->nrcodes) < 0;
	bad |= read_rows(paths[3], tab, read_tag_row, &tab->ntags) < 0;
	return bad ? -1 : 0;
}

int read_advice(const char *path, struct table *tab)
{
	keep_advice = 1;
	return read_rows(path, tab, read_reason_row, &tab->nreasons);
}

void print_advice(const struct table *tab, FILE *out)
{
	size_t i;

	fputs("\nstruct reason_advice {\n\tunsigned int name, advice;\n};\n", out);
	fputs("\n/* offsets of: name, advice; in the order of the library's reasons */\n", out);
	fprintf(out, "static const struct reason_advice reason_advice[%zu] = {\n", tab->nreasons);
	for (i = 0; i < tab->nreasons; i++)
		fprintf(out, "\t{ %lu, %lu },\n", tab->reasons[i].name, tab->reasons[i].advice);
	fputs("};\n", out);
}

void print_verdict(const struct table *tab, FILE *out)
{
	size_t i;

	fputs("\n/* offsets of: name, definition; bounce (0 none, 1 soft, 2 hard) */\n", out);
	fprintf(out, "static const struct gen_reason gen_reasons[%zu] = {\n", tab->nreasons);
	for (i = 0; i < tab->nreasons; i++)
		fprintf(out, "\t{ %lu, %lu, %d },\n", tab->reasons[i].name,
		        tab->reasons[i].definition, tab->reasons[i].bounce);
	fputs("};\n\n/* offset of the phrase, reason index; by reason, then phrase */\n", out);
	fprintf(out, "static const struct gen_reason_phrase gen_reason_phrases[%zu] = {\n",
	        tab->nphrases_r);
	for (i = 0; i < tab->nphrases_r; i++)
		fprintf(out, "\t{ %lu, %d },\n", tab->rphrases[i].key, tab->rphrases[i].reason);
	fputs("};\n\n/* class (0: X), subject, detail (-1: X), reason index */\n", out);
	fprintf(out, "static const struct gen_reason_code gen_reason_codes[%zu] = {\n",
	        tab->nrcodes);
	for (i = 0; i < tab->nrcodes; i++)
		fprintf(out, "\t{ %d, %d, %d, %d },\n", tab->rcodes[i].cls, tab->rcodes[i].subject,
		        tab->rcodes[i].detail, tab->rcodes[i].reason);
	fputs("};\n\n/* offsets of: tag, provider; reason index */\n", out);
	fprintf(out, "static const struct gen_provider_tag gen_provider_tags[%zu] = {\n", tab->ntags);
	for (i = 0; i < tab->ntags; i++)
		fprintf(out, "\t{ %lu, %lu, %d },\n", tab->tags[i].key, tab->tags[i].provider,
		        tab->tags[i].reason);
	fputs("};\n", out);
}
