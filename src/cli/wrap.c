/* wrap.c - text wrapped to a width: a line at a time for plain text, a
 * word at a time for the rest (escapes, runs of spaces, Japanese). */
#include "wrap.h"
#include "linebreak.h"
#include "safe_text.h"

#include <stdint.h>
#include <string.h>

/* Writes text[0..end) of a wrapped line: as it is when clean (nothing to
 * escape, single spaces between words), else each run of spaces and tabs
 * as one space and what safe_text.h escapes escaped. */
static void line_out(FILE *out, const char *text, const char *end, int clean)
{
	if (clean) {
		fwrite(text, 1, (size_t)(end - text), out);
		return;
	}
	while (text < end) {
		const char *gap = text;
		while (gap < end && *gap != ' ' && *gap != '\t')
			gap++;
		safe_write(out, text, (size_t)(gap - text));
		if (gap == end)
			break;
		putc(' ', out);
		while (gap < end && (*gap == ' ' || *gap == '\t'))
			gap++;
		text = gap;
	}
}

/* The top bit of a byte of the eight at s is set if one of them is not
 * printable ASCII, or two spaces stand together among them (a byte below
 * 0x20 sets the top bit of its byte of x - 0x20..., DEL of x + 1..., the
 * rest of x; two spaces one of space & space >> 8). A borrow
 * may set more bits, never fewer: then the caller looks again, byte by
 * byte. */
static uint64_t not_plain8(const char *s)
{
	const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
	const uint64_t low7 = 0x7F7F7F7F7F7F7F7Fu;
	uint64_t x, y, space;

	memcpy(&x, s, 8);
	y = x ^ (ones * ' ');
	space = ~(((y & low7) + low7) | y | low7);
	return ((x - ones * 0x20) | (x + ones) | x | (space & (space >> 8))) & high;
}

/* Whether text[0..n) is all printable ASCII with no two spaces together:
 * eight bytes at a time without a branch, in windows seven bytes apart (so
 * that every two neighbours share one) and a last one that ends the text. */
static int ascii_plain(const char *text, size_t n)
{
	uint64_t acc = 0;
	size_t i;

	if (n < 8) {
		for (i = 0; i < n; i++)
			if ((unsigned char)text[i] - 0x20u >= 0x5Fu ||
			    (i > 0 && text[i] == ' ' && text[i - 1] == ' '))
				return 0;
		return 1;
	}
	for (i = 0; n - i > 8; i += 7)
		acc |= not_plain8(text + i);
	return !(acc | not_plain8(text + n - 8));
}

/* The bytes of the character at s when it is one fast_wrap can take: 1 for
 * printable ASCII (not a space), 2 for U+00A0 to U+07FF (all print, one
 * column); else 0. */
static size_t plain_char(const unsigned char *s)
{
	if (*s - 0x21u < 0x5Eu)
		return 1;
	if (*s >= 0xC2 && *s <= 0xDF && (s[1] & 0xC0) == 0x80 && (*s != 0xC2 || s[1] >= 0xA0))
		return 2; /* not a C1 control */
	return 0;
}

/* The length of text when it is words of printable ASCII and two-byte UTF-8
 * characters that print (all one column wide), each word after a single
 * space (no space first or last, no tab): then fast_wrap can wrap it, and
 * *ascii says whether its columns are its bytes. Else 0. Eight bytes at a
 * time where it can. */
static size_t plain_length(const char *text, int *ascii)
{
	const unsigned char *q = (const unsigned char *)text;
	size_t n = strlen(text), i = 0;

	*ascii = 1;
	if (!n || q[0] == ' ' || q[n - 1] == ' ')
		return 0;
	if (ascii_plain(text, n))
		return n;
	while (i < n) {
		size_t len;
		if (n - i >= 8 && (i == 0 || q[i] != ' ' || q[i - 1] != ' ') && !not_plain8(text + i)) {
			i += 8;
			continue;
		}
		len = plain_char(q + i);
		if (len == 2)
			*ascii = 0;
		else if (!len && (q[i] != ' ' || q[i - 1] == ' ')) /* q[0] is no space */
			return 0;
		i += len ? len : 1;
	}
	return n;
}

/* The continuation bytes in p[0..n), which start no column: eight bytes at
 * a time (the bytes whose top bits are 10, summed by a multiply). */
static long continuations(const char *p, long n)
{
	const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
	long k = 0, i = 0;

	for (; n - i >= 8; i += 8) {
		uint64_t x;
		memcpy(&x, p + i, 8);
		k += (long)((((x & ~(x << 1) & high) >> 7) * ones) >> 56);
	}
	for (; i < n; i++)
		k += ((unsigned char)p[i] & 0xC0) == 0x80;
	return k;
}

/* Where column cols of p[0..end) starts (end when the text is narrower):
 * a jump of cols bytes, then of as many as the continuation bytes it
 * passed, until none is passed. */
static const char *column_at(const char *p, const char *end, long cols, int ascii)
{
	if (ascii)
		return cols >= end - p ? end : p + cols;
	while (cols > 0 && p < end) {
		long step = cols < end - p ? cols : end - p;
		cols -= step - continuations(p, step);
		p += step;
	}
	while (p < end && ((unsigned char)*p & 0xC0) == 0x80)
		p++;
	return p;
}

void sink_init(struct sink *s, FILE *out)
{
	s->out = out;
	s->len = 0;
	s->flushes = 0;
}

void sink_flush(struct sink *s)
{
	s->flushes++;
	if (s->len)
		fwrite(s->buf, 1, s->len, s->out);
	s->len = 0;
}

