/* scan_line.c - the scanner's normalising passes: reading a line into the
 * scanner's copy, then the passes that run on every line before replies
 * are looked for (scan.c lists them in order). A pass marks what later
 * stages read (kind, start, indented), or rewrites the copy in place. */
#include "scan.h"

#include <string.h>

void smtpcode__line_read(struct scan_line *l, const char *raw, size_t len)
{
	char *z, *end;

	if (!raw)
		len = 0;
	if (len > SMTPCODE_SCAN_LINE_MAX)
		len = SMTPCODE_SCAN_LINE_MAX;
	if (len > 0 && raw[len - 1] == '\r')
		len--;
	if (len > 0)
		memcpy(l->text, raw, len);
	end = l->text + len;
	for (z = memchr(l->text, '\0', len); z; z = memchr(z + 1, '\0', (size_t)(end - z - 1)))
		*z = ' ';
	*end = '\0';
	l->len = len;
	l->kind = SCAN_LINE_TEXT;
	l->start = l->text;
	l->indented = 0;
	l->pid = 0;
}

/* Quoted mail: the quote marks at a line's start ("> ", ">> ", "> > ",
 * ">" alone) and one blank after them go, so a quoted reply reads as one at
 * a line's start (its wrapped lines keep their indentation). A line that
 * starts with a transcript's prefix (Sendmail's ">>> ") is left alone. */
int smtpcode__pass_unquote(struct scan *s, struct scan_line *l)
{
	size_t n = 0, len;

	if (l->text[0] != '>' || smtpcode__prefix(&s->formats, l->text, &len) != SCAN_ROLE_COUNT)
		return 1;
	while (l->text[n] == '>' || (l->text[n] == ' ' && l->text[n + 1] == '>'))
		n++;
	if (l->text[n] == ' ')
		n++;
	memmove(l->text, l->text + n, l->len - n + 1);
	l->len -= n;
	return 1;
}

/* How far into a line a log prefix and its transcript marker may reach. */
#define LOG_PREFIX_MAX 160
_Static_assert(LOG_PREFIX_MAX <= SMTPCODE_SCAN_LINE_MAX, "the line buffer holds the prefix");

/* The number that starts t after blanks, with one space after it ("  308 "),
 * copied to out[16]; its length, 0 if there is none. */
static size_t number_lead(const char *t, char *out)
{
	size_t n = 0, d;

	while (t[n] == ' ')
		n++;
	d = n;
	while (scan_is_digit(t[n]))
		n++;
	if (n == d || t[n] != ' ' || n + 2 > 16)
		n = 0;
	else
		n++;
	memcpy(out, t, n);
	out[n] = '\0';
	return n;
}

/* A line that continues an open multi-line reply of a transcript's server
 * without the prefix ("  308          250-PIPELINING", PHPMailer's aligned
 * "250-SIZE"). */
static void server_continuation(struct scan *s, struct scan_line *l)
{
	const char *body = scan_skip_spaces(l->start);
	char sep;

	if (s->pending && s->multiline && s->pending_server &&
	    scan_code_at(body, &sep) == s->reply.basic) {
		l->kind = SCAN_LINE_SERVER;
		l->start = body;
	}
}

/* A process id column first seen on a transcript's line ("  308   SMTP<<
 * 308 ..."): the lines just before that start with it ("  308 delivering
 * ...", "  308 Connecting to ...") opened no reply with it. */
static void not_codes(struct scan *s, const char *lead)
{
	const char *d = scan_skip_spaces(lead);
	int basic;
	char sep;

	if (!(basic = scan_code_at(d, &sep)))
		return;
	if (s->pending && !s->pending_server && s->reply.first_line >= s->lead_since &&
	    s->reply.basic == basic)
		s->pending = 0, s->multiline = 0;
	smtpcode__twin_drop(s, s->lead_since, basic);
}

