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
	l->logged = 0;
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
	s->formats.pairs = NULL; /* the line's pairs were another text's */
	memmove(l->text, l->text + n, l->len - n + 1);
	l->len -= n;
	return 1;
}

/* LOG_PREFIX_MAX (scan.h): how far a log prefix and its marker may reach. */
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
	if (n) /* most lines have none */
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

/* What a byte is in a time stamp: a digit, a letter, a byte that may stand
 * beside them (a blank, ":-./,+[]"), or the stamp's end (any other, NUL). */
enum stamp_class { STAMP_END, STAMP_DIGIT, STAMP_LETTER, STAMP_PUNCT };
#define STAMP2(a, c) [a] = (c), [(a) + 1] = (c)
#define STAMP6(a, c) STAMP2(a, c), STAMP2((a) + 2, c), STAMP2((a) + 4, c)
#define STAMP10(a, c) STAMP6(a, c), STAMP2((a) + 6, c), STAMP2((a) + 8, c)
#define STAMP26(a, c) STAMP10(a, c), STAMP10((a) + 10, c), STAMP6((a) + 20, c)
static const unsigned char stamp_class[256] = {
	STAMP10('0', STAMP_DIGIT), STAMP26('A', STAMP_LETTER), STAMP26('a', STAMP_LETTER),
	[' '] = STAMP_PUNCT, [':'] = STAMP_PUNCT, ['-'] = STAMP_PUNCT, ['.'] = STAMP_PUNCT,
	['/'] = STAMP_PUNCT, [','] = STAMP_PUNCT, ['+'] = STAMP_PUNCT, ['['] = STAMP_PUNCT,
	[']'] = STAMP_PUNCT,
};

/* A transcript's prefix after a log's time stamp and ": " or a blank
 * (MDaemon's "Fri 2026-05-15 09:12:01.611: <-- 220 ...", Python smtplib's
 * debug level 2 "10:41:07.163517 reply: b'250 ...'"): the kind of line, as
 * SCAN_SERVER_AFTER or SCAN_CLIENT_AFTER, the text after the prefix in
 * *start. The stamp starts the line and holds a time: four digits or more
 * and a colon, among blanks, "-./,+[]" and words of up to three letters
 * ("Fri", "May"); a blank ends it only after a digit, and the first end
 * is the only one tried. smtplib's echo of a reply ("reply: retcode (250);
 * ...") after a stamp moves the line's start to it. */
static enum scan_role after_timestamp(struct scan *s, struct scan_line *l, const char **start)
{
	const char *p = l->text, *end = l->text + LOG_PREFIX_MAX, *q;
	size_t digits = 0, letters = 0, len;
	int colon = 0;

	for (; p < end; p++) {
		enum scan_role r;
		unsigned char c = stamp_class[(unsigned char)*p];
		if (c == STAMP_DIGIT) {
			digits++, letters = 0;
			continue;
		}
		if (c == STAMP_LETTER) {
			if (++letters > 3)
				break;
			continue;
		}
		if (c == STAMP_END) /* the line's end too */
			break;
		letters = 0;
		if (digits < 4 || !colon) {
			colon |= *p == ':';
			continue;
		}
		if (*p == ':' && p[1] == ' ')
			q = p + 2;
		else if (*p == ' ' && scan_is_digit(p[-1]))
			q = p + 1;
		else
			continue;
		r = smtpcode__prefix(&s->formats, q, &len);
		if (r == SCAN_SERVER || r == SCAN_CLIENT) {
			*start = q + len;
			return r == SCAN_SERVER ? SCAN_SERVER_AFTER : SCAN_CLIENT_AFTER;
		}
		if (smtpcode__echo(&s->formats, q))
			l->start = q;
		break; /* the stamp ended here */
	}
	return SCAN_ROLE_COUNT;
}

/* A line of either side after its marker (Exchange's protocol log
 * "...,<,550 5.1.1 ...,", hMailServer's "\"RECEIVED: 550 ...\""): the
 * server's when a reply code starts it, else the client's, the text after
 * the marker (and its opening quote) in *start; the field's end (",",
 * the closing quote) goes from the line. */
static enum scan_role side_line(struct scan *s, struct scan_line *l, const char **start)
{
	size_t n = l->len, len = 0;
	const char *p = smtpcode__side_after(&s->formats, l->text, &len);
	int quoted;
	char sep;

