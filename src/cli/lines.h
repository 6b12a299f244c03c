/* lines.h - read a stream line by line in constant memory. */
#ifndef SMTPCODE_LINES_H
#define SMTPCODE_LINES_H

#include <stdio.h>

/* Called for each line, without its line end (LF, CRLF or a lone CR); a
 * line longer than the buffer is cut there and its rest skipped. The line
 * may hold NUL bytes. */
typedef void lines_fn(const char *line, size_t len, void *arg);

/* Reads in until its end; returns 0, or -1 on a read error (errno set). */
int lines_read(FILE *in, lines_fn *fn, void *arg);

/* Calls fn for each line of a string (TEXT given on the command line). */
void lines_of_string(const char *text, lines_fn *fn, void *arg);

#endif
