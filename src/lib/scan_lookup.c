/* scan_lookup.c - the lookups of the format tables (scan_formats.c holds
 * the rows): each reads only the rows of its role, in the formats' order,
 * and answers one question about a line (the command it names, its
 * outcome, where a reply's code may follow, a transcript's prefix ...). */
#include "scan.h"
#include "scan_pairs.h"

#include <string.h>

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static int has_bit(const unsigned char *bits, unsigned char c)
{
	return bits[c >> 3] >> (c & 7) & 1;
}

/* has_bit for a pair's slot (scan_pairs.h). */
static int has_slot(const unsigned char *bits, unsigned slot)
{
	return bits[slot >> 3] >> (slot & 7) & 1;
}

/* The pairs to search s with: the line's when they cover s, else s's own,
 * marked in *local (for the lookups of many rows, which text other than
 * the line's also meets: a reply's text). */
static const struct scan_pairs *pairs_for(const struct scan_index *ix, const char *s,
                                          struct scan_pairs *local)
{
	const struct scan_pairs *pp = scan_covering(ix, s);

	if (!pp) {
		smtpcode__pairs_mark(local, s, strlen(s));
		pp = local;
	}
	return pp;
}

/* strstr for a row, reusing the search of the row before when it has the
 * same marker (the rows of one marker stand together; each row holds its
 * own copy of the text, so genscan gives each the number of its marker). */
struct found {
	const struct scan_marker *row;
	const char *at;
};

/* Nonzero if two rows have the same marker (genscan numbered each marker). */
static int same_marker(const struct scan_marker *a, const struct scan_marker *b)
{
	return a->id == b->id;
}

static const char *find_cached(const struct scan_pairs *pp, struct found *f, const char *line,
                               const struct scan_marker *m)
{
	if (!f->row || !same_marker(f->row, m))
		f->at = scan_find_held(pp, line, m);
	f->row = m;
	return f->at;
}

/* The words at p up to `until` (any case) or, without it, one word up to a
 * space or a colon, as a canonical command (or NULL). */
const char *smtpcode__command_word(const char *p, const char *until)
{
	char word[32];
	size_t n = 0;
	int first = until ? scx_lower((unsigned char)until[0]) : 0;

	if (until)
		while (n < sizeof word - 1 && p[n] &&
		       !(scx_lower((unsigned char)p[n]) == first && scan_starts_with(p + n, until)))
			word[n] = p[n] == '\n' ? ' ' : p[n], n++;
	else
		while (p[n] && p[n] != ' ' && p[n] != ':' && n < sizeof word - 1)
			word[n] = p[n], n++;
	word[n] = '\0';
	return smtpcode_command_canonical(word);
}

/* The command a line says a reply answered: Postfix "(in reply to RCPT TO
 * command)", Exim "after RCPT TO:<...>:", Sendmail "ruleset=check_rcpt". */
/* The command a line says a reply answered (smtpcode__command_in), and in
 * *seen whether line holds a row's marker at all. */
const char *smtpcode__command_seen(const struct scan_index *ix, const char *line, int *seen)
{
	struct scan_pairs local;
	const struct scan_pairs *pp = pairs_for(ix, line, &local);
	struct found f = { NULL, NULL };

	*seen = 0;
	EACH_HELD(ix, pp, SCAN_COMMAND, m) { /* f keeps an earlier row's search */
		const char *p;
		if ((p = find_cached(pp, &f, line, *m)) == NULL)
			continue;
		*seen = 1;
		p += (*m)->len;
		if (!(*m)->command)
			return smtpcode__command_word(p, (*m)->then);
		if (!(*m)->then || scan_starts_with(p, (*m)->then))
			return (*m)->command;
	}
	return NULL;
}

/* The value of the first outcome field in line ("status=", "stat="), and
 * its marker in *field; NULL if there is none. */
