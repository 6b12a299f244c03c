/*
 * smtpcode.h - SMTP reply codes: parse, look up, compare.
 *
 * The engine behind the smtpcode command. It does no I/O, allocates
 * nothing and keeps no mutable state: every function is safe to call from
 * several threads. Strings it returns point into constant data and live as
 * long as the program.
 *
 * A function that writes text into buf[size] always terminates it (when
 * size > 0) and cuts the text to fit, on a UTF-8 character boundary; with
 * size 0 it writes nothing, and buf may then be NULL. The short texts
 * (codes, command lists) return buf; the prose (notes, compare texts)
 * returns the length of the whole text, as snprintf does, so a result of
 * size or more means it was cut. Other pointers must not be NULL unless a
 * comment says so.
 */
#ifndef SMTPCODE_H
#define SMTPCODE_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The version of this header: a string, and a number that grows with it
 * (major * 10000 + minor * 100 + patch). */
#define SMTPCODE_VERSION "1.0.0"
#define SMTPCODE_VERSION_NUM 10000

/* The version of the library linked in, as SMTPCODE_VERSION: "1.0.0". */
const char *smtpcode_version(void);

/*
 * Names used throughout: "basic" is a three-digit reply code (an int from
 * 100 to 599), "enhanced" an RFC 3463 code (struct smtpcode_enhanced_code);
 * an index into one of the tables is a size_t. A find function returns 0
 * when it finds and -1 when it does not, and gives what it found through
 * size_t out-parameters.
 */

/* "X" (any) in a class, subject or detail: in codes, registry entries and patterns. */
#define SMTPCODE_ANY (-1)

/* No table index: a lookup's row that does not exist. */
#define SMTPCODE_NO_ROW ((size_t)-1)

/* How well established a meaning is (the status column of data/codes.tsv). */
enum smtpcode_status {
	SMTPCODE_STATUS_STANDARD,        /* RFC 5321 */
	SMTPCODE_STATUS_EXTENSION,       /* a standards-track SMTP extension */
	SMTPCODE_STATUS_EXPERIMENTAL,    /* an Experimental RFC or a draft never adopted */
	SMTPCODE_STATUS_REGISTRY_SAMPLE, /* only a sample code in the IANA registry */
	SMTPCODE_STATUS_DE_FACTO,        /* no RFC, but sent by real servers */
	SMTPCODE_STATUS_PSEUDO           /* not an SMTP reply code at all */
};

/* One meaning of a three-digit code: one row of data/codes.tsv. */
struct smtpcode_meaning {
	int basic;                   /* 100 to 599 */
	enum smtpcode_status status;
	const char *commands;        /* "RCPT,VRFY", "*" (any) or "-" (none) */
	const char *name;
	const char *source;
	const char *description;
	const char *when_seen;
	const char *fix;
};

/* The status as it is spelled in the data and the JSON: "standard", ... */
const char *smtpcode_status_name(enum smtpcode_status status);

/* Date on which the RFCs and the registry behind the table were checked. */
const char *smtpcode_sources_date(void);

/* ---- Parsing a three-digit code ---------------------------------------- */

enum smtpcode_parse_error {
	SMTPCODE_PARSE_OK,
	SMTPCODE_PARSE_EMPTY,      /* "" */
	SMTPCODE_PARSE_NOT_DIGIT,  /* a character that is not 0-9 */
	SMTPCODE_PARSE_TOO_SHORT,  /* fewer than three digits */
	SMTPCODE_PARSE_TOO_LONG,   /* more than three digits */
	SMTPCODE_PARSE_RANGE,      /* first digit 0 or 6-9 */
	/* enhanced status codes (RFC 3463 §2: class.subject.detail) */
	SMTPCODE_PARSE_ENH_PARTS_FEW,    /* "5.1" */
	SMTPCODE_PARSE_ENH_PARTS_MANY,   /* "5.1.1.1" */
	SMTPCODE_PARSE_ENH_EMPTY_PART,   /* "5..1" */
	SMTPCODE_PARSE_ENH_CLASS,        /* "6.1.1": the class is 2, 4, 5 or X */
	SMTPCODE_PARSE_ENH_LEADING_ZERO, /* "5.01.1" */
	SMTPCODE_PARSE_ENH_TOO_LONG      /* "5.1.1000": subject and detail have 1-3 digits */
};

/*
 * Parses exactly three ASCII digits from 100 to 599 into *basic. On
 * SMTPCODE_PARSE_NOT_DIGIT, *bad (if not NULL) is the offset of the first
 * offending byte. *basic is set only on success.
 */