	if (!p || p - l->text > SIDE_MARKER_MAX)
		return SCAN_ROLE_COUNT;
	quoted = p[0] == '"' || p[len] == '"';
	p += len;
	if (p[0] == '"')
		p++;
	if (n > 0 && l->text[n - 1] == ',')
		n--;
	if (quoted && n > 0 && l->text[n - 1] == '"')
		n--;
	if (l->text + n < p)
		n = (size_t)(p - l->text);
	if (n != l->len)
		s->formats.pairs = NULL; /* they were the longer line's */
	l->text[n] = '\0';
	l->len = n;
	*start = p;
	return scan_code_at(p, &sep) ? SCAN_SERVER_AFTER : SCAN_CLIENT_AFTER;
}

/* Nonzero if start follows a bare ">>> " or "<<< " (after punctuation,
 * a blank or nothing): the arrows whose side differs between programs.
 * A word before the arrow says its side itself (InterScan's "Sent <<< "). */
static int bare_arrow(const char *line, const char *start)
{
	const char *a = start - 4;

	if (start - line < 4 || (memcmp(a, ">>> ", 4) != 0 && memcmp(a, "<<< ", 4) != 0))
		return 0;
	while (a > line && a[-1] == ' ')
		a--;
	return a == line || !scan_is_alnum((unsigned char)a[-1]);
}

/* The side of a line after a marker that a server's log uses the other
 * way round: OpenSMTPD's smtp-in writes its own replies ">>> 250 ..." and
 * the client's commands "<<< EHLO ..." (smtp_session.c), the reverse of
 * its mta side and of Sendmail. A client's line never starts with a reply
 * code, and a server's never with a command and no code. */
static enum scan_role side_by_data(enum scan_role r, const char *line, const char *start)
{
	char word[16], sep;
	size_t n = 0;

	if (!bare_arrow(line, start))
		return r;
	if (r == SCAN_CLIENT_AFTER)
		return scan_code_at(start, &sep) && sep ? SCAN_SERVER_AFTER : r;
	if (scan_code_at(start, &sep))
		return r;
	while (n < sizeof word - 1 && start[n] && start[n] != ' ')
		word[n] = start[n], n++;
	word[n] = '\0';
	return n >= 4 && smtpcode_command_canonical(word) ? SCAN_CLIENT_AFTER : r;
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
	const struct scan_pairs *pairs = s->formats.pairs;
	const char *start;
	enum scan_role r = SCAN_ROLE_COUNT; /* an empty line holds no marker */

	if (l->len > LOG_PREFIX_MAX) { /* a prefix is short: look no further */
		l->text[LOG_PREFIX_MAX] = '\0';
		s->formats.pairs = NULL; /* the whole line's pairs reach past it */
	}
	if (l->text[0])
		r = smtpcode__prefix_after_longest(&s->formats, l->text, &start);
	l->text[LOG_PREFIX_MAX] = keep;
	s->formats.pairs = pairs;

	if (!n || strcmp(s->lead, lead) != 0)
		s->lead_since = s->line;
	if (r == SCAN_ROLE_COUNT && l->text[0])
		r = side_line(s, l, &start);
	if (r == SCAN_ROLE_COUNT && l->text[0])
		r = after_timestamp(s, l, &start);
	if (r != SCAN_ROLE_COUNT) {
		r = side_by_data(r, l->text, start);
		l->kind = r == SCAN_SERVER_AFTER ? SCAN_LINE_SERVER : SCAN_LINE_CLIENT;
		l->logged = 1;
		l->start = start;
		if (n && strcmp(s->pid, lead) != 0)
			not_codes(s, lead);
		memcpy(s->pid, lead, n + 1);
	} else {
		if (s->pid[0] && n && strcmp(lead, s->pid) == 0)
			l->start = l->text + n, l->pid = 1;
		server_continuation(s, l);
	}
	if (n)
		memcpy(s->lead, lead, n + 1);
	else
		s->lead[0] = '\0';
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
	l->indented = (l->text[0] == ' ' || l->text[0] == '\t') && scan_skip_spaces(l->text)[0];
	smtpcode__qmail_delivery(s, l); /* qmail-send's "delivery 5: failure: ..." */
	return 1;
}
