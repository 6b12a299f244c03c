/* verdict.h - the bounce verdict's private parts: the data (verdict_data.c,
 * over build/verdict.inc) and the phrase matcher (verdict_match.c). */
#ifndef SMTPCODE_VERDICT_H
#define SMTPCODE_VERDICT_H

#include "smtpcode.h"

/* Most keys one matcher takes (phrases or tags); the data is checked
 * against it at compile time. */
#define VD_KEYS_MAX 1024

/* A match: the key's row, where it starts in the text and its length. */
struct vd_match {
	size_t row, offset, length;
};

/* The longest of keys[0..n) in text[0..len), compared ASCII
 * case-insensitively (other bytes exactly); keys of VD_WORD_MAX bytes or
 * fewer only as whole words. Ties go to the earliest. 0, or -1 if none. */
#define VD_WORD_MAX 5
int vd_longest(const char *const *keys, size_t n, const char *text, size_t len,
               struct vd_match *m);

/* The reason of the first telling code among codes[0..count), its index
 * into codes in *which: a reason index, or -1. */
int vd_code_reason(const struct smtpcode_enhanced_code *codes, size_t count, size_t *which);

/* The longest phrase of data/reasons.tsv in text: its reason, or -1. The
 * phrase itself in *matched. */
int vd_phrase(const char *text, size_t len, struct vd_match *m, const char **matched);

/* The longest provider tag in text whose reason is not undefined: its
 * reason, or -1; the tag and its provider in *matched and *provider. */
int vd_tag(const char *text, size_t len, struct vd_match *m, const char **matched,
           const char **provider);

/* The default bounce of reason i (a valid index). */
enum smtpcode_bounce vd_bounce(size_t i);

#endif
