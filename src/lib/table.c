/* table.c - the generated code and pair tables, and lookups over them. */
#include "phrase.h"
#include "smtpcode.h"

#include <string.h>

struct gen_meaning {
	unsigned short code;
	unsigned char status;
	unsigned int off[6]; /* commands, name, source, description, when_seen, fix */
};

struct gen_pair {
	unsigned short a, b;
	unsigned int off[3]; /* source, difference, when_to_use */
};

struct gen_enhanced {
	short reply_class;
	short subject, detail;
	unsigned char deprecated;
	unsigned int off[6]; /* title, basic_codes, source, description, when_seen, fix */
};

struct gen_basic_row {
	unsigned short basic, row;
};

struct gen_note {
	short reply_class;
	short subject, detail, detail_last;
	unsigned int off[3]; /* provider, note, source */
};

#include "table.inc"

enum { NMEANINGS = sizeof gen_meanings / sizeof gen_meanings[0] };
enum { NPAIRS = sizeof gen_pairs / sizeof gen_pairs[0] };
enum { NENHANCED = sizeof gen_enhanced / sizeof gen_enhanced[0] };
enum { NNOTES = sizeof gen_notes / sizeof gen_notes[0] };

const char *smtpcode_version(void)
{
	return SMTPCODE_VERSION;
}

const char *smtpcode_sources_date(void)
{
	return GEN_SOURCES_DATE;
}

size_t smtpcode_meaning_count(void)
{
	return NMEANINGS;
}

int smtpcode_meaning_at(size_t index, struct smtpcode_meaning *out)
{
	const struct gen_meaning *g;

	if (index >= NMEANINGS)
		return -1;
	g = &gen_meanings[index];
	out->basic = g->code;
	out->status = (enum smtpcode_status)g->status;
	out->commands = gen_blob + g->off[0];
	out->name = gen_blob + g->off[1];
	out->source = gen_blob + g->off[2];
	out->description = gen_blob + g->off[3];
	out->when_seen = gen_blob + g->off[4];
	out->fix = gen_blob + g->off[5];
	return 0;
}

