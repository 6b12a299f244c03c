/* scan_fast_reply.c - the fast path's reply of a delivery record, built
 * directly, with codes only (smtpcode_scanner_set_codes_only).
 *
 * scan_fast.c has read the record's fields up to the reply's code, in
 * "said: 550 ..." or "status=sent (250 ...". Where one pass over the rest
 * of the line proves that the general builders (scan_reply.c reply_part,
 * smtpcode__inline_reply) would find nothing but the code, the enhanced
 * codes, the text up to Postfix's " (in reply to X command)" and that
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
 * ends at no quote. The command is the first SCAN_COMMAND row's (Postfix's
 * "in reply to ", read to " command") when the text holds that marker:
 * the general lookup answers with the first row it finds. */
#include "scan.h"
#include "scan_fast.h"

#include <string.h>

/* The bytes the pass stops at. */
enum { CODE = 1, OPEN = 2, CLOSE = 4, RARE = 8 };
static const unsigned char classes[256] = {
	['1'] = CODE, ['2'] = CODE, ['3'] = CODE, ['4'] = CODE, ['5'] = CODE, ['#'] = CODE,
	['('] = OPEN, [')'] = CLOSE,
	['<'] = RARE, ['>'] = RARE, ['|'] = RARE, [']'] = RARE, ['&'] = RARE, [','] = RARE,
	['['] = RARE, ['"'] = RARE, ['\\'] = RARE,
};

/* Nonzero if a pattern that a marker of SCAN_SERVER_AFTER,
 * SCAN_CLIENT_AFTER, SCAN_SIDE_AFTER, SCAN_JOIN or SCAN_TEXT_END (but the
 * first) holds starts at p, a RARE byte: the pairs smtpcode__prefix_after
 * looks for ("<<", "> ", "] ", "&gt; " ...), ",<" and ",>", "<br>",
 * "[nl]", any quote or backslash. */
