/* scan_text.c - the scanner's readers of a reply's text: enhanced codes
 * (the smaller readers are inline in scan.h), a reply inside other text
 * and where its text ends (a closing quote, a field, a stack frame), the
 * joins and continuation prefixes of a flattened multi-line reply, and the
 * replies quoted inside a reply's text. */
#include "scan.h"

#include <string.h>

/* The text of a code followed by punctuation ("550: 5.1.1", "552; 5.2.2",
 * "(554): 5.7.1", Python's "(550, b'5.1.1"): where its enhanced code starts
 * after the punctuation, blanks and a quote; NULL if no enhanced code does.
 * p is at the code's first digit. */
const char *smtpcode__punct_text(const char *p)
{
	struct smtpcode_enhanced_code c;
	const char *q = p + 3;
	size_t len;

	if (!strchr(",:;)", *q))
		return NULL;
	while (*q && strchr(",:;) ", *q) && q - p < 6)
		q++;
	if (*q == 'b' && q[1] == '\'')
		q++;
	if (*q == '\'' || *q == '"')
		q++;
	return smtpcode__enhanced_at(q, &c, &len) == SCAN_TOKEN_ENHANCED ? q : NULL;
}

/* The length of a part of an enhanced code at p as RFC 3463 writes one:
 * 1 to 3 digits, no leading zero; 0 if p holds none. */
static size_t code_part(const char *p, int *value)
{
	size_t n = 0;

	while (n < 4 && scan_is_digit(p[n]))
		n++;
	if (n == 0 || n > 3 || (n > 1 && p[0] == '0'))
		return 0;
	*value = n == 1 ? p[0] - '0' : n == 2 ? (p[0] - '0') * 10 + (p[1] - '0')
	                                     : (p[0] - '0') * 100 + (p[1] - '0') * 10 + (p[2] - '0');
	return n;
}

/* A malformed one (5.01.1, 6.1.1, 5.1.1000) is reported as such. */
enum scan_token smtpcode__enhanced_at(const char *p, struct smtpcode_enhanced_code *code,
                                      size_t *len)
{
	char tok[32];
	size_t n = 0, dots = 0, a, b;
	int subject, detail;

	/* The common form at once ("5.1.1 ", "2.0.0)"): what the general
	 * reading below gives it, without copying and parsing the token. */
	if ((p[0] == '2' || p[0] == '4' || p[0] == '5') && p[1] == '.' &&
	    (a = code_part(p + 2, &subject)) != 0 && p[2 + a] == '.' &&
	    (b = code_part(p + 3 + a, &detail)) != 0) {
		char end = p[3 + a + b];
		if (end == '\0' || end == ' ' || end == ',' || end == ')' || end == ';' ||
		    end == '>' || end == ']' || end == '\t' || end == '\'' || end == '"' ||
		    (end == ':' && (p[4 + a + b] == ' ' || p[4 + a + b] == '\0'))) {
			code->reply_class = p[0] - '0';
			code->subject = subject;
			code->detail = detail;
			*len = 3 + a + b;
			return SCAN_TOKEN_ENHANCED;
		}
	}

	while ((scan_is_digit(p[n]) || p[n] == '.') && n < sizeof tok - 1) {
		dots += p[n] == '.';
		n++;
	}
	if (n == 0 || dots != 2 || !scan_is_digit(p[0]) || p[n - 1] == '.')
		return SCAN_TOKEN_NONE;
	if (p[n] && !strchr(" \t;,)>'\"]", p[n]) &&
	    !(p[n] == ':' && (p[n + 1] == ' ' || p[n + 1] == '\0'))) /* "250 2.0.0: Ok" */
		return SCAN_TOKEN_NONE;
	memcpy(tok, p, n);
	tok[n] = '\0';
	*len = n;
	return smtpcode_parse_enhanced(tok, code, NULL) == SMTPCODE_PARSE_OK ? SCAN_TOKEN_ENHANCED
	                                                                      : SCAN_TOKEN_MALFORMED;
}

