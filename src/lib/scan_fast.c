/* scan_fast.c - the scanner's fast path: a line of a mail log whose reply
 * stands where its format puts it is read field by field, instead of
 * through the passes and every row of the format tables.
 *
 * The shape read today is Postfix's delivery record (smtp(8), lmtp(8);
 * Postfix's own logging, qmgr's and smtp's "to=<...>, relay=..., dsn=...,
 * status=..." fields as README_FILES/LOGGING and the postfix source's
 * log_adhoc.c write them):
 *
 *   STAMP HOST PROGRAM[PID]: QUEUEID: to=<u@a>, [orig_to=<v@a>, ]relay=HOST[IP]:PORT,
 *   [conn_use=N, ]delay=N, delays=a/b/c/d, dsn=X.Y.Z, status=STATUS (TEXT)
 *
 * where TEXT is "host HOST[IP] said: REPLY" or, after status=sent, the
 * REPLY itself. STAMP is syslog's "Nov 22 10:00:00" or RFC 3339's
 * "2026-11-22T10:00:00.123456+00:00". The fields before the text are
 * checked byte by byte against what they may hold, so they hold none of
 * the format tables' markers but those read here ("to=<", "relay=",
 * "dsn=", "status=", the lead-in): the reply is then built by the general
 * path's own builders (scan_reply.c smtpcode__inline_reply), with the
 * lookups reading the reply's text alone. The result is the general
 * path's: tests/test_scan_fast.c feeds the test logs, both explain
 * corpora and generated variants both ways and compares every field of
 * every reply, and the fuzz target fuzz_scan_fast does so on libFuzzer's
 * input. Any other line, or this one while the lines before it may still
 * claim it (an open reply that goes on, a DSN group, a MIME part, a raw
 * session's data), goes the general way (scan.c detect).
 */
#include "scan.h"
#include "scan_pairs.h"

#include <string.h>

/* How far into a line the passes look for a transcript's marker after a
 * log prefix, and for a marker of either side (scan_line.c). */
#define LOG_PREFIX_MAX 160
#define SIDE_MARKER_MAX 240

static int is_upper(char c) { return c >= 'A' && c <= 'Z'; }
static int is_lower(char c) { return c >= 'a' && c <= 'z'; }

/* A byte of a host's or a program's name: letters, digits, ".", "-", "_"
 * (and "/" in a program's: "postfix/smtp", "postfix-out/lmtp"). */
static int name_char(char c, int program)
{
	return scan_is_alnum((unsigned char)c) || c == '.' || c == '-' || c == '_' ||
	       (program && c == '/');
}

/* n digits at p, then the byte end: the byte after end, or NULL. */
static const char *digits_then(const char *p, size_t n, char end)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!scan_is_digit(p[i]))
			return NULL;
	return p[n] == end ? p + n + 1 : NULL;
}

/* "10:00:00 ": the byte after the blank, or NULL. */
static const char *clock_time(const char *p)
{
	if (!(p = digits_then(p, 2, ':')) || !(p = digits_then(p, 2, ':')))
		return NULL;
	return digits_then(p, 2, ' ');
}

/* The time stamp that starts a syslog line, and its blank: "Nov 22
 * 10:00:00 ", "Nov  2 10:00:00 ", "2026-11-22T10:00:00.123456+00:00 ".
 * The byte after it, or NULL. */
static const char *stamp(const char *p)
{
	if (is_upper(p[0]) && is_lower(p[1]) && is_lower(p[2]) && p[3] == ' ') {
		p += 4;
		if (!(p[0] == ' ' || scan_is_digit(p[0])) || !scan_is_digit(p[1]) || p[2] != ' ')
			return NULL;
		return clock_time(p + 3);
	}
	if (!(p = digits_then(p, 4, '-')) || !(p = digits_then(p, 2, '-')) ||
	    !(p = digits_then(p, 2, 'T')) || !(p = digits_then(p, 2, ':')) ||
	    !(p = digits_then(p, 2, ':')) || !scan_is_digit(p[0]) || !scan_is_digit(p[1]))
		return NULL;
	p += 2;
	if (*p == '.' && scan_is_digit(p[1]))
		for (p++; scan_is_digit(*p); p++)
			;
	if (*p == 'Z')
		p++;
	else if ((*p == '+' || *p == '-') && digits_then(p + 1, 2, ':') && scan_is_digit(p[4]) &&
	         scan_is_digit(p[5]))
		p += 6;
	return *p == ' ' ? p + 1 : NULL;
}

/* A byte of a Postfix queue id: hexadecimal digits (the short form), or
 * digits and the consonants of both cases (the long form, which leaves
 * out vowels: postconf(5) enable_long_queue_ids). So no word of a marker
 * ("said:", "Milter: ") ends in one. */