enum smtpcode_parse_error smtpcode_parse_basic(const char *text, int *basic,
                                               size_t *bad);

/* A short English reason for a parse error, e.g. "has more than three digits". */
const char *smtpcode_parse_error_reason(enum smtpcode_parse_error err);

/* An RFC 3463 enhanced status code: a value, such as 5.1.1 or X.1.1. */
struct smtpcode_enhanced_code {
	int reply_class; /* 2, 4, 5, or SMTPCODE_ANY for X */
	int subject;     /* 0 to 999 */
	int detail;      /* 0 to 999 */
};

/*
 * Parses "5.1.1", "X.1.1" or "x.1.1" (RFC 3463 §2: class 2, 4 or 5; subject
 * and detail of one to three digits without leading zeros). On
 * SMTPCODE_PARSE_NOT_DIGIT, *bad is the offset of the offending byte.
 */
enum smtpcode_parse_error smtpcode_parse_enhanced(const char *text,
                                                  struct smtpcode_enhanced_code *code,
                                                  size_t *bad);

/* Writes code as text ("5.1.1", "X.1.1") into buf[size]; returns buf. */
char *smtpcode_enhanced_text(const struct smtpcode_enhanced_code *code, char *buf,
                             size_t size);

/* Either kind of code, as given on a command line. */
enum smtpcode_kind { SMTPCODE_KIND_BASIC, SMTPCODE_KIND_ENHANCED };

struct smtpcode_query {
	enum smtpcode_kind kind;
	int basic;                              /* when kind is BASIC */
	struct smtpcode_enhanced_code enhanced; /* when kind is ENHANCED */
};

/* Parses text as an enhanced code if it has a '.', else as a basic code. */
enum smtpcode_parse_error smtpcode_parse(const char *text, struct smtpcode_query *q,
                                         size_t *bad);

/* ---- Digits --------------------------------------------------------------- */

/* RFC 5321 §4.2.1 name of the first digit (1-5), e.g. "Positive Completion";
 * NULL for any other digit. */
const char *smtpcode_class_name(int digit);

/* RFC 5321 §4.2.1 name of the second digit (0-9), e.g. "Mail System";
 * "Unspecified" for 3 and 4, "Not assigned" for 6 to 9. */
const char *smtpcode_category_name(int digit);

/* What a client does on a reply of this class (1-5): one sentence. */
const char *smtpcode_class_advice(int digit);

/* RFC 3463 §3.1 name of an enhanced class (2, 4, 5), e.g. "Permanent
 * Failure"; NULL for any other digit. */
const char *smtpcode_enhanced_class_name(int digit);

/* ---- SMTP command names ------------------------------------------------- */

/*
 * The canonical name of an SMTP command, or NULL if it is not one smtpcode
 * knows. Case does not matter; "MAIL FROM" and "RCPT TO" (as logs write them)
 * give "MAIL" and "RCPT"; "GREETING" gives "CONNECT", which stands for the
 * connection opening.
 */
const char *smtpcode_command_canonical(const char *name);

/* Nonzero if meaning m is a reply to command cmd (a canonical name);
 * a "*" meaning answers every command, a "-" meaning none. */
int smtpcode_meaning_answers(const struct smtpcode_meaning *m, const char *cmd);

/* Writes a commands column for people into buf[size] and returns buf:
 * "RCPT, VRFY", "any command", "no command (not a reply code)", with
 * CONNECT as "the connection opening (greeting)". */
char *smtpcode_commands_text(const char *commands, char *buf, size_t size);

/* ---- The table ------------------------------------------------------------ */

/* Number of meanings in the table; they are sorted by code. */
size_t smtpcode_meaning_count(void);

/* Fills *out with meaning i (0 <= i < count); returns 0, or -1 if i is out of range. */
int smtpcode_meaning_at(size_t index, struct smtpcode_meaning *out);

/* Finds the meanings of basic: returns 0 and sets *first to the index of
 * the first and *count to how many there are (adjacent in the table), or
 * returns -1 if there are none, leaving both alone. first and count may be
 * NULL. */
int smtpcode_find(int basic, size_t *first, size_t *count);

/* ---- Enhanced status codes: the IANA registry --------------------------- */

/* One entry of the registry (a row of data/enhanced.tsv): a class (2.X.X),
 * a subject (X.1.X) or an enumerated code (X.1.1); the X parts are
 * SMTPCODE_ANY. */