static const char *outcome_field(const struct scan_index *ix, const char *line,
                                 const struct scan_marker **field)
{
	const struct scan_pairs *pp = scan_covering(ix, line);
	struct found f = { NULL, NULL };
	const char *first = NULL;
	size_t len = 0;

	EACH_HELD(ix, pp, SCAN_OUTCOME, m) {
		const char *p = find_cached(pp, &f, line, *m);
		if (p && (!first || p < first)) {
			first = p;
			len = (*m)->len;
			*field = *m;
		}
	}
	return first ? first + len : NULL;
}

/* The first outcome token (Exim's " => ", " ** ") in line. */
static enum smtpcode_outcome outcome_token(const struct scan_index *ix, const char *line)
{
	enum smtpcode_outcome o = SMTPCODE_OUTCOME_NONE;
	const char *first = NULL;

	const struct scan_pairs *pp = scan_covering(ix, line);

	EACH_HELD(ix, pp, SCAN_OUTCOME_TOKEN, m) {
		const char *p = scan_find_held(pp, line, *m);
		if (p && (!first || p < first)) {
			first = p;
			o = (*m)->outcome;
		}
	}
	return o;
}

/* What a log line says became of the message. */
enum smtpcode_outcome smtpcode__outcome_in(const struct scan_index *ix, const char *line)
{
	const struct scan_marker *field = NULL;
	const char *v = outcome_field(ix, line, &field);

	if (v) {
		EACH(ix, SCAN_OUTCOME, m)
			if (same_marker(*m, field) && scan_starts_with(v, (*m)->then))
				return (*m)->outcome;
		EACH(ix, SCAN_OUTCOME_OTHER, m)
			if (same_marker(*m, field) &&
			    scan_find_in(scan_covering(ix, line), line, (*m)->then, strlen((*m)->then)))
				return (*m)->outcome;
	}
	return outcome_token(ix, line);
}

/* Nonzero if the text before p ends with a marker after which a reply
 * follows ("said: ", "smtp; ", "returned '"), or p follows a colon after
 * colon_after (see smtpcode__colon_lead_in). Reads nothing before line. */
int smtpcode__after_lead_in(const struct scan_index *ix, const char *line, const char *p,
                            const char *colon_after)
{
	const char *q = p;

	while (q > line && (q[-1] == ' ' || q[-1] == '#' || q[-1] == '\''))
		q--;
	EACH(ix, SCAN_LEAD_IN, m) {
		const char *mk = (*m)->marker, *end = q;
		size_t n = (*m)->len;
		if (mk[n - 1] == '\'' || mk[n - 1] == '"') /* the quote is part of the marker */
			end = p > line && p[-1] == mk[n - 1] ? p : q;
		if ((size_t)(end - line) >= n && /* the last bytes first: most rows differ there */
		    scx_lower((unsigned char)end[-1]) == scx_lower((unsigned char)mk[n - 1]) &&
		    scan_starts_with(end - n, mk))
			return 1;
	}
	return colon_after && p > colon_after && q > line && q[-1] == ':';
}

/* Where a SCAN_LEAD_IN_COLON marker stands in line, or NULL. */
const char *smtpcode__colon_lead_in(const struct scan_index *ix, const char *line)
{
	const struct scan_pairs *pp = scan_covering(ix, line);

	EACH_HELD(ix, pp, SCAN_LEAD_IN_COLON, m) {
		const char *p = scan_find_held(pp, line, *m);
		if (p)
			return p;
	}
	return NULL;
}

/* The enhanced code of a field such as "dsn=5.1.1", or NULL. */
const char *smtpcode__enhanced_field(const struct scan_index *ix, const char *line)
{
	const struct scan_pairs *pp = scan_covering(ix, line);

	EACH_HELD(ix, pp, SCAN_ENHANCED, m) {
		const char *p = scan_find_held(pp, line, *m);
		if (p && scan_is_digit(p[(*m)->len]))
			return p + (*m)->len;
	}
	return NULL;
}

/* The text of a record without a reply ("status=deferred (connect to ...)",
 * "stat=User unknown"), its length in *n; NULL if the first field found
 * gives none. */
