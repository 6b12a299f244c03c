/* logstat_postfix.c - Postfix lines, counted as pflogsumm counts them. */
#include "logstat_text.h"

#include <string.h>

static int is_alnum(char c)
{
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

static int cmd_is(const char *cmd, size_t len, const char *name)
{
	return strlen(name) == len && memcmp(cmd, name, len) == 0;
}

/* smtpd "QID: reject: ...", "NOQUEUE: reject_warning: ...", hold, discard:
 * the client was refused (or flagged) by our server. */
static int smtpd_action(const char *s, size_t n, struct ls_event *e)
{
	static const struct { const char *word; int count; } acts[] = {
		{ "reject: ", LS_REJECTED }, { "reject_warning: ", LS_REJECT_WARNINGS },
		{ "hold: ", LS_HELD }, { "discard: ", LS_DISCARDED },
	};
	size_t i;

	for (i = 0; i < sizeof acts / sizeof acts[0]; i++) {
		if (!ls_starts(s, n, acts[i].word))
			continue;
		ls_event_set(e, acts[i].count,
		             acts[i].count == LS_REJECTED ? LS_DIR_OURS : LS_DIR_NONE, s, n);
		s += strlen(acts[i].word);
		e->command = ls_command_of(s, ls_span_until(s, n - strlen(acts[i].word), " "));
		return 1;
	}
	return 0;
}

/* A cleanup refusal's text: what follows "helo=<...>: " ("5.7.1 Message
 * content rejected"), else what follows a milter's "from host[ip]: ", else
 * "header Subject: ..." (s is after "reject: "). */
static void cleanup_text(struct ls_event *e, const char *s, size_t n)
{
	const char *from = ls_find(s, n, "; from=<"), *p = from, *tail = NULL;

	while (p && (p = ls_find(p, n - (size_t)(p - s), ">: ")) != NULL)
		tail = p += 3;
	if (tail) {
		e->text = tail;
		e->textlen = n - (size_t)(tail - s);
	} else {
		const char *end = from ? from : s + n, *milter = ls_find(s, (size_t)(end - s), "]: ");
		e->text = milter ? milter + 3 : s + (s[0] == ' ');
		e->textlen = (size_t)(end - e->text);
	}
	e->command = "DATA";
}

/* cleanup "QID: reject: header ...", "warning: body ...", "milter-reject:
 * END-OF-MESSAGE ...": header_checks, body_checks and milters, counted as
 * rejected, reject warnings, held, discarded (as pflogsumm does: the word
 * may follow "milter-"). */
static int cleanup_action(const char *s, size_t n, struct ls_event *e)
{
	static const struct { const char *word; int count; } acts[] = {
		{ "reject: ", LS_REJECTED }, { "warning: ", LS_REJECT_WARNINGS },
		{ "hold: ", LS_HELD }, { "discard: ", LS_DISCARDED },
	};
	size_t i;

	for (i = 0; i < sizeof acts / sizeof acts[0]; i++) {
		const char *p = ls_find(s, n, acts[i].word), *what;
		size_t left;
		if (!p || (p > s && (p[-1] == '_' || is_alnum(p[-1])))) /* a word ("milter-hold") */
			continue;
		what = p + strlen(acts[i].word);
		left = n - (size_t)(what - s);
		if (!ls_starts(what, left, "header ") && !ls_starts(what, left, "body ") &&
		    !ls_starts(what, left, "END-OF-MESSAGE "))
			continue;
		ls_event_set(e, acts[i].count,
		             acts[i].count == LS_REJECTED ? LS_DIR_OURS : LS_DIR_NONE, p, n - (size_t)(p - s));
		cleanup_text(e, what, left);
		return 1;
	}
	return 0;
}

/* The fields of a delivery attempt ("to=<...>, orig_to=<...>, relay=...,
 * delay=..., delays=..., dsn=..., status=WORD ..."), found in one pass over
 * its commas up to the status; each value ends at the next comma. */
struct fields {
	const char *comma;              /* the first comma: the end of to=<...> */
	const char *relay, *relay_end;  /* the first relay= */
	const char *delay;
	const char *dsn, *dsn_end;      /* the last dsn= */
	const char *status;
};

/* The field whose name starts at p (after a comma and a space), left
 * bytes before the line's end, by its byte tests (the last 8 bytes of a
 * line); returns nonzero at the status. *open is the end to set next. */
static int field_at(const char *p, size_t left, struct fields *f, const char ***open)
{
	switch (left ? *p : '\0') { /* the field's first letter, then its name */
	case 'r':
		if (!f->relay && ls_starts(p, left, "relay=")) {
			f->relay = p + 6;
			*open = &f->relay_end;
		}
		return 0;
	case 'd':
		if (ls_starts(p, left, "delay=")) {
			f->delay = p + 6;
		} else if (ls_starts(p, left, "dsn=")) {
			f->dsn = p + 4;
			*open = &f->dsn_end;
		}
		return 0;
	case 's':
		if (!ls_starts(p, left, "status="))
			return 0;
		f->status = p + 7;
		return 1;
	default:
		return 0;
	}
}

static void read_fields(const char *s, size_t n, struct fields *f)
{
	/* A field's comma, space and name as the 8 bytes from its comma;
	 * ", dsn=" is 6 of them. */
	const uint64_t relay = ls_load8(", relay="), delay = ls_load8(", delay="),
	               status = ls_load8(", status"), dsn = ls_load8(", dsn=\0\0"),
	               six = (UINT64_C(1) << 48) - 1;
	const char *p = s, *end = s + n, **open = NULL; /* the end to set at the next comma */

	memset(f, 0, sizeof *f);
	while ((p = memchr(p, ',', (size_t)(end - p))) != NULL) {
		uint64_t w;
		if (!f->comma)
			f->comma = p;
		if (open) {
			*open = p;
			open = NULL;
		}
		if (end - p < 9) { /* a name cut by the end: byte by byte */
			if (++p == end || *p != ' ')
				continue;
			p++;
			if (field_at(p, (size_t)(end - p), f, &open))
				return;
			continue;
		}
		w = ls_load8(p++); /* every name whole: one compare each */
		if (w == relay && !f->relay) {
			f->relay = p + 7;
			open = &f->relay_end;
		} else if (w == delay) {
			f->delay = p + 7;
		} else if ((w & six) == dsn) {
			f->dsn = p + 5;
			open = &f->dsn_end;
		} else if (w == status && p[7] == '=') {
			f->status = p + 8;
			return;
		}
	}
}

/* Whether a status text quotes a remote server: "host X said: ...", or
 * its greeting, "host X refused to talk to me: ..." (Postfix smtp_proto.c);
 * the place of "said: " is kept for ls_failure_read. */
static enum ls_dir said(const char *st, size_t left, struct ls_event *e)
{
	const char *p = ls_find_said(st, left);

	e->said = p;
	if (p && p[-1] == ' ')
		return LS_DIR_REMOTE;
	return !p && ls_find(st, left, LS_REFUSED_TO_TALK) ? LS_DIR_REMOTE : LS_DIR_NONE;
}

/* A delivery attempt: "to=<...>, ..., relay=..., delay=..., status=WORD".
 * The status comes after the relay, so that the comma before it ends the
 * relay, the dsn and the recipients. */
static void delivery(const char *qid, size_t qlen, const char *s, size_t n, struct ls_event *e)
{
	struct fields f;
	const char *st, *open;
	size_t left;

	read_fields(s, n, &f);
	if (!f.status || !f.relay || !f.delay)
		return;
	st = f.status;
	left = n - (size_t)(st - s);
	if (f.dsn) {
		e->dsn = f.dsn;
		e->dsnlen = (size_t)(f.dsn_end - f.dsn);
	}
	if (ls_starts(st, left, "sent "))
		ls_event_set(e, ls_find(st, left, "forwarded as ") ? LS_FORWARDED : LS_DELIVERED,
		             LS_DIR_NONE, st, left);
	else if (ls_starts(st, left, "deferred "))
		ls_event_set(e, LS_DEFERRALS, said(st, left, e), st, left);
	else if (ls_starts(st, left, "bounced "))
		ls_event_set(e, LS_BOUNCED, said(st, left, e), st, left);
	else if (ls_starts(st, left, "deliverable ") || ls_starts(st, left, "undeliverable ") ||
	         ls_starts(st, left, "undeliverable-but-not-cached "))
		ls_event_set(e, LS_PROBES, LS_DIR_NONE, st, left); /* verify(8): not mail */
	else if (ls_starts(st, left, "SOFTBOUNCE "))
		ls_event_set(e, LS_SOFT_BOUNCED, said(st, left, e), st, left);
	if (e->count >= 0) { /* the text between "status=WORD (" and ")" */
		open = memchr(st, '(', left);
		e->text = open ? open + 1 : st + left;
		e->textlen = (size_t)(st + left - e->text);
		if (e->textlen && e->text[e->textlen - 1] == ')')
			e->textlen--;
	}
	e->id = qid;
	e->idlen = qlen;
	e->rcpt = s + 3; /* after "to=" */
	e->rcptlen = (size_t)(f.comma - e->rcpt); /* up to the first comma: one address */
	e->rcpt_one = 1;
	e->relay = f.relay;
	open = memchr(f.relay, '[', (size_t)(f.relay_end - f.relay));
	e->relaylen = (size_t)((open ? open : f.relay_end) - f.relay);
}

int ls_postfix(const char *cmd, size_t cmdlen, const char *rest, size_t n, struct ls_event *e)
{
	size_t q, left;
	const char *s;

	q = ls_span2(rest, n, ':', ' '); /* the queue id, or NOQUEUE */
	s = rest + q + 2;

	e->mta = LS_MTA_POSTFIX;
	if (q == 0 || q + 2 > n || rest[q] != ':' || rest[q + 1] != ' ')
		return 1;
	left = n - q - 2;
	if (cmd_is(cmd, cmdlen, "cleanup") && cleanup_action(s, left, e))
		return 1;
	/* postscreen's "NOQUEUE: reject: RCPT from ..." is smtpd's, as
	 * pflogsumm counts it (its smtpd and postscreen rules are one) */
	if (cmd_is(cmd, cmdlen, "smtpd") || cmd_is(cmd, cmdlen, "postscreen")) {
		if (ls_starts(s, left, "client=") && !ls_starts(rest, n, "NOQUEUE"))
			ls_event_set(e, LS_RECEIVED, LS_DIR_NONE, s, 0);
		else
			smtpd_action(s, left, e);
		return 1;
	}
	if (cmd_is(cmd, cmdlen, "pickup") && (ls_starts(s, left, "uid=") || ls_starts(s, left, "sender=")))
		ls_event_set(e, LS_RECEIVED, LS_DIR_NONE, s, 0);
	else if (ls_starts(s, left, "to=<"))
		delivery(rest, q, s, left, e);
	else if (ls_starts(s, left, "from=<") && ls_find(s, left, ", status=expired"))
		ls_event_set(e, LS_EXPIRED, LS_DIR_NONE, s, 0);
	return 1;
}