struct smtpcode_enhanced_entry {
	int reply_class;     /* 2, 4 or 5 for a class entry; SMTPCODE_ANY otherwise */
	int subject;         /* SMTPCODE_ANY for a class entry */
	int detail;          /* SMTPCODE_ANY for a class or subject entry */
	int deprecated;      /* the registry marks it deprecated */
	const char *title;
	const char *basic_codes; /* the registry's associated basic codes: "451,550",
	                            "5XX" for a whole class, "Any", or "-" for none */
	const char *source;
	const char *description;
	const char *when_seen;
	const char *fix;
};

/* Number of entries, and entry i (0 <= i < count); 0, or -1 if i is out of range. */
size_t smtpcode_enhanced_count(void);
int smtpcode_enhanced_at(size_t index, struct smtpcode_enhanced_entry *out);

/* Finds the entry for a class (cls, ANY, ANY), a subject (ANY, s, ANY) or a
 * code (ANY, s, d), with SMTPCODE_ANY for ANY: returns 0 and sets *index
 * (if not NULL), or returns -1 if there is none. */
int smtpcode_enhanced_find(int reply_class, int subject, int detail, size_t *index);

/* 1 if entry e lists basic among its associated codes, 2 if it lists
 * its class as a whole (5XX, or Any), 0 if neither. */
int smtpcode_enhanced_lists_basic(const struct smtpcode_enhanced_entry *e, int basic);

/* The enumerated codes (X.s.d) that list basic by number among their
 * associated basic codes (smtpcode_enhanced_lists_basic() == 1), from an
 * index built with the table: writes the first max of their entry indexes
 * into rows[], in table order, and returns how many there are (rows may be
 * NULL when max is 0). */
size_t smtpcode_enhanced_for_basic(int basic, size_t *rows, size_t max);

/* A provider's use of a code that differs from the registry (data/enhanced-notes.tsv). */
struct smtpcode_provider_note {
	struct smtpcode_enhanced_code enhanced; /* the first code it covers */
	int detail_last;                    /* the last detail it covers (a range: 606-649) */
	const char *provider;
	const char *note;
	const char *source;
};

size_t smtpcode_provider_note_count(void);
int smtpcode_provider_note_at(size_t index, struct smtpcode_provider_note *out);

/* ---- Lookup -------------------------------------------------------------- */

enum smtpcode_after_match {
	SMTPCODE_AFTER_NONE,     /* no command given: every meaning is selected */
	SMTPCODE_AFTER_EXACT,    /* the meaning that lists the command */
	SMTPCODE_AFTER_ANY,      /* the meaning that answers any command ("*") */
	SMTPCODE_AFTER_UNLISTED  /* no meaning answers it: every meaning is selected */
};

/* What a note of a lookup is about. Its text, in English, comes from
 * smtpcode_lookup_note() or smtpcode_enhanced_lookup_note(). */
enum smtpcode_note_kind {
	SMTPCODE_NOTE_UNDEFINED,    /* basic: no RFC or registry defines the code */
	SMTPCODE_NOTE_DOTLESS,      /* basic: a pseudo code that reads as an enhanced one (571) */
	SMTPCODE_NOTE_NOT_AFTER,    /* basic: no meaning answers the command after */
	SMTPCODE_NOTE_UNREGISTERED  /* enhanced: the registry does not list the code */
};

#define SMTPCODE_NOTE_MAX 4

struct smtpcode_lookup {
	int basic;
	int known;                     /* the table has at least one meaning */
	size_t first, count;           /* selected meanings: table indices */
	const char *after;             /* canonical command, or NULL */
	enum smtpcode_after_match match;
	size_t note_count;
	enum smtpcode_note_kind notes[SMTPCODE_NOTE_MAX];
};

/*
 * Looks code up; after is a command name (any spelling that
 * smtpcode_command_canonical() accepts) or NULL. Returns 0, or -1 if the
 * code is out of range or after is not a known command.
 */
int smtpcode_lookup(int basic, const char *after, struct smtpcode_lookup *out);

/* Writes note index of lk (0 <= index < lk->note_count) into buf[size] as
 * snprintf does: returns the length of the whole text, terminates buf when
 * size > 0 and cuts the text to fit (on a UTF-8 character boundary); buf may
 * be NULL when size is 0. An index out of range gives "" and 0. */
size_t smtpcode_lookup_note(const struct smtpcode_lookup *lk, size_t index, char *buf,
                            size_t size);

#define SMTPCODE_PROVIDER_MAX 8

