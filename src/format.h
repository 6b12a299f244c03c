/* format.h - print lookups and compares as text or as JSON. */
#ifndef SMTPCODE_FORMAT_H
#define SMTPCODE_FORMAT_H

#include <stdio.h>

#include "smtpcode.h"

/* Text for people, wrapped to width columns. */
void text_lookup(FILE *out, const struct smtpcode_lookup *lk, int width);
void text_compare(FILE *out, const struct smtpcode_compare *c, int width);

/* One compact JSON object and a newline (the schema is in man/smtpcode.1). */
void json_lookup(FILE *out, const struct smtpcode_lookup *lk);
void json_compare(FILE *out, const struct smtpcode_compare *c);

#endif
