/* lines.c - read a stream line by line in constant memory.
 * A line is kept up to SMTPCODE_SCAN_LINE_MAX bytes: enough for any reply
 * or log line, and a 50 MiB line without a newline costs no more. */
#include "lines.h"
#include "smtpcode.h"

#include <string.h>

/* Passes the line on; returns what fn returns (nonzero: stop). */
static int end_line(struct lines_reader *r)
{
	size_t len = r->len;

	r->len = 0;
	r->in_line = 0;
	return r->fn(r->line, len, r->arg);
}

/* Appends buf[0..n) to the current line, as far as the line has room. */
static void keep(struct lines_reader *r, const char *buf, size_t n)
{
	size_t room = sizeof r->line - r->len;

	if (n > room)
		n = room;
	memcpy(r->line + r->len, buf, n);
	r->len += n;
}

/* Splits buf[0..n) into lines. Each byte is looked at a bounded number of
 * times whatever the line ends: the next LF and the next CR are each
 * searched for once and kept until the walk passes them (a text without CR
 * is never searched for one again). A line that lies whole in buf is passed
 * from there, without a copy. Returns nonzero if fn asked to stop. */
int lines_take(struct lines_reader *r, const char *buf, size_t n)
{
	const char *p = buf, *end = buf + n;
	const char *lf = memchr(buf, '\n', n); /* the next LF at or after p, or NULL */
	const char *cr = memchr(buf, '\r', n); /* the same for CR */

	while (p < end) {
		const char *eol;
		if (r->after_cr) {
			r->after_cr = 0;
			if (*p == '\n') {
				p++;
				continue;
			}
		}
		if (lf && lf < p)
			lf = memchr(p, '\n', (size_t)(end - p));
		if (cr && cr < p)
			cr = memchr(p, '\r', (size_t)(end - p));
		/* The line ends at the first CR before that LF, else at the LF. */
		eol = cr && (!lf || cr < lf) ? cr : lf;
		if (!eol) {
			keep(r, p, (size_t)(end - p));
			r->in_line = 1;
			return 0;
		}
		r->after_cr = *eol == '\r';
		if (!r->in_line) { /* whole in buf */
			size_t len = (size_t)(eol - p);
			if (r->fn(p, len < sizeof r->line ? len : sizeof r->line, r->arg))
				return 1;
		} else {
			keep(r, p, (size_t)(eol - p));
			if (end_line(r))
				return 1;
		}
		p = eol + 1;
	}
	return 0;
}

void lines_begin(struct lines_reader *r, lines_fn *fn, void *arg)
{
	r->len = 0;
	r->after_cr = r->in_line = 0;
	r->fn = fn;
	r->arg = arg;
}

int lines_end(struct lines_reader *r)
{
	return r->in_line && end_line(r);
}

int lines_read(FILE *in, lines_fn *fn, void *arg)
{
	static struct lines_reader r;
	char buf[65536];
	size_t n;

	lines_begin(&r, fn, arg);
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		if (lines_take(&r, buf, n))
			return 1;
	if (lines_end(&r))
		return 1;
	return ferror(in) ? -1 : 0;
}

int lines_of_string(const char *text, lines_fn *fn, void *arg)
{
	const char *p = text;

	for (;;) {
		size_t n = strcspn(p, "\r\n");
		if ((n > 0 || *p != '\0') && fn(p, n, arg))
			return 1;
		p += n;
		if (*p == '\0')
			return 0;
		if (p[0] == '\r' && p[1] == '\n')
			p++;
		p++;
		if (*p == '\0')
			return 0;
	}
}