struct smtpcode_enhanced_lookup {
	struct smtpcode_enhanced_code enhanced;
	char text[16];           /* "5.1.1" or "X.1.1" */
	int known;               /* the registry lists X.subject.detail */
	size_t class_row;        /* registry entries, SMTPCODE_NO_ROW where there is none */
	size_t subject_row;
	size_t detail_row;
	size_t provider_count;   /* provider notes for this code */
	size_t provider[SMTPCODE_PROVIDER_MAX];
	size_t note_count;       /* why it is not registered, and the like */
	enum smtpcode_note_kind notes[SMTPCODE_NOTE_MAX];
};

/* Writes the codes a note covers into buf[size]: "5.1.10", "5.7.606-649". */
char *smtpcode_provider_note_code(const struct smtpcode_provider_note *note, char *buf,
                                  size_t size);

/* Looks an enhanced code up (never fails for a parsed code). */
void smtpcode_lookup_enhanced(const struct smtpcode_enhanced_code *code,
                              struct smtpcode_enhanced_lookup *out);

/* Writes note index of lk into buf[size], as smtpcode_lookup_note() does. */
size_t smtpcode_enhanced_lookup_note(const struct smtpcode_enhanced_lookup *lk, size_t index,
                                     char *buf, size_t size);

/* Either kind of lookup. */
struct smtpcode_item {
	enum smtpcode_kind kind;
	struct smtpcode_lookup basic;
	struct smtpcode_enhanced_lookup enhanced;
};

/* Looks q up as smtpcode_lookup() or smtpcode_lookup_enhanced() does;
 * returns 0, or -1 as smtpcode_lookup() does, and -1 for a kind outside
 * the enum or an enhanced code smtpcode_parse_enhanced() cannot give
 * (class other than 2, 4, 5 or SMTPCODE_ANY; subject or detail outside 0-999). */
int smtpcode_lookup_item(const struct smtpcode_query *q, const char *after,
                         struct smtpcode_item *out);

/* Nonzero if the item is defined (a known basic code, a registered enhanced code). */
int smtpcode_item_known(const struct smtpcode_item *item);

/* ---- Compare ------------------------------------------------------------- */

/* A curated note on a pair of codes (data/pairs.tsv). */
struct smtpcode_pair {
	int a, b;                 /* a < b */
	const char *source;
	const char *difference;
	const char *when_to_use;
};

/* Finds the curated note for a and b in either order: returns 0 and sets
 * *index (if not NULL), or returns -1 if there is none. */
int smtpcode_pair_find(int a, int b, size_t *index);

/* Number of curated pairs, and pair i of them. */
size_t smtpcode_pair_count(void);
int smtpcode_pair_at(size_t index, struct smtpcode_pair *out);

/* What one key difference of a compare is about, in the order a compare
 * lists them; smtpcode_compare_difference() writes it out. */
enum smtpcode_difference {
	SMTPCODE_DIFF_KIND,        /* a basic code against an enhanced one */
	SMTPCODE_DIFF_CLASS,
	SMTPCODE_DIFF_RETRY,       /* what a client does after each (classes differ) */
	SMTPCODE_DIFF_CATEGORY,    /* basic: the second digits differ */
	SMTPCODE_DIFF_DEFINITION,  /* basic: one or both are not defined */
	SMTPCODE_DIFF_COMMANDS,    /* basic: they answer different commands */
	SMTPCODE_DIFF_SUBJECT,     /* enhanced */
	SMTPCODE_DIFF_SENT_WITH,   /* enhanced: the registry's basic codes */
	SMTPCODE_DIFF_REGISTRY,    /* mixed: does the registry list the basic code */
	SMTPCODE_DIFF_SOURCE,
	SMTPCODE_DIFF_PROVIDERS,   /* enhanced: provider notes */
	SMTPCODE_DIFF_RULE         /* basic: the curated pair note */
};

#define SMTPCODE_DIFF_MAX 8

struct smtpcode_compare {
	struct smtpcode_item a, b;
	int same_class;
	int curated;                   /* a curated pair note was used */
	size_t pair;                   /* the pair's index, when curated */
	size_t difference_count;
	enum smtpcode_difference differences[SMTPCODE_DIFF_MAX];
	int lang;                      /* the language of the summary's fixed words */
};

/* Compares codes a and b of either kind (after: as for smtpcode_lookup).
 * Returns 0, or -1 on a code out of range (one smtpcode_lookup_item()
 * rejects, such as an enhanced class 9) or an unknown command; then *out
 * is unspecified and must not be passed to the functions below. */
int smtpcode_compare(const struct smtpcode_query *a, const struct smtpcode_query *b,
                     const char *after, struct smtpcode_compare *out);

