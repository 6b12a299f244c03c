/* scan_fast.c - the scanner's fast path: a line of a mail log whose reply
 * stands where its format puts it is read field by field, instead of
 * through the passes and every row of the format tables.
 *
 * The shapes read today are Postfix's records that hold no reply (qmgr,
 * smtpd, cleanup, pickup and bounce lines: no_reply() below), and its
 * delivery record (smtp(8), lmtp(8);
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
 * session's data), goes the general way (scan.c detect). With codes only
 * (smtpcode_scanner_set_codes_only), who and the warnings are not read,
 * a delivery record without a reply ("status=sent (delivered to
 * mailbox)") is read too, and where one pass over the text shows the
 * general builders would find nothing more, the reply is built from the
 * record itself (scan_fast_reply.c).
 */
#include "scan.h"
#include "scan_fast.h"
#include "scan_fast_bytes.h"
#include "scan_pairs.h"

#include <string.h>

static int is_upper(char c) { return c >= 'A' && c <= 'Z'; }
static int is_lower(char c) { return c >= 'a' && c <= 'z'; }

/* n digits at p, then the byte end: the byte after end, or NULL. */
static const char *digits_then(const char *p, size_t n, char end)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!scan_is_digit(p[i]))
			return NULL;
	return p[n] == end ? p + n + 1 : NULL;
}

/* "10:00:00 ": the byte after the blank, or NULL. The eight bytes before
 * the blank are read as one word (the line's buffer holds them): each
 * digit's high half is 3, and so it is after adding 6 ('0' to '9', not ':'
 * to '?'), each colon is one; no byte carries into the next, since the
 * sum is made only where the first test held. */
static const char *clock_time(const char *p)
{
	static const unsigned char mask[8] = { 0xF0, 0xF0, 0xFF, 0xF0, 0xF0, 0xFF, 0xF0, 0xF0 };
	static const unsigned char six[8] = { 6, 6, 0, 6, 6, 0, 6, 6 };
	uint64_t x = scan_fast_load(p, 8), m = scan_fast_load((const char *)mask, 8);
	uint64_t want = scan_fast_load("00:00:00", 8);

	if ((x & m) != want || ((x + scan_fast_load((const char *)six, 8)) & m) != want)
		return NULL;
	return p[8] == ' ' ? p + 9 : NULL;
}

/* The time stamp that starts a syslog line, and its blank: "Nov 22
 * 10:00:00 ", "Nov  2 10:00:00 ", "2026-11-22T10:00:00.123456+00:00 ".
 * The byte after it, or NULL. */
const char *smtpcode__stamp_end(const char *p)
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

/* "HOST PROGRAM[PID]: ": the byte after it, or NULL. */
static const char *syslog_head(const char *p)
{
	const char *q = span(p, HOST);

	if (q == p || *q != ' ')
		return NULL;
	p = ++q;
	if ((q = span(p, PROGRAM)) == p || *q != '[')
		return NULL;
	for (p = ++q; scan_is_digit(*q); q++)
		;
	return q > p && q[0] == ']' && q[1] == ':' && q[2] == ' ' ? q + 3 : NULL;
}

/* A queue id: the byte after it, or NULL. */
static const char *queue_id_end(const char *p)
{
	const char *q = span(p, QUEUE_ID);

	return q - p >= 5 ? q : NULL;
}

/* "QUEUEID: ": the byte after it, or NULL. */
static const char *queue_id(const char *p)
{
	const char *q = queue_id_end(p);

	return q && q[0] == ':' && q[1] == ' ' ? q + 2 : NULL;
}

/* A host as Postfix writes it, "mx.example.net[192.0.2.1]": the byte
 * after it, or NULL. */
static const char *host_field(const char *p)
{
	const char *q = span(p, HOST);

	if (q == p)
		return NULL;
	if (*q == '[') {
		p = ++q;
		if ((q = span(p, IP)) == p || *q++ != ']')
			return NULL;
	}
	return q;
}

