/* verdict.h - the bounce verdict's private parts: the data (verdict_data.c,
 * over build/verdict.inc) and the phrase matcher (verdict_match.c). */
#ifndef SMTPCODE_VERDICT_H
#define SMTPCODE_VERDICT_H

#include "smtpcode.h"

/* Most keys one matcher takes (phrases or tags); the data is checked
 * against it at compile time. */
#define VD_KEYS_MAX 1024

/* A match: the key's row, where it starts in the text and its length
 * (0: no match). */
struct vd_match {
	size_t row, offset, length;
};

/* In one pass over text[0..len): the longest of keys[0..split) into m[0]
 * and the longest of keys[split..n) into m[1], compared ASCII
 * case-insensitively (other bytes exactly); keys of VD_WORD_MAX bytes or
 * fewer only as whole words. Ties go to the earliest. */
#define VD_WORD_MAX 5
void vd_longest(const char *const *keys, size_t n, size_t split, const char *text, size_t len,
                struct vd_match m[2]);

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