/* As smtpcode_compare(), with the summary's connecting words and class
 * names in language lang (see smtpcode_language_find(); 0 is English)
 * when both codes are three-digit ones; other summaries stay English. */
int smtpcode_compare_lang(const struct smtpcode_query *a, const struct smtpcode_query *b,
                          const char *after, int lang, struct smtpcode_compare *out);

/* The prose of a compare, written on demand into buf[size] as snprintf
 * does (see smtpcode_lookup_note()): a paragraph on the two codes, key
 * difference index (0 <= index < c->difference_count; out of range gives
 * ""), and which code to use when. */
size_t smtpcode_compare_summary(const struct smtpcode_compare *c, char *buf, size_t size);
size_t smtpcode_compare_difference(const struct smtpcode_compare *c, size_t index, char *buf,
                                   size_t size);
size_t smtpcode_compare_when_to_use(const struct smtpcode_compare *c, char *buf, size_t size);

/* ---- Languages (data/i18n.tsv) ---------------------------------------- */

/* The languages of smtpcode_compare_lang() (and of the command's output):
 * how many there are, and the code of language i ("en" is 0). */
size_t smtpcode_language_count(void);
const char *smtpcode_language_code(size_t index);

/* The language of a name such as "es", "es_ES.UTF-8" or "pt-BR" (its first
 * two letters); "C", "POSIX" and "" give 0 (English); -1 if there is none. */
int smtpcode_language_find(const char *name);

/* ---- Patterns: 5xx, 55x, 4.7.x, x.1.x ----------------------------------- */

/* A code with some positions left open ('x' or 'X'). */
struct smtpcode_pattern {
	enum smtpcode_kind kind;
	char digits[4];          /* basic: three characters, each a digit or 'x' */
	int reply_class;         /* enhanced: 2, 4, 5, or SMTPCODE_ANY for x */
	int subject, detail;     /* enhanced: 0 to 999, or SMTPCODE_ANY for x */
};

/*
 * Parses a pattern: three characters of digits and x (5xx, 55x, x50), or
 * class.subject.detail with x for any part (4.7.x, x.1.x, 5.x.1). Case does
 * not matter. Returns SMTPCODE_PARSE_OK, or the error that smtpcode_parse()
 * would give. It also accepts a full code ("550"): call smtpcode_is_pattern()
 * first to tell the two apart. An enhanced pattern's class only says how the
 * codes are written: the registry lists each code once, for every class.
 */
enum smtpcode_parse_error smtpcode_parse_pattern(const char *text,
                                                 struct smtpcode_pattern *pattern);

/* Nonzero if text is a pattern (has an x where a digit would be). */
int smtpcode_is_pattern(const char *text);

/* Nonzero if p matches basic code basic, or registry entry e (only code
 * entries match; an enhanced pattern's class is not compared). */
int smtpcode_pattern_matches_basic(const struct smtpcode_pattern *p, int basic);
int smtpcode_pattern_matches_enhanced(const struct smtpcode_pattern *p,
                                      const struct smtpcode_enhanced_entry *e);

/* ---- Search ------------------------------------------------------------- */

struct smtpcode_hit {
	enum smtpcode_kind kind;
	size_t index;            /* a meaning's or an enhanced row's table index */
	int score;               /* higher is better */
};

/*
 * Finds the codes whose texts (name or title, description, when_seen, fix,
 * source) contain every word, ignoring ASCII case; a word in the name counts
 * most. Each three-digit code appears once (its best meaning). Fills at
 * most max hits, best first; returns how many were found in all. hits may
 * be NULL to count only (a NULL hits is taken as max 0).
 */
size_t smtpcode_search(const char *const *words, size_t nwords, struct smtpcode_hit *hits,
                       size_t max);

/* ---- Replies in text: bounces, DSNs, mail logs, SMTP transcripts ---- */

enum smtpcode_warning {
	SMTPCODE_WARN_CLASS_MISMATCH,        /* 500 4.7.1: the classes differ */
	SMTPCODE_WARN_ENHANCED_ON_3XX,       /* 354 2.0.0: 3xx replies carry none */
	SMTPCODE_WARN_MALFORMED_ENHANCED,    /* 550 5.01.1 */
	SMTPCODE_WARN_UNDEFINED_CODE,        /* 599: no RFC or registry defines it */
	SMTPCODE_WARN_PSEUDO_CODE,           /* 571: not a reply code at all */
	SMTPCODE_WARN_CONTINUATION_MISMATCH, /* 550-... then 551 ...: one reply, two codes */
	SMTPCODE_WARN_COUNT                  /* how many there are; not a warning */
};