int smtpcode__enhanced_next(const char *p)
{
	struct smtpcode_enhanced_code c;
	size_t len;

	return smtpcode__enhanced_at(scan_skip_spaces(p), &c, &len) == SCAN_TOKEN_ENHANCED;
}

int smtpcode__colon_code(const char *p, char *sep)
{
	size_t first;
	int code;

	if (p[0] < '4' || p[0] > '5' || !scan_is_digit(p[1]) || !scan_is_digit(p[2]) ||
	    p[3] != ':' || p[4] != ' ')
		return 0;
	code = (p[0] - '0') * 100 + (p[1] - '0') * 10 + (p[2] - '0');
	p = scan_skip_spaces(p + 4);
	if (scx_lower((unsigned char)*p) < 'a' || scx_lower((unsigned char)*p) > 'z' ||
	    smtpcode_find(code, &first, NULL) != 0)
		return 0; /* "404: Not Found", "450: 12 more": no reply */
	*sep = ':';
	return code;
}

int smtpcode__concat_end(const char *line)
{
	size_t n = strlen(line);

	while (n > 0 && (line[n - 1] == ' ' || line[n - 1] == '\t'))
		n--;
	if (n < 3 || line[n - 1] != '+')
		return 0;
	n--;
	while (n > 0 && (line[n - 1] == ' ' || line[n - 1] == '\t'))
		n--;
	return n > 0 && (line[n - 1] == '\'' || line[n - 1] == '"');
}

/* The quote that closes a quoted reply's text: for '"' the first one that
 * is not escaped with a backslash and not followed by a letter or digit
 * (JSON's "reason":"554 5.7.1 Blocked","status"), for a single quote the
 * last one on the line (Exchange's '550 5.1.1 User 'x' unknown'). NULL if
 * there is none. */
const char *smtpcode__closing_quote(const char *text, char quote)
{
	const char *q;

	if (quote == '\'')
		return strrchr(text, quote);
	for (q = text; (q = strchr(q, quote)) != NULL; q++)
		if ((q == text || q[-1] != '\\') && !scan_is_alnum(q[1]))
			return q;
	return NULL;
}

/* Removes the joins of a flattened multi-line reply (Exim's "\n550-5.7.1 ",
 * a Go log's "\r\n550 5.7.1 ") from the text, keeping their codes. */
void smtpcode__drop_joins(const struct scan_index *ix, struct smtpcode_reply *r)
{
	char *p, sep;
	size_t mark;

	while ((p = (char *)smtpcode__join_in(ix, r->text, &mark)) != NULL) {
		size_t skip = mark;
		if (scan_code_at(p + mark, &sep) && sep) {
			size_t len;
			skip = mark + 4;
			if ((len = smtpcode__reply_code(r, p + skip)) != 0)
				skip += len + (p[skip + len] == ' ');
		}
		p[0] = ' ';
		memmove(p + 1, p + skip, strlen(p + skip) + 1);
	}
}

/* Nonzero if text (after "554-") is a two-line banner flattened into one:
 * one word, then the same code and a blank ("mx.example.net 554 Your
 * access ...", MailEnable's "The server returned:"): the reply is whole. */
int smtpcode__banner_end(const char *text, int code)
{
	const char *p = strchr(text, ' ');
	char sep = 0;

	return p && p > text && scan_code_at(p + 1, &sep) == code && sep == ' ';
}

/* Removes the continuation prefixes left inside a joined text (Postfix
 * flattens "550-5.7.26 a" / "550-5.7.26 b" into "a 550-5.7.26 b"): the
 * reply's own code after a blank, followed by "-" or by an enhanced code,
 * but not a reply quoted after "-> " (see smtpcode__quoted_replies) or "; ". */
