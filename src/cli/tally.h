/* tally.h - counts of what `smtpcode scan` found (fixed size, no allocation). */
#ifndef SMTPCODE_TALLY_H
#define SMTPCODE_TALLY_H

#include "smtpcode.h"

struct logstat;

/* The distinct enhanced codes counted one by one: the first ones seen.
 * Later new codes are counted together as "other". */
#define TALLY_ENHANCED_SLOTS 2048

struct tally_enhanced {
	struct smtpcode_enhanced_code code;
	unsigned long count;
};

struct tally {
	unsigned long lines, replies;
	unsigned long outcomes[SMTPCODE_OUTCOME_COUNT]; /* by enum smtpcode_outcome; [0] unused */
	unsigned long classes[6];       /* by the first digit of the reply code */
	unsigned long basic[600];       /* by reply code */
	struct tally_enhanced enhanced[TALLY_ENHANCED_SLOTS]; /* in the order first seen */
	size_t enhanced_used;
	unsigned long enhanced_other;   /* codes seen after the table was full */
	/* Where a code is counted, found in three steps whatever the number of
	 * codes: by class and subject, then detail / 32, then detail % 32. Each
	 * entry is the index + 1 of a row of the next level (0: none yet); a new
	 * code takes at most one row of each, so TALLY_ENHANCED_SLOTS rows do. */
	unsigned short by_subject[4][1000];
	unsigned short by_high[TALLY_ENHANCED_SLOTS][32];
	unsigned short by_low[TALLY_ENHANCED_SLOTS][32];
	unsigned short high_used, low_used;
	const struct logstat *stats;    /* the totals by MTA rules (logstat.h) */
};

void tally_init(struct tally *t);
void tally_reply(struct tally *t, const struct smtpcode_reply *r);
/* Counts an enhanced code n times (tally_reply counts each once). */
void tally_add_enhanced(struct tally *t, const struct smtpcode_enhanced_code *c,
                        unsigned long n);

/* A count and what it counts, for sorting. */
struct tally_row {
	unsigned long count;
	int basic;                          /* for a reply code row */
	struct smtpcode_enhanced_code code; /* for an enhanced code row */
};

/* Fills rows (room for 600 or TALLY_ENHANCED_SLOTS) with the non-zero
 * counts, most first (ties: lower code first); returns how many. */
size_t tally_basic_rows(const struct tally *t, struct tally_row *rows);
size_t tally_enhanced_rows(const struct tally *t, struct tally_row *rows);

#endif