/* The warning's name, as in JSON: "class-mismatch", ...; "unknown" for a
 * value outside the enum. */
const char *smtpcode_warning_name(enum smtpcode_warning w);

/* What a log line or a DSN says became of the message. */
enum smtpcode_outcome {
	SMTPCODE_OUTCOME_NONE,
	SMTPCODE_OUTCOME_DELIVERED,
	SMTPCODE_OUTCOME_DEFERRED,
	SMTPCODE_OUTCOME_BOUNCED,
	SMTPCODE_OUTCOME_EXPIRED,            /* given up: Postfix status=expired */
	/* Added in 1.1 (the values above keep theirs): */
	SMTPCODE_OUTCOME_UNDELIVERABLE,      /* an address-verification probe found
	                                      * the address undeliverable (Postfix
	                                      * status=undeliverable): no mail was
	                                      * sent, none returned */
	SMTPCODE_OUTCOME_DELIVERABLE,        /* a probe found it deliverable */
	SMTPCODE_OUTCOME_SOFTBOUNCE,         /* a bounce kept in the queue instead:
	                                      * Postfix soft_bounce=yes, "SOFTBOUNCE" */
	SMTPCODE_OUTCOME_WARNING,            /* a refusal logged but not made: Postfix
	                                      * warn_if_reject, "reject_warning:" */
	SMTPCODE_OUTCOME_COUNT               /* how many there are; not an outcome */
};

/* "delivered", "deferred", "bounced", "expired", "undeliverable",
 * "deliverable", "softbounce", "warning", or NULL for none (and outside
 * the enum). */
const char *smtpcode_outcome_name(enum smtpcode_outcome o);

/* Who sent a reply, where the text says so. */
enum smtpcode_direction {
	SMTPCODE_DIRECTION_UNKNOWN,
	SMTPCODE_DIRECTION_LOCAL,   /* our server answered a client: Postfix
	                             * "NOQUEUE: reject:", Exim "rejected RCPT" */
	SMTPCODE_DIRECTION_REMOTE,  /* a remote server answered us: "said:",
	                             * "SMTP error from remote mail server" */
	SMTPCODE_DIRECTION_COUNT    /* how many there are; not a direction */
};

/* "local", "remote", or NULL for unknown (and outside the enum). */
const char *smtpcode_direction_name(enum smtpcode_direction d);

/* What a whole message is, for the objects that stand for one rather than
 * for an SMTP reply (scan_mime.c reads the message's header). */
enum smtpcode_report {
	SMTPCODE_REPORT_NONE,       /* an SMTP reply or a DSN group */
	SMTPCODE_REPORT_FEEDBACK,   /* an ARF feedback report (RFC 5965): the
	                             * text is its Feedback-Type ("abuse") */
	SMTPCODE_REPORT_AUTOREPLY,  /* an auto-reply (RFC 3834, vacation): the
	                             * text is the header field that said so */
	SMTPCODE_REPORT_COUNT       /* how many there are; not a report */
};

/* "feedback", "autoreply", or NULL for none (and outside the enum). */
const char *smtpcode_report_name(enum smtpcode_report r);

#define SMTPCODE_REPLY_ENHANCED_MAX 4
#define SMTPCODE_REPLY_ADDRESS_SIZE 256
#define SMTPCODE_REPLY_WARNING_MAX 6
#define SMTPCODE_REPLY_TEXT_SIZE 2048

/* One reply found in text, as the scanner hands it to its callback. */
struct smtpcode_reply {
	unsigned long first_line, last_line; /* 1-based line numbers in the input */
	int basic;                           /* the three-digit code, or 0 if none */
	size_t enhanced_count;               /* outer code first (5.4.0), then inner (#4.4.1) */
	int direct;                          /* enhanced[0] stood right after the basic code */
	struct smtpcode_enhanced_code enhanced[SMTPCODE_REPLY_ENHANCED_MAX];
	const char *command;                 /* the command it answered, or NULL */
	enum smtpcode_outcome outcome;
	char text[SMTPCODE_REPLY_TEXT_SIZE]; /* the reply's text; continuation lines joined */
	char malformed[32];                  /* a malformed enhanced code, as written */
	size_t warning_count;
	enum smtpcode_warning warnings[SMTPCODE_REPLY_WARNING_MAX];
	/* Who and where, "" when the text does not say (cut to fit, always
	 * NUL-terminated). */
	char recipient[SMTPCODE_REPLY_ADDRESS_SIZE];   /* the address the reply is
	                                                * about: u@example.org */
	char remote_host[SMTPCODE_REPLY_ADDRESS_SIZE]; /* the remote MTA's name
	                                                * and/or [IP], as written */
	enum smtpcode_direction direction;
	int quoted;                          /* found inside another reply's text */
	enum smtpcode_report report;         /* NONE, or the message it stands
	                                      * for (basic 0, no enhanced code) */
	int transcript;                      /* a server's line of a session
	                                      * transcript: the answer to a
	                                      * client there and then, no bounce */
	unsigned long dsn_first_line, dsn_last_line; /* the lines of the DSN
	                                      * group that gave it, or repeated a
	                                      * bounce's reply (merged into it);
	                                      * 0 when none */
};

