/* logtime.c - the time stamp at the start of a log line (see logtime.h).
 * Read on every line of a scan: each check is one comparison, and the
 * month one switch. */
#include "logtime.h"

#include <stdio.h>
#include <string.h>

static int is_digit(char c)
{
	return (unsigned char)(c - '0') <= 9;
}

static int digits_at(const char *s, const char *shape)
{
	size_t i;

	for (i = 0; shape[i]; i++)
		if (shape[i] == 'd' ? !is_digit(s[i]) : s[i] != shape[i])
			return 0;
	return 1;
}

static int num2(const char *s)
{
	return (s[0] - '0') * 10 + (s[1] - '0');
}

/* Checks the ranges of month, day, hour, minute and second in text. */
static int in_range(const char *text)
{
	int mon = num2(text + 5), day = num2(text + 8);

	return mon >= 1 && mon <= 12 && day >= 1 && day <= 31 && num2(text + 11) <= 23 &&
	       num2(text + 14) <= 59 && num2(text + 17) <= 60;
}

/* The 8 bytes at s as a number, the first in the lowest bits (one load
 * where that is the machine's order). */
static uint64_t load8(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	return (uint64_t)u[0] | (uint64_t)u[1] << 8 | (uint64_t)u[2] << 16 |
	       (uint64_t)u[3] << 24 | (uint64_t)u[4] << 32 | (uint64_t)u[5] << 40 |
	       (uint64_t)u[6] << 48 | (uint64_t)u[7] << 56;
}

/* "hh:mm:ss" at s as hour << 16 | minute << 8 | second: digits where
 * digits go, hour to 23, minute to 59, second to 60 (a leap second); -1 if
 * not. The 8 bytes are tested at once: a digit is 0x30 to 0x39, so its
 * high half is 3 before and after adding 6 (0x3A and up carry into it). */
static long clock_of(const char *s)
{
	const uint64_t high = UINT64_C(0xF0F000F0F000F0F0), digits = UINT64_C(0x3030003030003030),
	               colons = UINT64_C(0x00003A00003A0000), six = UINT64_C(0x0606000606000606);
	uint64_t w = load8(s);
	int hour, minute, second;

	if ((w & high) != digits || ((w + six) & high) != digits ||
	    (w & ~(high | UINT64_C(0x0F0F000F0F000F0F))) != colons)
		return -1;
	hour = num2(s);
	minute = num2(s + 3);
	second = num2(s + 6);
	if (hour > 23 || minute > 59 || second > 60)
		return -1;
	return (long)hour << 16 | minute << 8 | second;
}

/* The month of a three-letter English name ("Nov": 11), or 0. */
static int month_of(const char *s)
{
	switch ((unsigned long)(unsigned char)s[0] << 16 | (unsigned long)(unsigned char)s[1] << 8 |
	        (unsigned char)s[2]) {
	case 'J' << 16 | 'a' << 8 | 'n': return 1;
	case 'F' << 16 | 'e' << 8 | 'b': return 2;
	case 'M' << 16 | 'a' << 8 | 'r': return 3;
	case 'A' << 16 | 'p' << 8 | 'r': return 4;
	case 'M' << 16 | 'a' << 8 | 'y': return 5;
	case 'J' << 16 | 'u' << 8 | 'n': return 6;
	case 'J' << 16 | 'u' << 8 | 'l': return 7;
	case 'A' << 16 | 'u' << 8 | 'g': return 8;
	case 'S' << 16 | 'e' << 8 | 'p': return 9;
	case 'O' << 16 | 'c' << 8 | 't': return 10;
	case 'N' << 16 | 'o' << 8 | 'v': return 11;
	case 'D' << 16 | 'e' << 8 | 'c': return 12;
	default: return 0;
	}
}

/* Writes the text: year (4 digits, or NULL: none), month, day ("29" or " 9")
 * and the clock (clock_of); returns nonzero if it is a valid time. */
static int put(struct logtime *t, const char *year, int mon, const char *day, const char *s,
               long clock)
{
	int d = (day[0] == ' ' ? 0 : day[0] - '0') * 10 + (day[1] - '0');
	char *at = t->text;

	if (mon < 1 || mon > 12 || d < 1 || d > 31 || clock < 0)
		return 0;
	if (year) {
		memcpy(at, year, 4);
		at += 4;
	} else {
		*at++ = '-';
	}
	at[0] = '-';
	at[1] = (char)('0' + mon / 10);
	at[2] = (char)('0' + mon % 10);
	at[3] = '-';
	at[4] = (char)('0' + d / 10);
	at[5] = day[1];
	at[6] = 'T';
	memcpy(at + 7, s, 8);
	at[15] = '\0';
	t->hour = (int)(clock >> 16);
	/* year (with bit 14: has one), month, day, then the clock */
	t->order = (year ? (uint64_t)(num2(year) * 100 + num2(year + 2)) | 1u << 14 : 0) << 40 |
	           (uint64_t)mon << 32 | (uint64_t)d << 24 | (uint64_t)clock;
	return 1;
}

/* The stamp with a year, "2026-11-29T10:00:01" or with a space (Exim). */
static int has_year(const char *s, size_t n)
{
	return n >= 19 && is_digit(s[0]) && is_digit(s[1]) && is_digit(s[2]) && is_digit(s[3]) &&
	       s[4] == '-' && is_digit(s[5]) && is_digit(s[6]) && s[7] == '-' && is_digit(s[8]) &&
	       is_digit(s[9]) && (s[10] == 'T' || s[10] == ' ');
}

