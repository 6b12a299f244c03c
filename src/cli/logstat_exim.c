/* logstat_exim.c - Exim main log lines, counted as eximstats counts them. */
#include "logstat_text.h"

#include <string.h>

static int is_alnum(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The length of an Exim message id at s ("1tXyZa-000AbC-Ab", or Exim 4.97's
 * "1tXyZa-0000000AbC-Ab"), or 0. */
static size_t message_id(const char *s, size_t n)
{
	static const size_t shapes[2][3] = { { 6, 6, 2 }, { 6, 11, 4 } };
	size_t k, part, i, at;

	for (k = 0; k < 2; k++) {
		for (part = 0, at = 0; part < 3; part++) {
			for (i = 0; i < shapes[k][part] && at < n && is_alnum(s[at]); i++)
				at++;
			if (i < shapes[k][part] || (part < 2 && (at >= n || s[at++] != '-')))
				break;
		}
		if (part == 3 && (at == n || s[at] == ' '))
			return at;
	}
	return 0;
}

/* Whether a refusal is temporary, as eximstats sorts its "Temp Rejects"
 * from its "Rejects": "temporarily rejected RCPT ...", "temporarily
 * refused connection", but not "message temporarily rejected" at the end
 * of a local_scan() line, nor a SpamAssassin one. */
static int temporary(const char *s, size_t n)
{
	const char *p = ls_find(s, n, "temporarily re");

	if (!p || ls_find(s, n, "SpamAssassin"))
		return 0;
	p += 14;
	n -= (size_t)(p - s);
	return (ls_starts(p, n, "jected") && n > 7 && p[6] == ' ') ||
	       ls_starts(p, n, "fused connection");
}

/* A line our server wrote when it refused a client ("H=... rejected RCPT
 * <...>: ...", "rejected connection in \"connect\" ACL", "rejected after
 * DATA", "SMTP call from [192.0.2.1] dropped: too many syntax or protocol
 * errors", "refused connection from ..."): as eximstats, any line that is
 * not a delivery and says "rejected", "refused" or "dropped"; a temporary
 * one counts apart. Exim writes no reply code there; its smtp_in.c logs
 * "temporarily rejected" for an ACL's defer (a 4xx reply) and "rejected"
 * for deny (5xx), which gives the class. */
static int refusal(const char *s, size_t n, struct ls_event *e)
{
	static const struct { const char *kind, *command; } kinds[] = {
		{ " rejected RCPT", "RCPT" }, { " rejected MAIL", "MAIL" },
		{ " rejected after DATA", "DATA" }, { " rejected connection", "CONNECT" },
		{ " rejected EHLO", "EHLO" }, { " rejected HELO", "HELO" },
		{ " rejected VRFY", "VRFY" }, { " rejected EXPN", "EXPN" },
		{ " rejected DATA", "DATA" }, { " rejected (", NULL }, { " rejected after", NULL },
		{ " rejected ETRN", "ETRN" },
	};
	size_t i;
	int count;

	if (!ls_find(s, n, "rejected") && !ls_find(s, n, "refused") && !ls_find(s, n, "dropped"))
		return 0;
	count = temporary(s, n) ? LS_TEMP_REJECTED : LS_REJECTED;
	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		const char *p = ls_find(s, n, kinds[i].kind), *colon;
		if (!p)
			continue;
		ls_event_set(e, count, LS_DIR_OURS, p, n - (size_t)(p - s));
		e->command = kinds[i].command;
		if (!e->cls) /* Exim logs no code: "temporarily rejected" is a defer (4xx) */
			e->cls = p - s >= 11 && memcmp(p - 11, "temporarily", 11) == 0 ? 4 : 5;
		if ((colon = ls_find(p, e->textlen, ": ")) != NULL) /* the text after "RCPT <...>: " */
			e->text = colon + 2;
		else
			e->text = p + 1;
		e->textlen = n - (size_t)(e->text - s);
		return 1;
	}
	/* "dropped", "refused": the whole line. Exim's note of a connection
	 * that a remote host refused while delivering ("1tXyZa-000AbC-Ab
	 * H=mx.example.net [192.0.2.1] Connection refused") is one of
	 * eximstats' Rejects too, but the refusal is the remote's. */
	ls_event_set(e, count, message_id(s, n) && ls_find(s, n, "Connection refused") ?
	             LS_DIR_REMOTE : LS_DIR_OURS, s, n);
	if (!e->cls && count == LS_TEMP_REJECTED)
		e->cls = 4;
	return 1;
}

