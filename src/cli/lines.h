/* lines.h - read a stream line by line in constant memory. */
#ifndef SMTPCODE_LINES_H
#define SMTPCODE_LINES_H

#include "smtpcode.h"

#include <stdio.h>

/* Called for each line, without its line end (LF, CRLF or a lone CR); a
 * line longer than the buffer is cut there and its rest skipped. The line
 * may hold NUL bytes. Returns 0 to go on, nonzero to stop reading (as when
 * the output can no longer be written). */
typedef int lines_fn(const char *line, size_t len, void *arg);

/* Reads in until its end; returns 0, 1 if fn stopped it (nothing more is
 * read), or -1 on a read error (errno set). */
int lines_read(FILE *in, lines_fn *fn, void *arg);

/* The same, a block at a time, for a caller that reads the bytes itself:
 * lines_begin, then lines_take for each block in order (nonzero: fn
 * stopped it), then lines_end for the last line if it has no line end.
 * Two readers given the same blocks call fn for the same lines. */
struct lines_reader {
	char line[SMTPCODE_SCAN_LINE_MAX]; /* a line cut by a block's end */
	size_t len;
	int after_cr; /* the last byte ended a line with CR: a LF next is part of it */
	int in_line;  /* bytes of a line were seen since the last line end */
	lines_fn *fn;
	void *arg;
};
void lines_begin(struct lines_reader *r, lines_fn *fn, void *arg);
int lines_take(struct lines_reader *r, const char *buf, size_t n);
int lines_end(struct lines_reader *r);

/* Calls fn for each line of a string (TEXT given on the command line);
 * returns 0, or 1 if fn stopped it. */
int lines_of_string(const char *text, lines_fn *fn, void *arg);

#endif