/* The place of the clock in a stamp of each form, in the line (date) and in
 * the text (8 after "--11-29T", 11 after "2026-11-29T"); the form's whole
 * length is date + 8. */
enum { CLASSIC = 7, YEAR_AFTER_DAY = 12, ISO = 11, WEEKDAY_ISO = 15 };

/* Reads the stamp at the start of s[0..n) into t; returns the length of
 * its date (one of the four above: the clock follows), or 0 if none. The
 * forms: classic syslog "Nov 29 10:00:01" (rsyslog's default, BSD, Postfix's
 * own maillog_file "Nov 09 ..."), with a year after the day "Nov 29 2026
 * 10:00:01", ISO 8601 "2026-11-29T10:00:01" or with a space (RFC 3339
 * syslog, journalctl -o short-iso, Exim), and journalctl -o short-full's
 * "Sun 2026-11-29 10:00:01". */
static size_t parse_form(const char *s, size_t n, struct logtime *t)
{
	int mon;

	t->text[0] = '\0';
	t->order = 0;
	if (has_year(s, n))
		return put(t, s, num2(s + 5), s + 8, s + 11, clock_of(s + 11)) ? ISO : 0;
	if (n < 15 || s[3] != ' ' || !(s[4] == ' ' || is_digit(s[4])) || !is_digit(s[5]))
		return 0;
	if (s[6] == ' ' && (mon = month_of(s)) != 0) {
		if (s[9] == ':' || s[11] != ' ' || n < 20)
			return put(t, NULL, mon, s + 4, s + 7, clock_of(s + 7)) ? CLASSIC : 0;
		if (is_digit(s[7]) && is_digit(s[8]) && is_digit(s[9]) && is_digit(s[10]))
			return put(t, s + 7, mon, s + 4, s + 12, clock_of(s + 12)) ? YEAR_AFTER_DAY : 0;
		return 0;
	}
	if (s[8] == '-' && s[14] == ' ' && has_year(s + 4, n - 4)) /* "Sun 2026-11-29 " */
		return put(t, s + 4, num2(s + 9), s + 12, s + 15, clock_of(s + 15)) ? WEEKDAY_ISO : 0;
	return 0;
}

int logtime_parse(const char *s, size_t n, struct logtime *t)
{
	return parse_form(s, n, t) != 0;
}

/* The memo's stamp given another clock, in place: the date is the memo's;
 * returns nonzero if the clock is valid (else the memo is as it was). */
static int same_day(const char *s, struct logtime_memo *m)
{
	size_t date = m->datelen;
	long clock = clock_of(s + date);

	if (clock < 0)
		return 0;
	memcpy(m->t.text + (date == CLASSIC ? 8 : 11), s + date, 8);
	memcpy(m->key + date, s + date, 8);
	m->t.hour = (int)(clock >> 16);
	m->t.order = (m->t.order & ~(uint64_t)0xFFFFFF) | (uint64_t)clock;
	return 1;
}

const struct logtime *logtime_memo_read(const char *s, size_t n, struct logtime_memo *m)
{
	struct logtime t;
	size_t date;

	/* A stamp depends on its date and clock (15 bytes, classic syslog,
	 * up to 23); a line whose date is the memo's is of the same form.
	 * Most lines repeat the second of the line before, all of them its
	 * day: the memo is then read, or its clock changed, in place. */
	if (m->datelen == CLASSIC) {
		if (n >= 15 && memcmp(s, m->key, CLASSIC) == 0 &&
		    (memcmp(s + CLASSIC, m->key + CLASSIC, 8) == 0 || same_day(s, m)))
			return &m->t;
	} else if (m->datelen && n >= m->datelen + 8u && memcmp(s, m->key, m->datelen) == 0) {
		if (memcmp(s + m->datelen, m->key + m->datelen, 8) == 0 || same_day(s, m))
			return &m->t;
	}
	if ((date = parse_form(s, n, &t)) == 0)
		return NULL;
	m->datelen = (unsigned char)date;
	memcpy(m->key, s, date + 8);
	m->t = t;
	return &m->t;
}

int logtime_valid(const char *text)
{
	char buf[LOGTIME_TEXT];

	if (strncmp(text, "--", 2) == 0) {
		if (strlen(text) != 16)
			return 0;
		snprintf(buf, sizeof buf, "0000%s", text + 1);
		text = buf;
	}
	return strlen(text) == 19 && digits_at(text, "dddd-dd-ddTdd:dd:dd") && in_range(text);
}

int logtime_cmp(const char *a, const char *b)
{
	int ya = a[0] != '-', yb = b[0] != '-';
	int c;

	if (ya == yb)
		return strcmp(a, b);
	/* "2026-11-29T..." from its "-11", "--11-29T..." from its second '-' */
	c = strcmp(a + (ya ? 4 : 1), b + (yb ? 4 : 1));
	return c ? c : ya - yb;
}

void logtime_give_year(char *text, const char *ref, int after)
{
	int year = num2(ref) * 100 + num2(ref + 2), c = strcmp(text + 1, ref + 4);
	char buf[LOGTIME_TEXT];

	year += after > 0 && c < 0 ? 1 : after < 0 && c > 0 ? -1 : 0;
	if (year < 0 || year > 9999)
		return;
	snprintf(buf, sizeof buf, "%04d%s", year, text + 1);
	memcpy(text, buf, sizeof buf);
}
