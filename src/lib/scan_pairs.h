/* scan_pairs.h - which markers a line may hold (internal to libsmtpcode):
 * the pairs of adjacent bytes of the line, marked once, and the searches
 * of the format tables' markers that they spare (scan_index.c marks;
 * scan_lookup.c and scan_who.c search). A marker is searched for with
 * strstr as before; the pairs only say, at a few instructions, that it
 * cannot be there, so every lookup keeps its exact meaning. */
#ifndef SMTPCODE_SCAN_PAIRS_H
#define SMTPCODE_SCAN_PAIRS_H

#include "scan.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* The pairs of adjacent bytes a string holds, folded into SCAN_PAIRS slots
 * (scan_index.c): a marker one of whose pairs the string lacks is not in
 * it, and is not searched for; one it may hold is searched for from the
 * first place its first pair's slot was seen (it cannot start before).
 * The scanner marks each line once, after the passes (scan.c), for the
 * lookups of that line and of its suffixes. */
#define SCAN_PAIRS 1024
/* A place from SCAN_PAIR_FAR on is kept as SCAN_PAIR_FAR: a pair first
 * seen there or later (a search starts there). One byte a slot keeps the
 * table that each line clears small, so it can have more slots. */
#define SCAN_PAIR_FAR 254
struct scan_pairs {
	const char *base, *end;            /* the string marked: base up to its NUL */
	unsigned char first[SCAN_PAIRS + 1]; /* 1 + where a pair of that slot is
	                                      * first (at most 1 + SCAN_PAIR_FAR),
	                                      * or 0: none; the last one, 1:
	                                      * every line holds it */
};

/* Marks the pairs of text (len bytes, then a NUL) in *pp. */
void smtpcode__pairs_mark(struct scan_pairs *pp, const char *text, size_t len);

/* The slot of the pair of bytes at u: a multiplicative hash of the two
 * bytes as one 16-bit word, the first byte low on every machine (src/gen/
 * genscan.c computes the rows' slots on the build machine); pairs that
 * share a slot only cost a search. */
static inline unsigned scan_pair_slot(const unsigned char *u)
{
	uint32_t w = (uint32_t)u[0] | (uint32_t)u[1] << 8;

	return (unsigned)((uint32_t)(w * 0x9E3779B1u) >> 22);
}

/* For each row of the index (the order smtpcode__formats_index() gives),
 * the slots of its marker's first and last pair, SCAN_PAIRS for a marker
 * of one byte (scan_index.c, from build/scan_slots.inc). */
extern const unsigned short smtpcode__row_slots[][2];
/* The slots of the transcript prefixes' first pairs, a bit a slot. */
extern const unsigned char smtpcode__prefix_pairs[SCAN_PAIRS / 8];
/* The same for the raw client commands, in lower case (a command of one
 * byte: that byte, then the end, a blank or a tab). */
extern const unsigned char smtpcode__raw_pairs[SCAN_PAIRS / 8];

/* The first bytes of the SCAN_TEXT_END and SCAN_JOIN markers, as strings
 * (build/scan_slots.inc): text without one of them holds none of the
 * markers, without pairs marked for it. */
#define SCAN_FIRSTS_MAX 16
extern const char smtpcode__text_end_firsts[SCAN_FIRSTS_MAX];
extern const char smtpcode__join_firsts[SCAN_FIRSTS_MAX];

/* Nonzero if the string pp marked may hold needle[n]: each of its pairs
 * is there (the first and the last tried first). */
static inline int scan_may_hold(const struct scan_pairs *pp, const char *needle, size_t n)
{
	const unsigned char *u = (const unsigned char *)needle;
	size_t i;

	if (n < 2)
		return 1;
	if (!pp->first[scan_pair_slot(u)] || !pp->first[scan_pair_slot(u + n - 2)])
		return 0;
	for (i = 1; i + 2 < n; i++)
		if (!pp->first[scan_pair_slot(u + i)])
			return 0;
	return 1;
}

/* Nonzero if pp (or NULL) shows at once that the string lacks m's marker:
 * its first pair is not there (the test a loop over many rows makes
 * before any other). */
