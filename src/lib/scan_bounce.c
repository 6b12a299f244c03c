/* scan_bounce.c - the readers of bounce and NDR lines that hold no reply
 * at a reply position (scan_reply.c's other_line tries them): a line that
 * starts with an enhanced code ("Reason: 5.1.1 ..."), the sending MTA's own
 * status (qmail's "(#5.1.2)"), a connection failure with no reply (issue
 * 14), a reply that stands in a table's column, and qmail-send's log lines
 * (rewritten to be read as its bounce is). */
#include "scan.h"
#include "scan_pairs.h"

#include <string.h>

/* The number of blanks at the start of line. */
static size_t indentation(const char *line)
{
	return (size_t)(scan_skip_spaces(line) - line);
}

/* Nonzero if line starts with a status, " - " and words, the form of Cisco
 * Secure Email's (IronPort's) bounce: "5.1.0 - Unknown address error
 * 550-'5.1.1 <a>... User unknown'" (its DSN writes the same after "smtp;"). */
static int status_then_quote(const char *line)
{
	struct smtpcode_enhanced_code c;
	const char *p = scan_skip_spaces(line);
	size_t len;

	return smtpcode__enhanced_at(p, &c, &len) == SCAN_TOKEN_ENHANCED &&
	       scan_starts_with(p + len, " - ") && (strstr(p, "-'") || strstr(p, "-\""));
}

/* A line of text that starts with an enhanced code and no basic code, after
 * a lead-in on the line ("Reason: 5.1.1 ...") or on a line just before
 * (Exim's "SMTP error from remote server after RCPT command:"). */
int smtpcode__enhanced_first(struct scan *s, const char *line)
{
	struct smtpcode_enhanced_code c;
	const char *p;
	size_t len;

	if (!scan_may_hold_enhanced(scan_covering(&s->formats, line)))
		return 0; /* no enhanced code: most lines, at once */
	p = smtpcode__enhanced_lead(&s->formats, line);
	if (!p && (s->after_lines > 0 || status_then_quote(line)))
		p = scan_skip_spaces(line);
	if (!p || smtpcode__enhanced_at(p, &c, &len) != SCAN_TOKEN_ENHANCED)
		return 0;
	smtpcode__reply_start(&s->reply, s->line);
	s->reply.command = s->after_lines > 0 ? s->after_command
	                                      : smtpcode__command_in(&s->formats, line);
	s->after_lines = 0;
	smtpcode__add_enhanced(&s->reply, &c);
	if (!smtpcode__quoted_after_status(&s->reply, p + len))
		smtpcode__reply_text(&s->reply, p, strlen(p));
	smtpcode__who_open(s, &s->reply, line, p, 0);
	s->pending = 1;
	s->pending_server = s->pending_inline = 0;
	s->unclosed = !s->reply.text[0]; /* the code ended the line (Thunderbird's
	                                  * "responded: 4.2.2"): the next goes on */
	s->reply_indent = indentation(line) + 1; /* a deeper line continues it */
	return 1;
}

/* qmail's own status on a line with no reply ("Sorry, ... (#5.1.2)"): a
 * reply without a basic code, like a DSN's Status: field. */
int smtpcode__status_tag_line(struct scan *s, const char *line)
{
	struct smtpcode_enhanced_code c;

	if (!scan_may_hold_enhanced(scan_covering(&s->formats, line)) ||
	    !smtpcode__status_tag(&s->formats, line, &c))
		return 0;
	smtpcode__reply_start(&s->reply, s->line);
	s->reply.outcome = smtpcode__outcome_in(&s->formats, line); /* qmail-send's log */
	smtpcode__add_enhanced(&s->reply, &c);
	smtpcode__append_text(&s->reply, line, strlen(line));
	smtpcode__who_open(s, &s->reply, line, NULL, 0);
	s->pending = 1;
	s->pending_server = s->pending_inline = s->unclosed = 0;
	s->reply_indent = (size_t)-1; /* no line continues it */
	return 1;
}

/* A connection-level failure, no SMTP reply ("connect to mx[ip]:25:
 * Connection refused", "stat=Deferred: Connection refused by mx"): a reply
 * with no code, the outcome the line says, the failure as its text. */
