/* scan_mime_decode.c - the MIME pass's decoders (RFC 2045): quoted-printable
 * and base64 text into lines, handed on one at a time, each numbered with
 * the input line that holds its first byte; and a reply that ends on a
 * decoded line ends on the input line that holds its last byte
 * (scan_mime.c follows the message's structure and says when to decode).
 * Bytes that only join the line being decoded are copied in runs; the
 * others (line ends, NUL, a quoted-printable "=") go one by one. */
#include "scan.h"

#include <string.h>

/* Hands the decoded line on, numbered where it started. */
static void feed(struct scan *s, scan_next_fn *next)
{
	struct scan_mime *m = &s->mime;
	struct scan_line *l = &m->out;
	unsigned long now = s->line;

	if (!m->started) {
		m->out_line = now;
		l->len = 0;
	}
	l->text[l->len] = '\0';
	l->kind = SCAN_LINE_TEXT;
	l->start = l->text;
	l->indented = 0;
	m->spans[m->span_next].start = m->out_line;
	m->spans[m->span_next].end = now;
	m->span_next = (m->span_next + 1) % MIME_SPANS;
	if (m->span_count < MIME_SPANS)
		m->span_count++;
	s->line = m->out_line;
	m->feeding = 1;
	next(s, l);
	m->feeding = 0;
	s->line = now;
	m->started = 0;
}

/* One decoded byte: a CR, an LF or both end a line; a NUL reads as a space
 * (as smtpcode__line_read does). */
static void put(struct scan *s, scan_next_fn *next, unsigned char c)
{
	struct scan_mime *m = &s->mime;
	int cr = m->cr;

	m->cr = c == '\r';
	if (c == '\n' && cr)
		return;
	if (c == '\r' || c == '\n') {
		feed(s, next);
		return;
	}
	if (!m->started) {
		m->started = 1;
		m->out_line = s->line;
		m->out.len = 0;
	}
	if (m->out.len < SMTPCODE_SCAN_LINE_MAX)
		m->out.text[m->out.len++] = c ? (char)c : ' ';
}

/* 1 for a byte that put() would only append: not CR, LF, NUL or the
 * quoted-printable '='. */
static const unsigned char plain[256] = {
#define P16 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1
	0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 0, 1, 1, /* NUL, LF, CR */
	P16, P16,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, /* '=' */
	P16, P16, P16, P16, P16, P16, P16, P16, P16, P16, P16, P16,
#undef P16
};

/* n > 0 plain bytes at once: what put() does with each of them. */
static void put_run(struct scan *s, const char *p, size_t n)
{
	struct scan_mime *m = &s->mime;
	size_t room;

	m->cr = 0;
	if (!m->started) {
		m->started = 1;
		m->out_line = s->line;
		m->out.len = 0;
	}
	room = SMTPCODE_SCAN_LINE_MAX - m->out.len;
	if (n > room)
		n = room;
	memcpy(m->out.text + m->out.len, p, n);
	m->out.len += n;
}

/* n decoded bytes: runs of plain ones at once, the others one by one. */
static void put_bytes(struct scan *s, scan_next_fn *next, const unsigned char *p, size_t n)
{
	size_t i = 0;

	while (i < n) {
		size_t k = i;
		while (k < n && plain[p[k]])
			k++;
		if (k > i) {
			put_run(s, (const char *)p + i, k - i);
			i = k;
			continue;
		}
		put(s, next, p[i++]);
	}
}

/* Hands on what a part left undecoded: a line without its end. */
void smtpcode__mime_decoded_end(struct scan *s, scan_next_fn *next)
{
	struct scan_mime *m = &s->mime;

	if (m->started)
		feed(s, next);
	m->cr = 0;
	m->b64_bits = m->b64_count = 0;
}

