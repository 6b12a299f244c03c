/* scan_mime.c - the scanner's first pass: a mail message's MIME structure.
 *
 * It follows the header of a message and of each part of a multipart
 * (RFC 2045, RFC 2046), and decodes the body of a part whose header says
 * Content-Transfer-Encoding: quoted-printable or base64, so that the later
 * passes read the text the sender wrote. Everything else goes on exactly
 * as it came: a header, a boundary line, a 7bit, 8bit or binary part, a
 * part that is no text (an image), and any text that is not a message (a
 * log line that ends in "=" is not a soft line break). Encoded words in
 * header fields (RFC 2047) are left as they are.
 *
 * Where no message is known yet (the start of the input, or after a
 * message's last boundary), a run of header fields ended by an empty line
 * is a message's header when it holds a field only a message has (From,
 * Subject, Content-Type, ...): pasted bounces often start with a line or
 * two of the user's own words. A line "--x" just before such a header
 * makes it the header of a part whose boundary is "x" (a paste that
 * starts inside a multipart).
 *
 * Lines decoded from a part: a decoded line takes the number of the
 * encoded line that holds its first byte, so a reply in decoded text
 * starts on the line where its encoding starts (a quoted-printable line
 * joined by soft line breaks: its first line). Several decoded lines may
 * share one number (base64 holds about 57 bytes a line). A reply that
 * ends on a decoded line ends on the encoded line that holds its last
 * byte: the callback is given a copy with that last_line
 * (scan_mime_decode.c).
 *
 * The decoders are in scan_mime_decode.c.
 *
 * The header fields it reads are in scan_mime_fields.c.
 *
 * It also gives the objects that stand for a whole message:
 *   - an ARF feedback report (RFC 5965): the Feedback-Type field of a
 *     header block, where the block ends (report FEEDBACK, the type as text,
 *     Original-Rcpt-To as recipient);
 *   - an auto-reply: the first message header holds a mark of smtpcode__mime_fields[]
 *     below and no mark of a bounce (report AUTOREPLY, the field as text,
 *     the From address as recipient, given where the header ends).
 *
 * Bounds: MIME_DEPTH_MAX nested multiparts (deeper ones go on as written),
 * boundaries of MIME_BOUNDARY_MAX bytes, MIME_FIELD_MAX bytes of a header
 * field, SMTPCODE_SCAN_LINE_MAX bytes of a decoded line (the rest of a
 * longer one is skipped, as for any line). No allocation.
 */
#include "scan.h"
#include "scan_mime_fields.h"

#include <string.h>

/* The kinds of Content-Type. */
enum { T_NONE, T_TEXT, T_MULTIPART, T_MESSAGE, T_OTHER };

/* ---- Small readers --------------------------------------------------------- */

static int is_blank(const char *t)
{
	t = scan_skip_spaces(t);
	return *t == '\0';
}

/* Nonzero if t[0..n) equals the NUL-terminated s, ignoring ASCII case. */
static int same_word(const char *t, size_t n, const char *s)
{
	return strlen(s) == n && scan_starts_with(t, s);
}

/* The length of a header field's name at t (a letter, then printable
 * ASCII other than ':', then ':'), or 0. */
static size_t field_name(const char *t)
{
	size_t n = 0;

	if (!((t[0] >= 'A' && t[0] <= 'Z') || (t[0] >= 'a' && t[0] <= 'z')))
		return 0;
	while (t[n] > ' ' && t[n] < 127 && t[n] != ':')
		n++;
	return t[n] == ':' ? n : 0;
}

/* Copies at most size - 1 bytes of s[0..n) to out, NUL-terminated. */
static void copy_cut(char *out, size_t size, const char *s, size_t n)
{
	if (n >= size)
		n = size - 1;
	memcpy(out, s, n);
	out[n] = '\0';
}

/* The address in a field's value: inside <...> when there are brackets,
 * else the first word. */
static void address_of(const char *v, char *out, size_t size)
{
	const char *lt = strchr(v, '<'), *gt;

	if (lt && (gt = strchr(lt, '>')) != NULL) {
		copy_cut(out, size, lt + 1, (size_t)(gt - lt - 1));
		return;
	}
	v = scan_skip_spaces(v);
	copy_cut(out, size, v, strcspn(v, " \t;"));
}

/* ---- Content-Type ---------------------------------------------------------- */

/* One parameter's value at v (quoted or a token) into out[size]; returns
 * where the parameter ends. */
