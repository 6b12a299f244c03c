/* wrap.h - text wrapped to a width (format_text.c). */
#ifndef SMTPCODE_WRAP_H
#define SMTPCODE_WRAP_H

#include <stddef.h>
#include <stdio.h>

/* Output gathered in memory and written to out with one fwrite when full
 * or flushed: a lookup's whole text is one write, not one call of stdio per
 * piece. Writes that go to out directly must flush it first. */
struct sink {
	FILE *out;
	size_t len;
	char buf[8192];
};

void sink_init(struct sink *s, FILE *out);
void sink_put(struct sink *s, const char *p, size_t n);
void sink_puts(struct sink *s, const char *p);
void sink_flush(struct sink *s);

/* One byte: inline, as putc is. */
static inline void sink_putc(struct sink *s, char c)
{
	if (s->len == sizeof s->buf)
		sink_flush(s);
	s->buf[s->len++] = c;
}

/*
 * Prints text as one paragraph wrapped at width, from column col of a line
 * that already holds something if open (then a space comes first); the
 * lines after it start with indent spaces, and the paragraph ends with a
 * newline. Details in wrap.c.
 */
void wrap_from(FILE *out, const char *text, int col, int open, int indent, int width);
/* The same into a sink. */
void wrap_to(struct sink *s, const char *text, int col, int open, int indent, int width);

#endif
