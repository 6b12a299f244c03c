/* prewrap.h - the table's long texts as the generator wrapped them at the
 * default width (build/cli/prewrap.inc, written by gentable --prewrap with
 * wrap.c itself): a lookup at that width copies its sections instead of
 * wrapping them. */
#ifndef SMTPCODE_PREWRAP_H
#define SMTPCODE_PREWRAP_H

#include "wrap.h"

#include <stddef.h>

/* The width, and the indent the texts are wrapped under (a section's). */
enum { PREWRAP_WIDTH = 80, PREWRAP_INDENT = 2 };

/* The texts of a meaning (struct smtpcode_meaning) or of a registry row
 * (struct smtpcode_enhanced_entry) that come pre-wrapped. */
enum prewrap_field { PREWRAP_DESCRIPTION, PREWRAP_WHEN_SEEN, PREWRAP_FIX, PREWRAP_SOURCE,
	             PREWRAP_FIELDS };

/* No pre-wrapped text. */
#define PREWRAP_NONE (-1L)

/* The number of field f of meaning row (enhanced 0) or of registry row
 * (enhanced 1) in the generated table, or PREWRAP_NONE when the row is out
 * of its range. */
long prewrap_id(int enhanced, size_t row, enum prewrap_field f);

/* Writes text, which must be the text of id in the library's table (the
 * one prewrap_id() numbered), as wrap_to(s, text, PREWRAP_INDENT, 0,
 * PREWRAP_INDENT, PREWRAP_WIDTH) would after PREWRAP_INDENT spaces, and
 * returns 0; returns -1 and writes nothing when the generated table has no
 * such text (PREWRAP_NONE, or an id out of range). */
int prewrap_put(struct sink *s, long id, const char *text);

#endif