static int marker_at(const char *p)
{
	switch (p[0]) {
	case '<':
		if (p[1] == 'b' && p[2] == 'r' && p[3] == '>')
			return 1;
		/* fall through */
	case '>':
	case '|':
	case ']':
		return p[1] == ' ' || p[1] == '<' || p[1] == '>';
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

/* The pass over text (up to end, where a NUL stands): 0 if it holds a
 * code's shape after its first byte, a marker's pattern, or an open '('
 * at its end; else nonzero, with where the first text end's marker te
 * stands in *cut (NULL: none). */
static int plain_text(const char *text, const char *end, const struct scan_marker *te,
                      const char **cut)
{
	const char *p, *open = NULL;

	*cut = NULL;
	for (p = text; p < end; p++) {
		unsigned c = classes[(unsigned char)*p];
		if (!c)
			continue;
		if (c & CODE) {
			if (p > text && (*p == '#' || scan_starts_code(p[-1])) && smtpcode__code_shape(p))
				return 0;
		} else if (c & OPEN) {
			open = p;
			if (!*cut && strncmp(p, te->marker, te->len) == 0)
				*cut = p;
		} else if (c & CLOSE) {
			open = NULL;
		} else if (marker_at(p)) {
			return 0;
		}
	}
	return !open;
}

int smtpcode__fast_plain_text(const struct scan_index *ix, const char *text)
{
	const char *cut;

	return plain_text(text, text + strlen(text), ix->rows[ix->first[SCAN_TEXT_END]], &cut);
}

int smtpcode__fast_shape(const struct scan *s, const struct scan_line *l, const char *code,
                         struct fast_shape *sh)
{
	const struct scan_index *ix = &s->formats;
	const struct scan_marker *te = ix->rows[ix->first[SCAN_TEXT_END]];
	const char *text = code + 4, *cut;
	char sep;

	if (ix->first[SCAN_TEXT_END] == ix->first[SCAN_TEXT_END + 1] || te->marker[0] != '(' ||
	    ix->first[SCAN_COMMAND] == ix->first[SCAN_COMMAND + 1])
		return 0; /* tables other than those this file reads */
	if (smtpcode__code_shape(text) || !plain_text(text, l->text + l->len, te, &cut))
		return 0;
	/* smtpcode__text_end's cut: the first marker, after a blank, no code after */
	if (cut && (cut == text || cut[-1] != ' ' || (scan_code_at(cut + te->len, &sep) && sep)))
		return 0;
	sh->code = code;
	sh->end = cut ? cut - 1 : l->text + l->len;
	sh->named = strstr(code, ix->rows[ix->first[SCAN_COMMAND]]->marker);
	return 1;
}

/* The command, as smtpcode__command_seen and then smtpcode__command_span
 * read it from the reply's code (from) on; named: where the first
 * SCAN_COMMAND row's marker stands in from, or NULL (the other rows are
 * then searched). */
static const char *command(const struct scan *s, const char *from, const char *named)
{
	const struct scan_index *ix = &s->formats;
	const struct scan_marker *m = ix->rows[ix->first[SCAN_COMMAND]];
	const char *c;
	int seen;

	if (named && !m->command)
		c = smtpcode__command_word(named + m->len, m->then);
	else if (named && (!m->then || scan_starts_with(named + m->len, m->then)))
		c = m->command;
	else
		c = smtpcode__command_seen(ix, from, &seen);
	return c ? c : smtpcode__command_span(ix, from);
}

/* The command of a reply whose text names none the first way (a "250 2.0.0
 * Ok" after status=sent): the other rows' search waits until a line goes
 * the general way, which is the only reader of the open reply's command
 * with codes only (most often the next line's record closes it first).
 * Its text waits in the DSN group's buffer, which no group uses: the fast
 * path reads no line while one is open, and one opens only after the open
 * reply is closed. */
static const char *command_later(struct scan *s, const struct fast_shape *sh,
                                 const struct scan_line *l)
{
	size_t n = (size_t)(l->text + l->len - sh->code);

	if (n >= sizeof s->dsn.diagnostic)
		return command(s, sh->code, NULL);
	memcpy(s->dsn.diagnostic, sh->code, n + 1);
	s->fast_reply |= SCAN_FAST_COMMAND_LATER;
	return NULL;
}

void smtpcode__fast_command(struct scan *s)
{
	if (!(s->fast_reply & SCAN_FAST_COMMAND_LATER))
		return;
	s->fast_reply &= (unsigned char)~SCAN_FAST_COMMAND_LATER;
	if (s->pending)
		s->reply.command = command(s, s->dsn.diagnostic, NULL);
	s->dsn.diagnostic[0] = '\0';
}

void smtpcode__fast_build(struct scan *s, const struct scan_line *l, const struct fast_shape *sh,
                          int code, enum smtpcode_outcome outcome, const char *dsn)
{
	struct smtpcode_reply *r = &s->reply;
	struct smtpcode_enhanced_code c;
	size_t len;

	smtpcode__reply_start_fields(r, s->line);
	r->basic = code;
	r->outcome = outcome;
	s->fast_reply = SCAN_FAST_PLAIN | SCAN_FAST_NO_COMMAND | SCAN_FAST_NO_JOIN |
	                SCAN_FAST_NO_TEXT_END | SCAN_FAST_CODES;
	r->command = sh->named ? command(s, sh->code, sh->named) : command_later(s, sh, l);
	smtpcode__reply_text(r, sh->code + 4, (size_t)(sh->end - sh->code - 4));
	if (smtpcode__enhanced_at(dsn, &c, &len) == SCAN_TOKEN_ENHANCED)
		smtpcode__add_enhanced(r, &c);
	s->inner_count = 0;
	s->pending = 1;
	s->pending_server = 0;
	s->pending_inline = 1;
	s->reply_indent = 0; /* the line starts with its time stamp */
	s->after_lines = 0;
	s->multiline = s->unclosed = s->closed = 0;
	s->sentence_end = smtpcode__sentence_width(l->text, l->len);
}
