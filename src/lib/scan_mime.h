/* scan_mime.h - the MIME pass of the reply scanner (internal to
 * libsmtpcode; scan.h includes it where struct scan_line stands, as
 * struct scan holds a struct scan_mime): its state, scan_mime.c's entry
 * points and its decoders (scan_mime_decode.c). */
#ifndef SMTPCODE_SCAN_MIME_H
#define SMTPCODE_SCAN_MIME_H

#include "smtpcode.h"

struct scan;
struct scan_line;

/* Multiparts nested deeper than this are passed on as they are written
 * (real bounces nest four or five: report > rfc822 > mixed > alternative). */
#define MIME_DEPTH_MAX 8
/* RFC 2046 allows 70 characters; a longer boundary is not followed. */
#define MIME_BOUNDARY_MAX 100
/* The bytes of one header field kept for reading it (folded lines joined). */
#define MIME_FIELD_MAX 512

enum mime_mode {
	MIME_FREE,   /* no message known: header blocks are looked for */
	MIME_HEADER, /* a header known to be one: a part's, a nested message's */
	MIME_BODY    /* a body: decoded when its header said so */
};

enum mime_encoding { MIME_PLAIN, MIME_QP, MIME_BASE64 };

/* A header block being read: what its fields said. */
struct mime_block {
	unsigned lines;            /* its lines so far (0: none) */
	int field;                 /* the field being read (1 + its index in
	                            * scan_mime.c's fields[]), or 0 */
	unsigned long field_line;  /* where it started */
	size_t vlen;
	char value[MIME_FIELD_MAX + 1];
	int type;                  /* the kind of Content-Type (scan_mime.c) */
	int report;                /* report-type=feedback-report or delivery-status */
	enum mime_encoding encoding;
	size_t blen;
	char boundary[MIME_BOUNDARY_MAX + 1];
	int message;               /* a field only a message's header holds */
	int not_auto;              /* a bounce's mark: X-Failed-Recipients, ... */
	unsigned long auto_line;   /* 0, or the line of an auto-reply's mark */
	char auto_text[128];
	unsigned long feedback_line; /* 0, or the line of Feedback-Type */
	char feedback[64];
	char recipient[SMTPCODE_REPLY_ADDRESS_SIZE]; /* Original-Rcpt-To */
};

typedef void scan_next_fn(struct scan *s, struct scan_line *l);

/* The input lines a decoded line came from: a reply's last line is moved
 * from start to end (the encoded lines' span). */
#define MIME_SPANS 8
struct mime_span {
	unsigned long start, end;
};

struct scan_mime {
	enum mime_mode mode;
	enum mime_encoding encoding;  /* MIME_BODY: how the body is encoded */
	int top_done;                 /* the message's own header was read */
	int nested;                   /* MIME_HEADER: a nested message's header */
	unsigned depth;               /* open multiparts */
	size_t blen[MIME_DEPTH_MAX];
	char boundary[MIME_DEPTH_MAX][MIME_BOUNDARY_MAX + 1];
	char dashes[MIME_BOUNDARY_MAX + 1]; /* MIME_FREE: the line before a block,
	                                     * when it looks like a boundary */
	size_t dlen;
	struct mime_block block;
	unsigned b64_bits, b64_count;  /* base64: bits not yet a byte */
	int cr;                        /* the last decoded byte was a CR */
	int started;                   /* decoded bytes wait in out */
	unsigned long out_line;        /* the line where out's text started */
	struct mime_span spans[MIME_SPANS]; /* the last decoded lines, a ring */
	unsigned span_next, span_count;
	int feeding;                   /* spans[newest] is being handed on */
	smtpcode_reply_fn *emit;       /* the caller's, while spans are fixed */
	void *arg;
	struct scan_line out;          /* a decoded line being built */
};

/* The MIME pass (first, before the others): hands each line, or each line
 * decoded from it, to next. smtpcode__mime_end ends the input. */
void smtpcode__mime_line(struct scan *s, struct scan_line *l, scan_next_fn *next);
void smtpcode__mime_end(struct scan *s, scan_next_fn *next);

/* The decoders (scan_mime_decode.c): one encoded line of a part, its
 * decoded lines handed to next; base64 returns 0 for a line that is no
 * base64 (nothing decoded). decoded_end hands on a decoded line left
 * without its end, and forgets what the decoder held. */
void smtpcode__mime_qp(struct scan *s, const struct scan_line *l, scan_next_fn *next);
int smtpcode__mime_base64(struct scan *s, const struct scan_line *l, scan_next_fn *next);
void smtpcode__mime_decoded_end(struct scan *s, scan_next_fn *next);

/* While spans_on, the scanner's callback gives each reply whose last
 * line is a decoded one the last input line of its encoding; spans_off
 * gives the caller's callback back. */
void smtpcode__mime_spans_on(struct scan *s);
/* The last line a reply ending on line has in the input: the last encoded
 * line of a decoded one (for a reply held back, then given later). */
unsigned long smtpcode__mime_last_line(const struct scan *s, unsigned long line);
void smtpcode__mime_spans_off(struct scan *s);

#endif