int smtpcode__connection_line(struct scan *s, const char *line, enum smtpcode_outcome outcome)
{
	const char *why = smtpcode__connection_failure(&s->formats, line,
	                                               outcome != SMTPCODE_OUTCOME_NONE);
	size_t n;

	if (!why)
		return 0;
	n = strlen(why);
	if (n > 0 && why[n - 1] == ')' && !memchr(why, '(', n)) /* "status=deferred (...)" */
		n--;
	smtpcode__reply_start(&s->reply, s->line);
	s->reply.outcome = outcome == SMTPCODE_OUTCOME_NONE && scan_starts_with(why, "Deferred:")
	                           ? SMTPCODE_OUTCOME_DEFERRED
	                           : outcome;
	smtpcode__append_text(&s->reply, why, n);
	s->pending = 1;
	s->pending_server = s->pending_inline = s->unclosed = 0;
	s->reply_indent = indentation(line) + 1; /* a deeper line continues it */
	return 1;
}

/* Nonzero if the code at p stands in a column of a table: three blanks or
 * a tab part it from the words before it on the line ("wes@example.com
 * hard          550 5.1.1 User unknown", a bounce report's rows). */
int smtpcode__in_column(const char *line, const char *p)
{
	const char *q = scan_skip_spaces(line), *gap;

	if (q >= p)
		return 0;
	gap = strstr(q, "   ");
	return (gap && gap < p) || memchr(q, '\t', (size_t)(p - q)) != NULL;
}

void smtpcode__status_first(const struct scan *s, struct smtpcode_reply *r, const char *line,
                            const char *p)
{
	struct smtpcode_enhanced_code c;
	size_t i;

	if (!smtpcode__status_before(&s->formats, line, p, &c))
		return;
	for (i = 0; i < r->enhanced_count; i++)
		if (r->enhanced[i].reply_class == c.reply_class && r->enhanced[i].subject == c.subject &&
		    r->enhanced[i].detail == c.detail)
			return;
	if (r->enhanced_count == SMTPCODE_REPLY_ENHANCED_MAX)
		r->enhanced_count--;
	memmove(r->enhanced + 1, r->enhanced, r->enhanced_count * sizeof r->enhanced[0]);
	r->enhanced[0] = c;
	r->enhanced_count++;
	r->direct = 0; /* the first code no longer follows the basic one */
}

/* The string value of a JSON member "name": "value" that body starts with,
 * its length in *n; NULL if body starts with no such member. */
static const char *member_value(const char *body, const char *name, size_t *n)
{
	size_t len = strlen(name);
	const char *v, *end;

	if (body[0] != '"' || strncmp(body + 1, name, len) != 0 || body[len + 1] != '"')
		return NULL;
	v = scan_skip_spaces(body + len + 2);
	if (*v != ':')
		return NULL;
	v = scan_skip_spaces(v + 1);
	if (*v != '"' || (end = smtpcode__closing_quote(v + 1, '"')) == NULL)
		return NULL;
	*n = (size_t)(end - v - 1);
	return v + 1;
}

int smtpcode__json_code(struct scan *s, const char *line)
{
	const char *p = scan_skip_spaces(line);

	if (strchr(line, '{') && smtpcode__json_object(&s->formats, line)) { /* '{': rare */
		s->json_until = s->line + 12; /* its members follow, one a line */
		return 0;
	}
	if (s->line > s->json_until || !scan_starts_with(p, "\"code\":"))
		return 0;
	p = scan_skip_spaces(p + 7);
	if (!scan_is_digit(p[0]) || !scan_is_digit(p[1]) || !scan_is_digit(p[2]) ||
	    (p[3] && !strchr(",} ", p[3])) || p[0] < '2' || p[0] > '5')
		return 0;
	smtpcode__reply_start(&s->reply, s->line);
	s->reply.basic = (p[0] - '0') * 100 + (p[1] - '0') * 10 + (p[2] - '0');
	smtpcode__who_open(s, &s->reply, line, NULL, 0); /* "recipient": "u@a" above */
	s->pending = 1;
	s->json_member = 1;
	s->json_until = 0; /* one code an object */
	s->pending_server = s->pending_inline = s->unclosed = s->multiline = 0;
	s->reply_indent = (size_t)-1; /* only its members continue it */
	return 1;
}