const char *smtpcode__record_text(const struct scan_index *ix, const char *line, size_t *n)
{
	const struct scan_pairs *pp = scan_covering(ix, line);

	EACH_HELD(ix, pp, SCAN_RECORD_TEXT, m) {
		const char *p = scan_find_held(pp, line, *m);
		if (!p)
			continue;
		if ((*m)->then) { /* in parentheses */
			p = strchr(p, '(');
			if (!p)
				return NULL;
			*n = strlen(++p);
			if (*n > 0 && p[*n - 1] == ')')
				--*n;
			return p;
		}
		p += (*m)->len;
		*n = strlen(p);
		return p;
	}
	return NULL;
}

/* Where a reply's text ends ("(in reply to"), or NULL; with after_space,
 * only a marker that a space comes before. */
const char *smtpcode__text_end(const struct scan_index *ix, const char *text, int after_space)
{
	const struct scan_pairs *pp = scan_covering(ix, text);

	if (!pp && !strpbrk(text, smtpcode__text_end_firsts)) /* a reply's text, most often */
		return NULL;
	EACH_HELD(ix, pp, SCAN_TEXT_END, m) {
		const char *p = scan_find_held(pp, text, *m);
		char sep;
		while (p && ((after_space && (p == text || p[-1] != ' ')) ||
		             (scan_code_at(p + (*m)->len, &sep) && sep)))
			p = strstr(p + 1, (*m)->marker); /* "\\r\\n550-" joins */
		if (p)
			return p;
	}
	return NULL;
}

/* The first join of a flattened multi-line reply in text, its marker's
 * length in *len; NULL if there is none. */
const char *smtpcode__join_in(const struct scan_index *ix, const char *text, size_t *len)
{
	const struct scan_pairs *pp = scan_covering(ix, text);

	if (!pp && !strpbrk(text, smtpcode__join_firsts)) /* a reply's text, most often */
		return NULL;
	EACH_HELD(ix, pp, SCAN_JOIN, m) {
		const char *p = scan_find_held(pp, text, *m);
		if (p) {
			*len = (*m)->len;
			return p;
		}
	}
	return NULL;
}

/* The transcript prefix line starts with: SCAN_SERVER, SCAN_CLIENT or
 * SCAN_SESSION, its length in *len; SCAN_ROLE_COUNT for none. */
enum scan_role smtpcode__prefix(const struct scan_index *ix, const char *line, size_t *len)
{
	static const enum scan_role roles[] = { SCAN_SERVER, SCAN_CLIENT, SCAN_SESSION };
	size_t i;

	if (!has_bit(ix->prefix_first, (unsigned char)line[0]) || /* most lines: at once */
	    !has_slot(smtpcode__prefix_pairs, scan_pair_slot((const unsigned char *)line)))
		return SCAN_ROLE_COUNT;
	for (i = 0; i < COUNT(roles); i++)
		EACH(ix, roles[i], m)
			if (line[0] == (*m)->marker[0] && ((*m)->len < 2 || line[1] == (*m)->marker[1]) &&
			    strncmp(line, (*m)->marker, (*m)->len) == 0) {
				*len = (*m)->len;
				return roles[i];
			}
	return SCAN_ROLE_COUNT;
}

/* Nonzero if line holds one of the pairs that every SCAN_SERVER_AFTER and
 * SCAN_CLIENT_AFTER marker holds ("<<", ">>", "|>", "< ", "> ", "] ", or
 * PHPMailer html's "&gt; "): one
 * pass that spares most log lines the search for each marker (a new
 * marker holds one of them too: tests/test_scan_formats.c checks). */
static int may_hold_after_marker(const char *line)
{
	const char *p;

	for (p = line; (p = strpbrk(p, "<>|]&")) != NULL; p++)
		if (p[0] == '&' ? strncmp(p, "&gt; ", 5) == 0
		                : p[1] == ' ' || p[1] == '<' || p[1] == '>')
			return 1;
	return 0;
}

