/* verdict.h - the bounce verdict's private parts: the data (verdict_data.c,
 * over build/verdict.inc) and the phrase matcher (verdict_match.c). */
#ifndef SMTPCODE_VERDICT_H
#define SMTPCODE_VERDICT_H

#include "smtpcode.h"

/* Most keys the matcher takes (phrases and tags): the bucket starts are
 * unsigned short; the data is checked against it at compile time. */
#define VD_KEYS_MAX 65535

/* A match: the key's row, where it starts in the text and its length
 * (0: no match). */
struct vd_match {
	size_t row, offset, length;
};

/* A key of the matcher (build/verdict.inc, sorted by bucket): its offset
 * in the blob, its row in gen_reason_phrases or gen_provider_tags, which
 * of the two (0 phrase, 1 tag), and its first VD_PREFIX bytes, ASCII case
 * folded and packed first byte lowest, of which it has prefix_len. */
struct gen_match_key {
	unsigned long off;
	unsigned row;
	int tag;
	unsigned long long prefix;
	unsigned prefix_len;
};

/* The matcher's index: keys[start[b] .. start[b + 1]) are bucket b's
 * (verdict_key.h); short_keys: 1 if some key is one byte long, 2 if
 * some is two (their buckets end with 0s), or both. */
struct vd_index {
	const struct gen_match_key *keys;
	const unsigned short *start;
	const char *blob;
	int short_keys;
};

/* In one pass over text[0..len): the longest phrase into m[0], the
 * longest tag into m[1] and the longest weak phrase into m[2] (row: the key's row), compared ASCII
 * case-insensitively (other bytes exactly); keys of VD_WORD_MAX bytes or
 * fewer only as whole words. Ties go to the earliest position, then the
 * first row. length 0: no match. */
#define VD_WORD_MAX 5
void vd_longest(const struct vd_index *ix, const char *text, size_t len, struct vd_match m[3]);

/* What the text says: a phrase of data/reasons.tsv or a provider tag. */
struct vd_hit {
	int reason;           /* a reason index, or -1 when nothing matched */
	struct vd_match m;
	const char *matched;  /* the phrase or tag as in the data */
	const char *provider; /* a tag's provider; NULL for a phrase */
};

/* The reason of the first telling code among codes[0..count), its index
 * into codes in *which: a reason index, or -1. */
int vd_code_reason(const struct smtpcode_enhanced_code *codes, size_t count, size_t *which);

/* The longest phrase of data/reasons.tsv in text into *phrase, and the
 * longest provider tag whose reason is not undefined into *tag. */
void vd_text(const char *text, size_t len, struct vd_hit *phrase, struct vd_hit *tag);

/* The default bounce of reason i (a valid index). */
enum smtpcode_bounce vd_bounce(size_t i);

#endif
