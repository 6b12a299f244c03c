/* scan_twoways.h - one input read by the scanner both ways: with its fast
 * path (src/lib/scan_fast.c) and the general way alone. Every reply must be
 * the same, field for field, in the same order (tests/test_scan_fast.c,
 * tests/fuzz/fuzz_scan_fast.c). Each reply is written as one line of text
 * that names every field; the two transcripts are then compared. A third
 * scanner, set to codes only (smtpcode_scanner_set_codes_only), must give
 * the general way's replies but for the fields that setting may leave
 * unset. */
#ifndef TESTS_SCAN_TWOWAYS_H
#define TESTS_SCAN_TWOWAYS_H

#include "scan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct transcript {
	char *buf;
	size_t len, size;
};

struct twoways {
	struct smtpcode_scanner fast, general, codes;
	struct transcript a, b;      /* every field: fast, general */
	struct transcript c, d;      /* codes-only fields: codes, general */
};

static inline void transcript_put(struct transcript *t, const char *s, size_t n)
{
	if (t->len + n + 1 > t->size) {
		size_t size = t->size ? t->size : 4096;
		char *b;
		while (size < t->len + n + 1)
			size *= 2;
		if (!(b = realloc(t->buf, size)))
			abort();
		t->buf = b;
		t->size = size;
	}
	memcpy(t->buf + t->len, s, n);
	t->len += n;
	t->buf[t->len] = '\0';
}

/* The fields of r that codes-only keeps, as one line (without its end). */
static inline void transcript_codes(const struct smtpcode_reply *r, struct transcript *t)
{
	char head[512];
	size_t i;
	int n;

	n = snprintf(head, sizeof head, "lines %lu-%lu dsn %lu-%lu basic %d direct %d outcome %d "
	             "quoted %d report %d enhanced",
	             r->first_line, r->last_line, r->dsn_first_line, r->dsn_last_line, r->basic,
	             r->direct, (int)r->outcome, r->quoted, (int)r->report);
	transcript_put(t, head, (size_t)n);
	for (i = 0; i < r->enhanced_count; i++) {
		n = snprintf(head, sizeof head, " %d.%d.%d", r->enhanced[i].reply_class,
		             r->enhanced[i].subject, r->enhanced[i].detail);
		transcript_put(t, head, (size_t)n);
	}
	transcript_put(t, " malformed ", 11);
	transcript_put(t, r->malformed, strlen(r->malformed));
	transcript_put(t, " text ", 6);
	transcript_put(t, r->text, strlen(r->text));
}

static inline void transcript_codes_reply(const struct smtpcode_reply *r, void *arg)
{
	transcript_codes(r, arg);
	transcript_put(arg, "\n", 1);
}

/* Every field of r as one line ("-" for a NULL command). */
static inline void transcript_reply(const struct smtpcode_reply *r, void *arg)
{
	struct transcript *t = arg;
	char head[512];
	size_t i;
	int n;

	transcript_codes(r, t);
	n = snprintf(head, sizeof head, " direction %d command %s warnings", (int)r->direction,
	             r->command ? r->command : "-");
	transcript_put(t, head, (size_t)n);
	for (i = 0; i < r->warning_count; i++) {
		n = snprintf(head, sizeof head, " %d", (int)r->warnings[i]);
		transcript_put(t, head, (size_t)n);
	}
	transcript_put(t, " recipient ", 11);
	transcript_put(t, r->recipient, strlen(r->recipient));
	transcript_put(t, " host ", 6);
	transcript_put(t, r->remote_host, strlen(r->remote_host));
	transcript_put(t, "\n", 1);
}

/* The general way's reply, described both ways. */
static inline void transcript_general(const struct smtpcode_reply *r, void *arg)
{
	struct transcript *t = arg; /* b, then d */

	transcript_reply(r, &t[0]);
	transcript_codes_reply(r, &t[2]);
}

static inline void twoways_init(struct twoways *w)
{
	memset(&w->a, 0, sizeof w->a);
	memset(&w->b, 0, sizeof w->b);
	memset(&w->c, 0, sizeof w->c);
	memset(&w->d, 0, sizeof w->d);
	smtpcode_scanner_init(&w->fast);
	smtpcode_scanner_init(&w->general);
	smtpcode_scanner_init(&w->codes);
	smtpcode_scanner_set_codes_only(&w->codes, 1);
	((struct scan *)(void *)&w->general)->general_only = 1;
}

static inline void twoways_line(struct twoways *w, const char *line, size_t n)
{
	smtpcode_scanner_line(&w->fast, line, n, transcript_reply, &w->a);
	smtpcode_scanner_line(&w->general, line, n, transcript_general, &w->b);
	smtpcode_scanner_line(&w->codes, line, n, transcript_codes_reply, &w->c);
}

/* Feeds text (lines split at '\n') both ways. */
static inline void twoways_text(struct twoways *w, const char *text, size_t len)
{
	const char *p = text, *end = text + len;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		twoways_line(w, p, n);
		p += n + 1;
	}
}

/* Ends the input both ways. */
static inline void twoways_end(struct twoways *w)
{
	smtpcode_scanner_end(&w->fast, transcript_reply, &w->a);
	smtpcode_scanner_end(&w->general, transcript_general, &w->b);
	smtpcode_scanner_end(&w->codes, transcript_codes_reply, &w->c);
}

/* The lines the fast path read. */
static inline unsigned long twoways_fast_lines(const struct twoways *w)
{
	return ((const struct scan *)(const void *)&w->fast)->fast_lines;
}

/* Where transcripts a and b first differ (the start of that reply's
 * line), or (size_t)-1 when they are the same. */
static inline size_t transcripts_differ(const struct transcript *a, const struct transcript *b)
{
	size_t i = 0, line = 0;

	while (i < a->len && i < b->len && a->buf[i] == b->buf[i]) {
		if (a->buf[i] == '\n')
			line = i + 1;
		i++;
	}
	return i == a->len && i == b->len ? (size_t)-1 : line;
}

/* Where the fast path's transcript first differs from the general way's,
 * else where the codes-only one does from the general way's codes (the
 * offset in c and d then, with *codes set); (size_t)-1 when none does. */
static inline size_t twoways_differ(const struct twoways *w, int *codes)
{
	size_t at = transcripts_differ(&w->a, &w->b);

	*codes = at == (size_t)-1;
	return *codes ? transcripts_differ(&w->c, &w->d) : at;
}

static inline void twoways_free(struct twoways *w)
{
	free(w->a.buf);
	free(w->b.buf);
	free(w->c.buf);
	free(w->d.buf);
}

#endif