static int queue_id_char(char c)
{
	if (scan_is_digit(c) || (c >= 'A' && c <= 'F'))
		return 1;
	if (!scan_is_alnum((unsigned char)c))
		return 0;
	return !strchr("AEIOUaeiou", c);
}

/* "HOST PROGRAM[PID]: QUEUEID: ": the byte after it, or NULL. */
static const char *syslog_head(const char *p)
{
	const char *q;

	for (q = p; name_char(*q, 0); q++)
		;
	if (q == p || *q != ' ')
		return NULL;
	for (p = ++q; name_char(*q, 1); q++)
		;
	if (q == p || *q != '[')
		return NULL;
	for (p = ++q; scan_is_digit(*q); q++)
		;
	if (q == p || q[0] != ']' || q[1] != ':' || q[2] != ' ')
		return NULL;
	for (p = q += 3; queue_id_char(*q); q++)
		;
	return q - p >= 5 && q[0] == ':' && q[1] == ' ' ? q + 2 : NULL;
}

/* A host as Postfix writes it, "mx.example.net[192.0.2.1]", with ":25"
 * after it when port is set: the byte after it, or NULL. */
static const char *host_field(const char *p, int port)
{
	const char *q;

	for (q = p; name_char(*q, 0); q++)
		;
	if (q == p)
		return NULL;
	if (*q == '[') {
		for (p = ++q; scan_is_digit(*q) || (scx_lower((unsigned char)*q) >= 'a' &&
		                                    scx_lower((unsigned char)*q) <= 'f') ||
		              *q == '.' || *q == ':';
		     q++)
			;
		if (q == p || *q++ != ']')
			return NULL;
	}
	if (port && *q == ':')
		for (q++; scan_is_digit(*q); q++)
			;
	return q;
}

/* A field's value of digits, dots and slashes ("1.2", "0.1/0/0.5/0.6",
 * "5.1.1"): the byte after it, or NULL. */
static const char *number_field(const char *p)
{
	const char *q = p;

	while (scan_is_digit(*q) || *q == '.' || *q == '/')
		q++;
	return q > p ? q : NULL;
}

/* "<u@a>": the byte after its '>', the address (as the general path's
 * lookups read it) in out when out is set; NULL if it is none. */
static const char *address_field(const char *p, char *out)
{
	char tmp[SCAN_ADDRESS];
	size_t n;

	if (*p != '<')
		return NULL;
	n = smtpcode__address_at(p + 1, out ? out : tmp, SCAN_ADDRESS);
	if (!n || p[1 + n] != '>' || memchr(p + 1, '=', n))
		return NULL; /* '=' (SRS, VERP) could make a field's name: the general way */
	return p + 2 + n;
}

/* The fields of a delivery record. */
struct fields {
	const char *relay, *dsn, *status, *text;
	enum smtpcode_outcome outcome;
};

/* The words Postfix writes after "status=", with what they give. */
static const struct {
	const char *word;
	enum smtpcode_outcome outcome;
} statuses[] = {
	{ "sent", SMTPCODE_OUTCOME_DELIVERED },
	{ "deferred", SMTPCODE_OUTCOME_DEFERRED },
	{ "bounced", SMTPCODE_OUTCOME_BOUNCED },
	{ "expired", SMTPCODE_OUTCOME_EXPIRED },
};

/* "sent (": the outcome, the byte after "(" in f->text; 0 if p is no
 * status of the table followed by " (". */
static int status_field(const char *p, struct fields *f)
{
	size_t i, n;

	for (i = 0; i < sizeof statuses / sizeof statuses[0]; i++) {
		n = strlen(statuses[i].word);
		if (strncmp(p, statuses[i].word, n) == 0 && p[n] == ' ' && p[n + 1] == '(') {
			f->status = p;
			f->outcome = statuses[i].outcome;
			f->text = p + n + 2;
			return 1;
		}
	}
	return 0;
}

/* The fields after "to=<u@a>, " up to "status=...(": each known by name,
 * its value of the bytes that name may hold. Nonzero if all were. */
static int record_fields(const char *p, struct fields *f)
{
	for (;;) {
		const char *q = NULL;
		if (strncmp(p, "status=", 7) == 0)
			return status_field(p + 7, f);
		if (strncmp(p, "relay=", 6) == 0)
			q = host_field(f->relay = p + 6, 1);
		else if (strncmp(p, "orig_to=", 8) == 0)
			q = address_field(p + 8, NULL);
		else if (strncmp(p, "dsn=", 4) == 0)
			q = number_field(f->dsn = p + 4);
		else if (strncmp(p, "delay=", 6) == 0)
			q = number_field(p + 6);
		else if (strncmp(p, "delays=", 7) == 0)
			q = number_field(p + 7);
		else if (strncmp(p, "conn_use=", 9) == 0)
			q = number_field(p + 9);
		if (!q || q[0] != ',' || q[1] != ' ')
			return 0;
		p = q + 2;
	}
}