/* A transcript's marker after a log prefix: SCAN_SERVER_AFTER or
 * SCAN_CLIENT_AFTER, the line after it in *start; SCAN_ROLE_COUNT for
 * none. The marker must start the line, follow a blank, or start with a
 * blank, ':' or ']'; with `then`, the line goes on after it. */
enum scan_role smtpcode__prefix_after(const struct scan_index *ix, const char *line,
                                      const char **start)
{
	static const enum scan_role roles[] = { SCAN_SERVER_AFTER, SCAN_CLIENT_AFTER };
	struct scan_pairs local;
	const struct scan_pairs *pp;
	size_t i;

	if (!may_hold_after_marker(line))
		return SCAN_ROLE_COUNT;
	pp = pairs_for(ix, line, &local); /* the line's, unless a pass cut it */
	for (i = 0; i < COUNT(roles); i++)
		EACH_HELD(ix, pp, roles[i], m) {
			const char *p = scan_find_held(pp, line, *m);
			if (!p || (p > line && (*m)->marker[0] != ' ' && (*m)->marker[0] != ']' &&
			           (*m)->marker[0] != ':' && p[-1] != ' ' && p[-1] != '\t'))
				continue;
			p += (*m)->len;
			if ((*m)->then && (p = strstr(p, (*m)->then)) != NULL)
				p += strlen((*m)->then);
			if (p) {
				*start = p;
				return roles[i];
			}
		}
	return SCAN_ROLE_COUNT;
}

/* The command a client line of one word sends ("." ends the data), or
 * NULL. */
const char *smtpcode__client_word(const struct scan_index *ix, const char *word)
{
	EACH(ix, SCAN_CLIENT_WORD, m)
		if (strcmp(word, (*m)->marker) == 0)
			return (*m)->command;
	return NULL;
}

/* The command an unprefixed client line sends in a raw session ("mail
 * from:<a>", "data", "."), or NULL. */
const char *smtpcode__raw_client(const struct scan_index *ix, const char *line)
{
	size_t n = 0; /* the line's length without blanks at its end, once needed */
	unsigned char lower[2];

	if (!has_bit(ix->raw_first, (unsigned char)line[0])) /* most lines: at once */
		return NULL;
	lower[0] = (unsigned char)scx_lower((unsigned char)line[0]); /* not the end: line[1] */
	lower[1] = (unsigned char)scx_lower((unsigned char)line[1]); /* may be read */
	if (!has_slot(smtpcode__raw_pairs, scan_pair_slot(lower)))
		return NULL;
	EACH(ix, SCAN_RAW_CLIENT, m) {
		char last = (*m)->marker[(*m)->len - 1];
		if (!scan_starts_with(line, (*m)->marker))
			continue;
		if (n == 0)
			for (n = strlen(line); n > 0 && (line[n - 1] == ' ' || line[n - 1] == '\t'); n--)
				;
		if (last == ' ' || last == ':' ? n > (*m)->len : n == (*m)->len)
			return (*m)->command;
	}
	return NULL;
}

/* Nonzero if line repeats the open reply ("reply: retcode (550); Msg:"). */
int smtpcode__echo(const struct scan_index *ix, const char *line)
{
	EACH(ix, SCAN_ECHO, m)
		if (strncmp(line, (*m)->marker, (*m)->len) == 0)
			return 1;
	return 0;
}

/* The command a line names for the reply on the next line (a row without
 * a command: the word after the marker, hMailServer's "sent: RCPT TO:<a>"),
 * or NULL. */
const char *smtpcode__command_before(const struct scan_index *ix, const char *line)
{
	const struct scan_pairs *pp = scan_covering(ix, line);

	EACH_HELD(ix, pp, SCAN_COMMAND_BEFORE, m) {
		const char *p = scan_find_held(pp, line, *m);
		if (p)
			return (*m)->command ? (*m)->command
			                     : smtpcode__command_word(p + (*m)->len, NULL);
	}
	return NULL;
}

/* Where the text after a SCAN_ENHANCED_LEAD marker that starts line (after
 * blanks), or after a SCAN_ENHANCED_AFTER marker anywhere, begins when an
 * enhanced code starts it (a marker without one does not hide a later one:
 * "Reason: SmtpException: The server response was: 5.7.57"), or NULL. */