static const char *param_value(const char *v, char *out, size_t size, size_t *len)
{
	size_t n = 0;
	int cut = 0;

	if (*v == '"') {
		for (v++; *v && *v != '"'; v++) {
			if (*v == '\\' && v[1])
				v++;
			if (n < size - 1)
				out[n++] = *v;
			else
				cut = 1;
		}
		if (*v == '"')
			v++;
	} else {
		for (; *v && *v != ';' && *v != ' ' && *v != '\t'; v++) {
			if (n < size - 1)
				out[n++] = *v;
			else
				cut = 1;
		}
	}
	out[n] = '\0';
	*len = cut ? 0 : n; /* a value too long to keep is not followed */
	return v;
}

static void read_type(struct mime_block *b, const char *v)
{
	size_t n;
	char value[MIME_BOUNDARY_MAX + 1];

	v = scan_skip_spaces(v);
	n = strcspn(v, "; \t");
	if (scan_starts_with(v, "multipart/"))
		b->type = T_MULTIPART;
	else if (scan_starts_with(v, "message/") || same_word(v, n, "text/rfc822-headers"))
		b->type = T_MESSAGE;
	else if (scan_starts_with(v, "text/"))
		b->type = T_TEXT;
	else
		b->type = T_OTHER;
	for (v += n; (v = strchr(v, ';')) != NULL;) {
		const char *name = scan_skip_spaces(v + 1);
		size_t nlen = strcspn(name, "=; \t"), len;

		v = name + nlen;
		if (*v != '=') /* "name = value" is not written */
			continue;
		v = param_value(v + 1, value, sizeof value, &len);
		if (same_word(name, nlen, "boundary") && len) {
			memcpy(b->boundary, value, len + 1);
			b->blen = len;
		} else if (same_word(name, nlen, "report-type")) {
			b->report = 1;
		}
	}
}

/* ---- Header blocks --------------------------------------------------------- */

static void block_reset(struct mime_block *b)
{
	b->lines = 0;
	b->field = 0;
	b->vlen = 0;
	b->type = T_NONE;
	b->report = 0;
	b->encoding = MIME_PLAIN;
	b->blen = 0;
	b->message = b->not_auto = 0;
	b->auto_line = b->feedback_line = 0;
	b->recipient[0] = '\0';
}

/* What row r of smtpcode__mime_fields[] says of value v, for a sender, a bounce's mark
 * or an auto-reply's. */
static void row_mark(struct mime_block *b, const struct mime_field *r, const char *v)
{
	size_t n;

	if (r->kind == K_FROM) {
		const char *p;
		for (p = v; *p; p++)
			if (scan_starts_with(p, r->value))
				b->not_auto = 1;
		return;
	}
	if (!scan_starts_with(v, r->value)) /* "" starts every value */
		return;
	if (r->kind == K_BOUNCE) {
		b->not_auto = 1;
		return;
	}
	if (b->auto_line)
		return;
	n = strlen(r->name);
	b->auto_line = b->field_line;
	copy_cut(b->auto_text, sizeof b->auto_text, r->name, n);
	if (n + 2 < sizeof b->auto_text) {
		memcpy(b->auto_text + n, ": ", 3);
		copy_cut(b->auto_text + n + 2, sizeof b->auto_text - n - 2, v, strlen(v));
	}
}

/* A field ends: what its value says. */
static void field_end(struct mime_block *b)
{
	const struct mime_field *f;
	const char *v = b->value;
	size_t i;

	if (!b->field)
		return;
	f = &smtpcode__mime_fields[b->field - 1];
	b->value[b->vlen] = '\0';
	v = scan_skip_spaces(v);
	b->message |= f->message;
	switch (f->kind) {
	case K_TYPE:
		read_type(b, v);
		break;
	case K_ENCODING:
		if (scan_starts_with(v, "quoted-printable"))
			b->encoding = MIME_QP;
		else if (scan_starts_with(v, "base64"))
			b->encoding = MIME_BASE64;
		break;
	case K_FEEDBACK:
		if (!b->feedback_line) {
			b->feedback_line = b->field_line;
			copy_cut(b->feedback, sizeof b->feedback, v, strcspn(v, " \t;"));
		}
		break;
	case K_RCPT:
		address_of(v, b->recipient, sizeof b->recipient);
		break;
	case K_MESSAGE:
		break;
	case K_FROM:
	case K_MARK:
	case K_BOUNCE:
		for (i = (size_t)(f - smtpcode__mime_fields); i < smtpcode__mime_field_count && strcmp(smtpcode__mime_fields[i].name, f->name) == 0;
		     i++)
			row_mark(b, &smtpcode__mime_fields[i], v);
		if (f->kind == K_FROM)
			address_of(v, b->recipient, sizeof b->recipient);
		break;
	}
	b->field = 0;
}

