/* format.h - print lookups and compares as text or as JSON. */
#ifndef SMTPCODE_FORMAT_H
#define SMTPCODE_FORMAT_H

#include <stdio.h>

#include "smtpcode.h"

/* Room for one piece of the library's prose (a note, a compare's summary,
 * difference or advice): the longest is under 1 KB, and test_compare checks
 * that every one fits in 4 KB. */
#define PROSE_SIZE 4096

/* How text for people looks: wrapped to width columns, codes coloured by
 * class when color is set, fixed phrases in language lang (0 English). */
struct style {
	int width;
	int color;
	int lang;
};

/* The phrase for key in the style's language (the key itself if unknown). */
const char *style_phrase(const struct style *st, const char *key);

void text_lookup(FILE *out, const struct smtpcode_lookup *lk, const struct style *st);
void text_enhanced(FILE *out, const struct smtpcode_enhanced_lookup *lk,
                   const struct style *st);
void text_item(FILE *out, const struct smtpcode_item *item, const struct style *st);
void text_compare(FILE *out, const struct smtpcode_compare *c, const struct style *st);

/* "Class:    value": a labelled field (label by phrase key), wrapped. */
void text_field(FILE *out, const struct style *st, const char *key, const char *value);
/* The label of such a field, its colon and the spaces after it, into
 * buf[size] (128 suffices); returns the column where the value starts. */
int text_label(char *buf, size_t size, const struct style *st, const char *key);

/* One line for a code: the code (coloured by cls), its name, and a status
 * in parentheses unless status is NULL. */
void text_line(FILE *out, const struct style *st, const char *code, int cls, const char *name,
               const char *status);
/* Writes text, then spaces up to width columns (wide characters count two:
 * printf's %-9s counts bytes). */
void text_pad(FILE *out, const char *text, int width);

/* The same with the name at column (text_line: 8). */
void text_line_at(FILE *out, const struct style *st, const char *code, int cls,
                  const char *name, const char *status, int column);

/* One compact JSON object and a newline (the schema is in man/smtpcode.1). */
void json_lookup(FILE *out, const struct smtpcode_lookup *lk);
void json_item(FILE *out, const struct smtpcode_item *item);

/* A lookup object of either kind, inside a JSON value being written. */
struct json;
void json_write_item(struct json *j, const struct smtpcode_item *item);
/* The short form of a code inside an explain reply: code, kind, known,
 * class and name (the meaning --after would pick, or the registry title). */
void json_write_item_name(struct json *j, const struct smtpcode_item *item);

/* `explain`: one reply found in text: the answer first (format_answer.c),
 * its warnings and, when full, its text and the whole entry of each code. */
void text_reply(FILE *out, const struct smtpcode_reply *r, unsigned long index, int full,
                const struct style *st);
/* One reply of explain as a JSON line; full: each code's whole lookup
 * object, else its code, kind, known, class and name. */
void json_reply(FILE *out, const struct smtpcode_reply *r, int full);


/* The lookups of a reply's codes: the basic code (after its command, when
 * the text names one), then each enhanced code; *n is how many (at most
 * 1 + SMTPCODE_REPLY_ENHANCED_MAX). */
void reply_items(const struct smtpcode_reply *r, struct smtpcode_item *items, size_t *n);

/* "550 5.7.1 4.4.1": the codes as the reply wrote them ("" for none). */
struct strbuf;
void reply_codes(struct strbuf *sb, const struct smtpcode_reply *r);

/* The answer block of a reply: heading, recipient, outcome, reason, codes,
 * evidence, provider notes, server and what to do (format_answer.c). */
void text_answer(FILE *out, const struct smtpcode_reply *r, unsigned long index,
                 const struct smtpcode_item *items, size_t nitems, const struct style *st);

/* explain --brief: "u@example.org  bounced  550 5.1.1  userunknown  hard",
 * "-" for an unknown recipient or outcome, no code, no bounce. */
void brief_answer(FILE *out, const struct smtpcode_reply *r);

/* explain --codes-only: the reply's codes as written, or "-". */
void codes_answer(FILE *out, const struct smtpcode_reply *r);

/* What to do about reason (an index of smtpcode_reason_at), from the advice
 * column of data/reason-list.tsv; NULL if there is none. */
const char *reason_advice_text(size_t reason);

/* `scan`: the summary of a log. */
struct tally;
void text_scan(FILE *out, const struct tally *t, const struct style *st);
void json_scan(FILE *out, const struct tally *t);

/* "Name of a code, or not defined": the name of basic's first meaning, the
 * registry's title of X.subject.detail, the name of an item's selected
 * meaning or of its registered code; NULL where there is none. */
const char *basic_name(int basic);
const char *enhanced_title(int subject, int detail);
const char *item_name(const struct smtpcode_item *item);

/* "(not defined)" or, for an enhanced code, "(not registered)", in the
 * style's language, written into buf[size]; returns buf. */
const char *undefined_label(const struct style *st, enum smtpcode_kind kind, char *buf,
                            size_t size);

/* Calls fn for each enhanced code that the registry associates with basic
 * code (an exact listing, not a whole class), as text such as "5.1.1". */
void each_enhanced_for_basic(int code, void (*fn)(const char *text, void *arg), void *arg);
void json_compare(FILE *out, const struct smtpcode_compare *c);

#endif