const char *smtpcode__enhanced_lead(const struct scan_index *ix, const char *line)
{
	const struct scan_pairs *pp;

	line = scan_skip_spaces(line);
	EACH(ix, SCAN_ENHANCED_LEAD, m)
		if (scan_starts_with(line, (*m)->marker) && smtpcode__enhanced_next(line + (*m)->len))
			return scan_skip_spaces(line + (*m)->len);
	pp = scan_covering(ix, line);
	EACH_HELD(ix, pp, SCAN_ENHANCED_AFTER, m) {
		const char *p = scan_find_held(pp, line, *m); /* with `then`, after it */
		if (p && (*m)->then && (p = strstr(p + (*m)->len, (*m)->then)) != NULL)
			p += (ptrdiff_t)strlen((*m)->then) - (ptrdiff_t)(*m)->len;
		if (p && smtpcode__enhanced_next(p + (*m)->len))
			return p + (*m)->len;
	}
	return NULL;
}

/* The bracket that opens a tag closed by c ('(' for ')'), or 0. */
static char opener(char c)
{
	return c == ')' ? '(' : c == ']' ? '[' : c == '>' ? '<' : 0;
}

/* Nonzero if line holds the sending MTA's own status ("(#5.1.2)", Exchange's
 * "<mx #5.1.1>": the bracket that `then` closes stands before the code), a
 * valid enhanced code whose subject is 0 to 7 ("[#4.16.1]" is none), in
 * *code. */
int smtpcode__status_tag(const struct scan_index *ix, const char *line,
                         struct smtpcode_enhanced_code *code)
{
	const struct scan_pairs *pp = scan_covering(ix, line);

	EACH_HELD(ix, pp, SCAN_STATUS_TAG, m) {
		const char *p = scan_find_held(pp, line, *m);
		char open = opener((*m)->then[0]);
		size_t len;
		if (p && smtpcode__enhanced_at(p + (*m)->len, code, &len) == SCAN_TOKEN_ENHANCED &&
		    p[(*m)->len + len] == (*m)->then[0] && code->subject <= 7 &&
		    (!open || memchr(line, open, (size_t)(p - line) + (*m)->len)))
			return 1;
	}
	return 0;
}

/* The outcome a DSN Action value gives. */
enum smtpcode_outcome smtpcode__dsn_action(const struct scan_index *ix, const char *value)
{
	EACH(ix, SCAN_DSN_ACTION, m)
		if (scan_starts_with(value, (*m)->marker))
			return (*m)->outcome;
	return SMTPCODE_OUTCOME_NONE;
}

/* Where the text of a connection-level failure in line starts (its first
 * marker), or NULL: a row with `then` counts when `then` follows it, one
 * without only when has_outcome (the line says what became of the mail). */
const char *smtpcode__connection_failure(const struct scan_index *ix, const char *line,
                                         int has_outcome)
{
	const struct scan_pairs *pp = scan_covering(ix, line);
	const char *first = NULL;

	EACH_HELD(ix, pp, SCAN_CONNECTION, m) {
		const char *p;
		if ((!(*m)->then && !has_outcome) || (p = scan_find_held(pp, line, *m)) == NULL ||
		    (first && p >= first))
			continue;
		if (!(*m)->then ||
		    scan_find_in(pp, p + (*m)->len, (*m)->then, strlen((*m)->then)) != NULL)
			first = p;
	}
	return first;
}

/* The command of a SCAN_COMMAND_SPAN row whose marker and `then` line
 * holds, in that order ("Recipient <u@a> rejected:"), or NULL. */
const char *smtpcode__command_span(const struct scan_index *ix, const char *line)
{
	const struct scan_pairs *pp = scan_covering(ix, line);

	EACH_HELD(ix, pp, SCAN_COMMAND_SPAN, m) {
		const char *p = scan_find_held(pp, line, *m);
		if (p && scan_find_in(pp, p + (*m)->len, (*m)->then, strlen((*m)->then)))
			return (*m)->command;
	}
	return NULL;
}