/* A transcript's prefix after a log's time stamp and ": " (MDaemon's "Fri
 * 2026-05-15 09:12:01.611: <-- 220 ...", "...: --> RCPT To:<a>"): the kind
 * of line, as SCAN_SERVER_AFTER or SCAN_CLIENT_AFTER, the text after the
 * prefix in *start. The stamp holds four digits or more. */
static enum scan_role after_timestamp(struct scan *s, const char *t, size_t n,
                                      const char **start)
{
	const char *p = t, *end = t + (n < LOG_PREFIX_MAX ? n : LOG_PREFIX_MAX);
	size_t len;

	/* Each ": " in turn; the prefix after it first (most lines have none:
	 * it says so at once), the digits before it only then. */
	for (; p < end && (p = memchr(p, ':', (size_t)(end - p))) != NULL; p++) {
		enum scan_role r;
		const char *d;
		size_t digits = 0;
		if (p[1] != ' ')
			continue;
		r = smtpcode__prefix(&s->formats, p + 2, &len);
		if (r != SCAN_SERVER && r != SCAN_CLIENT)
			continue;
		for (d = t; d < p; d++)
			digits += scan_is_digit(*d) != 0;
		if (digits >= 4) {
			*start = p + 2 + len;
			return r == SCAN_SERVER ? SCAN_SERVER_AFTER : SCAN_CLIENT_AFTER;
		}
	}
	return SCAN_ROLE_COUNT;
}

/* A log prefix before a transcript's marker ("  308   SMTP<< ", "2026-05-06
 * 08:14:02 SERVER -> CLIENT: "): the line is the server's or the client's.
 * A number before the marker is a debug log's process id: it is no code
 * on the lines that start with it, and the line just before that opened a
 * reply with it opened none. */
int smtpcode__pass_log_prefix(struct scan *s, struct scan_line *l)
{
	char lead[16], keep = l->text[LOG_PREFIX_MAX];
	size_t n = number_lead(l->text, lead);
	const char *start;
	enum scan_role r;

	if (l->len > LOG_PREFIX_MAX) /* a prefix is short: look no further */
		l->text[LOG_PREFIX_MAX] = '\0';
	r = smtpcode__prefix_after(&s->formats, l->text, &start);
	l->text[LOG_PREFIX_MAX] = keep;

	if (!n || strcmp(s->lead, lead) != 0)
		s->lead_since = s->line;
	if (r == SCAN_ROLE_COUNT)
		r = after_timestamp(s, l->text, l->len, &start);
	if (r != SCAN_ROLE_COUNT) {
		l->kind = r == SCAN_SERVER_AFTER ? SCAN_LINE_SERVER : SCAN_LINE_CLIENT;
		l->start = start;
		if (n && strcmp(s->pid, lead) != 0)
			not_codes(s, lead);
		memcpy(s->pid, lead, n + 1);
	} else {
		if (s->pid[0] && n && strcmp(lead, s->pid) == 0)
			l->start = l->text + n, l->pid = 1;
		server_continuation(s, l);
	}
	memcpy(s->lead, lead, n + 1);
	return 1;
}

/* A transcript's prefix: "S: " and "<-  " mark server lines, "C: " and
 * " -> " client lines (start is after the prefix), "=== " a new session. */
int smtpcode__pass_prefix(struct scan *s, struct scan_line *l)
{
	size_t len = 0;

	switch (smtpcode__prefix(&s->formats, l->text, &len)) {
	case SCAN_SERVER:
		l->kind = SCAN_LINE_SERVER;
		break;
	case SCAN_CLIENT:
		l->kind = SCAN_LINE_CLIENT;
		break;
	case SCAN_SESSION:
		l->kind = SCAN_LINE_SESSION;
		break;
	default:
		return 1;
	}
	l->start = l->text + len;
	return 1;
}

/* Indentation: an indented line may continue a DSN field or the text of a
 * reply (Postfix wraps quoted replies over lines that start with spaces). */
int smtpcode__pass_indent(struct scan *s, struct scan_line *l)
{
	(void)s;
	l->indented = (l->text[0] == ' ' || l->text[0] == '\t') && scan_skip_spaces(l->text)[0];
	return 1;
}
