/* scan.h - the reply scanner's parts (internal to libsmtpcode): the state
 * behind the opaque struct smtpcode_scanner, the line that the normalising
 * passes prepare, the format tables and what the scan_*.c files share.
 *
 *   scan.c          the driver: passes, then DSN groups, then replies
 *   scan_line.c     the normalising passes (reading, transcript prefix,
 *                   indentation)
 *   scan_text.c     the readers of a reply's text: enhanced codes, replies
 *                   inside other text, where a text ends, joins, quoted
 *                   replies (smaller readers: below)
 *   scan_formats.c  one table of markers per format (built into genscan,
 *                   which sorts them into scan_rows.c's table)
 *   scan_lookup.c   the lookups of those tables, by role (scan_lookup.h)
 *   scan_index.c    what they keep: each line's pairs, first-byte bitmaps,
 *                   the rows' slots and held rows (build/scan_slots.inc, genscan)
 *   scan_pairs.h    which markers a line may hold: the lookups' filter
 *   scan_fast.c     the fast path: a known log's records read field by
 *                   field (scan_fast.h), with the same replies
 *   scan_fast_reply.c  their replies built from the record, with codes only
 *   scan_reply.c    reply detection, and emitting a reply
 *   scan_build.c    building a reply: codes, warnings, text
 *   scan_bounce.c   bounce lines that hold no reply position: enhanced code
 *                   first, status tags, connection failures
 *   scan_mime.c     the first pass (its state: scan_mime.h): a mail
 *                   message's MIME structure, feedback reports and
 *                   auto-replies
 *   scan_mime_decode.c  its quoted-printable and base64 decoders
 *   scan_dsn.c      RFC 3464 per-recipient groups
 *   scan_who.c      who a reply is about: recipient, remote host, direction
 *   scan_twin.c     the hold-back that merges a bounce's reply with its
 *                   DSN twin
 *   scan_warn.c     warnings, and the names of warnings and outcomes
 */
#ifndef SMTPCODE_SCAN_H
#define SMTPCODE_SCAN_H

#include "ascii.h"
#include "smtpcode.h"

#include <stddef.h>

/* ---- Small readers (inline; scan_text.c has the larger ones) ------------- */

static inline int scan_is_digit(int c)
{
	return c >= '0' && c <= '9';
}

/* The first byte at or after p set in stop[] (whose '\0' must be set). */
static inline const char *scan_first_stop(const unsigned char stop[256], const char *p)
{
	for (;; p += 4) {
		if (stop[(unsigned char)p[0]] || stop[(unsigned char)p[1]])
			return stop[(unsigned char)p[0]] ? p : p + 1;
		if (stop[(unsigned char)p[2]] || stop[(unsigned char)p[3]])
			return stop[(unsigned char)p[2]] ? p + 2 : p + 3;
	}
}

static inline int scan_is_alnum(int c)
{
	return scan_is_digit(c) || (scx_lower(c) >= 'a' && scx_lower(c) <= 'z');
}

/* Nonzero if s starts with prefix, ignoring ASCII case. */
static inline int scan_starts_with(const char *s, const char *prefix)
{
	while (*prefix && scx_lower((unsigned char)*s) == scx_lower((unsigned char)*prefix))
		s++, prefix++;
	return *prefix == '\0';
}