/* A field's value of digits, dots and slashes ("1.2", "0.1/0/0.5/0.6",
 * "5.1.1"): the byte after it, or NULL. */
static const char *number_field(const char *p)
{
	const char *q = span(p, NUMBER);

	return q > p ? q : NULL;
}

/* "<u@a>": the byte after its '>', or NULL. Its bytes are those of an
 * address but '=' (SRS and VERP's "a=b", which could make a field's name)
 * and upper-case letters (see bytes[]): such an address goes the general
 * way. With out set, the address as the general path's lookups read it
 * goes to out, and it must be one. */
static const char *address_field(const char *p, char *out)
{
	const char *q;

	if (*p != '<')
		return NULL;
	q = span(p + 1, ADDRESS);
	if (*q != '>' || q == p + 1)
		return NULL;
	if (out && smtpcode__address_at(p + 1, out, SCAN_ADDRESS) != (size_t)(q - p - 1))
		return NULL;
	return q + 1;
}

/* The fields of a delivery record. */
struct fields {
	const char *relay, *dsn, *text;
	const char *relay_end; /* the end of the relay's host, before its ":25" */
	enum smtpcode_outcome outcome;
};

/* The byte after name at p, or NULL: name is a literal, compared whole
 * (the fast path reads no line that ends within SLACK bytes of the
 * buffer's end, so the bytes compared lie in it; a NUL before p + n is
 * none of name's, whatever follows it). */
#define SLACK 64
#define FIELD(p, name) \
	(scan_fast_same((p), (name), sizeof(name) - 1) ? (p) + sizeof(name) - 1 : NULL)
_Static_assert(sizeof "sender delivery status notification: " <= SLACK, "a name fits in SLACK");

/* "sent (", "deferred (", "bounced (", "expired (" (the words Postfix
 * writes after "status=" that this file reads): the outcome, the byte
 * after "(" in f->text; 0 if p is none of them. */
static int status_field(const char *p, struct fields *f)
{
	const char *v;

	if ((v = FIELD(p, "sent (")) != NULL)
		f->outcome = SMTPCODE_OUTCOME_DELIVERED;
	else if ((v = FIELD(p, "deferred (")) != NULL)
		f->outcome = SMTPCODE_OUTCOME_DEFERRED;
	else if ((v = FIELD(p, "bounced (")) != NULL)
		f->outcome = SMTPCODE_OUTCOME_BOUNCED;
	else if ((v = FIELD(p, "expired (")) != NULL)
		f->outcome = SMTPCODE_OUTCOME_EXPIRED;
	f->text = v;
	return v != NULL;
}

/* The fields after "to=<u@a>, " up to "status=...(": each known by name,
 * its value of the bytes that name may hold. Nonzero if all were. */
