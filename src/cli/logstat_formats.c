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

/* The length of the fraction and zone after an ISO 8601 clock (s is after
 * it): ".123456", "Z", "+01:00" or "+0100" up to the next space, and a
 * zone written after a space (" +0100"); 0 if no space follows. */
static size_t iso_tail(const char *s, size_t n)
{
	const char *p = memchr(s, ' ', n);
	size_t at;

	if (!p)
		return 0;
	at = (size_t)(p - s);
	if (at + 6 < n && (s[at + 1] == '+' || s[at + 1] == '-') && is_digit(s[at + 2]) &&
	    is_digit(s[at + 3]) && (s[at + 4] == ':' || is_digit(s[at + 4])))
		at += 6 + (s[at + 4] == ':'); /* " +0100", " +01:00" */
	return at < n && s[at] == ' ' ? at + 1 : 0;
}

/* Where the host name starts after a syslog time stamp ("Nov 29 10:00:01 ",
 * with a fraction "Nov 29 10:00:01.123456 " as journalctl -o short-precise
 * writes it, with a year "Nov 29 2026 10:00:01 ", journalctl -o short-full's
 * "Sun 2026-11-29 10:00:01 CET ") and its space; 0 if none. ISO 8601 ones
 * are ls_read_mta's. */
static size_t after_stamp(const char *s, size_t n)
{
	size_t at;

	if (n <= 16 || s[3] != ' ')
		return 0;
	if (s[6] == ' ' && is_digit(s[7]) && is_digit(s[8])) {
		if (s[9] == ':' && is_digit(s[10]) && is_digit(s[11]) && s[12] == ':' &&
		    is_digit(s[13]) && is_digit(s[14])) {
			if (s[15] == ' ')
				return 16;
			for (at = 15 + (s[15] == '.'); at < n && is_digit(s[at]); at++)
				;
			return at > 16 && at < n && s[at] == ' ' ? at + 1 : 0;
		}
		if (n > 21 && is_digit(s[9]) && is_digit(s[10]) && s[11] == ' ' && is_digit(s[12]) &&
		    is_digit(s[13]) && s[14] == ':' && is_digit(s[15]) && is_digit(s[16]) &&
		    s[17] == ':' && is_digit(s[18]) && is_digit(s[19]) && s[20] == ' ')
			return 21;
		return 0;
	}
	if (n > 24 && s[8] == '-' && s[14] == ' ' && date_clock(s + 4) && s[23] == ' ' &&
	    (at = ls_span2(s + 24, n - 24, ' ', ' ')) < n - 24)
		return 24 + at + 1; /* after the zone's name */
	return 0;
}

/* Where the tag starts after the host name at s + at; 0 if none. */
static size_t after_host(const char *s, size_t n, size_t at)
{
	const char *p;

	if (at == 0 || at >= n || s[at] == ' ' || (p = memchr(s + at, ' ', n - at)) == NULL)
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
	int known, exim = 0;

	/* An ISO 8601 stamp: a syslog line's (RFC 3339 "2026-11-29T10:00:01.5
	 * +01:00", or with a space) when a host and a known tag follow, else,
	 * with a space, Exim's own: the tag decides, not the stamp. */
	if (n > 20 && (s[10] == 'T' || s[10] == ' ') && date_clock(s)) {
		at = iso_tail(s + 19, n - 19);
		at = at ? 19 + at : 0;
		exim = s[10] == ' ';
	} else {
		at = after_stamp(s, n);
	}
	if ((at = after_host(s, n, at)) != 0 && (known = by_tag(s + at, n - at, e)) != 0)
		return known;
	if (exim && (at = exim_stamp(s, n)) != 0)
		return ls_exim(s + at, n - at, e);
	return 0;
}
