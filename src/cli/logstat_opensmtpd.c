/* logstat_opensmtpd.c - OpenSMTPD (6.x and later) lines, counted with
 * pflogsumm's definitions. */
#include "logstat_text.h"

#include <string.h>

static int is_hex(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
}

/* The quoted value of key (key="..."), or NULL. */
static const char *quoted(const char *s, size_t n, const char *key, size_t *len)
{
	const char *p = ls_find(s, n, key);
	size_t left;

	if (!p)
		return NULL;
	p += strlen(key);
	left = n - (size_t)(p - s);
	*len = ls_span_until(p, left, "\"");
	return p;
}

/* The recipient (to=<...>) and the relay: relay="192.0.2.1 (mx.example.net)"
 * gives the name, else the address; mda and lmtp deliveries are local. */
static void where_to(const char *s, size_t n, int remote, struct ls_event *e)
{
	const char *to = ls_find(s, n, " to=<");
	size_t len = 0;
	const char *relay = quoted(s, n, " relay=\"", &len);
	const char *name = relay ? memchr(relay, '(', len) : NULL;

	if (to) {
		e->rcpt = to + 5;
		e->rcptlen = ls_span_until(e->rcpt, n - (size_t)(e->rcpt - s), ">");
	}
	if (!remote || !relay) {
		e->relay = "local";
		e->relaylen = 5;
	} else if (name) {
		e->relay = name + 1;
		e->relaylen = ls_span_until(name + 1, len - (size_t)(name + 1 - relay), ")");
	} else {
		e->relay = relay;
		e->relaylen = ls_span_until(relay, len, " ");
	}
}

/* "mta delivery evpid=... result=\"TempFail\" stat=\"...\"" and mda, lmtp. */
static void delivery(const char *s, size_t n, int remote, struct ls_event *e)
{
	size_t rlen = 0, slen = 0;
	const char *result = quoted(s, n, " result=\"", &rlen);
	const char *stat = quoted(s, n, " stat=\"", &slen);
	const char *evpid = ls_find(s, n, " evpid=");
	int count = -1;

	if (!result)
		return;
	if (ls_starts(result, rlen, "Ok"))
		count = LS_DELIVERED;
	else if (ls_starts(result, rlen, "TempFail"))
		count = LS_DEFERRALS;
	else if (ls_starts(result, rlen, "PermFail"))
		count = stat && ls_find(stat, slen, "expired") ? LS_EXPIRED : LS_BOUNCED;
	if (count < 0)
		return;
	ls_event_set(e, count, remote && count != LS_DELIVERED ? LS_DIR_REMOTE : LS_DIR_NONE,
	             stat ? stat : s, stat ? slen : 0);
	where_to(s, n, remote, e);
	if (evpid) { /* the message id: the first 8 of the envelope id's 16 digits */
		size_t elen;
		evpid += 7;
		elen = ls_span_until(evpid, n - (size_t)(evpid - s), " ");
		e->id = evpid;
		e->idlen = elen > 8 ? 8 : elen;
	}
}

int ls_opensmtpd(const char *rest, size_t n, struct ls_event *e)
{
	const char *s = rest + 17, *result;
	size_t i, left, rlen = 0;

	for (i = 0; i < 16 && i < n; i++)
		if (!is_hex(rest[i]))
			return 0;
	if (n < 17 || rest[16] != ' ')
		return 0;
	e->mta = LS_MTA_OPENSMTPD;
	left = n - 17;
	if (ls_starts(s, left, "smtp message ") && ls_find(s, left, " nrcpt="))
		ls_event_set(e, LS_RECEIVED, LS_DIR_NONE, s, 0);
	else if (ls_starts(s, left, "smtp failed-command ") &&
	         (result = quoted(s, left, " result=\"", &rlen)) != NULL) {
		size_t clen = 0;
		const char *command = quoted(s, left, " command=\"", &clen);
		ls_event_set(e, LS_REJECTED, LS_DIR_OURS, result, rlen);
		e->command = command ? ls_command_of(command, clen) : NULL;
	}
	else if (ls_starts(s, left, "mta delivery "))
		delivery(s, left, 1, e);
	else if (ls_starts(s, left, "mda delivery ") || ls_starts(s, left, "lmtp delivery "))
		delivery(s, left, 0, e);
	return 1;
}
