/* logstat_formats.c - which MTA wrote a line: Exim's own timestamp, or the
 * syslog tag (postfix/NAME, exim, sendmail, sm-mta, smtpd for OpenSMTPD). */
#include "logstat_text.h"

#include <string.h>

static int digits(const char *s, const char *shape)
{
	size_t i;

	for (i = 0; shape[i]; i++) {
		if (shape[i] == 'd' ? !(s[i] >= '0' && s[i] <= '9') : s[i] != shape[i])
			return 0;
	}
	return 1;
}

/* The length of Exim's "2026-11-29 10:00:01" with an optional fraction
 * (".123") and zone (" +0100"), and the space after it; 0 if none. */
static size_t exim_stamp(const char *s, size_t n)
{
	size_t at = 19;

	if (n < 21 || !digits(s, "dddd-dd-dd dd:dd:dd"))
		return 0;
	if (s[at] == '.')
		for (at++; at < n && s[at] >= '0' && s[at] <= '9'; at++)
			;
	if (at + 6 < n && (s[at + 1] == '+' || s[at + 1] == '-') && digits(s + at + 2, "dddd"))
		at += 6;
	return at < n && s[at] == ' ' ? at + 1 : 0;
}

/* Skips a syslog timestamp ("Nov 29 10:00:01 " or an RFC 3339 one) and the
 * host name; returns where the tag starts, or 0 if the line has neither. */
static size_t after_host(const char *s, size_t n)
{
	size_t at, words;

	if (n > 16 && s[3] == ' ' && digits(s + 6, " dd:dd:dd "))
		at = 16;
	else if (n > 20 && digits(s, "dddd-dd-ddTdd:dd:dd"))
		at = ls_span_until(s, n, " ") + 1;
	else
		return 0;
	for (words = 0; at < n && s[at] != ' '; at++, words++)
		;
	return at < n && words ? at + 1 : 0;
}

static int tag_is(const char *tag, size_t len, const char *name)
{
	return strlen(name) == len && memcmp(tag, name, len) == 0;
}

/* Dispatches on the tag ("postfix/smtpd[123]: " and the like). */
static int by_tag(const char *tag, size_t n, struct ls_event *e)
{
	size_t len = ls_span_until(tag, n, "[: "), at = len;
	const char *rest;

	while (at < n && tag[at] != ':' && tag[at] != ' ')
		at++;
	if (at + 2 > n || tag[at] != ':' || tag[at + 1] != ' ')
		return 0;
	rest = tag + at + 2;
	n -= at + 2;
	if (ls_starts(tag, len, "postfix") && memchr(tag, '/', len) != NULL) {
		const char *cmd = tag + len;
		while (cmd[-1] != '/')
			cmd--;
		return ls_postfix(cmd, (size_t)(tag + len - cmd), rest, n, e);
	}
	if (tag_is(tag, len, "exim") || tag_is(tag, len, "exim4"))
		return ls_exim(rest, n, e);
	if (tag_is(tag, len, "sendmail") || tag_is(tag, len, "sm-mta") ||
	    tag_is(tag, len, "sm-msp-queue"))
		return ls_sendmail(rest, n, e);
	if (tag_is(tag, len, "smtpd"))
		return ls_opensmtpd(rest, n, e);
	return 0;
}

int ls_read_line(const char *s, size_t n, struct ls_event *e)
{
	memset(e, 0, sizeof *e);
	e->count = -1;
	logtime_parse(s, n, &e->time);
	return ls_read_mta(s, n, e);
}

int ls_read_mta(const char *s, size_t n, struct ls_event *e)
{
	size_t at;

	if ((at = exim_stamp(s, n)) != 0)
		return ls_exim(s + at, n - at, e);
	if ((at = after_host(s, n)) == 0)
		return 0;
	return by_tag(s + at, n - at, e);
}
