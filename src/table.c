/* table.c - the generated code and pair tables, and lookups over them. */
#include "smtpcode.h"

struct gen_meaning {
	unsigned short code;
	unsigned char status;
	unsigned int off[6]; /* commands, name, source, description, when_seen, fix */
};

struct gen_pair {
	unsigned short a, b;
	unsigned int off[3]; /* source, difference, when_to_use */
};

#include "table.inc"

enum { NMEANINGS = sizeof gen_meanings / sizeof gen_meanings[0] };
enum { NPAIRS = sizeof gen_pairs / sizeof gen_pairs[0] };

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
	out->code = g->code;
	out->status = (enum smtpcode_status)g->status;
	out->commands = gen_blob + g->off[0];
	out->name = gen_blob + g->off[1];
	out->source = gen_blob + g->off[2];
	out->description = gen_blob + g->off[3];
	out->when_seen = gen_blob + g->off[4];
	out->fix = gen_blob + g->off[5];
	return 0;
}

size_t smtpcode_find(int code, size_t *first)
{
	size_t lo = 0, hi = NMEANINGS, end;

	/* Lower bound: the first row whose code is not below code. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (gen_meanings[mid].code < code)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (end = lo; end < NMEANINGS && gen_meanings[end].code == code; end++)
		;
	if (first)
		*first = lo;
	return end - lo;
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

int smtpcode_pair_find(int a, int b, struct smtpcode_pair *out)
{
	size_t i;

	if (a > b) {
		int t = a;
		a = b;
		b = t;
	}
	for (i = 0; i < NPAIRS; i++)
		if (gen_pairs[i].a == a && gen_pairs[i].b == b)
			return smtpcode_pair_at(i, out);
	return -1;
}