static enum ls_dir remote_if_said(const char *s, size_t n)
{
	return ls_find(s, n, "SMTP error from remote mail server") ? LS_DIR_REMOTE : LS_DIR_NONE;
}

/* The recipient of a delivery line (s after the flag and its space): the
 * first word, or the address in <> after it when that word has no '@' (a
 * local user, a pipe, a file). And the host of " H=" (set e->count first). */
static void where_to(const char *s, size_t n, struct ls_event *e)
{
	const char *h = ls_find(s, n, " H=");

	e->rcpt = s;
	e->rcptlen = ls_span_until(s, n, " :");
	if (!memchr(s, '@', e->rcptlen) && e->rcptlen + 2 < n && s[e->rcptlen] == ' ' &&
	    s[e->rcptlen + 1] == '<') {
		e->rcpt = s + e->rcptlen + 2;
		e->rcptlen = ls_span_until(e->rcpt, n - e->rcptlen - 2, ">");
	}
	if (h) {
		e->relay = h + 3;
		e->relaylen = ls_span_until(e->relay, n - (size_t)(e->relay - s), " :");
	} else { /* as Postfix says: relay=local, relay=none */
		e->relay = e->count == LS_DELIVERED ? "local" : "none";
		e->relaylen = 4 + (e->count == LS_DELIVERED);
	}
}

/* "<= received, => and -> delivered, == deferred, ** failed". */
static void flag_line(const char *id, size_t idlen, const char *s, size_t n,
                      struct ls_event *e)
{
	const char *said = ls_find(s, n, "SMTP error from remote mail server");
	const char *code_at = said ? said : s;
	size_t code_n = n - (size_t)(code_at - s);

	if (ls_starts(s, n, "<= "))
		ls_event_set(e, LS_RECEIVED, LS_DIR_NONE, s, 0);
	else if (ls_starts(s, n, "=> ") || ls_starts(s, n, "-> "))
		ls_event_set(e, LS_DELIVERED, LS_DIR_NONE, s, 0);
	else if (ls_starts(s, n, "== "))
		ls_event_set(e, LS_DEFERRALS, remote_if_said(s, n), code_at, code_n);
	else if (ls_starts(s, n, "** "))
		ls_event_set(e, ls_find(s, n, "retry timeout exceeded") ? LS_EXPIRED : LS_BOUNCED,
		             remote_if_said(s, n), code_at, code_n);
	if (e->count == LS_DEFERRALS || e->count == LS_BOUNCED) { /* the text after ": " */
		const char *colon = ls_find(s, n, ": ");
		e->text = colon ? colon + 2 : s + 3;
		e->textlen = n - (size_t)(e->text - s);
	}
	e->id = id;
	e->idlen = idlen;
	if (e->count == LS_DELIVERED || e->count == LS_DEFERRALS || e->count == LS_BOUNCED)
		where_to(s + 3, n - 3, e);
}

int ls_exim(const char *rest, size_t n, struct ls_event *e)
{
	size_t idlen;

	e->mta = LS_MTA_EXIM;
	if (ls_starts(rest, n, "[")) { /* a process id: "[1234] " */
		size_t k = ls_span_until(rest, n, "]");
		rest += k < n ? k + 1 : n;
		n -= k < n ? k + 1 : n;
		if (n && *rest == ' ')
			rest++, n--;
	}
	idlen = message_id(rest, n);
	if (idlen && idlen + 4 <= n && rest[idlen + 3] == ' ' &&
	    rest[idlen + 1] && strchr("<=-*", rest[idlen + 1]) != NULL &&
	    rest[idlen + 2] && strchr("<>=-*", rest[idlen + 2]) != NULL) {
		flag_line(rest, idlen, rest + idlen + 1, n - idlen - 1, e); /* "*>": none */
		return 1;
	}
	refusal(rest, n, e);
	return 1;
}
