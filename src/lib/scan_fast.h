/* scan_fast.h - the scanner's fast path (internal to libsmtpcode): what
 * scan_fast.c reads of a log record, the general path's builders it calls
 * (scan_reply.c, scan_who.c), and the bits that tell the emit of its reply
 * which searches would find nothing. */
#ifndef SMTPCODE_SCAN_FAST_H
#define SMTPCODE_SCAN_FAST_H

#include "scan.h"

/* The fast path (scan_fast.c): a log record whose fields before its reply's
 * text are known to hold no marker. smtpcode__fast_line returns nonzero if
 * it read l, which then goes no other way. */
enum {
	SCAN_FAST_PLAIN = 1,       /* its text holds no '#' and no 1 to 5 where a
	                            * code may start: no inner, quoted or continued code */
	SCAN_FAST_NO_COMMAND = 2,  /* ... no SCAN_COMMAND marker, nor a span's */
	SCAN_FAST_NO_JOIN = 4,     /* ... no SCAN_JOIN marker */
	SCAN_FAST_NO_TEXT_END = 8, /* ... no SCAN_TEXT_END marker */
	SCAN_FAST_CODES = 16       /* codes only: no warnings, no who */
};
struct scan_record {
	const char *text;               /* the reply's code: lookups read from here */
	int plain;                      /* SCAN_FAST_PLAIN holds from text on */
	int codes_only;                 /* no who, no warnings (s->codes_only) */
	int command_seen;               /* set: a SCAN_COMMAND marker was there */
	const char *text_end;           /* set: where the reply's text was cut */
	char recipient[SCAN_ADDRESS];   /* "to=<u@a>" */
	char host[SCAN_ADDRESS];        /* "relay=mx[192.0.2.1]:25", as host_at reads it */
};
int smtpcode__fast_line(struct scan *s, struct scan_line *l);
void smtpcode__inline_reply(struct scan *s, const char *line, const char *p, int code, char sep,
                            enum smtpcode_outcome outcome, const char *dsn,
                            struct scan_record *rec);
void smtpcode__who_record(struct scan *s, struct smtpcode_reply *r, const struct scan_record *rec);
int smtpcode__host_at(const char *p, char *out);
const char *smtpcode__stamp_end(const char *p); /* a syslog line's time stamp */

#endif