static int record_fields(const char *p, struct fields *f)
{
	for (;;) {
		const char *q = NULL, *v;
		switch (p[0]) {
		case 's':
			return (v = FIELD(p, "status=")) != NULL && status_field(v, f);
		case 'r':
			if ((v = FIELD(p, "relay=")) != NULL && !f->relay && /* each field once */
			    (q = f->relay_end = host_field(f->relay = v)) != NULL && *q == ':')
				for (q++; scan_is_digit(*q); q++) /* the port */
					;
			break;
		case 'o':
			if ((v = FIELD(p, "orig_to=")) != NULL)
				q = address_field(v, NULL);
			break;
		case 'd':
			if ((v = FIELD(p, "dsn=")) != NULL)
				q = f->dsn ? NULL : number_field(f->dsn = v);
			else if ((v = FIELD(p, "delay=")) != NULL || (v = FIELD(p, "delays=")) != NULL)
				q = number_field(v);
			break;
		case 'c':
			if ((v = FIELD(p, "conn_use=")) != NULL)
				q = number_field(v);
			break;
		default:
			break;
		}
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
	size_t n = (size_t)(f->relay_end - f->relay);

	if (f->outcome == SMTPCODE_OUTCOME_DELIVERED && scan_is_digit(*p))
		return p;
	if (!(p = FIELD(p, "host ")))
		return NULL;
	/* most often the relay's "host[ip]" again: host_field would read the
	 * same bytes the same way, up to the ']' that ends them */
	if (f->relay_end[-1] == ']' && strncmp(p, f->relay, n) == 0)
		p += n;
	else if (!(p = host_field(p)))
		return NULL;
	return FIELD(p, " said: ");
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

/* Nonzero if line holds the marker of a row of role that starts before
 * end (anywhere when end is NULL). */
static int role_in(const struct scan_index *ix, enum scan_role role, const char *line,
                      const char *end)
{
	const struct scan_pairs *pp = scan_covering(ix, line);

	EACH(ix, role, m) {
		const char *p = scan_lacks_first(pp, *m) ? NULL : scan_find_row(pp, line, *m);
		if (p && (!end || p < end))
			return 1;
	}
	return 0;
}

/* Nonzero if text holds no code's shape where a code may start, from its
 * second byte on (SCAN_FAST_PLAIN: no inner, quoted or continued code,
 * no reply inside it). */
static int plain(const char *text)
{
	const char *p;

	for (p = text + 1; *(p += strcspn(p, "12345#")) != '\0'; p++)
		if ((*p == '#' || scan_starts_code(p[-1])) && smtpcode__code_shape(p))
			return 0;
	return 1;
}

/* What the general path's first passes do on a line of the shapes read
 * here: the MIME pass finds no header, the log-prefix pass no number
 * before a marker. */
static void line_read_so(struct scan *s)
{
	s->mime.dlen = 0;
	s->lead_since = s->line;
	s->lead[0] = '\0';
}

/* "N" or "N/M" (a count of smtpd's "disconnect from" line): the byte
 * after it, or NULL. */
static const char *count(const char *p)
{
	const char *q = p;

	while (scan_is_digit(*q) || (*q == '/' && q > p))
		q++;
	return q > p ? q : NULL;
}

/* Nonzero if msg, what follows Postfix's "program[pid]: ", is a record
 * that holds no reply and none of the format tables' markers (so the
 * general path only closes the open reply and counts a line without an
 * outcome): qmgr's "QUEUEID: from=<a>, size=N, nrcpt=N (queue active)" and
 * "QUEUEID: removed", smtpd's "QUEUEID: client=host[ip]", "connect from
 * host[ip]" and "disconnect from host[ip] ehlo=1 mail=1 ... commands=5",
 * cleanup's "QUEUEID: message-id=<id>", pickup's "QUEUEID: uid=N
 * from=<a>", bounce's "QUEUEID: sender non-delivery notification:
 * QUEUEID" (test_scan_fast.c feeds each to every lookup). p: queue_id(msg). */
static int no_reply(const char *msg, const char *p)
{
	const char *v;

	if (p) {
		if ((v = FIELD(p, "from=<")) != NULL) {
			v = span(v, ADDRESS);
			if (!(v = FIELD(v, ">, size=")) || !(v = count(v)) || !(v = FIELD(v, ", nrcpt=")) ||
			    !(v = count(v)))
				return 0;
			return (v = FIELD(v, " (queue active)")) != NULL && !*v;
		}
		if ((v = FIELD(p, "removed")) != NULL)
			return !*v;
		if ((v = FIELD(p, "message-id=<")) != NULL)
			return *(v = span(v, ADDRESS)) == '>' && !v[1];
		if ((v = FIELD(p, "client=")) != NULL)
			return (v = host_field(v)) != NULL && !*v;
		if ((v = FIELD(p, "uid=")) != NULL)
			return (v = count(v)) != NULL && (v = FIELD(v, " from=<")) != NULL &&
			       *(v = span(v, ADDRESS)) == '>' && !v[1];
		if ((v = FIELD(p, "sender non-delivery notification: ")) != NULL ||
		    (v = FIELD(p, "sender delivery status notification: ")) != NULL)
			return (v = queue_id_end(v)) != NULL && !*v;
		return 0;
	}
	if ((v = FIELD(msg, "connect from ")) != NULL)
		return (v = host_field(v)) != NULL && !*v;
	if (!(v = FIELD(msg, "disconnect from ")) || !(v = host_field(v)))
		return 0;
	while (*v == ' ') { /* " ehlo=1 mail=1 rcpt=0/1 ... commands=5" */
		const char *w = v + 1;
		while (*w >= 'a' && *w <= 'z')
			w++;
		if (w == v + 1 || *w != '=' || !(v = count(w + 1)))
			return 0;
	}
	return !*v;
}

/* Marks the pairs of the line from text on (the reply's part, where the
 * lookups read) in *pp; nonzero if the general path would read the line
 * as a transcript's (see transcript_marker): the pairs are then dropped. */
static int mark_text(struct scan *s, struct scan_line *l, const char *text,
                     struct scan_pairs *pp)
{
	smtpcode__pairs_mark(pp, text, l->len - (size_t)(text - l->text));
	s->formats.pairs = pp;
	if (transcript_marker(s, l, text)) {
		s->formats.pairs = NULL;
		return 1;
	}
	return 0;
}

/* The SCAN_FAST_* bits of the searches the emit of the reply (its text a
 * part of the line's from text on, cut before end) can skip. */
static unsigned known_absent(const struct scan *s, const char *text, const char *end)
{
	unsigned bits = 0;

	if (!role_in(&s->formats, SCAN_JOIN, text, NULL))
		bits |= SCAN_FAST_NO_JOIN;
	/* the text was cut before end: a marker after it is gone */
	if (!role_in(&s->formats, SCAN_TEXT_END, text, end))
		bits |= SCAN_FAST_NO_TEXT_END;
	return bits;
}

/* A delivery record whose text holds no reply ("status=sent (delivered to
 * mailbox)", "status=deferred (connect to ...: Connection timed out)"),
 * with codes only: as the general path's record without a reply
 * (scan_reply.c), a reply of no basic code, the record's text and its
 * "dsn=" code. Returns nonzero if it read the line. */
static int record_codes(struct scan *s, struct scan_line *l, const struct fields *f)
{
	struct smtpcode_reply *r = &s->reply;
	struct smtpcode_enhanced_code c;
	struct scan_pairs pairs;
	size_t n = strlen(f->text), len;

	if (smtpcode__code_shape(f->text) || !plain(f->text) || mark_text(s, l, f->text, &pairs))
		return 0;
	line_read_so(s);
	smtpcode__flush_pending(s);
	s->outcomes[f->outcome]++;
	smtpcode__reply_start(r, s->line);
	r->command = smtpcode__command_in(&s->formats, f->text); /* see reply_part */
	s->pending = 1;
	s->retold = 0; /* no "(reason: " before a code: there is none */
	if (n > 0 && f->text[n - 1] == ')')
		n--;
	smtpcode__append_text(r, f->text, n);
	r->outcome = f->outcome;
	if (smtpcode__enhanced_at(f->dsn, &c, &len) == SCAN_TOKEN_ENHANCED)
		smtpcode__add_enhanced(r, &c);
	s->fast_reply = SCAN_FAST_PLAIN | SCAN_FAST_NO_COMMAND | SCAN_FAST_CODES |
	                known_absent(s, f->text, f->text + n);
	s->formats.pairs = NULL;
	return 1;
}

/* A delivery record's reply opens: the one open before is closed. */
static void record_start(struct scan *s, enum smtpcode_outcome outcome)
{
	line_read_so(s);
	smtpcode__flush_pending(s);
	s->outcomes[outcome]++;
	s->retold = 0; /* the fields end in "said: " or "(", no "(reason: " */
}

/* A delivery record whose reply's code stands at code_ptr: the general
 * path's builders, the lookups reading from the code on. */
static void record_reply(struct scan *s, struct scan_line *l, const struct fields *f,
                         struct scan_record *rec, const char *code_ptr, int code, char sep)
{
	const struct smtpcode_reply *r = &s->reply;

	record_start(s, f->outcome);
	rec->text = code_ptr;
	rec->plain = plain(code_ptr + 4);
	rec->command_seen = 0;
	rec->text_end = NULL;
	smtpcode__inline_reply(s, l->text, code_ptr, code, sep, f->outcome, f->dsn, rec);
	s->fast_reply = known_absent(s, code_ptr, rec->text_end);
	if (rec->plain && !smtpcode__code_shape(r->text))
		s->fast_reply |= SCAN_FAST_PLAIN;
	if (rec->codes_only)
		s->fast_reply |= SCAN_FAST_NO_COMMAND | SCAN_FAST_CODES;
	else if (!r->command && !rec->command_seen &&
	         !role_in(&s->formats, SCAN_COMMAND_SPAN, code_ptr, NULL))
		s->fast_reply |= SCAN_FAST_NO_COMMAND;
	s->formats.pairs = NULL;
}

int smtpcode__fast_line(struct scan *s, struct scan_line *l)
{
	struct scan_record rec;
	struct scan_pairs pairs;
	struct fast_shape shape;
	struct fields f = { NULL, NULL, NULL, NULL, SMTPCODE_OUTCOME_NONE };
	const char *p, *id, *code_ptr;
	int code = 0;
	char sep = 0;

	/* A time stamp starts no transcript's, client's, echo's or DSN
	 * field's line (test_scan_fast.c tries every stamp's first letters):
	 * those lookups are not needed. */
	rec.codes_only = s->codes_only; /* who is not read then */
	if (l->len > SMTPCODE_SCAN_LINE_MAX - SLACK || !state_free(s) || !(p = smtpcode__stamp_end(l->text)) || !(p = syslog_head(p)))
		return 0;
	if (!(id = queue_id(p)) || memcmp(id, "to=<", 4) != 0) {
		if (!no_reply(p, id))
			return 0;
		line_read_so(s);
		smtpcode__flush_pending(s);
		s->outcomes[SMTPCODE_OUTCOME_NONE]++;
		s->fast_lines++;
		return 1;
	}
	if (!(p = address_field(id + 3, rec.codes_only ? NULL : rec.recipient)) || p[0] != ',' ||
	    p[1] != ' ' || !record_fields(p + 2, &f) || !f.relay || !f.dsn ||
	    !scan_is_digit(f.dsn[0]))
		return 0;
	code_ptr = reply_at(&f);
	if (!code_ptr || !(code = scan_code_at(code_ptr, &sep)) || !sep) {
		if (!rec.codes_only)
			return 0; /* who of a record without a reply: the general way */
		if (smtpcode__fast_record_shape(s, l, f.text, &shape)) {
			record_start(s, f.outcome);
			smtpcode__fast_record_build(s, l, &shape, f.outcome, f.dsn);
		} else if (!record_codes(s, l, &f)) {
			return 0;
		}
	} else if (rec.codes_only && sep == ' ' && smtpcode__fast_shape(s, l, code_ptr, &shape)) {
		record_start(s, f.outcome);
		smtpcode__fast_build(s, l, &shape, code, f.outcome, f.dsn);
	} else {
		if ((!rec.codes_only && !smtpcode__host_at(f.relay, rec.host)) ||
		    mark_text(s, l, code_ptr, &pairs))
			return 0;
		record_reply(s, l, &f, &rec, code_ptr, code, sep);
	}
	s->fast_lines++;
	return 1;
}
