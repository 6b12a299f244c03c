/* logstat_sendmail.c - Sendmail lines, counted with pflogsumm's definitions. */
#include "logstat_text.h"

#include <string.h>

/* The length of a value: up to ", " or the end. */
static size_t value_len(const char *s, size_t n)
{
	const char *end = ls_find(s, n, ", ");

	return end ? (size_t)(end - s) : n;
}

/* Recipients in "to=<a@x>,<b@y>, ...": one more than the commas inside the
 * to= value, which ends at ", ". */
static unsigned long recipients(const char *s, size_t n)
{
	size_t len = value_len(s, n), i;
	unsigned long count = 1;

	for (i = 0; i < len; i++)
		count += s[i] == ',';
	return count;
}

/* The value of "key=" (key given with its '='), up to ", " or the end. */
static const char *value_of(const char *s, size_t n, const char *key, size_t *len)
{
	const char *p = ls_find(s, n, key);

	if (!p || (p > s && p[-1] != ' '))
		return NULL;
	p += strlen(key);
	*len = value_len(p, n - (size_t)(p - s));
	return p;
}

/* relay=mx.example.net. [192.0.2.1] (the host without its last dot), or
 * the mailer (local) when there is no relay. */
static void relay_host(const char *s, size_t n, struct ls_event *e)
{
	size_t len = 0;
	const char *r = value_of(s, n, "relay=", &len);

	if (!r)
		r = value_of(s, n, "mailer=", &len);
	if (!r)
		return;
	len = ls_span_until(r, len, " [");
	if (len > 1 && r[len - 1] == '.')
		len--;
	e->relay = r;
	e->relaylen = len;
}

/* "to=..., mailer=esmtp, relay=..., dsn=X.Y.Z, stat=...": one attempt. */
static void delivery(const char *s, size_t n, struct ls_event *e)
{
	size_t dlen = 0, slen = 0;
	const char *dsn = value_of(s, n, "dsn=", &dlen);
	const char *stat = value_of(s, n, "stat=", &slen);
	int remote = ls_find(s, n, "mailer=esmtp,") || ls_find(s, n, "mailer=smtp,") ||
	             ls_find(s, n, "mailer=relay,");
	int count = -1;

	if (!stat)
		return;
	if (ls_starts(stat, slen, "Sent"))
		count = LS_DELIVERED;
	else if (ls_starts(stat, slen, "Deferred"))
		count = LS_DEFERRALS;
	else if (dsn && ls_starts(dsn, dlen, "4.4.7"))
		count = LS_EXPIRED;
	else if (dsn && ls_starts(dsn, dlen, "5."))
		count = LS_BOUNCED;
	if (count < 0)
		return;
	ls_event_set(e, count, remote && count != LS_DELIVERED ? LS_DIR_REMOTE : LS_DIR_NONE, s, 0);
	if (e->dir == LS_DIR_REMOTE)
		e->cls = ls_code_class(stat, slen);
	if (e->dir == LS_DIR_REMOTE && !e->cls && dsn && (dsn[0] == '4' || dsn[0] == '5'))
		e->cls = dsn[0] - '0';
	if (count == LS_DELIVERED || count == LS_BOUNCED)
		e->n = recipients(s, n);
	e->text = stat; /* the last field: to the line's end */
	e->textlen = n - (size_t)(stat - s);
	e->dsn = dsn;
	e->dsnlen = dsn ? dlen : 0;
	e->rcpt = s + 3;
	e->rcptlen = value_len(s + 3, n - 3);
	relay_host(s, n, e);
}

int ls_sendmail(const char *rest, size_t n, struct ls_event *e)
{
	size_t q = ls_span_until(rest, n, ": ");
	const char *s = rest + q + 2, *reject;
	size_t left;

	e->mta = LS_MTA_SENDMAIL;
	if (q == 0 || q + 2 > n || rest[q] != ':' || rest[q + 1] != ' ')
		return 1;
	left = n - q - 2;
	reject = ls_find(s, left, ", reject=");
	if (ls_starts(s, left, "ruleset=check_") && reject) {
		static const struct { const char *ruleset, *command; } rulesets[] = {
			{ "ruleset=check_rcpt,", "RCPT" }, { "ruleset=check_mail,", "MAIL" },
			{ "ruleset=check_relay,", "CONNECT" }, { "ruleset=check_data,", "DATA" },
			{ "ruleset=check_eoh,", "DATA" }, { "ruleset=check_eom,", "DATA" },
		};
		size_t i;
		ls_event_set(e, LS_REJECTED, LS_DIR_OURS, reject + 9, left - (size_t)(reject + 9 - s));
		for (i = 0; i < sizeof rulesets / sizeof rulesets[0]; i++)
			if (ls_starts(s, left, rulesets[i].ruleset))
				e->command = rulesets[i].command;
	} else if (ls_starts(s, left, "Milter") && ls_find(s, left, "reject=")) {
		ls_event_set(e, LS_REJECTED, LS_DIR_OURS, s, left);
	} else if (ls_starts(s, left, "from=") && ls_find(s, left, ", size=")) {
		ls_event_set(e, LS_RECEIVED, LS_DIR_NONE, s, 0);
	} else if (ls_starts(s, left, "to=")) {
		delivery(s, left, e);
		e->id = rest;
		e->idlen = q;
	}
	return 1;
}
