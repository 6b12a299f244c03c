/* compare.h - what compare.c and compare_enhanced.c share (internal). */
#ifndef SMTPCODE_COMPARE_H
#define SMTPCODE_COMPARE_H

#include "smtpcode.h"
#include "strbuf.h"

/* Length of the first sentence of text: up to a '.', '!' or '?' that is
 * followed by a space and a capital letter, and does not end an abbreviation. */
size_t smtpcode__first_sentence(const char *text);

/* Starts the next difference item of c in sb. */
void smtpcode__new_difference(struct smtpcode_compare *c, struct strbuf *sb);

/* Fill c's summary, differences and when_to_use for two enhanced codes, and
 * for a basic code against an enhanced one (in either order). */
void smtpcode__compare_enhanced(struct smtpcode_compare *c);
void smtpcode__compare_mixed(struct smtpcode_compare *c);

#endif
