/* scan_fast.h - the scanner's fast path (internal to libsmtpcode): what
 * scan_fast.c reads of a log record, the general path's builders it calls
 * (scan_reply.c, scan_who.c), and the bits that tell the emit of its reply
 * which searches would find nothing. */
#ifndef SMTPCODE_SCAN_FAST_H
#define SMTPCODE_SCAN_FAST_H

#include "scan.h"

#include <string.h>

/* The fast path (scan_fast.c): a log record whose fields before its reply's
 * text are known to hold no marker. smtpcode__fast_line returns nonzero if
 * it read l, which then goes no other way. */
enum {
	SCAN_FAST_PLAIN = 1,       /* its text holds no '#' and no 1 to 5 where a
	                            * code may start: no inner, quoted or continued code */
	SCAN_FAST_NO_COMMAND = 2,  /* ... no SCAN_COMMAND marker, nor a span's */
	SCAN_FAST_NO_JOIN = 4,     /* ... no SCAN_JOIN marker */
	SCAN_FAST_NO_TEXT_END = 8, /* ... no SCAN_TEXT_END marker */
	SCAN_FAST_CODES = 16,      /* codes only: no warnings, no who */
	SCAN_FAST_COMMAND_LATER = 32, /* its command is not read yet: the text it
	                            * is read from waits in s->dsn.diagnostic
	                            * (smtpcode__fast_command) */
	SCAN_FAST_PAREN_KNOWN = 64, /* whether a ')' that ends its text closes
	                            * one opened in it is known: */
	SCAN_FAST_PAREN_DROP = 128  /* ... it does not (the emit drops it) */
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

/* A delivery record's reply built directly, with codes only
 * (scan_fast_reply.c): smtpcode__fast_shape reads the line from the
 * reply's code on and returns nonzero if the general builders would find
 * only what smtpcode__fast_build then builds (the open reply before is
 * closed by then). */
struct fast_shape {
	const char *from;  /* where the lookups read: the reply's code, or the
	                    * text of a record without a reply */
	const char *end;   /* where its text ends: before " (in reply to", or
	                    * the line's end */
	int depth;         /* the '(' less the ')' in the text */
};
int smtpcode__fast_shape(const struct scan *s, const struct scan_line *l, const char *code,
                         struct fast_shape *sh);
void smtpcode__fast_build(struct scan *s, const struct scan_line *l, const struct fast_shape *sh,
                          int code, enum smtpcode_outcome outcome, const char *dsn);
/* The same for a record whose text holds no reply ("status=sent (delivered
 * to mailbox)"), as scan_fast.c record_codes builds it. */
int smtpcode__fast_record_shape(const struct scan *s, const struct scan_line *l, const char *text,
                                struct fast_shape *sh);
void smtpcode__fast_record_build(struct scan *s, const struct scan_line *l,
                                 const struct fast_shape *sh, enum smtpcode_outcome outcome,
                                 const char *dsn);
/* Reads the command of the open reply that SCAN_FAST_COMMAND_LATER marks,
 * before the general way reads a line: the general builders read it then
 * (a reply without one takes Yahoo's "[RCPT_TO]" line after it). */
void smtpcode__fast_command(struct scan *s);
/* Nonzero if text holds none of what smtpcode__fast_shape refuses past its
 * first byte (no code's shape, no marker's pattern, no open '('); the byte
 * before text is read too (a reply's text follows its code). */
int smtpcode__fast_plain_text(const struct scan_index *ix, const char *text);

/* Nonzero if p starts what a code's reader takes for a code (after a byte
 * a code may start after): 1 to 5 and two digits, then a blank, '-', the
 * end or punctuation ("550 ", "550-", "550:", "421,"); or '#' and a digit
 * (Exchange's "#5.1.1"). IP addresses' "192." are none. */
static inline int smtpcode__code_shape(const char *p)
{
	if (p[0] == '#')
		return scan_is_digit(p[1]);
	return p[0] >= '1' && p[0] <= '5' && scan_is_digit(p[1]) && scan_is_digit(p[2]) &&
	       (p[3] == '\0' || strchr(" -,:;)", p[3]));
}

/* The builders of scan_build.c and scan_reply.c it uses besides those
 * scan.h declares. */
/* smtpcode__reply_start, but the strings are only emptied (their unused
 * ends, most of the struct, stay as they were): for a reply whose strings
 * are then written whole, each ending in a NUL. */
void smtpcode__reply_start_fields(struct smtpcode_reply *r, unsigned long line);
/* The width of line[n] when it ends a sentence (scan_reply.c). */
size_t smtpcode__sentence_width(const char *line, size_t n);
void smtpcode__inline_reply(struct scan *s, const char *line, const char *p, int code, char sep,
                            enum smtpcode_outcome outcome, const char *dsn,
                            struct scan_record *rec);
void smtpcode__who_record(struct scan *s, struct smtpcode_reply *r, const struct scan_record *rec);
int smtpcode__host_at(const char *p, char *out);
const char *smtpcode__stamp_end(const char *p); /* a syslog line's time stamp */

#endif
