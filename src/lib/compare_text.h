/* compare_text.h - what the compare fillers share (internal): sentences,
 * lists, names, and the bounded list of differences. */
#ifndef SMTPCODE_COMPARE_TEXT_H
#define SMTPCODE_COMPARE_TEXT_H

#include "smtpcode.h"
#include "strbuf.h"

/* Length of the first sentence of text: up to a '.', '!' or '?' that is
 * followed by a space and a capital letter, and does not end an abbreviation. */
size_t smtpcode__first_sentence(const char *text);

/* Appends the first sentence of text. */
void smtpcode__say_first_sentence(struct strbuf *sb, const char *text);

/* Appends tmpl with {1}..{n} replaced by the n strings that follow: the
 * compare sentences are plain copies, without printf's machinery. */
void smtpcode__say(struct strbuf *sb, const char *tmpl, int n, ...);

/* n in decimal in buf[12]; returns buf. */
char *smtpcode__decimal(char *buf, int n);

/* Adds difference d to c (at most SMTPCODE_DIFF_MAX; more are dropped). */
void smtpcode__add_difference(struct smtpcode_compare *c, enum smtpcode_difference d);

/* The meaning of a basic lookup a compare speaks of (the first selected):
 * 0 and *m filled, or -1 if the code is not defined. */
int smtpcode__first_meaning(const struct smtpcode_lookup *lk, struct smtpcode_meaning *m);

/* The name of that meaning, or "not defined". */
const char *smtpcode__basic_name(const struct smtpcode_lookup *lk);

/* The registry's title of an enhanced lookup's code, or "not registered". */
const char *smtpcode__enhanced_title(const struct smtpcode_enhanced_lookup *lk);

#endif
