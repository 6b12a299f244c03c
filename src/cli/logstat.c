/* logstat.c - the totals of a mail log (see logstat.h). */
#include "logstat.h"
#include "logstat_text.h"

#include <stdio.h>
#include <string.h>

static const char *const keys[LS_NCOUNTS] = {
	"received", "delivered", "forwarded", "deferred", "deferrals", "bounced", "expired",
	"rejected", "reject_warnings", "held", "discarded", "probes", "soft_bounced",
	"temp_rejected",
};

static const char *const hourly_keys[LS_NHOURLY] = {
	"received", "delivered", "deferred", "bounced", "rejected",
};

/* The hourly count of a count, or -1. */
static int hourly_of(int count)
{
	switch (count) {
	case LS_RECEIVED: return LS_H_RECEIVED;
	case LS_DELIVERED: return LS_H_DELIVERED;
	case LS_DEFERRALS: return LS_H_DEFERRED;
	case LS_BOUNCED: return LS_H_BOUNCED;
	case LS_REJECTED: case LS_REJECT_WARNINGS: case LS_HELD: case LS_DISCARDED:
		return LS_H_REJECTED;
	default: return -1;
	}
}

/* A stamp without a year in a month other than the last such stamp's:
 * the log's run of years, as syslog readers infer it. A month more than 6
 * before the last starts the next year (December, then January), one more
 * than 6 after it goes back a year (the late lines of December 31st, or
 * files read newest first). The year, from 8192, goes where a stamp with
 * one has it, without its bit (logtime_order_cmp). */
static void yearless_month(struct logstat *ls, int mon)
{
	if (ls->yearless_month && mon + 6 < ls->yearless_month && ls->new_years < 8191)
		ls->new_years++;
	else if (ls->yearless_month && mon > ls->yearless_month + 6 && ls->new_years > -8191)
		ls->new_years--;
	ls->yearless_month = mon;
	ls->yearless_bits = (uint64_t)(8192 + ls->new_years) << 40;
}

/* The year a stamp without one takes from year and mon, those of the
 * last stamp with a year: its own, or the next (the one before) when mon
 * is more than 6 before (after) its month. */
static int year_for(int year, int year_mon, int mon)
{
	int y = year + (mon + 6 < year_mon ? 1 : mon > year_mon + 6 ? -1 : 0);

	return y < 0 || y > 9999 ? year : y;
}

/* A stamp without a year after one with a year (a log of syslog's and
 * Exim's lines): the year of the last such, or the next (or the one
 * before) when the month is more than 6 before (after) its month; text
 * and order then are those of a stamp with that year. */
static uint64_t give_year(const struct logstat *ls, const struct logtime *t, char *text)
{
	int year = year_for(ls->year, ls->year_month, (int)(t->order >> 32 & 0xFF));

	text[0] = (char)('0' + year / 1000);
	text[1] = (char)('0' + year / 100 % 10);
	text[2] = (char)('0' + year / 10 % 10);
	text[3] = (char)('0' + year % 10);
	memcpy(text + 4, t->text + 1, LOGTIME_TEXT - 4);
	return (uint64_t)(year | 1 << 14) << 40 | (t->order & ((UINT64_C(1) << 40) - 1));
}

/* Widens the time range to a line's time stamp t (NULL: none), and counts
 * its hour. A stamp the same as the last one the range saw cannot widen it
 * (most lines). */
static void count_time(struct logstat *ls, const struct ls_event *e, const struct logtime *t)
{
	int h;

	if (!t || !t->order)
		return;
	if (t->order != ls->time_seen) {
		uint64_t o = t->order;
		char given[LOGTIME_TEXT];
		const char *text = t->text;
		if (o >> 54) {
			ls->year = (int)(o >> 40 & 0x3FFF);
			ls->year_month = (int)(o >> 32 & 0xFF);
		} else if (ls->year_month) {
			o = give_year(ls, t, given);
			text = given;
		} else {
			if ((int)(o >> 32 & 0xFF) != ls->yearless_month)
				yearless_month(ls, (int)(o >> 32 & 0xFF));
			o |= ls->yearless_bits;
		}
		if (!ls->first[0] || logtime_order_cmp(o, ls->first_order) < 0) {
			memcpy(ls->first, text, sizeof ls->first);
			ls->first_order = o;
		}
		if (!ls->last[0] || logtime_order_cmp(o, ls->last_order) > 0) {
			memcpy(ls->last, text, sizeof ls->last);
			ls->last_order = o;
		}
		ls->time_seen = t->order;
		if (o >> 24 != ls->day_key) { /* a day other than the last: looked up when counted */
			ls->day_key = o >> 24;
			memcpy(ls->day_text, text, text[0] == '-' ? 7 : 10);
			ls->day_text[text[0] == '-' ? 7 : 10] = '\0';
			ls->day_at = -1;
		}
	}
	if ((h = hourly_of(e->count)) >= 0) {
		ls->hours[h][t->hour] += e->n;
		if (ls->day_at >= 0 && ls->day_at < LS_DAYS)
			ls->days[ls->day_at].n[h] += e->n;
		else
			ls->day_at = logstat_day_add(ls, ls->day_key, ls->day_text, h, e->n);
	}
}