/* Where the first SCAN_SIDE_AFTER marker stands in line, its length in
 * *len; NULL if there is none. One pass over line for the markers' first
 * characters (smtpcode__side_firsts): most lines hold none. */
const char *smtpcode__side_after(const struct scan_index *ix, const char *line, size_t *len)
{
	const struct scan_pairs *pp = scan_covering(ix, line);
	const char *p;

	if (pp) { /* none of the markers' pairs: no pass over line */
		int held = 0;
		EACH_HELD(ix, pp, SCAN_SIDE_AFTER, m)
			held = 1;
		if (!held)
			return NULL;
	}
	for (p = line; (p = strpbrk(p, smtpcode__side_firsts)) != NULL; p++)
		EACH(ix, SCAN_SIDE_AFTER, m)
			if (p[1] == (*m)->marker[1] && p[0] == (*m)->marker[0] &&
			    strncmp(p, (*m)->marker, (*m)->len) == 0) {
				*len = (*m)->len;
				return p;
			}
	return NULL;
}

/* The length of the lead-in marker that text starts with (any case), or 0:
 * a label written again before the enhanced code ("ERROR_CODE :550,
 * ERROR_CODE :5.1.1"). */
size_t smtpcode__lead_in_at(const struct scan_index *ix, const char *text)
{
	EACH(ix, SCAN_LEAD_IN, m)
		if (scan_starts_with(text, (*m)->marker))
			return (*m)->len;
	return 0;
}

/* Nonzero if line holds, before p, the sending MTA's own status (a valid
 * enhanced code, subject 0 to 7, then a blank) after a SCAN_STATUS_BEFORE
 * marker; the code in *code. */
int smtpcode__status_before(const struct scan_index *ix, const char *line, const char *p,
                            struct smtpcode_enhanced_code *code)
{
	const struct scan_pairs *pp = scan_covering(ix, line);

	EACH_HELD(ix, pp, SCAN_STATUS_BEFORE, m) {
		const char *q;
		size_t len;
		for (q = scan_find_held(pp, line, *m); q != NULL && q < p; q = strstr(q, (*m)->marker)) {
			q += (*m)->len;
			if (smtpcode__enhanced_at(q, code, &len) == SCAN_TOKEN_ENHANCED &&
			    q[len] == ' ' && code->subject <= 7)
				return 1;
		}
	}
	return 0;
}

/* The length of the longest marker of role that ends at end in line. */
static size_t marker_ending_at(const struct scan_index *ix, enum scan_role role, const char *line,
                               const char *end)
{
	size_t best = 0;

	EACH(ix, role, m)
		if ((size_t)(end - line) >= (*m)->len && (*m)->len > best &&
		    strncmp(end - (*m)->len, (*m)->marker, (*m)->len) == 0)
			best = (*m)->len;
	return best;
}

/* smtpcode__prefix_after, but of two markers that end at the same place the
 * longer decides: InterScan MSS's "Sent <<< RCPT TO:<a>" is the client's
 * (" <<< " alone, the server's), its "Received >>> 550 ..." the server's. */
enum scan_role smtpcode__prefix_after_longest(const struct scan_index *ix, const char *line,
                                              const char **start)
{
	enum scan_role r = smtpcode__prefix_after(ix, line, start);

	if (r == SCAN_SERVER_AFTER &&
	    marker_ending_at(ix, SCAN_CLIENT_AFTER, line, *start) >
	            marker_ending_at(ix, SCAN_SERVER_AFTER, line, *start))
		return SCAN_CLIENT_AFTER;
	return r;
}

/* Nonzero if line opens a SCAN_JSON_OBJECT ("\"delivery-status\": {"). */
int smtpcode__json_object(const struct scan_index *ix, const char *line)
{
	EACH(ix, SCAN_JSON_OBJECT, m)
		if (strstr(line, (*m)->marker))
			return 1;
	return 0;
}
