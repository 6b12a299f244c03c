/* scan_fast_reply.c - the fast path's reply of a delivery record, built
 * directly, with codes only (smtpcode_scanner_set_codes_only).
 *
 * scan_fast.c has read the record's fields up to the reply's code, in
 * "said: 550 ..." or "status=sent (250 ...". Where one pass over the rest
 * of the line proves that the general builders (scan_reply.c reply_part,
 * smtpcode__inline_reply) would find nothing but the code, the enhanced
 * codes, the text up to Postfix's " (in reply to X command)" and a
 * command, the reply is built here from those alone; any other shape goes
 * to the general builders. The pass proves:
 *   - no code's shape where a code may start after the reply's own (no
 *     inner, quoted or repeated code: SCAN_FAST_PLAIN);
 *   - no pattern that every marker of a transcript's or a side's prefix,
 *     of a join, or of a text end but the first holds (marker_at; the
 *     first text end is Postfix's "(in reply to "), so none of those
 *     lookups finds anything (tests/test_scan_fast.c feeds every such
 *     marker to smtpcode__fast_plain_text);
 *   - the first "(in reply to " follows a blank and no code follows it,
 *     so it is where the general way cuts the text;
 *   - no '(' is left open at the end (the general way would wait for the
 *     next line to close it).
 * The quote before the code is none ("said: ", "sent ("), so the text
 * ends at no quote. The command is a field codes only may leave unset:
 * it is read (by the general lookups, from a copy of the text) only when
 * a line the fast path does not read follows, the one reader of an open
 * reply's command (command_later). */
#include "scan.h"
#include "scan_fast.h"

#include <string.h>

/* The bytes the pass stops at. */
enum { CODE = 1, OPEN = 2, CLOSE = 4, RARE = 8, END = 16 };
static const unsigned char classes[256] = {
	['1'] = CODE, ['2'] = CODE, ['3'] = CODE, ['4'] = CODE, ['5'] = CODE, ['#'] = CODE,
	['('] = OPEN, [')'] = CLOSE,
	['<'] = RARE, ['>'] = RARE, ['|'] = RARE, [']'] = RARE, ['&'] = RARE, [','] = RARE,
	['['] = RARE, ['"'] = RARE, ['\\'] = RARE,
	['\0'] = END,
};

/* Nonzero if a pattern that a marker of SCAN_SERVER_AFTER,
 * SCAN_CLIENT_AFTER, SCAN_SIDE_AFTER, SCAN_JOIN or SCAN_TEXT_END (but the
 * first) holds starts at p, a RARE byte (p[-1] is the line's): "<<", ">>",
 * "|>", " < " and " > " (": > "), "-> " and "&gt; ", "] " and a capital, 'c'
 * or 'r' ("] S: ", "] rsp: "), ",<" and ",>", "<br>", "[nl]", any quote or
 * backslash. An address's "<u@a> " or "<u@a>:", an IP's "[192.0.2.1] is"
 * hold none. */
static int marker_at(const char *p)
{
	switch (p[0]) {
	case '<':
		return p[1] == '<' || (p[1] == ' ' && p[-1] == ' ') ||
		       (p[1] == 'b' && p[2] == 'r' && p[3] == '>');
	case '>':
		return p[1] == '>' || (p[1] == ' ' && (p[-1] == ' ' || p[-1] == '-'));
	case '|':
		return p[1] == '>';
	case ']':
		return p[1] == ' ' && ((p[2] >= 'A' && p[2] <= 'Z') || p[2] == 'c' || p[2] == 'r');
	case '&':
		return strncmp(p, "&gt; ", 5) == 0;
	case ',':
		return p[1] == '<' || p[1] == '>';
	case '[':
		return strncmp(p, "[nl]", 4) == 0;
	default: /* '"', '\\' */
		return 1;
	}
}

/* What the pass found. */
struct found {
	const char *cut;   /* the first text end's marker ("(in reply to "), or NULL */
	int depth;         /* the '(' less the ')' before cut (or the end) */
};

/* The pass over text (up to its NUL) for ix's marker te (the first text
 * end): 0 if it holds a code's shape after its first byte, a marker's
 * pattern, or an open '(' at its end; else nonzero, with what it found in
 * *f. */
