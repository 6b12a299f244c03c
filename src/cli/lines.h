/* lines.h - read a stream line by line in constant memory. */
#ifndef SMTPCODE_LINES_H
#define SMTPCODE_LINES_H

#include <stdio.h>

/* Called for each line, without its line end (LF, CRLF or a lone CR); a
 * line longer than the buffer is cut there and its rest skipped. The line
 * may hold NUL bytes. Returns 0 to go on, nonzero to stop reading (as when
 * the output can no longer be written). */
typedef int lines_fn(const char *line, size_t len, void *arg);

/* Reads in until its end; returns 0, 1 if fn stopped it (nothing more is
 * read), or -1 on a read error (errno set). */
int lines_read(FILE *in, lines_fn *fn, void *arg);

/* Calls fn for each line of a string (TEXT given on the command line);
 * returns 0, or 1 if fn stopped it. */
int lines_of_string(const char *text, lines_fn *fn, void *arg);

#endif