long logstat_day_add(struct logstat *ls, uint64_t key, const char *text, int k, unsigned long n)
{
	size_t i;

	for (i = ls->ndays; i-- > 0;) /* the latest first: a log is in time order */
		if (ls->days[i].key == key && strcmp(ls->days[i].text, text) == 0)
			break;
	if (i == (size_t)-1) {
		if (ls->ndays == LS_DAYS) {
			ls->days_other[k] += n;
			return LS_DAYS;
		}
		i = ls->ndays++;
		ls->days[i].key = key;
		memcpy(ls->days[i].text, text, sizeof ls->days[i].text);
	}
	ls->days[i].n[k] += n;
	return (long)i;
}

size_t logstat_days(const struct logstat *ls, struct ls_day *rows)
{
	size_t i, k, n = 0;
	int year = -1, year_mon = 0;

	for (i = 0; i < ls->ndays && year < 0; i++) /* the first day with a year */
		if (ls->days[i].text[0] != '-') {
			year = (int)(ls->days[i].key >> 16 & 0x3FFF);
			year_mon = (int)(ls->days[i].key >> 8 & 0xFF);
		}
	for (i = 0; i < ls->ndays; i++) {
		struct ls_day d = ls->days[i];
		if (d.text[0] == '-' && year >= 0) {
			int y = year_for(year, year_mon, (int)(d.key >> 8 & 0xFF));
			memmove(d.text + 4, d.text + 1, 7); /* "--11-29" to "2026-11-29" */
			d.text[0] = (char)('0' + y / 1000);
			d.text[1] = (char)('0' + y / 100 % 10);
			d.text[2] = (char)('0' + y / 10 % 10);
			d.text[3] = (char)('0' + y % 10);
			d.key = (uint64_t)(y | 1 << 14) << 16 | (d.key & 0xFFFF);
		}
		for (k = 0; k < n && rows[k].key != d.key; k++)
			;
		if (k < n) { /* the same day, with and without its year */
			int h;
			for (h = 0; h < LS_NHOURLY; h++)
				rows[k].n[h] += d.n[h];
			continue;
		}
		for (k = n++; k > 0 && logtime_order_cmp(rows[k - 1].key << 24, d.key << 24) > 0; k--)
			rows[k] = rows[k - 1];
		rows[k] = d;
	}
	return n;
}

uint64_t logstat_day_key(const char *text)
{
	char stamp[LOGTIME_TEXT];
	struct logtime t;
	size_t len = strlen(text);

	if (len != (text[0] == '-' ? 7u : 10u))
		return 0;
	snprintf(stamp, sizeof stamp, "%.10sT00:00:00", text);
	if (!logtime_valid(stamp))
		return 0;
	/* the order as logtime_parse gives it, from the ISO form */
	if (text[0] == '-') {
		static const char *const mon[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul",
		                                   "Aug", "Sep", "Oct", "Nov", "Dec" };
		char line[16];
		snprintf(line, sizeof line, "%s %c%c 00:00:00", mon[(text[2] - '0') * 10 + text[3] - '0' - 1],
		         text[5], text[6]);
		if (!logtime_parse(line, 15, &t))
			return 0;
		return t.order >> 24 | (uint64_t)8192 << 16; /* as the first year of a log */
	}
	if (!logtime_parse(stamp, 19, &t))
		return 0;
	return t.order >> 24;
}

static const char *const mta_names[LS_NMTA] = {
	"none", "postfix", "exim", "sendmail", "opensmtpd",
};

void logstat_init(struct logstat *ls)
{
	memset(ls, 0, sizeof *ls); /* the deferred ids and the details start at 0 */
	logstat_start(ls);
}

void logstat_start(struct logstat *ls)
{
	topk_start(&ls->domains);
	topk_start(&ls->relays);
}

