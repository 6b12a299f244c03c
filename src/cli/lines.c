/* lines.c - read a stream line by line in constant memory.
 * A line is kept up to SMTPCODE_SCAN_LINE_MAX bytes: enough for any reply
 * or log line, and a 50 MiB line without a newline costs no more. */
#include "lines.h"
#include "smtpcode.h"

#include <string.h>

struct reader {
	char line[SMTPCODE_SCAN_LINE_MAX];
	size_t len;
	int after_cr; /* the last byte ended a line with CR: a LF next is part of it */
	int in_line;  /* bytes of a line were seen since the last line end */
	lines_fn *fn;
	void *arg;
};

static void end_line(struct reader *r)
{
	r->fn(r->line, r->len, r->arg);
	r->len = 0;
	r->in_line = 0;
}

/* Appends buf[0..n) to the current line, as far as the line has room. */
static void keep(struct reader *r, const char *buf, size_t n)
{
	size_t room = sizeof r->line - r->len;

	if (n > room)
		n = room;
	memcpy(r->line + r->len, buf, n);
	r->len += n;
}

static void take(struct reader *r, const char *buf, size_t n)
{
	const char *p = buf, *end = buf + n;

	while (p < end) {
		const char *nl;
		if (r->after_cr) {
			r->after_cr = 0;
			if (*p == '\n') {
				p++;
				continue;
			}
		}
		/* The next line end: LF, or a CR (alone or before LF). */
		nl = memchr(p, '\n', (size_t)(end - p));
		{
			const char *cr = memchr(p, '\r', (size_t)((nl ? nl : end) - p));
			if (cr)
				nl = cr;
		}
		if (!nl) {
			keep(r, p, (size_t)(end - p));
			r->in_line = 1;
			return;
		}
		keep(r, p, (size_t)(nl - p));
		r->after_cr = *nl == '\r';
		end_line(r);
		p = nl + 1;
	}
}

int lines_read(FILE *in, lines_fn *fn, void *arg)
{
	static struct reader r;
	char buf[65536];
	size_t n;

	memset(&r, 0, sizeof r);
	r.fn = fn;
	r.arg = arg;
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		take(&r, buf, n);
	if (r.in_line)
		end_line(&r);
	return ferror(in) ? -1 : 0;
}

void lines_of_string(const char *text, lines_fn *fn, void *arg)
{
	const char *p = text;

	for (;;) {
		size_t n = strcspn(p, "\r\n");
		if (n > 0 || *p != '\0')
			fn(p, n, arg);
		p += n;
		if (*p == '\0')
			return;
		if (p[0] == '\r' && p[1] == '\n')
			p++;
		p++;
		if (*p == '\0')
			return;
	}
}
