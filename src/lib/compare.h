/* compare.h - the three ways to compare two codes (internal): compare.c
 * picks one by the kinds of the codes; each fills the facts and writes the
 * prose on demand. */
#ifndef SMTPCODE_COMPARE_H
#define SMTPCODE_COMPARE_H

#include "smtpcode.h"
#include "strbuf.h"

struct smtpcode__compare_ops {
	/* Sets same_class, curated, pair and the list of differences. */
	void (*fill)(struct smtpcode_compare *c);
	void (*summary)(const struct smtpcode_compare *c, struct strbuf *sb);
	void (*difference)(const struct smtpcode_compare *c, enum smtpcode_difference d,
	                   struct strbuf *sb);
	void (*when_to_use)(const struct smtpcode_compare *c, struct strbuf *sb);
};

/* Two three-digit codes (compare_basic.c), two enhanced codes
 * (compare_enhanced.c), one of each in either order (compare_mixed.c). */
extern const struct smtpcode__compare_ops smtpcode__compare_basic;
extern const struct smtpcode__compare_ops smtpcode__compare_enhanced;
extern const struct smtpcode__compare_ops smtpcode__compare_mixed;

#endif