/* Longest line the scanner reads; the rest of a longer line is skipped. */
#define SMTPCODE_SCAN_LINE_MAX 16384

/* The size of struct smtpcode_scanner: fixed for the ABI, with room for the
 * passes that later versions add (the state takes about 60 KiB today). */
#define SMTPCODE_SCANNER_SIZE 65536

/* Finds replies in text fed one line at a time. Opaque: all its state is in
 * here (no allocation, no I/O, constant memory whatever the input), read
 * through the functions below. Make it static or allocate it where the
 * stack is small. */
struct smtpcode_scanner {
	union {
		long double align_;
		void *p_;
		unsigned char opaque_[SMTPCODE_SCANNER_SIZE];
	} u;
};

/* Called for each reply found; reply is valid only during the call. */
typedef void smtpcode_reply_fn(const struct smtpcode_reply *reply, void *arg);

void smtpcode_scanner_init(struct smtpcode_scanner *s);

/* Feeds one line of len bytes, without its line end (a trailing CR is
 * ignored; NUL bytes and invalid UTF-8 are allowed). Calls emit for each
 * reply that the line completes, in the text's order; a reply in text may
 * be held back (at most 4, for at most 200 lines) until its bounce's DSN
 * group repeats it, which then joins it (smtpcode(3)). */
void smtpcode_scanner_line(struct smtpcode_scanner *s, const char *line, size_t len,
                           smtpcode_reply_fn *emit, void *arg);

/* Ends the input: emits a reply still open, and the replies held back. */
void smtpcode_scanner_end(struct smtpcode_scanner *s, smtpcode_reply_fn *emit, void *arg);

/* With on nonzero, the scanner may leave a reply's command, direction,
 * recipient, remote_host and warnings unset (NULL, UNKNOWN, "", none)
 * where that saves it work: today, the replies of the log records its
 * fast path reads (smtpcode(3) names them). Lines, codes, outcome, text,
 * quoted and report stay as they were, and so do the replies found and
 * the outcome counts. For a caller that counts codes (smtpcode scan).
 * Off after smtpcode_scanner_init. */
void smtpcode_scanner_set_codes_only(struct smtpcode_scanner *s, int on);

/* The number of lines fed so far. */
unsigned long smtpcode_scanner_lines(const struct smtpcode_scanner *s);

/* How many log lines and DSN Action fields said outcome o (for NONE: the
 * log lines that said nothing of the kind); 0 outside the enum. */
unsigned long smtpcode_scanner_outcome_lines(const struct smtpcode_scanner *s,
                                             enum smtpcode_outcome o);

/* Writes one sentence on warning w of reply r into buf[size], as snprintf
 * does: cut to fit and NUL-terminated when size > 0 (buf may be NULL when
 * size is 0). Returns the sentence's length, which may be size or more
 * when it was cut. A w outside the enum gives "" and 0. */
size_t smtpcode_warning_message(const struct smtpcode_reply *r, enum smtpcode_warning w,
                                char *buf, size_t size);

/* ---- Bounce verdicts --------------------------------------------------- */

/* Whether a failure is final for the address (data/reason-list.tsv). */
enum smtpcode_bounce {
	SMTPCODE_BOUNCE_NONE, /* nothing failed: a success, a complaint, an auto-reply */
	SMTPCODE_BOUNCE_SOFT, /* retry, or fix something on the sending side */
	SMTPCODE_BOUNCE_HARD  /* the address or domain will not work */
};

/* "hard", "soft", or NULL for none (and outside the enum). */
const char *smtpcode_bounce_name(enum smtpcode_bounce b);

/* One reason of the vocabulary (Sisimai's names): a row of reason-list.tsv. */
struct smtpcode_reason {
	const char *name;           /* "userunknown" */
	const char *definition;     /* one sentence: what happened */
	enum smtpcode_bounce bounce; /* the default verdict */
};

