/* tally.h - counts of what `smtpcode scan` found (fixed size, no allocation). */
#ifndef SMTPCODE_TALLY_H
#define SMTPCODE_TALLY_H

#include "smtpcode.h"

#define TALLY_ENHANCED_SLOTS 2048

struct tally_enhanced {
	struct smtpcode_enhanced_code code;
	unsigned long count; /* 0: the slot is free */
};

struct tally {
	unsigned long lines, replies;
	unsigned long outcomes[4];      /* by enum smtpcode_outcome; [0] unused */
	unsigned long classes[6];       /* by the first digit of the reply code */
	unsigned long basic[600];       /* by reply code */
	struct tally_enhanced enhanced[TALLY_ENHANCED_SLOTS];
	unsigned long enhanced_other;   /* codes that found no free slot */
};

void tally_init(struct tally *t);
void tally_reply(struct tally *t, const struct smtpcode_reply *r);

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