int smtpcode_find(int basic, size_t *first, size_t *count)
{
	size_t lo = 0, hi = NMEANINGS, end;

	/* Lower bound: the first row whose code is not below basic. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (gen_meanings[mid].code < basic)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (end = lo; end < NMEANINGS && gen_meanings[end].code == basic; end++)
		;
	if (end == lo)
		return -1;
	if (first)
		*first = lo;
	if (count)
		*count = end - lo;
	return 0;
}

size_t smtpcode_pair_count(void)
{
	return NPAIRS;
}

int smtpcode_pair_at(size_t index, struct smtpcode_pair *out)
{
	const struct gen_pair *g;

	if (index >= NPAIRS)
		return -1;
	g = &gen_pairs[index];
	out->a = g->a;
	out->b = g->b;
	out->source = gen_blob + g->off[0];
	out->difference = gen_blob + g->off[1];
	out->when_to_use = gen_blob + g->off[2];
	return 0;
}

int smtpcode_pair_find(int a, int b, size_t *index)
{
	size_t i;

	if (a > b) {
		int t = a;
		a = b;
		b = t;
	}
	for (i = 0; i < NPAIRS; i++)
		if (gen_pairs[i].a == a && gen_pairs[i].b == b) {
			if (index)
				*index = i;
			return 0;
		}
	return -1;
}

size_t smtpcode_enhanced_count(void)
{
	return NENHANCED;
}

/* The generated tables write X as 0 in a class, -1 in a subject or detail. */
static int any_class(int reply_class)
{
	return reply_class == 0 ? SMTPCODE_ANY : reply_class;
}

int smtpcode_enhanced_at(size_t index, struct smtpcode_enhanced_entry *out)
{
	const struct gen_enhanced *g;

	if (index >= NENHANCED)
		return -1;
	g = &gen_enhanced[index];
	out->reply_class = any_class(g->reply_class);
	out->subject = g->subject;
	out->detail = g->detail;
	out->deprecated = g->deprecated;
	out->title = gen_blob + g->off[0];
	out->basic_codes = gen_blob + g->off[1];
	out->source = gen_blob + g->off[2];
	out->description = gen_blob + g->off[3];
	out->when_seen = gen_blob + g->off[4];
	out->fix = gen_blob + g->off[5];
	return 0;
}

int smtpcode_enhanced_find(int reply_class, int subject, int detail, size_t *index)
{
	size_t i;

	for (i = 0; i < NENHANCED; i++) {
		const struct gen_enhanced *g = &gen_enhanced[i];
		if (any_class(g->reply_class) == reply_class && g->subject == subject &&
		    g->detail == detail) {
			if (index)
				*index = i;
			return 0;
		}
	}
	return -1;
}

int smtpcode_enhanced_lists_basic(const struct smtpcode_enhanced_entry *e, int basic)
{
	const char *p = e->basic_codes;

	if (strcmp(p, "Any") == 0)
		return basic / 100 == 2 || basic / 100 == 4 || basic / 100 == 5 ? 2 : 0;
	while (p[0] && p[1] && p[2]) {
		if (p[0] - '0' == basic / 100 && p[1] - '0' == basic / 10 % 10 &&
		    p[2] - '0' == basic % 10)
			return 1;
		if (p[0] - '0' == basic / 100 && p[1] == 'X' && p[2] == 'X')
			return 2;
		p += 3;
		if (*p == ',')
			p++;
	}
	return 0;
}

size_t smtpcode_enhanced_for_basic(int basic, size_t *rows, size_t max)
{
	const struct gen_basic_row *r = gen_basic_rows, *end = gen_basic_rows + GEN_NBASIC_ROWS;
	size_t lo = 0, hi = GEN_NBASIC_ROWS, n = 0;

	while (lo < hi) { /* the first pair whose code is not below basic */
		size_t mid = lo + (hi - lo) / 2;
		if (r[mid].basic < basic)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (r += lo; r < end && r->basic == basic; r++, n++)
		if (n < max)
			rows[n] = r->row;
	return n;
}

size_t smtpcode_provider_note_count(void)
{
	return NNOTES;
}

int smtpcode_provider_note_at(size_t index, struct smtpcode_provider_note *out)
{
	const struct gen_note *g;

	if (index >= NNOTES)
		return -1;
	g = &gen_notes[index];
	out->enhanced.reply_class = any_class(g->reply_class);
	out->enhanced.subject = g->subject;
	out->enhanced.detail = g->detail;
	out->detail_last = g->detail_last;
	out->provider = gen_blob + g->off[0];
	out->note = gen_blob + g->off[1];
	out->source = gen_blob + g->off[2];
	return 0;
}

size_t smtpcode_language_count(void)
{
	return GEN_NLANGS;
}

const char *smtpcode_language_code(size_t index)
{
	return index < GEN_NLANGS ? gen_blob + gen_langs[index] : NULL;
}

int smtpcode_language_find(const char *name)
{
	size_t i;

	/* "C", "C.UTF-8" and "POSIX" by their bytes: a call to strcmp here, the
	 * only one of a lookup, would cost more than the rest of this. */
	if (!name || !*name || (name[0] == 'C' && (name[1] == '\0' || name[1] == '.')) ||
	    (name[0] == 'P' && name[1] == 'O' && name[2] == 'S' && name[3] == 'I' &&
	     name[4] == 'X' && name[5] == '\0'))
		return 0;
	/* "es", "es_ES.UTF-8", "pt-BR": the first two letters, in lower case. */
	for (i = 0; i < GEN_NLANGS; i++) {
		const char *code = gen_blob + gen_langs[i];
		char a = name[0] >= 'A' && name[0] <= 'Z' ? (char)(name[0] - 'A' + 'a') : name[0];
		char b = name[1] >= 'A' && name[1] <= 'Z' ? (char)(name[1] - 'A' + 'a') : name[1];
		if (a == code[0] && b == code[1] &&
		    (name[2] == '\0' || name[2] == '_' || name[2] == '-' || name[2] == '.' ||
		     name[2] == '@'))
			return (int)i;
	}
	return -1;
}

const char *smtpcode__phrase(int lang, const char *key)
{
	size_t lo = 0, hi = sizeof gen_phrases / sizeof gen_phrases[0];

	if (lang < 0 || (size_t)lang >= GEN_NLANGS)
		lang = 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(key, gen_blob + gen_phrases[mid].key);
		if (c == 0)
			return gen_blob + gen_phrases[mid].text[lang];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}
