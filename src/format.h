/* format.h - print lookups and compares as text or as JSON. */
#ifndef SMTPCODE_FORMAT_H
#define SMTPCODE_FORMAT_H

#include <stdio.h>

#include "smtpcode.h"

/* Text for people, wrapped to width columns. */
void text_lookup(FILE *out, const struct smtpcode_lookup *lk, int width);
void text_enhanced(FILE *out, const struct smtpcode_enhanced_lookup *lk, int width);
void text_item(FILE *out, const struct smtpcode_item *item, int width);
void text_compare(FILE *out, const struct smtpcode_compare *c, int width);

/* One compact JSON object and a newline (the schema is in man/smtpcode.1). */
void json_lookup(FILE *out, const struct smtpcode_lookup *lk);
void json_enhanced(FILE *out, const struct smtpcode_enhanced_lookup *lk);
void json_item(FILE *out, const struct smtpcode_item *item);

/* Calls fn for each enhanced code that the registry associates with basic
 * code (an exact listing, not a whole class), as text such as "5.1.1". */
void each_enhanced_for_basic(int code, void (*fn)(const char *text, void *arg), void *arg);
void json_compare(FILE *out, const struct smtpcode_compare *c);

#endif