/* A field starts at t (its name n bytes long). */
static void field_start(struct scan *s, const char *t, size_t n)
{
	struct mime_block *b = &s->mime.block;
	size_t i;

	field_end(b);
	b->lines++;
	/* Only a name of n bytes is compared: name[n] ends it and name[n - 1]
	 * does not (field_name() gave n > 0). */
	i = smtpcode__mime_field_count;
	if (n < sizeof smtpcode__mime_fields[0].name)
		for (i = 0; i < smtpcode__mime_field_count; i++) {
			const char *name = smtpcode__mime_fields[i].name;
			if (!name[n] && name[n - 1] && /* the length first: most differ there */
			    scx_lower((unsigned char)t[0]) == scx_lower((unsigned char)name[0]) &&
			    scan_starts_with(t, name))
				break;
		}
	if (i == smtpcode__mime_field_count)
		return;
	b->field = (int)i + 1;
	b->field_line = s->line;
	b->vlen = 0;
	t += n + 1;
	n = strlen(t);
	if (n > MIME_FIELD_MAX)
		n = MIME_FIELD_MAX;
	memcpy(b->value, t, n);
	b->vlen = n;
}

/* A folded line of the field being read: one space for its blanks. */
static void field_more(struct mime_block *b, const char *t)
{
	size_t n;

	b->lines++;
	if (!b->field)
		return;
	t = scan_skip_spaces(t);
	n = strlen(t);
	if (b->vlen < MIME_FIELD_MAX)
		b->value[b->vlen++] = ' ';
	if (n > MIME_FIELD_MAX - b->vlen)
		n = MIME_FIELD_MAX - b->vlen;
	memcpy(b->value + b->vlen, t, n);
	b->vlen += n;
}

/* Reads a line of a header; 0 if it is no header line (a field, or the
 * fold of one). */
static int header_line(struct scan *s, const char *t)
{
	size_t n;

	if ((t[0] == ' ' || t[0] == '\t') && s->mime.block.lines) {
		field_more(&s->mime.block, t);
		return 1;
	}
	if ((n = field_name(t)) == 0)
		return 0;
	field_start(s, t, n);
	return 1;
}

/* ---- Objects for a whole message ------------------------------------------- */

static void emit_report(struct scan *s, enum smtpcode_report kind, unsigned long line,
                        const char *text, const char *recipient)
{
	struct smtpcode_reply r;

	smtpcode__flush_pending(s);
	smtpcode__reply_start(&r, line);
	r.report = kind;
	copy_cut(r.text, sizeof r.text, text, strlen(text));
	copy_cut(r.recipient, sizeof r.recipient, recipient, strlen(recipient));
	s->emit(&r, s->arg);
}

/* A block ends: its feedback report; with top, the auto-reply of the
 * message it heads. */
static void block_end(struct scan *s, int top)
{
	struct mime_block *b = &s->mime.block;

	field_end(b);
	if (b->feedback_line)
		emit_report(s, SMTPCODE_REPORT_FEEDBACK, b->feedback_line, b->feedback,
		            b->recipient);
	else if (top && b->auto_line && !b->not_auto && !(b->type == T_MULTIPART && b->report))
		emit_report(s, SMTPCODE_REPORT_AUTOREPLY, b->auto_line, b->auto_text,
		            b->recipient);
	b->feedback_line = 0;
}

/* ---- Structure ------------------------------------------------------------- */

/* A body starts after block b's header. */
static void body_start(struct scan *s)
{
	struct scan_mime *m = &s->mime;
	struct mime_block *b = &m->block;

	m->mode = MIME_BODY;
	m->encoding = MIME_PLAIN;
	m->nested = 0;
	if (b->type == T_MULTIPART && b->blen) {
		if (m->depth < MIME_DEPTH_MAX) {
			memcpy(m->boundary[m->depth], b->boundary, b->blen + 1);
			m->blen[m->depth++] = b->blen;
		}
	} else if (b->type == T_MESSAGE && b->encoding == MIME_PLAIN) {
		m->mode = MIME_HEADER; /* a message: its header comes first */
		m->nested = 1;
	} else if (b->encoding != MIME_PLAIN && b->type != T_OTHER && b->type != T_MULTIPART) {
		m->encoding = b->encoding;
		m->started = 0;
		m->cr = 0;
		m->b64_bits = m->b64_count = 0;
	} else if (m->depth == 0) {
		m->mode = MIME_FREE; /* nothing to decode: look for more messages */
	}
	block_reset(b);
}

/* The level (1-based) of the open multipart whose boundary line l is, and
 * whether it is the closing one; 0 if it is none. */