static inline int scan_lacks_first(const struct scan_pairs *pp, const struct scan_marker *m)
{
	return pp && m->len >= 2 && !pp->first[scan_pair_slot((const unsigned char *)m->marker)];
}

/* The first row of ix from m on (up to end) whose marker's first and last
 * pairs pp holds: the rows skipped cannot be in the string pp marked. Every
 * row when pp is NULL; a marker of one byte is never skipped. Two loads a
 * row skipped (the slots, computed on the build machine). */
static inline const scan_row *scan_next_held(const struct scan_pairs *pp, const scan_row *m,
                                             const scan_row *end)
{
	if (pp) {
		size_t i = (size_t)(m - smtpcode__rows), e = (size_t)(end - smtpcode__rows);
		while (i < e && !(pp->first[smtpcode__row_slots[i][0]] &&
		                  pp->first[smtpcode__row_slots[i][1]]))
			i++;
		m = smtpcode__rows + i;
	}
	return m;
}

/* The rows of role (of up to SCAN_GROUP_ROWS rows) whose marker's first
 * and last pairs a line holds (first: its marked pairs), a bit each, the
 * role's first row bit 0: code that src/gen/genscan.c writes from the
 * tables (build/scan_slots.inc), the rows that share a first pair in one
 * group that a line without that pair skips with one test. */
#define SCAN_GROUP_ROWS 64
uint64_t smtpcode__held_rows(const unsigned char *first, enum scan_role role);

/* The place of the lowest bit set in m (nonzero). */
static inline unsigned scan_lowest_bit(uint64_t m)
{
#if defined(__GNUC__)
	return (unsigned)__builtin_ctzll(m);
#else
	unsigned i = 0;

	for (; !(m & 1); m >>= 1)
		i++;
	return i;
#endif
}

/* EACH_HELD's place in a role: the rows not yet given (bits from base), or,
 * for a role of more than SCAN_GROUP_ROWS rows (end set), the rows after
 * base (the row given last), tried one by one. */
struct scan_held_rows {
	const scan_row *base, *row; /* row: the next to give, or NULL */
	uint64_t left;
	const struct scan_pairs *pp;
	const scan_row *end;
};

/* scan_next_held from m, NULL at end (scan_index.c: the start of a role of
 * more than SCAN_GROUP_ROWS rows, kept out of each loop's code). */
const scan_row *smtpcode__first_held(const struct scan_pairs *pp, const scan_row *m,
                                     const scan_row *end);

/* The next row of h whose marker's first and last pairs the string holds
 * (every row without pairs) to h->row, or NULL. */
static inline void scan_held_next(struct scan_held_rows *h)
{
	if (h->end) /* base: the row given last */
		h->row = h->base = smtpcode__first_held(h->pp, h->base + 1, h->end);
	else if (h->left)
		h->row = h->base + scan_lowest_bit(h->left), h->left &= h->left - 1;
	else
		h->row = NULL;
}

static inline struct scan_held_rows scan_held_start(const struct scan_index *ix,
                                                   const struct scan_pairs *pp, enum scan_role role)
{
	struct scan_held_rows h;
	size_t n = (size_t)(ix->first[role + 1] - ix->first[role]);

	h.base = ix->rows + ix->first[role];
	h.pp = pp;
	h.end = NULL;
	h.left = 0;
	h.row = NULL; /* set below; cppcheck reads the whole struct */
	if (n > SCAN_GROUP_ROWS) {
		h.end = h.base + n;
		h.row = h.base = smtpcode__first_held(pp, h.base, h.end);
		return h;
	}
	if (!pp)
		h.left = n == 64 ? ~UINT64_C(0) : (UINT64_C(1) << n) - 1;
	else
		h.left = smtpcode__held_rows(pp->first, role);
	scan_held_next(&h);
	return h;
}

/* h's next row, taken: a loop left by break sees none after it. */
static inline const scan_row *scan_held_take(struct scan_held_rows *h)
{
	const scan_row *m = h->row;

	h->row = NULL;
	return m;
}