static int hex(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* RFC 2045 6.7: "=XX" is a byte, "=" at the end (after blanks, which the
 * transport may add) a soft line break; any other "=" stays. */
void smtpcode__mime_qp(struct scan *s, const struct scan_line *l, scan_next_fn *next)
{
	const char *t = l->text;
	size_t n = l->len, i;
	int soft;

	while (n > 0 && (t[n - 1] == ' ' || t[n - 1] == '\t'))
		n--;
	soft = n > 0 && t[n - 1] == '=';
	if (soft)
		n--;
	for (i = 0; i < n; i++) {
		int hi, lo;
		/* a run of bytes as they are: up to an '=', a CR or the line's
		 * NUL (strcspn is vectorised; a NUL before it, which the line
		 * never holds, would go to put() as any other byte) */
		size_t k = i + strcspn(t + i, "=\r\n");
		if (k > n)
			k = n;
		if (k > i) {
			put_run(s, t + i, k - i);
			i = k - 1;
		} else if (t[i] == '=' && i + 2 < n && (hi = hex(t[i + 1])) >= 0 &&
		           (lo = hex(t[i + 2])) >= 0) {
			put(s, next, (unsigned char)(hi * 16 + lo));
			i += 2;
		} else {
			put(s, next, (unsigned char)t[i]);
		}
	}
	if (!soft)
		put(s, next, '\n');
}

static int b64(int c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+')
		return 62;
	if (c == '/')
		return 63;
	return -1;
}

/* Nonzero if t reads as a line of base64 as encoders write it: symbols,
 * then at most two "=", then blanks. */
static int base64_line(const char *t)
{
	while (b64(*t) >= 0)
		t++;
	if (*t == '=')
		t += 1 + (t[1] == '=');
	return *scan_skip_spaces(t) == '\0';
}

/* RFC 2045 6.8. A line that is no base64 ends the encoded text: 0, and
 * the line goes on as written (a paste that goes on after a part never
 * closed). */
int smtpcode__mime_base64(struct scan *s, const struct scan_line *l, scan_next_fn *next)
{
	struct scan_mime *m = &s->mime;
	unsigned char out[192]; /* decoded bytes, handed on in runs */
	size_t n = 0;
	const char *t;

	if (!base64_line(l->text))
		return 0;
	for (t = l->text; *t; t++) {
		int v = b64(*t);
		if (*t == '=') {
			m->b64_bits = m->b64_count = 0; /* padding: the bytes are out */
			continue;
		}
		if (v < 0)
			continue;
		/* b64_count bits wait in b64_bits: 6 more, and a byte when 8 */
		m->b64_bits = m->b64_bits << 6 | (unsigned)v;
		m->b64_count += 6;
		if (m->b64_count >= 8) {
			m->b64_count -= 8;
			out[n++] = (unsigned char)(m->b64_bits >> m->b64_count);
			m->b64_bits &= (1u << m->b64_count) - 1;
			if (n == sizeof out) {
				put_bytes(s, next, out, n);
				n = 0;
			}
		}
	}
	put_bytes(s, next, out, n);
	return 1;
}

/* ---- Spans of replies in decoded text -------------------------------------- */

/* The last input line of the decoded line numbered line: the newest one
 * so numbered, but not the one being handed on when an older one is (the
 * reply it completes ends before it); line itself when none is. */
static unsigned long span_end(const struct scan_mime *m, unsigned long line)
{
	unsigned long current = line;
	unsigned i;

	for (i = 1; i <= m->span_count; i++) {
		const struct mime_span *sp = &m->spans[(m->span_next + MIME_SPANS - i) % MIME_SPANS];
		if (sp->start != line)
			continue;
		if (i == 1 && m->feeding) {
			current = sp->end;
			continue;
		}
		return sp->end;
	}
	return current;
}

/* Stands between the scanner and the caller's callback while decoded
 * lines may be in a reply: a reply that ends on one ends on the last of
 * its encoded lines. */
static void fix_span(const struct smtpcode_reply *r, void *arg)
{
	struct scan *s = arg;
	unsigned long end = span_end(&s->mime, r->last_line);
	struct smtpcode_reply copy;

	if (end <= r->last_line) {
		s->mime.emit(r, s->mime.arg);
		return;
	}
	copy = *r;
	copy.last_line = end;
	s->mime.emit(&copy, s->mime.arg);
}

unsigned long smtpcode__mime_last_line(const struct scan *s, unsigned long line)
{
	unsigned long end;

	if (s->emit != fix_span)
		return line;
	end = span_end(&s->mime, line);
	return end > line ? end : line;
}

void smtpcode__mime_spans_on(struct scan *s)
{
	s->mime.emit = s->emit;
	s->mime.arg = s->arg;
	s->emit = fix_span;
	s->arg = s;
}

void smtpcode__mime_spans_off(struct scan *s)
{
	s->emit = s->mime.emit;
	s->arg = s->mime.arg;
}