static int plain_text(const char *text, const struct scan_marker *te, struct found *f)
{
	const char *p, *open = NULL;
	int depth = 0;

	f->cut = NULL;
	for (p = text;; p++) {
		p = scan_first_stop(classes, p);
		switch (classes[(unsigned char)*p]) {
		case END:
			f->depth = f->cut ? f->depth : depth;
			return !open;
		case CODE:
			if (p > text && (*p == '#' || scan_starts_code(p[-1])) && smtpcode__code_shape(p))
				return 0;
			break;
		case OPEN:
			if (!f->cut && strncmp(p, te->marker, te->len) == 0)
				f->cut = p, f->depth = depth;
			open = p;
			depth++;
			break;
		case CLOSE:
			open = NULL;
			depth--;
			break;
		default:
			if (marker_at(p))
				return 0;
			break;
		}
	}
}

/* The first SCAN_TEXT_END row, if ix's tables hold one that '(' starts
 * (the one this file reads); else NULL. */
static const struct scan_marker *text_end(const struct scan_index *ix)
{
	const struct scan_marker *te = ix->rows[ix->first[SCAN_TEXT_END]];

	if (ix->first[SCAN_TEXT_END] == ix->first[SCAN_TEXT_END + 1] || te->marker[0] != '(')
		return NULL;
	return te;
}

int smtpcode__fast_plain_text(const struct scan_index *ix, const char *text)
{
	const struct scan_marker *te = text_end(ix);
	struct found f;

	return te && plain_text(text, te, &f);
}

int smtpcode__fast_shape(const struct scan *s, const struct scan_line *l, const char *code,
                         struct fast_shape *sh)
{
	const struct scan_marker *te = text_end(&s->formats);
	const char *text = code + 4;
	struct found f;
	char sep;

	if (!te || smtpcode__code_shape(text) || !plain_text(text, te, &f))
		return 0;
	/* smtpcode__text_end's cut: the first marker, after a blank, no code after */
	if (f.cut && (f.cut == text || f.cut[-1] != ' ' ||
	              (scan_code_at(f.cut + te->len, &sep) && sep)))
		return 0;
	sh->from = code;
	sh->end = f.cut ? f.cut - 1 : l->text + l->len;
	sh->depth = f.depth;
	return 1;
}

int smtpcode__fast_record_shape(const struct scan *s, const struct scan_line *l, const char *text,
                                struct fast_shape *sh)
{
	const struct scan_marker *te = text_end(&s->formats);
	struct found f;

	if (!te || smtpcode__code_shape(text) || !plain_text(text, te, &f) || f.cut)
		return 0;
	sh->from = text;
	sh->end = l->text + l->len;
	sh->depth = f.depth;
	return 1;
}

/* The command, as smtpcode__command_seen (and, for a reply, then
 * smtpcode__command_span) read it from from on. */
static const char *command(const struct scan *s, const char *from, int span)
{
	const struct scan_index *ix = &s->formats;
	const char *c;
	int seen;

	c = smtpcode__command_seen(ix, from, &seen);
	return c || !span ? c : smtpcode__command_span(ix, from);
}

/* The command of a reply the fast path builds: the search waits until a
 * line goes the general way, which is the only reader of the open reply's
 * command with codes only (most often the next line's record closes it
 * first, and the reply goes without one). Its text waits in the DSN
 * group's buffer, which no group uses: the fast path reads no line while
 * one is open, and one opens only after the open reply is closed. */
static const char *command_later(struct scan *s, const struct fast_shape *sh,
                                 const struct scan_line *l, int span)
{
	size_t n = (size_t)(l->text + l->len - sh->from);

	if (n >= sizeof s->dsn.diagnostic)
		return command(s, sh->from, span);
	memcpy(s->dsn.diagnostic, sh->from, n + 1);
	s->fast_reply |= SCAN_FAST_COMMAND_LATER;
	return NULL;
}

void smtpcode__fast_command(struct scan *s)
{
	if (!(s->fast_reply & SCAN_FAST_COMMAND_LATER))
		return;
	s->fast_reply &= (unsigned char)~SCAN_FAST_COMMAND_LATER;
	if (s->pending) /* a record without a reply has no basic code, and no span */
		s->reply.command = command(s, s->dsn.diagnostic, s->reply.basic != 0);
	s->dsn.diagnostic[0] = '\0';
}