/* For each row m of a role whose marker's first and last pairs pp (the
 * pairs that cover the string searched, or NULL) holds: EACH without the
 * rows whose search would find nothing, in the role's order. The outer
 * loop keeps the place; the inner one gives one row, as m (break and
 * continue in the body work as in one loop: the row was taken). */
#define EACH_HELD(ix, pp, role, m) \
	for (struct scan_held_rows m##_held = scan_held_start((ix), (pp), (role)); \
	     m##_held.row != NULL;) /* NOLINT(bugprone-macro-parentheses) */ \
		for (const scan_row *m = scan_held_take(&m##_held); /* NOLINT */ \
		     m != NULL; m = NULL, scan_held_next(&m##_held))

/* Nonzero if the string pp marked (every string when pp is NULL) may hold
 * a valid enhanced code: its class digit (2, 4 or 5) and the dot after it
 * are a pair of it (smtpcode__enhanced_at). */
static inline int scan_may_hold_enhanced(const struct scan_pairs *pp)
{
	return !pp || pp->first[scan_pair_slot((const unsigned char *)"2.")] ||
	       pp->first[scan_pair_slot((const unsigned char *)"4.")] ||
	       pp->first[scan_pair_slot((const unsigned char *)"5.")];
}

/* The marked pairs that cover s (the marked line, or a suffix of it), or
 * NULL. */
static inline const struct scan_pairs *scan_covering(const struct scan_index *ix, const char *s)
{
	const struct scan_pairs *pp = ix->pairs;

	if (pp && (uintptr_t)s - (uintptr_t)pp->base <= (uintptr_t)pp->end - (uintptr_t)pp->base)
		return pp;
	return NULL;
}

/* strstr(s, needle) for a needle (n >= 2 bytes) whose pairs pp holds,
 * searched from where its first pair may first be. */
static inline const char *scan_find_from(const struct scan_pairs *pp, const char *s,
                                         const char *needle, size_t n)
{
	size_t at = pp->first[scan_pair_slot((const unsigned char *)needle)] - 1u;

	if ((size_t)(s - pp->base) <= at) {
		/* Most often the marker itself stands there: compared in place
		 * (up to the NUL: needle holds none) before a search. */
		size_t i;
		s = pp->base + at;
		for (i = 0; i < n && s[i] == needle[i]; i++)
			;
		if (i == n)
			return s;
		s++;
	}
	return strstr(s, needle);
}

/* strstr(s, needle), needle's length n; NULL at once when pp (the pairs
 * that cover s, or NULL) lacks one of needle's pairs, else searched from
 * where its first pair may first be. */
static inline const char *scan_find_in(const struct scan_pairs *pp, const char *s,
                                       const char *needle, size_t n)
{
	if (pp && n >= 2)
		return scan_may_hold(pp, needle, n) ? scan_find_from(pp, s, needle, n) : NULL;
	return strstr(s, needle);
}

/* scan_find_row for a row that EACH_HELD gave: its first and last pairs
 * are known to be there, the others are looked at. */
static inline const char *scan_find_held(const struct scan_pairs *pp, const char *s,
                                         const struct scan_marker *m)
{
	const unsigned char *u = (const unsigned char *)m->marker;
	size_t i;

	if (!pp || m->len < 2)
		return strstr(s, m->marker);
	for (i = 1; i + 2 < m->len; i++)
		if (!pp->first[scan_pair_slot(u + i)])
			return NULL;
	return scan_find_from(pp, s, m->marker, m->len);
}

/* scan_find_in for a row's marker. */
static inline const char *scan_find_row(const struct scan_pairs *pp, const char *s,
                                        const struct scan_marker *m)
{
	return scan_find_in(pp, s, m->marker, m->len);
}

/* strstr(s, m->marker), sped up by the line's marked pairs. */
static inline const char *smtpcode__find(const struct scan_index *ix, const char *s,
                                         const struct scan_marker *m)
{
	return scan_find_row(scan_covering(ix, s), s, m);
}

#endif