/* The kind a count has in the tables by domain and relay, or -1. */
static int kind_of(int count)
{
	return count == LS_DELIVERED ? 0 : count == LS_DEFERRALS ? 1 : count == LS_BOUNCED ? 2 : -1;
}

/* Adds count to s[0..n) in lower case (ASCII), cut at TOPK_KEY - 1 bytes. */
static void add_lower(struct topk *t, const char *s, size_t n, int kind, unsigned long count)
{
	topk_add_lower(t, s, n, kind, count);
}

/* The domain of an address (after its last '@', up to the first '>' after
 * that), or NULL: a local name, a file or a pipe. */
static const char *domain_of(const char *a, size_t len, size_t *dlen)
{
	const char *end = a + len, *p = memchr(a, '@', len), *at, *close;

	if (!p)
		return NULL;
	while ((at = memchr(p + 1, '@', (size_t)(end - p - 1))) != NULL)
		p = at;
	p++;
	close = memchr(p, '>', (size_t)(end - p));
	*dlen = (size_t)((close ? close : end) - p);
	return *dlen ? p : NULL;
}

/* Counts each address of the event (returns how many) by its domain,
 * or "(no domain)" for a local name, a file or a pipe. */
static unsigned long count_domains(struct logstat *ls, const struct ls_event *e, int kind)
{
	const char *a = e->rcpt, *end = e->rcpt + e->rcptlen;
	unsigned long n = 0;

	while (a < end) {
		const char *comma = e->rcpt_one ? NULL : memchr(a, ',', (size_t)(end - a)), *d;
		size_t len = (size_t)((comma ? comma : end) - a), dlen = 0;
		if ((d = domain_of(a, len, &dlen)) != NULL)
			add_lower(&ls->domains, d, dlen, kind, 1);
		else
			add_lower(&ls->domains, "(no domain)", 11, kind, 1);
		a += len + 1;
		n++;
	}
	return n;
}

void logstat_line(struct logstat *ls, const char *line, size_t len)
{
	const struct logtime *t = logtime_memo_read(line, len, &ls->time_memo);
	struct ls_event e;

	memset(&e, 0, sizeof e);
	e.count = -1;
	if (!ls_read_mta(line, len, &e))
		return;
	ls->mta_lines[e.mta]++;
	count_time(ls, &e, t);
	if (e.count < 0)
		return;
	ls->count[e.count] += e.n;
	ls_detail_event(&ls->detail, &e);
	if (e.count == LS_DEFERRALS && e.idlen && idset_add(&ls->deferred, e.id, e.idlen))
		ls->count[LS_DEFERRED]++;
	if (kind_of(e.count) >= 0 && e.relaylen)
		add_lower(&ls->relays, e.relay, e.relaylen, kind_of(e.count),
		          e.rcptlen ? count_domains(ls, &e, kind_of(e.count)) : 1);
	else if (kind_of(e.count) >= 0 && e.rcptlen)
		count_domains(ls, &e, kind_of(e.count));
	if (e.dir != LS_DIR_NONE) {
		ls->dir[e.dir][0]++;
		if (e.cls == 4 || e.cls == 5)
			ls->dir[e.dir][e.cls - 3]++;
	}
}

void logstat_time_range(const struct logstat *ls, char *first, char *last)
{
	memcpy(first, ls->first, LOGTIME_TEXT);
	memcpy(last, ls->last, LOGTIME_TEXT);
	if (first[0] == '-' && last[0] && last[0] != '-')
		logtime_give_year(first, last, -1);
	else if (last[0] == '-' && first[0] && first[0] != '-')
		logtime_give_year(last, first, 1);
}

unsigned logstat_percent(const struct logstat *ls, enum ls_count c)
{
	unsigned long total = ls->count[LS_DELIVERED] + ls->count[LS_REJECTED] +
	                      ls->count[LS_DISCARDED];

	return total ? (unsigned)(ls->count[c] * 100 / total) : 0;
}

unsigned long logstat_lines(const struct logstat *ls)
{
	unsigned long n = 0;
	int m;

	for (m = 1; m < LS_NMTA; m++) /* 0 is "none" */
		n += ls->mta_lines[m];
	return n;
}

const char *logstat_key(enum ls_count c)
{
	return keys[c];
}

const char *logstat_hourly_key(enum ls_hourly h)
{
	return hourly_keys[h];
}

const char *logstat_mta_name(enum ls_mta m)
{
	return mta_names[m];
}