void smtpcode__drop_prefixes(struct smtpcode_reply *r)
{
	char *p, sep = 0, first = (char)('0' + r->basic / 100 % 10);

	if (!r->basic || !r->text[0])
		return;
	/* from one byte that may start the code (its first digit) to the next */
	for (p = r->text + 1; (p = strchr(p, first)) != NULL; p++) {
		size_t skip, len;
		if (p[-1] != ' ' || scan_code_at(p, &sep) != r->basic || !sep ||
		    (p - r->text >= 2 && p[-2] == ';') || /* Exchange's "smtp; 550 5.1.1" */
		    (p - r->text >= 3 && p[-3] == '-' && p[-2] == '>'))
			continue;
		len = smtpcode__reply_code(r, p + 4);
		if (sep == ' ' && !len && !smtpcode__banner_end(r->text, r->basic))
			continue;
		skip = 4 + len + (len && p[4 + len] == ' ');
		memmove(p, p + skip, strlen(p + skip) + 1);
		p--;
	}
}

/* Where the walks for a code stop (quoted_replies, find_embedded): a
 * code's first digit, 1 to 5, and the text's end; one load and one test a
 * byte. */
static const unsigned char code_stop[256] = {
	[0] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1,
};

/* A reply quoted inside the text of another, at a word start after '<', a
 * quote or "-> ", with its enhanced code ("Gave up.<421 4.4.2 timed out>",
 * "remote said \"550 5.1.1 ...\"", "expired -> 451 4.4.0 ..."): kept in
 * s->inner (room for two per reply) to be given after the outer one, with
 * quoted set. text[n] is what line holds of the outer reply's text. */
void smtpcode__quoted_replies(struct scan *s, const char *text, size_t n, unsigned long line)
{
	const char *p, *end = text + n;

	if (n <= 5) /* no room for a code after an opener: text[1] may be the end */
		return;
	/* from one byte that may start a code (1 to 5) to the next */
	for (p = text + 1; (p = scan_first_stop(code_stop, p)) + 4 < end && *p && s->inner_count < 2; p++) {
		struct smtpcode_enhanced_code c;
		struct smtpcode_reply *in;
		const char *stop = end, *q;
		size_t len;
		char sep, open = p[-1];
		int code;
		if (*p < '1' || *p > '5' ||
		    !(open == '<' || open == '"' || open == '\'' ||
		      (open == ' ' && p - text >= 3 && p[-3] == '-' && p[-2] == '>')))
			continue;
		if (!(code = scan_code_at(p, &sep)) || sep == '\0' ||
		    smtpcode__enhanced_at(p + 4, &c, &len) != SCAN_TOKEN_ENHANCED)
			continue;
		if (open == '<')
			q = memchr(p, '>', (size_t)(end - p));
		else if (open == ' ')
			q = NULL;
		else
			q = smtpcode__closing_quote(p, open);
		if (q && q < end)
			stop = q;
		in = &s->inner[s->inner_count++];
		smtpcode__reply_start(in, line);
		in->basic = code;
		in->quoted = 1;
		smtpcode__reply_text(in, p + 4, (size_t)(stop - p - 4));
		p = stop - 1;
	}
}

/* Nonzero if line starts with a field whose value has a type ("Remote
 * system: dns;mx.example.org", "Remote-MTA: dns; ..."): the fields of an
 * NDR or DSN that follow a reply, never its text. */
int smtpcode__field_line(const char *line)
{
	const char *p = line;

	while (scan_is_alnum(*p) || *p == '-' || (*p == ' ' && p > line && p[-1] != ' '))
		p++;
	if (p == line || p - line > 40 || p[0] != ':' || p[1] != ' ')
		return 0;
	for (line = p = scan_skip_spaces(p + 1); scan_is_alnum(*p) || *p == '-'; p++)
		;
	return p > line && *p == ';';
}

/* Nonzero if line is a frame of a stack trace ("at Foo.bar(Foo.java:12)",
 * Node's "at Conn._formatError (/srv/a.js:790:19)", .NET's "at X.Send() in
 * C:\\a.cs:line 550", Ruby's "/gems/smtp.rb:1083:in `check_response'",
 * Python's "File \"smtplib.py\", line 890"): never a reply's text. */
