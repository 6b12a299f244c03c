/* scan_dsn.c - RFC 3464 per-recipient groups ("Final-Recipient:",
 * "Action:", "Status:", "Diagnostic-Code:" ...): one reply per group,
 * from its Status line to the end of its Diagnostic-Code field. */
#include "scan.h"

#include <stdio.h>
#include <string.h>

/* Each name with its length: a line's first word is compared only with
 * the names of its length. */
#define FIELD(f, name) [f] = { name, sizeof(name) - 1 }
static const struct {
	const char *name;
	size_t len;
} field_names[] = {
	FIELD(DSN_FINAL_RECIPIENT, "Final-Recipient:"),
	FIELD(DSN_ORIGINAL_RECIPIENT, "Original-Recipient:"),
	FIELD(DSN_ACTION, "Action:"),
	FIELD(DSN_STATUS, "Status:"),
	FIELD(DSN_REMOTE_MTA, "Remote-MTA:"),
	FIELD(DSN_DIAGNOSTIC_CODE, "Diagnostic-Code:"),
	FIELD(DSN_LAST_ATTEMPT_DATE, "Last-Attempt-Date:"),
	FIELD(DSN_WILL_RETRY_UNTIL, "Will-Retry-Until:"),
	FIELD(DSN_X_POSTFIX_SENDER, "X-Postfix-Sender:"),
	FIELD(DSN_X_ACTUAL_RECIPIENT, "X-Actual-Recipient:"),
};
_Static_assert(sizeof field_names / sizeof field_names[0] == DSN_FIELD_COUNT,
               "a name for each DSN field");

/* The field line starts with (any case), or DSN_NOT_A_FIELD. A name is
 * letters and '-' up to its ':', so only a line whose first run of those
 * ends at a ':' can start with one, and only with a name of that length:
 * most lines are done at their first blank. */
enum dsn_field smtpcode__dsn_field(const char *line)
{
	size_t n = 0;
	int f;

	while (line[n] == '-' || (scx_lower((unsigned char)line[n]) >= 'a' &&
	                          scx_lower((unsigned char)line[n]) <= 'z'))
		n++;
	if (line[n] != ':')
		return DSN_NOT_A_FIELD;
	for (f = 0; f < DSN_FIELD_COUNT; f++)
		if (field_names[f].len == n + 1 && scan_starts_with(line, field_names[f].name))
			return (enum dsn_field)f;
	return DSN_NOT_A_FIELD;
}

/* Nonzero if the line belongs to a DSN group: a field, or the continuation
 * of one while a group is open. */
int smtpcode__dsn_takes(const struct scan *s, const struct scan_line *l)
{
	return smtpcode__dsn_field(l->text) != DSN_NOT_A_FIELD || (s->dsn.open && l->indented);
}

/* A reply quoted after a leading status (kind 8 of issue 13: "5.1.0 -
 * Unknown address error 550-'5.7.1 <a>... Refused here' (delivery
 * attempts: 0)"): a code at a word start, then "-" or a blank, then a
 * quote. Reads it into r (its text up to the last such quote) and returns
 * nonzero; 0 if d holds none. */
int smtpcode__quoted_after_status(struct smtpcode_reply *r, const char *d)
{
	const char *p, *end;
	char sep, quote;

	for (p = d; *p; p++) { /* d follows the status: d[-1] is readable */
		int code;
		if (p[-1] != ' ' || !(code = scan_code_at(p, &sep)) || !sep ||
		    (p[4] != '\'' && p[4] != '"'))
			continue;
		quote = p[4];
		end = strrchr(p + 5, quote);
		r->basic = code;
		smtpcode__reply_text(r, p + 5, end ? (size_t)(end - p - 5) : strlen(p + 5));
		return 1;
	}
	return 0;
}

/* The reply of a Diagnostic-Code value: "smtp; 550 5.1.1 ..." (the code may
 * follow the type directly), a leading status and a quoted reply ("smtp;
 * 5.1.0 - Unknown address error 550-'5.7.1 ...'"), or only text (its
 * leading enhanced code read). */