static inline const char *scan_skip_spaces(const char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

/* A three-digit code from 100 to 599 at p, followed by ' ', '-' or the end
 * (stored in *sep); 0 if there is none. */
static inline int scan_code_at(const char *p, char *sep)
{
	if (!scan_is_digit(p[0]) || !scan_is_digit(p[1]) || !scan_is_digit(p[2]) || p[0] < '1' ||
	    p[0] > '5')
		return 0;
	if (p[3] != ' ' && p[3] != '-' && p[3] != '\0')
		return 0;
	*sep = p[3];
	return (p[0] - '0') * 100 + (p[1] - '0') * 10 + (p[2] - '0');
}

/* Nonzero if a code may start after character c: one of " ('\"#;:[<=" or a
 * tab (a column of a tab-separated report). */
static inline int scan_starts_code(char c)
{
	switch (c) {
	case ' ': case '(': case '\'': case '"': case '#': case ';': case ':': case '[':
	case '<': case '=': case '\t':
		return 1;
	default:
		return 0;
	}
}

enum scan_token { SCAN_TOKEN_NONE, SCAN_TOKEN_ENHANCED, SCAN_TOKEN_MALFORMED };

/* A token shaped like an enhanced code at p (digits and two dots, ending at
 * a space, ';', ',', ')', '>', a quote or the end): a valid one goes to
 * *code; *len gets the token's length. */
enum scan_token smtpcode__enhanced_at(const char *p, struct smtpcode_enhanced_code *code,
                                      size_t *len);
const char *smtpcode__punct_text(const char *p);
/* Nonzero if a valid enhanced code starts at p, after blanks. */
int smtpcode__enhanced_next(const char *p);
/* Nonzero if line ends with a quoted string and " +": the string goes on
 * on the next line (Node's util.inspect: '535-5.7.8 ...\n' +). */
int smtpcode__concat_end(const char *line);
/* A 4xx or 5xx known code, a colon and a word at p (Yahoo's "554: delivery
 * error: dd ..."), read only where a reply may start; 0 if none. */
int smtpcode__colon_code(const char *p, char *sep);

/* Where a quoted reply's text ends: the quote that closes it, or NULL. */
const char *smtpcode__closing_quote(const char *text, char quote);

/* Nonzero if line starts with an NDR or DSN field whose value has a type
 * ("Remote system: dns;..."): it ends the reply before it. */
int smtpcode__field_line(const char *line);
/* Nonzero if line is a stack trace's frame: it ends the reply before it. */
int smtpcode__frame_line(const char *line);


/* ---- Format tables (scan_formats.c) -------------------------------------- */

/* What a marker says where a line holds it. */
enum scan_role {
	SCAN_LEAD_IN,        /* a reply's code follows: "said: 550" */
	SCAN_LEAD_IN_COLON,  /* after the marker, a code that follows a colon:
	                      * Exim's "after RCPT TO:<a>: 550" */
	SCAN_COMMAND,        /* names the command: see struct scan_marker */
	SCAN_OUTCOME,        /* a field ("status="): a value starting with
	                      * `then` (any case) gives the outcome */
	SCAN_OUTCOME_OTHER,  /* any other value of that field gives the outcome
	                      * when the line also holds `then` */
	SCAN_OUTCOME_TOKEN,  /* the marker gives the outcome: Exim's " ** " */
	SCAN_ENHANCED,       /* an enhanced code follows: "dsn=5.1.1" */
	SCAN_RECORD_TEXT,    /* a record without a reply: its text follows, or
	                      * with `then` "(", the text in parentheses after */
	SCAN_TEXT_END,       /* a reply's text ends before it: "(in reply to" */
	SCAN_COMMAND_BEFORE, /* a line holding it names the command of the
	                      * reply on the next line (qmail's "does not
	                      * like recipient.") */
	SCAN_ENHANCED_LEAD,  /* a line starting so (after blanks, any case) and
	                      * then an enhanced code is a reply without a
	                      * basic code: "Reason:    5.1.1 ..." */
	SCAN_ENHANCED_AFTER, /* an enhanced code right after it, anywhere in a
	                      * line with no basic code, is a reply without
	                      * one: .NET's "The server response was: 5.1.1";
	                      * with `then`, right after the first `then` that
	                      * follows the marker */
	SCAN_STATUS_TAG,     /* the sending MTA's own status follows, as a
	                      * DSN Status: qmail's "(#5.1.2)"; `then` ends it */
	SCAN_JOIN,           /* joins the lines of a flattened multi-line
	                      * reply: Exim's "\n550-5.7.1 " */
	SCAN_SERVER,         /* transcript prefix of a server line: "S: " */
	SCAN_CLIENT,         /* transcript prefix of a client line: "C: " */
	SCAN_SESSION,        /* a line starting so opens a session: swaks "=== " */
	SCAN_SERVER_AFTER,   /* a server line's marker after a log prefix
	                      * ("  308   SMTP<< "); with `then`, the line
	                      * goes on after the first `then` that follows */
	SCAN_CLIENT_AFTER,   /* the same for a client line ("SMTP>> ") */
	SCAN_CLIENT_WORD,    /* a client line of this one word sends command */
	SCAN_ECHO,           /* a line starting so repeats the open reply (one
	                      * more line of it): smtplib's "reply: retcode (" */
	SCAN_RAW_CLIENT,     /* an unprefixed line starting so (any case) is a
	                      * client's command in a raw session (telnet, nc);
	                      * a marker without a final blank or colon must be
	                      * the whole line */
	SCAN_DSN_ACTION,     /* a DSN Action value starting so gives outcome */
	SCAN_CONNECTION,     /* a failure to reach or keep the server, no SMTP
	                      * reply (issue 14): with `then` after it on the
	                      * line, always ("connect to " ... "]:"); without,
	                      * only on a line that says an outcome */
	SCAN_RECIPIENT,      /* the recipient's address follows: "to=<",
	                      * Exim's " ** " (scan_who.c reads it) */
	SCAN_HOST,           /* the remote host follows: "relay=", " H=" */
	SCAN_HOST_LINE,      /* a line starting so (after blanks) names the
	                      * host of the replies after it: Exim's "host " */
	SCAN_DIRECTION,      /* a reply on a line holding it is `direction`'s:
	                      * "reject: " local, "said:" remote */
	SCAN_COMMAND_SPAN,   /* command, `then` later: "Recipient <a> rejected:" */
	SCAN_SIDE_AFTER,     /* either side's line: the server's if a code starts */
	SCAN_JSON_OBJECT,    /* a JSON object whose members "code", "message"
	                      * and "enhanced-code" make one reply follows:
	                      * Mailgun's "delivery-status" */
	SCAN_STATUS_BEFORE,  /* the sending MTA's own status follows, before the
	                      * reply it quotes on the line: Exchange 2003's
	                      * "<mx #5.0.0 smtp; 554 5.7.1 ...>" */
	SCAN_RETOLD,         /* the reply after it is told again in the
	                      * transcript below: Sendmail's "(reason: " */
	SCAN_ROLE_COUNT
};

/*
 * One row of a format's table. For SCAN_COMMAND: with command set, the
 * marker (followed by `then`, any case, when given) names that command;
 * with command NULL, the text after the marker does (up to `then` when
 * given, else one word up to a space or a colon), and a line holding the
 * marker says no more.
 */
#define SCAN_MARKER_SIZE 40
struct scan_marker {
	char marker[SCAN_MARKER_SIZE]; /* an array, not a pointer: a table of
	                                * pointers costs a relocation per row at
	                                * every start of the program */
	unsigned char len;             /* strlen(marker) */
	unsigned char role;            /* enum scan_role */
	unsigned char outcome;         /* enum smtpcode_outcome */
	unsigned char direction;       /* enum smtpcode_direction: SCAN_DIRECTION's */
	unsigned short id;             /* the first row of the table with the same
	                                * marker (genscan; 0 in scan_formats.c) */
	const char *then;              /* see the roles, or NULL */
	const char *command;           /* canonical command, or NULL */
};
/* 64 bytes a row on a 64-bit machine (the small fields in bytes): a row's number is a shift
 * from its address (scan_pairs.h's scan_next_held). */
_Static_assert(SCAN_MARKER_SIZE < 256 && SCAN_ROLE_COUNT < 256 && SMTPCODE_OUTCOME_COUNT < 256 &&
                   SMTPCODE_DIRECTION_COUNT < 256,
               "the small fields of a row fit in a byte");

struct scan_pairs; /* scan_pairs.h */

/* The rows of every format, by role, so that a lookup reads only the rows
 * of its role: src/gen/genscan.c sorts scan_formats.c's tables on the build
 * machine into one table (build/scan_rows.inc, in src/lib/scan_rows.c),
 * which every scanner shares. A row is seen through a pointer to an array
 * of one (scan_row): m + 1 is the next row and (*m)->marker its marker, as
 * through a table of pointers, without one (a pointer a row would cost a
 * relocation each at every start, or 8 bytes a row in each scanner). */
#define SCAN_ROWS_MAX 1024 /* genscan's limit; the index counts them in shorts */
typedef struct scan_marker scan_row[1];
extern const scan_row smtpcode__rows[];                            /* scan_rows.c */
extern const unsigned short smtpcode__rows_first[SCAN_ROLE_COUNT + 1]; /* role r's: [r] .. [r + 1] */

struct scan_index {
	const scan_row *rows;              /* the table above (genscan: its own) */
	const unsigned short *first;       /* rows of role r: first[r] .. first[r + 1] */
	const struct scan_pairs *pairs;    /* the line detect() reads, or NULL */
	unsigned char prefix_first[32];    /* bits: transcript prefixes' first bytes */
	unsigned char raw_first[32];       /* raw client commands', in both cases */
};

void smtpcode__lookups_index(struct scan_index *ix); /* scan_index.c: the above */
/* scan_rows.c: an index of the shared table; scan_formats.c, built into
 * genscan only: the same from its own tables, sorted there. */
void smtpcode__formats_index(struct scan_index *ix);

/* For each row m of a role (m names the loop's variable: no parentheses),
 * read from the shared table itself: its address is known where the code
 * is linked, so a loop loads no pointer to find it. */
#define EACH(ix, role, m) \
	for (const scan_row *m = ((void)(ix), smtpcode__rows + smtpcode__rows_first[(role)]), /* NOLINT */ \
	                    *m##_end = smtpcode__rows + smtpcode__rows_first[(role) + 1]; \
	     m < m##_end; m++) /* NOLINT(bugprone-macro-parentheses) */

/* The lookups themselves: scan_lookup.h (included at the end). */

/* ---- The line the passes prepare (scan_line.c) --------------------------- */

/* How far into a line a log prefix and its transcript marker may reach,
 * and a marker of either side (Exchange's connector names make its prefix
 * long); scan_fast.c checks the same spans. */
#define LOG_PREFIX_MAX 160
#define SIDE_MARKER_MAX 240

enum scan_line_kind {
	SCAN_LINE_TEXT,     /* log, bounce or NDR text */
	SCAN_LINE_SERVER,   /* a transcript's server line, prefix removed */
	SCAN_LINE_CLIENT,   /* a transcript's client line, prefix removed */
	SCAN_LINE_SESSION   /* a transcript's new session ("=== Trying") */
};

struct scan_line {
	/* the line, cleaned and terminated; as aligned as the scanner (16 bytes
	 * on x86-64), where the SIMD string functions read it fastest */
	_Alignas(struct smtpcode_scanner) char text[SMTPCODE_SCAN_LINE_MAX + 1];
	size_t len;
	enum scan_line_kind kind;
	const char *start;  /* text after a transcript prefix (text itself for TEXT) */
	int indented;       /* text starts with a blank and holds more than blanks */
	int pid, logged;    /* a process id column starts it; a log prefix */
};

struct scan;

/* Reading: copies raw[len] to l->text (at most SMTPCODE_SCAN_LINE_MAX
 * bytes, no CR at the end, NUL bytes as spaces); raw may be NULL if len
 * is 0. The passes then look at the copy. */
void smtpcode__line_read(struct scan_line *l, const char *raw, size_t len);

/* A normalising pass: reads and marks (or rewrites) the line; returns
 * nonzero to hand it on, 0 when the pass keeps it (a line joined to the
 * next). */
typedef int scan_pass_fn(struct scan *s, struct scan_line *l);

scan_pass_fn smtpcode__pass_unquote; /* quoted mail: "> ", ">> ", "> > " go */
scan_pass_fn smtpcode__pass_log_prefix; /* a log prefix before a transcript's
                                         * marker, and its process id */
scan_pass_fn smtpcode__pass_prefix; /* transcript prefixes: kind, start */
scan_pass_fn smtpcode__pass_indent; /* indentation: indented */
void smtpcode__qmail_delivery(struct scan *s, struct scan_line *l); /* scan_bounce.c */

/* ---- MIME (scan_mime.h: the first pass's state and decoders) ----------- */

#include "scan_mime.h"

/* ---- The scanner's state -------------------------------------------------- */

/* The DSN fields the scanner knows (scan_dsn.c names them). */
enum dsn_field {
	DSN_FINAL_RECIPIENT,
	DSN_ORIGINAL_RECIPIENT,
	DSN_ACTION,
	DSN_STATUS,
	DSN_REMOTE_MTA,
	DSN_DIAGNOSTIC_CODE,
	DSN_LAST_ATTEMPT_DATE,
	DSN_WILL_RETRY_UNTIL,
	DSN_X_POSTFIX_SENDER,
	DSN_X_ACTUAL_RECIPIENT,
	DSN_FIELD_COUNT,
	DSN_NOT_A_FIELD = -1
};

/* An RFC 3464 per-recipient group being read. */
struct scan_dsn {
	int open;
	enum dsn_field field;                /* the field that indented lines continue */
	struct smtpcode_reply reply;
	char diagnostic[SMTPCODE_REPLY_TEXT_SIZE];
	struct smtpcode_enhanced_code status;
	int has_status;
	unsigned long status_line, diag_first, diag_last; /* 0: none */
};

/* Who the replies are about (scan_who.c): what the lines before a reply
 * said, for the reply that follows within a few lines. */
#define SCAN_ADDRESS SMTPCODE_REPLY_ADDRESS_SIZE
struct scan_who {
	char address[SCAN_ADDRESS];          /* an address line ("<u@a>:") */
	unsigned long address_until;         /* ... good for replies up to here */
	char host[SCAN_ADDRESS];             /* a host line ("host mx [ip]:") */
	unsigned long host_until;
	enum smtpcode_direction direction;   /* a lead-in line's ("SMTP error
	                                      * from remote mail server after") */
	unsigned long direction_until;
	char session_host[SCAN_ADDRESS];     /* a transcript's "Connected to" */
	char sent_rcpt[8][SCAN_ADDRESS];     /* RCPT's address, beside sent[] */
	char txn_rcpt[SCAN_ADDRESS];         /* the accepted recipient ... */
	unsigned txn_accepted;               /* ... and how many RCPTs got 2xx */
	int context_ok;                      /* the open reply may take address */
	int dsn_rank;                        /* which field gave the DSN group's
	                                      * recipient (Final-Recipient best) */
};

/* Replies held back until their DSN twin (scan_twin.c). */
#define SCAN_HELD_MAX 4
#define SCAN_HELD_LINES 200
enum scan_held_kind {
	SCAN_HELD_DONE,                      /* waits only for the ones before */
	SCAN_HELD_TRANSCRIPT,                /* a transcript line's: may meet
	                                      * its DSN twin, if no text does */
	SCAN_HELD_TEXT                       /* a reply in text: may meet it */
};

struct scan_held {
	struct smtpcode_reply reply;
	enum scan_held_kind candidate;
	unsigned char echo;                  /* took the transcript's last reply:
	                                      * Sendmail's echo line may follow */
	unsigned char retold;                /* a transcript may tell it again */
};

#define SCAN_GONE_MAX 16
struct scan_twin {
	struct scan_held held[SCAN_HELD_MAX]; /* a ring, oldest at head */
	unsigned long echo_line;             /* the last line of that reply */
	/* Replies that left the full ring before their twin came, by their
	 * recipient's hash (0: none): their twins are dropped. */
	unsigned long gone[SCAN_GONE_MAX], gone_until[SCAN_GONE_MAX];
	unsigned char head, count, gone_next;
};

struct scan {
	unsigned long line;                  /* lines fed so far */
	smtpcode_reply_fn *emit;             /* the callback of the current call */
	void *arg;
	const char *client_command;          /* last command a transcript showed */
	const char *sent[8];                 /* commands not yet answered (a
	                                      * pipelining client sends several) */
	unsigned sent_count;
	int pending;                         /* a reply is open: more lines may join it */
	int multiline;                       /* ... and its last line ended in "550-" */
	int after_quit;                      /* a transcript's server answered QUIT */
	int raw_session;                     /* unprefixed client lines were seen */
	int pending_server;                  /* the open reply is a server line's */
	int pending_inline;                  /* ... or was found inside a line */
	int unclosed;                        /* its last line ended inside "(in
	                                      * reply to ...": the next goes on */
	int closed;                          /* its text ended at a closing quote
	                                      * ("reason":"554 ..."): none goes on */
	size_t reply_indent;                 /* blanks before the line that opened it */
	const char *after_command;           /* Exim's "after RCPT TO:<a>:" ended a */
	int after_lines;                     /* line: the reply comes in this many */
	char pid[16];                        /* "  308 ": a debug log's process id
	                                      * column before its markers */
	char lead[16];                       /* the same place on the line before */
	unsigned long lead_since;            /* the first line of a run of lead */
	int in_data, server_logged;          /* in raw content; last server line logged */
	struct smtpcode_reply reply;         /* the open reply */
	struct smtpcode_reply inner[2];      /* replies quoted inside it ("...<421
	                                      * 4.4.2 ...>"), given after it */
	size_t inner_count;
	struct scan_dsn dsn;
	struct scan_who who;
	struct scan_twin twin;
	unsigned long outcomes[SMTPCODE_OUTCOME_COUNT]; /* lines per outcome */
	struct scan_index formats;
	struct scan_line in;                 /* the line being read */
	struct scan_mime mime;
	/* the open reply, for bounce bodies (kept last: the offsets of the
	 * line buffers before them stay put) */
	size_t sentence_end;                 /* its last line's width when that line
	                                      * ended a sentence, else 0 */
	unsigned long json_until;            /* a SCAN_JSON_OBJECT's members may
	                                      * come up to this line */
	int json_member;                     /* the open reply is that object's */
	unsigned char general_only;          /* no fast path (the tests' reference) */
	unsigned char fast_reply;            /* SCAN_FAST_* bits of the open reply */
	unsigned char codes_only;            /* smtpcode_scanner_set_codes_only */
	unsigned char retold;                /* ... follows a SCAN_RETOLD marker */
	unsigned long fast_lines;            /* lines the fast path read */
};

/* ---- Replies (scan_reply.c) ----------------------------------------------- */

void smtpcode__reply_start(struct smtpcode_reply *r, unsigned long line);
void smtpcode__add_enhanced(struct smtpcode_reply *r, const struct smtpcode_enhanced_code *c);
void smtpcode__add_warning(struct smtpcode_reply *r, enum smtpcode_warning w);
void smtpcode__append_text(struct smtpcode_reply *r, const char *text, size_t n);
size_t smtpcode__reply_code(struct smtpcode_reply *r, const char *p);
void smtpcode__reply_text(struct smtpcode_reply *r, const char *text, size_t n);
/* scan_text.c: a flattened multi-line reply's joins ("\\n550-5.7.1 ") and
 * continuation prefixes ("... 550-5.7.26 ...") out of its text, their
 * codes kept; the replies quoted in text[n] of line kept in s->inner. */
void smtpcode__drop_joins(const struct scan_index *ix, struct smtpcode_reply *r);
void smtpcode__drop_prefixes(struct smtpcode_reply *r);
int smtpcode__banner_end(const char *text, int code);
void smtpcode__quoted_replies(struct scan *s, const char *text, size_t n, unsigned long line);
const char *smtpcode__find_embedded(const struct scan_index *ix, const char *line,
                                    int colon_lead, int *code, char *sep);
size_t smtpcode__reply_text_len(const struct scan_index *ix, const char *line,
                                const char *code, const char *text);
/* The quote that opens the string a reply's code at code starts (after a
 * type: "smtp; 550"), or 0. */
char smtpcode__opening_quote(const char *line, const char *code);
void smtpcode__emit(struct scan *s, struct smtpcode_reply *r, int dsn);
void smtpcode__flush_pending(struct scan *s);
void smtpcode__reply_line(struct scan *s, const struct scan_line *l);

/* ---- Bounce lines without a reply position (scan_bounce.c) -------------- */

/* Each opens a reply from line and returns nonzero, or returns 0: text that
 * starts with an enhanced code (after a lead-in, or on the line after
 * Exim's "after RCPT command:"), qmail's own status tag, a connection
 * failure (outcome: what the line says became of the mail). */
int smtpcode__enhanced_first(struct scan *s, const char *line);
int smtpcode__status_tag_line(struct scan *s, const char *line);
int smtpcode__connection_line(struct scan *s, const char *line, enum smtpcode_outcome outcome);
/* Puts the sending MTA's own status written before the reply at p on line
 * first in r's enhanced codes (Exchange 2003's "#5.0.0 smtp; 554 ..."). */
void smtpcode__status_first(const struct scan *s, struct smtpcode_reply *r, const char *line,
                            const char *p);
/* Mailgun's "delivery-status" object, one member a line: json_code opens
 * the reply at its "code": 550 member (nonzero), json_member reads a later
 * member of the open reply (nonzero), or says it ended (0). */
int smtpcode__json_code(struct scan *s, const char *line);
int smtpcode__json_member(struct scan *s, const char *body);
/* Nonzero if the code at p stands in a table's column of line. */
int smtpcode__in_column(const char *line, const char *p);

/* ---- DSN groups (scan_dsn.c) ---------------------------------------------- */

enum dsn_field smtpcode__dsn_field(const char *line);
int smtpcode__dsn_takes(const struct scan *s, const struct scan_line *l);
void smtpcode__dsn_line(struct scan *s, const struct scan_line *l);
void smtpcode__dsn_flush(struct scan *s);
/* A reply quoted after a leading status ("5.1.0 - Unknown address error
 * 550-'5.7.1 ...'", d after the status): read into r, nonzero; 0 if none. */
int smtpcode__quoted_after_status(struct smtpcode_reply *r, const char *d);

/* ---- Who (scan_who.c) and the DSN twins (scan_twin.c) -------------------- */

void smtpcode__who_open(struct scan *s, struct smtpcode_reply *r, const char *line,
                        const char *code, int transcript);
void smtpcode__who_context(struct scan *s, const char *line);
void smtpcode__who_lead_in(struct scan *s, const char *line);
void smtpcode__who_session(struct scan *s, const char *line);
void smtpcode__who_sent(struct scan *s, const char *line, const char *command);
void smtpcode__who_answer(struct scan *s, struct smtpcode_reply *r);
void smtpcode__who_dsn_field(struct scan *s, enum dsn_field f, const char *value);
void smtpcode__who_finish(struct scan *s, struct smtpcode_reply *r, int dsn);
size_t smtpcode__address_at(const char *p, char *out, size_t size);
int smtpcode__same_address(const char *a, const char *b);

/* Gives r (a DSN group's when dsn) to the caller, or holds it until its
 * DSN twin comes (the bounds in smtpcode(3)). */
void smtpcode__twin_emit(struct scan *s, const struct smtpcode_reply *r, int dsn);
/* Gives r after what is held, never merged: a reply quoted in another. */
void smtpcode__twin_emit_after(struct scan *s, const struct smtpcode_reply *r);
void smtpcode__twin_tick(struct scan *s);
void smtpcode__twin_end(struct scan *s);
void smtpcode__twin_drop(struct scan *s, unsigned long since, int basic); /* newest held */

/* ---- Warnings (scan_warn.c) ----------------------------------------------- */

/* Adds the warnings that depend on the whole reply. */
void smtpcode__check_reply(struct smtpcode_reply *r);

#include "scan_lookup.h"

#endif