/* The number of reasons; their indices are 0 to count - 1, in name order. */
size_t smtpcode_reason_count(void);

/* Reason i into *out: 0, or -1 when i is out of range. */
int smtpcode_reason_at(size_t i, struct smtpcode_reason *out);

/* The name of reason i, or NULL when i is out of range. */
const char *smtpcode_reason_name(size_t i);

/* The index of the reason called name (exact, lower case): 0, or -1. */
int smtpcode_reason_find(const char *name, size_t *index);

/* What decided a verdict, in the order the rules are tried. */
enum smtpcode_evidence {
	SMTPCODE_EVIDENCE_NONE,     /* nothing: the reason is undefined */
	SMTPCODE_EVIDENCE_TAG,      /* a provider tag in the text ("[TSS04]") */
	SMTPCODE_EVIDENCE_ENHANCED, /* an enhanced code with a telling detail */
	SMTPCODE_EVIDENCE_PHRASE,   /* a phrase in the text (the longest one) */
	SMTPCODE_EVIDENCE_OUTCOME,  /* the log's outcome (expired) */
	SMTPCODE_EVIDENCE_BASIC,    /* the basic code, with the command it answered */
	SMTPCODE_EVIDENCE_REPORT    /* the reply's report field: a feedback report
	                             * or an auto-reply (tried first) */
};

/* "tag", "enhanced", "phrase", "outcome", "basic", "report", or NULL for
 * none. */
const char *smtpcode_evidence_name(enum smtpcode_evidence e);

/* The verdict on one reply, with what decided it. */
struct smtpcode_verdict {
	size_t reason;                  /* an index for smtpcode_reason_at */
	enum smtpcode_bounce bounce;    /* the reason's default, then the class rule */
	enum smtpcode_evidence evidence;
	struct smtpcode_enhanced_code enhanced; /* ENHANCED: the code as the reply gave it */
	int basic;                      /* the reply's basic code, or 0 */
	const char *command;            /* the command it answered, or NULL */
	const char *matched;            /* TAG, PHRASE: the tag or phrase as in the data */
	const char *provider;           /* TAG: who sends it; otherwise NULL */
	size_t offset, length;          /* TAG, PHRASE: where it matched in the text */
};

/*
 * Decides why reply r failed and whether it is final. The rules, first
 * match wins: the report field (FEEDBACK gives feedback, AUTOREPLY
 * vacation, bounce none); a provider tag in the text; a 2xx or 3xx reply
 * to a command before the end of the message (EHLO, MAIL, RCPT...) matches
 * nothing; another 2xx code is delivered; an expired outcome is expired;
 * the first enhanced code with a telling detail (data/reason-codes.tsv),
 * unless the text says one of the readings that code's row lets the text
 * override it with; the longest phrase of data/reasons.tsv in the text
 * (case-insensitive, short ones as whole words); the basic code with its
 * command. The bounce is the reason's default, never hard for a 4xx or
 * 4.x.x reply or a deferred outcome, none for a 1xx, 2xx or 3xx reply
 * (nothing failed). Returns 0, or -1 when no rule
 * matched (out then holds undefined).
 */
int smtpcode_verdict(const struct smtpcode_reply *r, struct smtpcode_verdict *out);

/* smtpcode_verdict for a reply given in parts: basic (0 if none), count
 * enhanced codes (enhanced may be NULL when count is 0), the command
 * (NULL if unknown), the outcome and the text (NUL-terminated). */
int smtpcode_verdict_parts(int basic, const struct smtpcode_enhanced_code *enhanced,
                           size_t count, const char *command, enum smtpcode_outcome outcome,
                           const char *text, struct smtpcode_verdict *out);

/*
 * What became of the message, in one word, as `smtpcode explain` says it:
 * the outcome the log or DSN gave (smtpcode_outcome_name), else from the
 * reply's class (the basic code's, else the first enhanced code's):
 * "rejected" for a 4xx or 5xx when our own server refused a client
 * (direction LOCAL); "bounced" for another 5xx, "deferred" for another
 * 4xx; "delivered" for a 2xx that answered DATA or BDAT or, with no
 * command known, a 250 (or a 2.x.x code alone) whose enhanced code is no
 * 2.1.x address status. NULL when neither tells (a 221, a 2xx to EHLO,
 * MAIL or RCPT, a 1xx or 3xx reply). A static string; never fails.
 */
const char *smtpcode_result(const struct smtpcode_reply *r);

#ifdef __cplusplus
}
#endif

#endif
