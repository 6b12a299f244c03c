/* verdict_data.c - the bounce-verdict data (build/verdict.inc, from
 * data/reason-list.tsv, reasons.tsv, reason-codes.tsv, provider-tags.tsv)
 * and the public accessors of the reason vocabulary. */
#include "verdict.h"

#include <string.h>

/* The members are read through the tables of build/verdict.inc, which
 * cppcheck does not see (make lint gives it no -Ibuild). */
struct gen_reason {
	/* cppcheck-suppress unusedStructMember */
	unsigned long name;
	/* cppcheck-suppress unusedStructMember */
	unsigned long definition;
	/* cppcheck-suppress unusedStructMember */
	int bounce; /* 0 none, 1 soft, 2 hard */
};

struct gen_reason_phrase {
	/* cppcheck-suppress unusedStructMember */
	unsigned long key;
	/* cppcheck-suppress unusedStructMember */
	int reason;
};

struct gen_reason_code {
	int cls, subject, detail, reason; /* cls 0: X; detail -1: X */
};

struct gen_provider_tag {
	/* cppcheck-suppress unusedStructMember */
	unsigned long key;
	unsigned long provider;
	int reason;
};

#include "verdict.inc"

enum { NREASONS = sizeof gen_reasons / sizeof gen_reasons[0] };
enum { NPHRASES = sizeof gen_reason_phrases / sizeof gen_reason_phrases[0] };
enum { NCODES = sizeof gen_reason_codes / sizeof gen_reason_codes[0] };
enum { NTAGS = sizeof gen_provider_tags / sizeof gen_provider_tags[0] };

_Static_assert(NPHRASES + NTAGS <= VD_KEYS_MAX, "the matcher's bucket starts overflow");

const char *smtpcode_bounce_name(enum smtpcode_bounce b)
{
	return b == SMTPCODE_BOUNCE_HARD ? "hard" : b == SMTPCODE_BOUNCE_SOFT ? "soft" : NULL;
}

size_t smtpcode_reason_count(void)
{
	return NREASONS;
}

int smtpcode_reason_at(size_t i, struct smtpcode_reason *out)
{
	if (i >= NREASONS)
		return -1;
	out->name = gen_verdict_blob + gen_reasons[i].name;
	out->definition = gen_verdict_blob + gen_reasons[i].definition;
	out->bounce = vd_bounce(i);
	return 0;
}

const char *smtpcode_reason_name(size_t i)
{
	return i < NREASONS ? gen_verdict_blob + gen_reasons[i].name : NULL;
}

/* A binary search: the generator keeps the reasons in name order. */
int smtpcode_reason_find(const char *name, size_t *index)
{
	size_t lo = 0, hi = NREASONS;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(gen_verdict_blob + gen_reasons[mid].name, name);
		if (c == 0) {
			*index = mid;
			return 0;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

enum smtpcode_bounce vd_bounce(size_t i)
{
	int b = gen_reasons[i].bounce;

	return b == 2 ? SMTPCODE_BOUNCE_HARD : b == 1 ? SMTPCODE_BOUNCE_SOFT : SMTPCODE_BOUNCE_NONE;
}

/* The reason of code c's row, or -1: class 2 rows match any 2.x.x, the
 * others (class X) any 4 or 5 with the same subject and detail. */
static int code_row(const struct smtpcode_enhanced_code *c)
{
	size_t i;

	for (i = 0; i < NCODES; i++) {
		const struct gen_reason_code *g = &gen_reason_codes[i];
		if (g->cls == 2 ? c->reply_class == 2
		                : (c->reply_class == 4 || c->reply_class == 5) &&
		                  g->subject == c->subject && g->detail == c->detail)
			return g->reason;
	}
	return -1;
}

int vd_code_reason(const struct smtpcode_enhanced_code *codes, size_t count, size_t *which)
{
	size_t i;

	for (i = 0; i < count; i++) {
		int reason = code_row(&codes[i]);
		if (reason >= 0) {
			*which = i;
			return reason;
		}
	}
	return -1;
}

void vd_text(const char *text, size_t len, struct vd_hit *phrase, struct vd_hit *tag)
{
	static const struct vd_index ix = { gen_match_keys, gen_match_start, gen_verdict_blob,
	                                    GEN_MATCH_SHORT };
	struct vd_match m[3];

	vd_longest(&ix, text, len, m);
	if (!m[0].length) /* a weak phrase decides only when no other does */
		m[0] = m[2];
	phrase->m = m[0], tag->m = m[1];
	phrase->reason = tag->reason = -1;
	phrase->matched = tag->matched = phrase->provider = tag->provider = NULL;
	if (m[0].length) {
		const struct gen_reason_phrase *g = &gen_reason_phrases[m[0].row];
		phrase->reason = g->reason;
		phrase->matched = gen_verdict_blob + g->key;
	}
	if (m[1].length) {
		const struct gen_provider_tag *g = &gen_provider_tags[m[1].row];
		tag->reason = g->reason;
		tag->matched = gen_verdict_blob + g->key;
		tag->provider = gen_verdict_blob + g->provider;
	}
}
