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
	unsigned long flushes; /* sink_flush calls: what a caller put since is in buf */
	char buf[8192];
};

void sink_init(struct sink *s, FILE *out);
void sink_put(struct sink *s, const char *p, size_t n);
void sink_puts(struct sink *s, const char *p);
void sink_flush(struct sink *s);

/* A piece of a sink's output kept to be put again: made once for a key
 * (what the piece depends on, KEPT_KEYS numbers) and copied after. */
enum { KEPT_KEYS = 5 };
struct sink_kept {
	int used;
	long key[KEPT_KEYS];
	size_t len;
	char text[1024];
};

/* Nonzero if k holds the piece for key: then it is put to s. */
int sink_kept_put(struct sink *s, const struct sink_kept *k, const long key[KEPT_KEYS]);
/* Keeps in k, for key, what s got since its length was from and its
 * flushes were flushes; not when it left the buffer, or is too long. */
void sink_kept_keep(struct sink_kept *k, const struct sink *s, size_t from,
                    unsigned long flushes, const long key[KEPT_KEYS]);

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
