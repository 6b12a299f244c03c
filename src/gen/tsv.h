/* tsv.h - read and check the rows of a data TSV file (build-time only). */
#ifndef GEN_TSV_H
#define GEN_TSV_H

#include <stdio.h>

#define TSV_MAX_FIELDS 16

struct tsv {
	FILE *in;
	const char *path;
	unsigned long line;       /* line number of the current row */
	char *buf;
	size_t cap;
	int errors;               /* errors reported so far */
	char *field[TSV_MAX_FIELDS];
	int nfields;
};

/* Opens path; returns 0, or -1 after reporting why it could not. */
int tsv_open(struct tsv *t, const char *path);
void tsv_close(struct tsv *t);

/* Closes t; returns 0, or -1 if any error was reported while reading it. */
int tsv_finish(struct tsv *t);

/*
 * Reads the next row, skipping blank lines and lines that start with '#'
 * (each comment line is passed to on_comment when it is not NULL). Splits
 * it at TABs into t->field / t->nfields. Returns 1 for a row, 0 at the end.
 */
int tsv_next(struct tsv *t, void (*on_comment)(struct tsv *, const char *, void *),
             void *arg);

/* Reports "path:line: reason" on stderr and counts the error. */
void tsv_error(struct tsv *t, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

/* Checks that the row has exactly n fields, none of them empty (columns
 * names them in errors). Returns 0 or reports and -1. */
int tsv_check_fields(struct tsv *t, const char *const *columns, int n);

/* Checks that a text field is non-empty, valid UTF-8 without control
 * characters, and at most max bytes long. Returns 0 or reports and -1. */
int tsv_check_text(struct tsv *t, const char *column, const char *s, size_t max);

/* As tsv_check_text, and the text reads as sentences: it starts with an
 * upper-case letter or a digit and ends with '.', '!', '?' or ')'. */
int tsv_check_sentences(struct tsv *t, const char *column, const char *s, size_t max);

/* Parses a three-digit code from 100 to 599 (smtpcode_parse_basic, the
 * runtime's parser); returns it, or reports and -1. */
int tsv_code(struct tsv *t, const char *column, const char *s);

#endif