static unsigned boundary_of(const struct scan_mime *m, const struct scan_line *l, int *closing)
{
	unsigned i;

	for (i = m->depth; i > 0; i--) {
		size_t n = m->blen[i - 1];
		const char *rest;
		if (l->len < 2 + n || memcmp(l->text + 2, m->boundary[i - 1], n) != 0)
			continue;
		rest = l->text + 2 + n;
		*closing = rest[0] == '-' && rest[1] == '-';
		if (*closing)
			rest += 2;
		if (*scan_skip_spaces(rest) == '\0')
			return i;
	}
	return 0;
}

/* A boundary line: the part before it ends. */
static void boundary_line(struct scan *s, unsigned level, int closing, scan_next_fn *next)
{
	struct scan_mime *m = &s->mime;

	smtpcode__mime_decoded_end(s, next);
	if (m->block.lines)
		block_end(s, 0);
	block_reset(&m->block);
	m->encoding = MIME_PLAIN;
	m->nested = 0;
	if (closing) {
		m->depth = level - 1;
		m->mode = m->depth ? MIME_BODY : MIME_FREE;
	} else {
		m->depth = level;
		m->mode = MIME_HEADER;
	}
}

/* A line where no message is known. */
static void free_line(struct scan *s, const struct scan_line *l)
{
	struct scan_mime *m = &s->mime;
	struct mime_block *b = &m->block;
	const char *t = l->text;

	if (b->lines && is_blank(t)) {
		field_end(b);
		if (b->message && m->dlen && (b->type != T_NONE || b->encoding != MIME_PLAIN) &&
		    m->depth < MIME_DEPTH_MAX) {
			/* "--x" then a part's header: a multipart's part */
			memcpy(m->boundary[m->depth], m->dashes, m->dlen + 1);
			m->blen[m->depth++] = m->dlen;
			block_end(s, 0);
			body_start(s);
		} else if (b->message) {
			block_end(s, !m->top_done);
			m->top_done = 1;
			body_start(s);
		} else {
			block_end(s, 0);
			block_reset(b);
		}
		m->dlen = 0;
		return;
	}
	if (header_line(s, t))
		return;
	if (b->lines) {
		block_end(s, 0);
		block_reset(b);
	}
	m->dlen = 0;
	if (t[0] == '-' && t[1] == '-' && l->len > 2 && l->len - 2 <= MIME_BOUNDARY_MAX &&
	    !strpbrk(t, " \t")) {
		m->dlen = l->len - 2;
		memcpy(m->dashes, t + 2, m->dlen + 1);
	}
}

/* A line of a header known to be one. */
static void known_header_line(struct scan *s, const struct scan_line *l)
{
	if (!is_blank(l->text)) {
		(void)header_line(s, l->text);
		return;
	}
	block_end(s, 0);
	body_start(s);
}

static void mime_line(struct scan *s, struct scan_line *l, scan_next_fn *next)
{
	struct scan_mime *m = &s->mime;
	unsigned level;
	int closing = 0;

	if (m->depth && l->text[0] == '-' && l->text[1] == '-' &&
	    (level = boundary_of(m, l, &closing)) != 0) {
		boundary_line(s, level, closing, next);
	} else if (m->mode == MIME_FREE) {
		free_line(s, l);
	} else if (m->mode == MIME_HEADER) {
		known_header_line(s, l);
	} else if (m->encoding == MIME_QP) {
		smtpcode__mime_qp(s, l, next);
		return;
	} else if (m->encoding == MIME_BASE64) {
		if (smtpcode__mime_base64(s, l, next))
			return;
		smtpcode__mime_decoded_end(s, next);
		m->encoding = MIME_PLAIN;
	}
	next(s, l);
}

void smtpcode__mime_line(struct scan *s, struct scan_line *l, scan_next_fn *next)
{
	if (!s->mime.span_count && s->mime.encoding == MIME_PLAIN) {
		mime_line(s, l, next); /* nothing decoded yet: the fast path */
		return;
	}
	smtpcode__mime_spans_on(s);
	mime_line(s, l, next);
	smtpcode__mime_spans_off(s);
}

void smtpcode__mime_end(struct scan *s, scan_next_fn *next)
{
	struct scan_mime *m = &s->mime;

	smtpcode__mime_spans_on(s);
	smtpcode__mime_decoded_end(s, next);
	if (m->block.lines) {
		field_end(&m->block);
		block_end(s, m->mode == MIME_FREE && m->block.message && !m->top_done);
	}
	/* what is still open may end on a decoded line */
	smtpcode__flush_pending(s);
	smtpcode__dsn_flush(s);
	smtpcode__mime_spans_off(s);
	memset(m, 0, sizeof *m);
}