void sink_put(struct sink *s, const char *p, size_t n)
{
	if (n > sizeof s->buf - s->len) {
		sink_flush(s);
		if (n > sizeof s->buf) {
			fwrite(p, 1, n, s->out);
			return;
		}
	}
	memcpy(s->buf + s->len, p, n);
	s->len += n;
}

void sink_puts(struct sink *s, const char *p)
{
	sink_put(s, p, strlen(p));
}

int sink_kept_put(struct sink *s, const struct sink_kept *k, const long key[KEPT_KEYS])
{
	if (!k->used || memcmp(k->key, key, sizeof k->key) != 0)
		return 0;
	sink_put(s, k->text, k->len);
	return 1;
}

void sink_kept_keep(struct sink_kept *k, const struct sink *s, size_t from,
                    unsigned long flushes, const long key[KEPT_KEYS])
{
	k->used = s->flushes == flushes && s->len - from <= sizeof k->text;
	if (!k->used)
		return;
	k->len = s->len - from;
	memcpy(k->text, s->buf + from, k->len);
	memcpy(k->key, key, sizeof k->key);
}

/* Ends a line and starts the next under indent spaces. */
static void lb_newline(struct sink *lb, int indent)
{
	static const char spaces[] = "\n                                        ";

	sink_put(lb, spaces, 1 + ((size_t)indent < sizeof spaces - 2 ? (size_t)indent
	                                                              : sizeof spaces - 2));
}

/* wrap_from for plain text of n bytes (plain_length): a line at a time, the
 * break found by looking back from the width for a space. */
static void fast_wrap(struct sink *lb, const char *p, size_t n, int ascii, int col, int open,
                      int indent, int width)
{
	const char *end = p + n;

	while (p < end) {
		long room = (long)width - col - open;
		const char *cut = column_at(p, end, room > 0 ? room : 0, ascii);
		if (cut < end && *cut != ' ')
			while (cut > p && *cut != ' ')
				cut--;
		if (cut == p && open) { /* the first word goes to the next line */
			lb_newline(lb, indent);
			col = indent;
			open = 0;
			continue;
		}
		if (cut == p) /* a word longer than a line stands alone */
			for (cut = p; cut < end && *cut != ' '; cut++)
				;
		if (open)
			sink_put(lb, " ", 1);
		sink_put(lb, p, (size_t)(cut - p));
		if (cut == end)
			break;
		lb_newline(lb, indent);
		col = indent;
		open = 0;
		p = cut + 1;
	}
	sink_putc(lb, '\n');
}

/*
 * Prints text as one paragraph wrapped at width, from column col
 * of a line that already holds something if open (then a space comes
 * first); the lines after it start with indent spaces. A word longer than a
 * line stands alone on its line. Text without spaces (Japanese) breaks
 * between characters of two columns. Runs of spaces and tabs separate
 * words and print as one space (joined Gmail replies hold long runs), so a
 * line never passes the width. The text may come from the input: what safe_text.h
 * escapes prints escaped, and counts for the columns it then takes. Each
 * line is a slice of text, in one fwrite when it has nothing to escape and
 * single spaces (printable ASCII words take a single pass over the text).
 */
static void word_wrap(FILE *out, const char *text, int col, int open, int indent, int width)
{
	static const char spaces[] = "                                        ";
	const char *p = text, *start = NULL, *end = NULL;
	int line_clean = 1; /* the line so far has nothing to escape, single spaces */

	while (*p) {
		const char *word;
		size_t len, clen;
		int w, plain = 1, clean = 1, space = 0, odd_gap = 0;
		for (; *p == ' ' || *p == '\t'; p++) {
			odd_gap |= space || *p == '\t'; /* more than one space, or a tab */
			space = 1;
		}
		if (!*p)
			break;
		word = p;
		/* The word's length, and whether it is all printable ASCII: then
		 * its columns are its length. */
		for (len = 0; (unsigned char)p[len] - 0x21u < 0x5Eu; len++)
			;
		if (p[len] && p[len] != ' ' && p[len] != '\t') {
			plain = 0;
			while (p[len] && p[len] != ' ' && p[len] != '\t')
				len++;
		}
		w = (int)len;
		if (!plain && (unsigned char)*p >= 0xE1 && safe_char(p, len, &clen) == 2) {
			len = linebreak_wide_word(p, len, &w); /* Japanese: a word without spaces */
		} else if (!plain) {
			clean = safe_span(p, len) == len;
			w = safe_columns(p, len);
		}
		if (!start && open)
			space = 1;
		if ((start || open) && col + space + w > width) {
			if (start)
				line_out(out, start, end, line_clean);
			putc('\n', out);
			fwrite(spaces, 1, (size_t)indent < sizeof spaces - 1 ? (size_t)indent
			                                                    : sizeof spaces - 1, out);
			col = indent;
			start = NULL;
			open = space = 0;
		}
		if (!start) {
			if (open)
				putc(' ', out);
			start = word;
			line_clean = 1;
			odd_gap = 0; /* the spaces before a line's first word are not printed */
		}
		line_clean &= clean && !odd_gap;
		col += space + w;
		end = word + len;
		p = end;
	}
	if (start)
		line_out(out, start, end, line_clean);
	putc('\n', out);
}


/* Plain text a line at a time (fast_wrap), the rest a word at a time. */
void wrap_to(struct sink *s, const char *text, int col, int open, int indent, int width)
{
	int ascii;
	size_t n = plain_length(text, &ascii);

	if (n) {
		fast_wrap(s, text, n, ascii, col, open, indent, width);
	} else {
		sink_flush(s);
		word_wrap(s->out, text, col, open, indent, width);
	}
}

void wrap_from(FILE *out, const char *text, int col, int open, int indent, int width)
{
	struct sink s;

	sink_init(&s, out);
	wrap_to(&s, text, col, open, indent, width);
	sink_flush(&s);
}
