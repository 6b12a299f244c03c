/* logtime.h - the time stamp at the start of a log line: classic syslog
 * ("Nov 29 10:00:01", no year), RFC 3339 ("2026-11-29T10:00:01.5+01:00")
 * and Exim's ("2026-11-29 10:00:01"). */
#ifndef SMTPCODE_LOGTIME_H
#define SMTPCODE_LOGTIME_H

#include <stddef.h>
#include <stdint.h>

/* "2026-11-29T10:00:01", or "--11-29T10:00:01" when the log gives no year
 * (ISO 8601's form for a date without its year): local time as written,
 * any fraction and zone left out. Such texts sort in time order (a year
 * is assumed the same for all, which a classic syslog log across New
 * Year's Eve breaks). */
#define LOGTIME_TEXT 20

struct logtime {
	char text[LOGTIME_TEXT];  /* "" when the line has no time stamp */
	int hour;                 /* 0 to 23 */
	uint64_t order;           /* the text as one number (logtime_order_cmp); 0: none */
};

/* Reads the time stamp at the start of s[0..n); returns nonzero if found. */
int logtime_parse(const char *s, size_t n, struct logtime *t);

/* The last time stamp found, to reuse: a log is written in time order, so
 * most lines repeat the second of the line before, all of them its day. */
struct logtime_memo {
	char key[23];             /* the bytes the stamp was read from */
	unsigned char datelen;    /* of its date, the clock after it; 0: none yet */
	struct logtime t;
};

/* The time stamp at the start of s[0..n), or NULL if it has none: the
 * memo's own (valid until the next call), read again only where the line
 * differs from the last one found (memset m to 0 to start). */
const struct logtime *logtime_memo_read(const char *s, size_t n, struct logtime_memo *m);

/* Orders two such texts as strcmp does; when one has a year and the other
 * not (a log of syslog and RFC 3339 lines), by month, day and time alone,
 * the year-less one first when those are equal. */
int logtime_cmp(const char *a, const char *b);

/* The same order for two time stamps' order numbers (inline: a scan
 * compares each new second with the first and the last). */
static inline int logtime_order_cmp(uint64_t a, uint64_t b)
{
	uint64_t year = UINT64_C(1) << 54, clock = (UINT64_C(1) << 40) - 1;
	int ya = (a & year) != 0, yb = (b & year) != 0;

	if (ya == yb)
		return a < b ? -1 : a > b;
	a &= clock;
	b &= clock;
	return a < b ? -1 : a > b ? 1 : ya - yb;
}

/* Gives text, a time stamp without a year ("--11-29T10:00:01"), the year
 * of ref (one with a year): ref's own, or the next when after > 0 and text
 * comes before ref in the year, or the one before when after < 0 and text
 * comes after it. */
void logtime_give_year(char *text, const char *ref, int after);

/* Nonzero if text is a time stamp as logtime writes it (for --merge). */
int logtime_valid(const char *text);

#endif
