/* wrap.h - text wrapped to a width (format_text.c). */
#ifndef SMTPCODE_WRAP_H
#define SMTPCODE_WRAP_H

#include <stdio.h>

/*
 * Prints text as one paragraph wrapped at width, from column col of a line
 * that already holds something if open (then a space comes first); the
 * lines after it start with indent spaces, and the paragraph ends with a
 * newline. Details in wrap.c.
 */
void wrap_from(FILE *out, const char *text, int col, int open, int indent, int width);

#endif