int smtpcode__json_member(struct scan *s, const char *body)
{
	struct smtpcode_enhanced_code c;
	const char *v;
	size_t n, len;

	if ((v = member_value(body, "message", &n)) != NULL)
		smtpcode__reply_text(&s->reply, v, n);
	else if ((v = member_value(body, "enhanced-code", &n)) != NULL &&
	         smtpcode__enhanced_at(v, &c, &len) == SCAN_TOKEN_ENHANCED && len == n)
		smtpcode__add_enhanced(&s->reply, &c);
	else
		return body[0] == '"'; /* another member: the object goes on */
	s->reply.last_line = s->line;
	return 1;
}

/* The detail of qmail-send's log line "delivery 5: failure: DETAIL" (also
 * "success:" and "deferral:"; after its time stamp, "@4000..." or
 * "1054194596.057500"), or NULL. */
static char *delivery_detail(char *text)
{
	static const char *const results[] = { "success: ", "failure: ", "deferral: " };
	char *p = text;
	size_t i;

	while ((p = strstr(p, "delivery ")) != NULL) {
		char *q = p += 9;
		while (scan_is_digit(*q))
			q++;
		if (q == p || q[0] != ':' || q[1] != ' ')
			continue;
		for (i = 0; i < sizeof results / sizeof results[0]; i++)
			if (strncmp(q + 2, results[i], strlen(results[i])) == 0)
				return q + 2 + strlen(results[i]);
	}
	return NULL;
}

/* Nonzero if the words at p up to the next '/' hold a blank: a sentence
 * of the report ("Giving up on ..."), not a path ("/help/Blocked.html"). */
static int sentence_after(const char *p)
{
	size_t n = strcspn(p, "/");

	return memchr(p, ' ', n) != NULL;
}

/* qmail-send logs the report of a delivery on one line: logsafe() writes
 * each unsafe byte (a blank among them) as '_', and the report's line
 * breaks are '/' ("130.57.1.11_does_not_like_recipient./Remote_host_said:
 * _550_5.1.1_..._User_unknown/Giving_up_on_130.57.1.11./"; qmail's
 * qmail-send.c, qsutil.c). The detail is rewritten as text: blanks again,
 * a break ('/' at the end, or after '.' or before a capital when a
 * sentence follows: a URL's '/' stays) a blank, the
 * line cut after the remote reply ("Remote host said: ..."), and the
 * command that the sentence before it names kept for the reply. */
void smtpcode__qmail_delivery(struct scan *s, struct scan_line *l)
{
	const struct scan_pairs *pp = scan_covering(&s->formats, l->text);
	char *d = l->kind == SCAN_LINE_TEXT && (!pp || scan_may_hold(pp, "delivery ", 9)) &&
	                  memchr(l->text, '_', l->len)
	                  ? delivery_detail(l->text)
	                  : NULL;
	char *p, *said = NULL;
	const char *command;

	if (!d)
		return;
	s->formats.pairs = NULL; /* the line's pairs were another text's */
	for (p = d; *p; p++)
		if (*p == '_')
			*p = ' ';
	for (p = d; *p; p++) {
		if (*p != '/' || !(p[1] == '\0' || (sentence_after(p + 1) && ((p > d && p[-1] == '.') ||
		                                                            (p[1] >= 'A' && p[1] <= 'Z')))))
			continue;
		if (said) { /* the remote reply ends here */
			*p = '\0';
			l->len = (size_t)(p - l->text);
			break;
		}
		*p = ' ';
		if (scan_starts_with(p + 1, "Remote host said: "))
			said = p + 1;
	}
	if (said && (command = smtpcode__command_before(&s->formats, d)) != NULL) {
		s->after_command = command; /* "does not like recipient." before it */
		s->after_lines = 2;         /* this line (reply_line counts it down) */
	}
}