static void read_diagnostic(const struct scan *s, struct smtpcode_reply *r, const char *d)
{
	const char *semi = strchr(d, ';'), *p = NULL, *t;
	struct smtpcode_enhanced_code c;
	int code = 0;
	size_t len;
	char sep = 0;

	if (d[0])
		p = smtpcode__find_embedded(&s->formats, d, 0, &code, &sep);
	if (!p && semi && (code = scan_code_at(scan_skip_spaces(semi + 1), &sep)) != 0)
		p = scan_skip_spaces(semi + 1);
	if (p) {
		const char *text = p + (sep ? 4 : 3);
		r->basic = code;
		smtpcode__reply_text(r, text, smtpcode__reply_text_len(&s->formats, d, p, text));
		return;
	}
	if (!d[0])
		return;
	t = scan_skip_spaces(semi ? semi + 1 : d);
	if (smtpcode__enhanced_at(t, &c, &len) == SCAN_TOKEN_ENHANCED) {
		smtpcode__add_enhanced(r, &c);
		if (smtpcode__quoted_after_status(r, t + len))
			return;
		t = scan_skip_spaces(t + len);
	}
	smtpcode__append_text(r, t, strlen(t));
}

void smtpcode__dsn_flush(struct scan *s)
{
	struct scan_dsn *g = &s->dsn;
	struct smtpcode_reply *r = &g->reply;

	if (!g->open)
		return;
	g->open = 0;
	read_diagnostic(s, r, g->diagnostic);
	if (g->has_status)
		smtpcode__add_enhanced(r, &g->status);
	/* The reply spans the Status line to the end of the Diagnostic-Code. */
	r->first_line = g->status_line ? g->status_line : g->diag_first;
	if (g->diag_first && g->diag_first < r->first_line)
		r->first_line = g->diag_first;
	r->last_line = g->diag_last ? g->diag_last : g->status_line;
	if ((r->basic || r->enhanced_count) && r->first_line)
		smtpcode__emit(s, r, 1);
}

static void open_group(struct scan *s)
{
	struct scan_dsn *g = &s->dsn;

	g->open = 1;
	smtpcode__reply_start(&g->reply, s->line);
	g->diagnostic[0] = '\0';
	g->has_status = 0;
	g->status_line = g->diag_first = g->diag_last = 0;
}

/* Takes a DSN field line, or the continuation of one. */
void smtpcode__dsn_line(struct scan *s, const struct scan_line *l)
{
	struct scan_dsn *g = &s->dsn;
	enum dsn_field f = smtpcode__dsn_field(l->text);
	const char *v;
	size_t len;

	if (f == DSN_NOT_A_FIELD) {
		if (g->field == DSN_DIAGNOSTIC_CODE) {
			len = strlen(g->diagnostic);
			snprintf(g->diagnostic + len, sizeof g->diagnostic - len, " %s",
			         scan_skip_spaces(l->text));
			g->diag_last = s->line;
		}
		return;
	}
	/* A new recipient closes the group before it. */
	if ((f == DSN_FINAL_RECIPIENT || f == DSN_ORIGINAL_RECIPIENT) && g->open &&
	    (g->has_status || g->diagnostic[0]))
		smtpcode__dsn_flush(s);
	if (!g->open)
		open_group(s);
	g->field = f;
	v = scan_skip_spaces(strchr(l->text, ':') + 1);
	if (f == DSN_ACTION) {
		enum smtpcode_outcome o = smtpcode__dsn_action(&s->formats, v);
		if (o != SMTPCODE_OUTCOME_NONE)
			g->reply.outcome = o;
		s->outcomes[g->reply.outcome]++;
	} else if (f == DSN_STATUS) {
		g->has_status = smtpcode__enhanced_at(v, &g->status, &len) == SCAN_TOKEN_ENHANCED;
		if (g->has_status)
			g->status_line = s->line;
	} else if (f == DSN_DIAGNOSTIC_CODE) {
		snprintf(g->diagnostic, sizeof g->diagnostic, "%s", v);
		g->diag_first = g->diag_last = s->line;
	}
	smtpcode__who_dsn_field(s, f, v);
}
