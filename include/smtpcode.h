/*
 * smtpcode.h - SMTP reply codes: parse, look up, compare.
 *
 * The engine behind the smtpcode command. It does no I/O, allocates
 * nothing and keeps no mutable state: every function is safe to call from
 * several threads. Strings it returns point into constant data and live as
 * long as the program.
 */
#ifndef SMTPCODE_H
#define SMTPCODE_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SMTPCODE_VERSION "0.1.0"

/* How well established a meaning is (the status column of data/codes.tsv). */
enum smtpcode_status {
	SMTPCODE_STANDARD,        /* RFC 5321 */
	SMTPCODE_EXTENSION,       /* a standards-track SMTP extension */
	SMTPCODE_EXPERIMENTAL,    /* an Experimental RFC or a draft never adopted */
	SMTPCODE_REGISTRY_SAMPLE, /* only a sample code in the IANA registry */
	SMTPCODE_DE_FACTO,        /* no RFC, but sent by real servers */
	SMTPCODE_PSEUDO           /* not an SMTP reply code at all */
};

/* One meaning of a three-digit code: one row of data/codes.tsv. */
struct smtpcode_meaning {
	int code;                    /* 100 to 599 */
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
	SMTPCODE_PARSE_RANGE       /* first digit 0 or 6-9 */
};

/*
 * Parses exactly three ASCII digits from 100 to 599 into *code. On
 * SMTPCODE_PARSE_NOT_DIGIT, *bad (if not NULL) is the offset of the first
 * offending byte. *code is set only on success.
 */
enum smtpcode_parse_error smtpcode_parse_basic(const char *text, int *code,
                                               size_t *bad);

/* A short English reason for a parse error, e.g. "has more than three digits". */
const char *smtpcode_parse_error_reason(enum smtpcode_parse_error err);

/* ---- Digits --------------------------------------------------------------- */

/* RFC 5321 §4.2.1 name of the first digit (1-5), e.g. "Positive Completion";
 * NULL for any other digit. */
const char *smtpcode_class_name(int digit);

/* RFC 5321 §4.2.1 name of the second digit (0-9), e.g. "Mail System";
 * "Unspecified" for 3 and 4, "Not assigned" for 6 to 9. */
const char *smtpcode_category_name(int digit);

/* What a client does on a reply of this class (1-5): one sentence. */
const char *smtpcode_class_advice(int digit);

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

/* Number of meanings of code (0 if none); *first gets the index of the first. */
size_t smtpcode_find(int code, size_t *first);

/* ---- Lookup -------------------------------------------------------------- */

enum smtpcode_after_match {
	SMTPCODE_AFTER_NONE,     /* no command given: every meaning is selected */
	SMTPCODE_AFTER_EXACT,    /* the meaning that lists the command */
	SMTPCODE_AFTER_ANY,      /* the meaning that answers any command ("*") */
	SMTPCODE_AFTER_UNLISTED  /* no meaning answers it: every meaning is selected */
};

#define SMTPCODE_NOTE_MAX 2
#define SMTPCODE_NOTE_SIZE 512

struct smtpcode_lookup {
	int code;
	int known;                     /* the table has at least one meaning */
	size_t first, count;           /* selected meanings: table indices */
	const char *after;             /* canonical command, or NULL */
	enum smtpcode_after_match match;
	size_t note_count;
	char notes[SMTPCODE_NOTE_MAX][SMTPCODE_NOTE_SIZE];
};

/*
 * Looks code up; after is a command name (any spelling that
 * smtpcode_command_canonical() accepts) or NULL. Returns 0, or -1 if the
 * code is out of range or after is not a known command.
 */
int smtpcode_lookup(int code, const char *after, struct smtpcode_lookup *out);

/* ---- Compare ------------------------------------------------------------- */

/* A curated note on a pair of codes (data/pairs.tsv). */
struct smtpcode_pair {
	int a, b;                 /* a < b */
	const char *source;
	const char *difference;
	const char *when_to_use;
};

/* Finds the curated note for a and b in either order; 0 if found, else -1. */
int smtpcode_pair_find(int a, int b, struct smtpcode_pair *out);

/* Number of curated pairs, and pair i of them. */
size_t smtpcode_pair_count(void);
int smtpcode_pair_at(size_t index, struct smtpcode_pair *out);

#define SMTPCODE_DIFF_MAX 8
#define SMTPCODE_TEXT_SIZE 4096

struct smtpcode_compare {
	struct smtpcode_lookup a, b;
	int same_class;
	int curated;                   /* a curated pair note was used */
	struct smtpcode_pair pair;     /* valid when curated */
	char summary[SMTPCODE_TEXT_SIZE];
	size_t difference_count;
	char differences[SMTPCODE_DIFF_MAX][SMTPCODE_TEXT_SIZE / 2];
	char when_to_use[SMTPCODE_TEXT_SIZE];
};

/* Compares codes a and b (after: as for smtpcode_lookup). Returns 0, or -1
 * on a code out of range or an unknown command. */
int smtpcode_compare(int a, int b, const char *after, struct smtpcode_compare *out);

#ifdef __cplusplus
}
#endif

#endif
