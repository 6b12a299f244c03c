/* logstat.h - the totals of a mail log, each line read by the rules of its
 * MTA (Postfix, Exim, Sendmail, OpenSMTPD): fixed size, no allocation. */
#ifndef SMTPCODE_LOGSTAT_H
#define SMTPCODE_LOGSTAT_H

#include <stddef.h>
#include <stdint.h>

#include "idset.h"
#include "logstat_detail.h"
#include "logtime.h"
#include "topk.h"

/* The totals, defined in man/smtpcode.1 (Scan). */
enum ls_count {
	LS_RECEIVED, LS_DELIVERED, LS_FORWARDED, LS_DEFERRED, LS_DEFERRALS, LS_BOUNCED,
	LS_EXPIRED, LS_REJECTED, LS_REJECT_WARNINGS, LS_HELD, LS_DISCARDED, LS_PROBES,
	LS_SOFT_BOUNCED, LS_TEMP_REJECTED, LS_NCOUNTS
};

/* Who sent a refusal: our server to a client, or a remote server to us. */
enum ls_dir { LS_DIR_NONE, LS_DIR_OURS, LS_DIR_REMOTE };

enum ls_mta { LS_MTA_NONE, LS_MTA_POSTFIX, LS_MTA_EXIM, LS_MTA_SENDMAIL, LS_MTA_OPENSMTPD,
              LS_NMTA };

/* What one line says, as the per-MTA readers (logstat_formats.c) find it. */
struct ls_event {
	enum ls_mta mta;
	int count;            /* an enum ls_count, or -1: none */
	unsigned long n;      /* how many (recipients on one line) */
	const char *id;       /* the queue id, for LS_DEFERRALS */
	size_t idlen;
	enum ls_dir dir;
	int cls;              /* 4 or 5: the class of the refusal; 0 unknown */
	const char *rcpt;     /* delivered, deferrals, bounced: the recipients */
	size_t rcptlen;       /* ("<a@x>,<b@y>", "a@x"), and the relay host */
	int rcpt_one;         /* nonzero: rcpt has no comma (one address) */
	const char *relay;
	size_t relaylen;
	struct logtime time;  /* the line's time stamp, if it has one */
	const char *text;     /* a failure's text (ls_event_set: its s, n) */
	size_t textlen;
	const char *dsn;      /* the line's dsn= field (Postfix, Sendmail), or NULL */
	size_t dsnlen;
	const char *command;  /* the command refused, canonical, or NULL */
	const char *said;     /* where text says "said: " first, if the reader knows */
};

/* The counts per hour of the day, as pflogsumm's "Per-Hour Traffic
 * Summary": received, delivered, deferrals, bounced, and rejected with
 * reject warnings, held and discarded. */
enum ls_hourly { LS_H_RECEIVED, LS_H_DELIVERED, LS_H_DEFERRED, LS_H_BOUNCED, LS_H_REJECTED,
                 LS_NHOURLY };

/* The days counted one by one (more than a year); later ones count in
 * days_other. */
#define LS_DAYS 400

/* A day's counts, as pflogsumm's "Per-Day Traffic Summary": the hourly
 * ones (enum ls_hourly) of the lines of that day. */
struct ls_day {
	uint64_t key;                  /* its order (struct logtime) >> 24: year, month, day */
	char text[11];                 /* "2026-11-29", or "--11-29" without a year */
	unsigned long n[LS_NHOURLY];
};

struct logstat {
	unsigned long count[LS_NCOUNTS];
	unsigned long mta_lines[LS_NMTA];   /* lines recognised, by MTA */
	unsigned long dir[3][3];            /* [enum ls_dir][0 lines, 1 4xx, 2 5xx] */
	struct idset deferred;              /* queue ids of deferred messages */
	struct topk domains, relays;        /* delivered, deferred, bounced */
	int top;                            /* rows of each to show (--top) */
	char first[LOGTIME_TEXT], last[LOGTIME_TEXT]; /* "" before any */
	uint64_t first_order, last_order;   /* theirs (struct logtime) */
	uint64_t time_seen;                 /* the last stamp that first and last saw */
	int yearless_month;                 /* of the last stamp without a year; 0: none */
	int new_years;                      /* New Year's Eves that such stamps crossed */
	uint64_t yearless_bits;             /* new_years, as logstat.c orders such stamps */
	int year, year_month;               /* of the last stamp with a year; 0: none */
	struct logtime_memo time_memo;      /* the last stamp read */
	unsigned long hours[LS_NHOURLY][24];
	struct ls_day days[LS_DAYS];        /* in the order first counted */
	size_t ndays;
	unsigned long days_other[LS_NHOURLY];
	uint64_t day_key;                   /* the day of the last new stamp */
	char day_text[11];
	long day_at;                        /* its row, LS_DAYS for other; -1: not looked up */
	struct ls_detail detail;            /* by reason and by code */
};

/* The JSON key of an hourly count ("rejected"). */
const char *logstat_hourly_key(enum ls_hourly h);

void logstat_init(struct logstat *ls);
/* logstat_init for storage that is all zero already (static): its pages
 * are touched only as the log fills them (peak memory). */
void logstat_start(struct logstat *ls);
void logstat_line(struct logstat *ls, const char *line, size_t len);

/* The first and the last time stamp (LOGTIME_TEXT bytes each, "" if none):
 * when one has a year and the other not (a log whose syslog lines come
 * before its first stamp with a year), the other is given one
 * (logtime_give_year). */
void logstat_time_range(const struct logstat *ls, char *first, char *last);

/* Adds n to count k (enum ls_hourly) of the day key, text (a day as
 * struct ls_day has it); returns the row's index, or LS_DAYS when the
 * days are full (days_other). */
long logstat_day_add(struct logstat *ls, uint64_t key, const char *text, int k, unsigned long n);

/* The days (rows: LS_DAYS of them) in time order; when some have a year
 * and some not (a log of syslog's and Exim's lines), those without take
 * the year of the first with one, as logstat_time_range does, and are
 * added to its row for the same day. Returns how many. */
size_t logstat_days(const struct logstat *ls, struct ls_day *rows);

/* The key of a day text ("2026-11-29", "--11-29"), or 0 if it is none. */
uint64_t logstat_day_key(const char *text);

/* pflogsumm's percentages of rejected and of discarded (c): c / (delivered
 * + rejected + discarded), rounded down; 0 when that sum is 0. */
unsigned logstat_percent(const struct logstat *ls, enum ls_count c);

/* The lines of a known MTA's log that were read (all MTAs). */
unsigned long logstat_lines(const struct logstat *ls);

/* The JSON key of a count ("reject_warnings"), and the MTA names. */
const char *logstat_key(enum ls_count c);
const char *logstat_mta_name(enum ls_mta m);

/* logstat_formats.c: reads one line; returns nonzero and fills e if the line
 * is one of the MTA's (e->count -1 if it counts nothing). */
int ls_read_line(const char *s, size_t n, struct ls_event *e);

/* The same with e cleared, and e->time not read (logstat_line reads the
 * stamp through its memo). */
int ls_read_mta(const char *s, size_t n, struct ls_event *e);

#endif