int smtpcode__frame_line(const char *line)
{
	if (line[0] == 'a' && line[1] == 't' && line[2] == ' ' && line[3] != ' ')
		return strchr(line, '(') != NULL;
	if (scan_starts_with(line, "File \""))
		return strstr(line, "\", line ") != NULL;
	return strstr(line, ":in `") != NULL;
}

/* ---- Replies inside other text ------------------------------------------- */

/* A code followed by punctuation and an enhanced code ("550: 5.1.1"):
 * *code and *sep (the punctuation) set; 0 if there is none at p. */
static int scan_code_at_punct(const char *p, int *code, char *sep)
{
	if (!scan_is_digit(p[1]) || !scan_is_digit(p[2]) || !smtpcode__punct_text(p))
		return 0;
	*code = (p[0] - '0') * 100 + (p[1] - '0') * 10 + (p[2] - '0');
	*sep = p[3];
	return 1;
}

/*
 * Finds a reply inside a line of other text. A code counts only at a word
 * start and when it is followed by an enhanced code (550 5.1.1) or follows a
 * lead-in ("said: 550"), or a colon when colon_lead is set (the line after
 * Exim's "after RCPT TO:<a>:"): dates, addresses, sizes and ports never do.
 * Returns a pointer to the code, or NULL.
 */
const char *smtpcode__find_embedded(const struct scan_index *ix, const char *line,
                                    int colon_lead, int *code, char *sep)
{
	const char *colon_after = line, *p;
	int colon_known = colon_lead; /* colon_after is looked up once a code needs it */

	/* the first byte that may start a code by the C library's search (most
	 * lines hold none, or few) */
	if ((p = strpbrk(line, "12345")) == NULL)
		return NULL;
	for (; *p; p = scan_first_stop(code_stop, p + 1)) {
		struct smtpcode_enhanced_code c;
		size_t len;
		if (p > line && !scan_starts_code(p[-1]))
			continue;
		*code = scan_code_at(p, sep);
		if (!*code && scan_code_at_punct(p, code, sep))
			return p;
		if (!*code && scan_is_digit(p[1]) && scan_is_digit(p[2]) && p[3] &&
		    strchr(",:;", p[3]) && smtpcode__after_lead_in(ix, line, p, NULL)) {
			*code = (p[0] - '0') * 100 + (p[1] - '0') * 10 + (p[2] - '0');
			*sep = p[3]; /* "ResponseCode 421, , Host not reachable" */
			return p;
		}
		if (!*code)
			continue;
		if ((*sep == ' ' || *sep == '-') &&
		    smtpcode__enhanced_at(p + 4, &c, &len) != SCAN_TOKEN_NONE)
			return p;
		if (!colon_known)
			colon_after = smtpcode__colon_lead_in(ix, line), colon_known = 1;
		if (smtpcode__after_lead_in(ix, line, p, colon_after))
			return p;
	}
	return NULL;
}

/* The end of a reply's text: before " (in reply to" (Postfix), before the
 * closing quote when the code follows one (Exchange's "returned '...'"), or
 * at the end of the line. code is where the reply's code stands. */
size_t smtpcode__reply_text_len(const struct scan_index *ix, const char *line,
                                const char *code, const char *text)
{
	const char *end = smtpcode__text_end(ix, text, 1);
	size_t n = end ? (size_t)(end - 1 - text) : strlen(text);

	char quote = smtpcode__opening_quote(line, code);

	if (quote) {
		const char *q = smtpcode__closing_quote(text, quote);
		if (q && (size_t)(q - text) < n)
			n = (size_t)(q - text);
	}
	return n;
}

char smtpcode__opening_quote(const char *line, const char *code)
{
	const char *open = code;

	/* the quote may open before a type: JSON's "diagnosticCode":"smtp; 550 ..." */
	while (open > line && code - open < 8 && (scan_is_alnum(open[-1]) || open[-1] == ';' ||
	                                          open[-1] == ' '))
		open--;
	if (open > line && (open == code || open[-1] == '"') &&
	    (open[-1] == '\'' || open[-1] == '"'))
		return open[-1];
	return 0;
}