/* Where the reply's code stands in the text: after "host HOST[IP] said: ",
 * or first after status=sent ("(250 2.0.0 Ok: queued as ...)", read
 * after the lead-in "status=sent ("); NULL if neither. */
static const char *reply_at(const struct fields *f)
{
	const char *p = f->text;

	if (f->outcome == SMTPCODE_OUTCOME_DELIVERED && scan_is_digit(*p))
		return p;
	if (strncmp(p, "host ", 5) != 0 || !(p = host_field(p + 5, 0)) ||
	    strncmp(p, " said: ", 7) != 0)
		return NULL;
	return p + 7;
}

/* Nonzero if the scanner's state lets the general path read l as a line of
 * its own: no MIME part or header block open, no DSN group, no raw
 * session's data, no line of a lead-in's reply to come, and an open reply
 * (if any) that a line of text would close. */
static int state_free(const struct scan *s)
{
	const struct scan_mime *m = &s->mime;
	const struct smtpcode_reply *r = &s->reply;

	if (m->mode != MIME_FREE || m->depth || m->block.lines || m->span_count ||
	    m->encoding != MIME_PLAIN || s->dsn.open || s->in_data || s->after_lines ||
	    s->json_member)
		return 0;
	return !s->pending ||
	       !(s->multiline || s->unclosed || (s->pending_inline && !r->text[0] && !r->enhanced_count));
}

/* Nonzero if the reply's text, the part of the line the passes read
 * markers in, holds a transcript's or a side's marker there: the general
 * path would read the line as a transcript's. */
static int transcript_marker(struct scan *s, struct scan_line *l, const char *text)
{
	const char *start, *side;
	size_t len;
	enum scan_role r = SCAN_ROLE_COUNT;

	if (text - l->text < LOG_PREFIX_MAX) {
		char keep = l->text[LOG_PREFIX_MAX];
		if (l->len > LOG_PREFIX_MAX)
			l->text[LOG_PREFIX_MAX] = '\0';
		r = smtpcode__prefix_after_longest(&s->formats, text, &start);
		l->text[LOG_PREFIX_MAX] = keep;
	}
	side = smtpcode__side_after(&s->formats, text, &len);
	return r != SCAN_ROLE_COUNT || (side && side - l->text <= SIDE_MARKER_MAX);
}

int smtpcode__fast_line(struct scan *s, struct scan_line *l)
{
	struct scan_record rec;
	struct scan_pairs pairs;
	struct fields f = { NULL, NULL, NULL, NULL, SMTPCODE_OUTCOME_NONE };
	const char *p, *code_ptr;
	size_t len;
	int code;
	char sep;

	if (!state_free(s) || !(p = stamp(l->text)) || !(p = syslog_head(p)) ||
	    strncmp(p, "to=<", 4) != 0 || !(p = address_field(p + 3, rec.recipient)) ||
	    p[0] != ',' || p[1] != ' ' || !record_fields(p + 2, &f) || !f.relay ||
	    !smtpcode__host_at(f.relay, rec.host) || !(code_ptr = reply_at(&f)) ||
	    !(code = scan_code_at(code_ptr, &sep)) || !sep || !f.dsn || !scan_is_digit(f.dsn[0]))
		return 0;
	/* The line's start is no transcript's, client's, echo's or DSN field's
	 * (the passes and scan_reply.c read it so). */
	if (smtpcode__prefix(&s->formats, l->text, &len) != SCAN_ROLE_COUNT ||
	    smtpcode__raw_client(&s->formats, l->text) || smtpcode__echo(&s->formats, l->text) ||
	    smtpcode__dsn_field(l->text) != DSN_NOT_A_FIELD)
		return 0;
	smtpcode__pairs_mark(&pairs, code_ptr, l->len - (size_t)(code_ptr - l->text));
	s->formats.pairs = &pairs;
	if (transcript_marker(s, l, code_ptr)) {
		s->formats.pairs = NULL;
		return 0;
	}
	/* What the general path does on such a line: the MIME pass finds no
	 * header, the log-prefix pass no number before a marker, the open
	 * reply is closed, and the reply opens. */
	s->mime.dlen = 0;
	s->lead_since = s->line;
	s->lead[0] = '\0';
	smtpcode__flush_pending(s);
	s->outcomes[f.outcome]++;
	rec.text = code_ptr;
	smtpcode__inline_reply(s, l->text, code_ptr, code, sep, f.outcome, f.dsn, &rec);
	s->formats.pairs = NULL;
	s->fast_lines++;
	return 1;
}
