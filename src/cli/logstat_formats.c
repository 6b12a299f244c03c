/* logstat_formats.c - which MTA wrote a line: Exim's own timestamp, or the
 * syslog tag (postfix/NAME, exim, sendmail, sm-mta, smtpd for OpenSMTPD).
 * Read on every line of a scan: one walk from left to right, each field
 * found by a byte test or one memchr. */
#include "logstat_text.h"

#include <string.h>

static int is_digit(char c)
{
	return (unsigned char)(c - '0') <= 9;
}

/* "dddd-dd-dd" at s, and "dd:dd:dd" at s + 11 (the byte between is the
 * caller's). */
static int date_clock(const char *s)
{
	return is_digit(s[0]) && is_digit(s[1]) && is_digit(s[2]) && is_digit(s[3]) &&
	       s[4] == '-' && is_digit(s[5]) && is_digit(s[6]) && s[7] == '-' && is_digit(s[8]) &&
	       is_digit(s[9]) && is_digit(s[11]) && is_digit(s[12]) && s[13] == ':' &&
	       is_digit(s[14]) && is_digit(s[15]) && s[16] == ':' && is_digit(s[17]) &&
	       is_digit(s[18]);
}

/* The length of Exim's "2026-11-29 10:00:01" (date_clock said so) with an
 * optional fraction (".123") and zone (" +0100"), and the space after it;
 * 0 if none. */
static size_t exim_stamp(const char *s, size_t n)
{
	size_t at = 19;

	if (s[at] == '.')
		for (at++; at < n && is_digit(s[at]); at++)
			;
	if (at + 6 < n && (s[at + 1] == '+' || s[at + 1] == '-') && is_digit(s[at + 2]) &&
	    is_digit(s[at + 3]) && is_digit(s[at + 4]) && is_digit(s[at + 5]))
		at += 6;
	return at < n && s[at] == ' ' ? at + 1 : 0;
}

/* Where the tag starts after a syslog timestamp ("Nov 29 10:00:01 ", any
 * three bytes for the month, or an RFC 3339 one up to its space) and the
 * host name; 0 if the line has neither. */
static size_t after_host(const char *s, size_t n)
{
	const char *p;
	size_t at;

	if (n > 16 && s[3] == ' ' && s[6] == ' ' && is_digit(s[7]) && is_digit(s[8]) &&
	    s[9] == ':' && is_digit(s[10]) && is_digit(s[11]) && s[12] == ':' &&
	    is_digit(s[13]) && is_digit(s[14]) && s[15] == ' ')
		at = 16;
	else if (n > 20 && s[10] == 'T' && date_clock(s) && (p = memchr(s, ' ', n)) != NULL)
		at = (size_t)(p - s) + 1;
	else
		return 0;
	if (at >= n || s[at] == ' ' || (p = memchr(s + at, ' ', n - at)) == NULL)
		return 0;
	return (size_t)(p - s) + 1;
}

/* The program of a Postfix tag ("smtpd" of "postfix/smtpd", "postfix-out/
 * smtp", "postfix/submission/smtpd"): what follows the last '/'. */
static int postfix_tag(const char *tag, size_t len, const char *rest, size_t n,
                       struct ls_event *e)
{
	size_t at = len;

	while (at > 7 && tag[at - 1] != '/')
		at--;
	if (at == 7)
		return 0;
	return ls_postfix(tag + at, len - at, rest, n, e);
}

/* A tag "postfix/NAME[pid]: " or "postfix/NAME: " (most lines of a Postfix
 * log) read in one walk, as by_tag reads it: returns what ls_postfix does,
 * or -1 for any other tag (a '/' in NAME: by_tag's rules then). */
static int postfix_short(const char *tag, size_t n, struct ls_event *e)
{
	size_t at = 8, len;

	if (n <= 8 || ls_load8(tag) != ls_load8("postfix/"))
		return -1;
	while (at < n && tag[at] != '[' && tag[at] != ':' && tag[at] != ' ' && tag[at] != '/')
		at++;
	if (at == n || tag[at] == '/')
		return -1;
	len = at;
	if (tag[at] == '[')
		while (++at < n && tag[at] != ':' && tag[at] != ' ')
			;
	if (at + 2 > n || tag[at] != ':' || tag[at + 1] != ' ')
		return 0;
	return ls_postfix(tag + 8, len - 8, tag + at + 2, n - at - 2, e);
}

/* Dispatches on the tag ("postfix/smtpd[123]: " and the like): it ends at
 * the first ':' or ' ', which must be ": ", and its name at a '[' before. */
static int by_tag(const char *tag, size_t n, struct ls_event *e)
{
	int known = postfix_short(tag, n, e);
	size_t at, len;
	const char *rest;

	if (known >= 0)
		return known;
	at = ls_span2(tag, n, ':', ' ');
	rest = memchr(tag, '[', at);

	len = rest ? (size_t)(rest - tag) : at;
	if (at + 2 > n || tag[at] != ':' || tag[at + 1] != ' ')
		return 0;
	rest = tag + at + 2;
	n -= at + 2;
	switch (len) {
	case 4: return memcmp(tag, "exim", 4) == 0 ? ls_exim(rest, n, e) : 0;
	case 5:
		if (memcmp(tag, "exim4", 5) == 0)
			return ls_exim(rest, n, e);
		return memcmp(tag, "smtpd", 5) == 0 ? ls_opensmtpd(rest, n, e) : 0;
	case 6: return memcmp(tag, "sm-mta", 6) == 0 ? ls_sendmail(rest, n, e) : 0;
	case 7: return 0; /* "postfix" alone names no program */
	case 8:
		if (memcmp(tag, "sendmail", 8) == 0)
			return ls_sendmail(rest, n, e);
		break;
	case 12:
		if (memcmp(tag, "sm-msp-queue", 12) == 0)
			return ls_sendmail(rest, n, e);
		break;
	default:
		break;
	}
	return len > 7 && memcmp(tag, "postfix", 7) == 0 ? postfix_tag(tag, len, rest, n, e) : 0;
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

	if (n >= 21 && s[10] == ' ' && date_clock(s) && (at = exim_stamp(s, n)) != 0)
		return ls_exim(s + at, n - at, e);
	if ((at = after_host(s, n)) == 0)
		return 0;
	return by_tag(s + at, n - at, e);
}