/* Copies text up to end, blanks around it dropped, as the reply's text
 * (empty before), as smtpcode__append_text does: its length, or
 * (size_t)-1 when it was cut to fit. */
static size_t copy_text(struct smtpcode_reply *r, const char *p, const char *end)
{
	size_t n;

	p = scan_skip_spaces(p);
	if (p > end)
		p = end;
	while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	n = (size_t)(end - p);
	if (n >= sizeof r->text) {
		smtpcode__append_text(r, p, n);
		return (size_t)-1;
	}
	memcpy(r->text, p, n);
	r->text[n] = '\0';
	return n;
}

/* The emit drops a ')' that ends the text and closes none opened in it:
 * depth, the '(' less the ')' of the text's n bytes, tells. */
static void paren_known(struct scan *s, size_t n, int depth)
{
	const struct smtpcode_reply *r = &s->reply;

	if (n != (size_t)-1)
		s->fast_reply |= n > 0 && r->text[n - 1] == ')' && depth < 0
		                         ? SCAN_FAST_PAREN_KNOWN | SCAN_FAST_PAREN_DROP
		                         : SCAN_FAST_PAREN_KNOWN;
}

/* The "dsn=" field's enhanced code, added to the reply's. */
static void dsn_code(struct smtpcode_reply *r, const char *dsn)
{
	struct smtpcode_enhanced_code c;
	size_t len;

	if (smtpcode__enhanced_at(dsn, &c, &len) == SCAN_TOKEN_ENHANCED)
		smtpcode__add_enhanced(r, &c);
}

/* The reply's text (from text to end, after its code): an enhanced code at
 * its start, then the words, as smtpcode__reply_text reads them, and then
 * the "dsn=" field's code (the record's end), unless it is written as the
 * first one is. Returns the text's length, or (size_t)-1 when it was cut
 * to fit. */
static size_t reply_text(struct smtpcode_reply *r, const char *text, const char *end,
                         const char *dsn)
{
	const char *p = scan_skip_spaces(text);
	size_t len = smtpcode__reply_code(r, p), i = 0;

	while (i < len && dsn[i] == p[i]) /* the code holds no NUL */
		i++;
	if (!(len && i == len && dsn[len] == ','))
		dsn_code(r, dsn);
	return copy_text(r, p + len, end);
}

void smtpcode__fast_build(struct scan *s, const struct scan_line *l, const struct fast_shape *sh,
                          int code, enum smtpcode_outcome outcome, const char *dsn)
{
	struct smtpcode_reply *r = &s->reply;

	smtpcode__reply_start_fields(r, s->line);
	r->basic = code;
	r->outcome = outcome;
	s->fast_reply = SCAN_FAST_PLAIN | SCAN_FAST_NO_COMMAND | SCAN_FAST_NO_JOIN |
	                SCAN_FAST_NO_TEXT_END | SCAN_FAST_CODES;
	r->command = command_later(s, sh, l, 1);
	paren_known(s, reply_text(r, sh->from + 4, sh->end, dsn), sh->depth);
	s->inner_count = 0;
	s->pending = 1;
	s->pending_server = 0;
	s->pending_inline = 1;
	s->reply_indent = 0; /* the line starts with its time stamp */
	s->after_lines = 0;
	s->multiline = s->unclosed = s->closed = 0;
	s->sentence_end = smtpcode__sentence_width(l->text, l->len);
}

void smtpcode__fast_record_build(struct scan *s, const struct scan_line *l,
                                 const struct fast_shape *sh, enum smtpcode_outcome outcome,
                                 const char *dsn)
{
	struct smtpcode_reply *r = &s->reply;
	const char *end = sh->end;
	int depth = sh->depth;

	smtpcode__reply_start_fields(r, s->line);
	s->fast_reply = SCAN_FAST_PLAIN | SCAN_FAST_NO_COMMAND | SCAN_FAST_NO_JOIN |
	                SCAN_FAST_NO_TEXT_END | SCAN_FAST_CODES;
	r->command = command_later(s, sh, l, 0);
	s->pending = 1;
	if (end > sh->from && end[-1] == ')') /* the record's own parenthesis */
		end--, depth++;
	paren_known(s, copy_text(r, sh->from, end), depth);
	r->outcome = outcome;
	dsn_code(r, dsn);
}
