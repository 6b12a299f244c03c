/* logstat_detail.h - scan's failures by reason and by code, apart for
 * rejects, deferrals and bounces and by direction, each row with one
 * sample text: fixed size, no allocation. */
#ifndef SMTPCODE_LOGSTAT_DETAIL_H
#define SMTPCODE_LOGSTAT_DETAIL_H

#include <stddef.h>
#include <stdint.h>

#include "smtpcode.h"
#include "tally.h"

/* The sections, as pflogsumm's "message reject / deferral / bounce detail";
 * each counts what its total counts (rejected, deferrals, bounced). */
enum ls_section { LS_SEC_REJECTED, LS_SEC_DEFERRALS, LS_SEC_BOUNCED, LS_NSECTIONS };

#define LS_SAMPLE 72          /* a sample: the first text seen, cut to 71 bytes at a character */
#define LS_REASONS 64         /* room for the reason vocabulary (a test checks it) */
#define LS_CODE_SLOTS TALLY_ENHANCED_SLOTS /* distinct code rows; later new ones: other */
#define LS_VERDICTS 1024      /* verdicts remembered, by a hash of what decides them */
#define LS_CODE_HASH 4096     /* twice LS_CODE_SLOTS: a hash table never over half full */

struct ls_reason_row {
	unsigned long count;
	char sample[LS_SAMPLE];
};

/* A code row: a section, a direction (enum ls_dir) and the codes of the
 * failure, either of which may be missing (basic 0, has_enhanced 0). */
struct ls_code_row {
	unsigned char section, dir, has_enhanced;
	int basic;
	struct smtpcode_enhanced_code enhanced;
	unsigned long count;
	char sample[LS_SAMPLE];
};

struct ls_detail {
	struct ls_reason_row reason[LS_NSECTIONS][3][LS_REASONS]; /* [section][dir][reason] */
	struct ls_code_row code[LS_CODE_SLOTS];                   /* in the order first seen */
	size_t code_used;
	unsigned short code_hash[LS_CODE_HASH];                   /* index + 1 of a row, 0: none */
	unsigned long code_other[LS_NSECTIONS]; /* failures of codes seen after the table filled */
	struct {
		uint64_t key;                     /* 0: none */
		size_t reason;
	} verdicts[LS_VERDICTS];                  /* direct-mapped: a new key replaces an old one */
};

void ls_detail_init(struct ls_detail *d);

/* Counts n failures of reason (an index of smtpcode_reason_at; out of range:
 * undefined); sample[0..len) is kept if the row had none. */
void ls_detail_add_reason(struct ls_detail *d, int section, int dir, size_t reason,
                          unsigned long n, const char *sample, size_t len);

/* The same for a code row (c->section, c->dir and the codes are its key;
 * its count and sample are ignored). */
void ls_detail_add_code(struct ls_detail *d, const struct ls_code_row *c, unsigned long n,
                        const char *sample, size_t len);

/* What the text of a failure line says, as ls_detail_line reads it. */
struct ls_failure {
	int basic;                              /* 0: none */
	int has_enhanced;
	struct smtpcode_enhanced_code enhanced;
	const char *command;                    /* canonical, or NULL */
	const char *text;                       /* the reply, codes first */
	size_t textlen;
	const char *sample;                     /* the text after its codes */
	size_t samplelen;
};

struct ls_event;

/* Reads the failure an event's text gives (e->text, e->dsn, e->command). */
void ls_failure_read(const struct ls_event *e, struct ls_failure *f);

/* Counts a rejected, deferral or bounced event (others are ignored): its
 * verdict (smtpcode_verdict_parts, once) and its codes. */
void ls_detail_event(struct ls_detail *d, const struct ls_event *e);

/* The JSON key of a section ("rejected", "deferrals", "bounced"). */
const char *ls_section_key(enum ls_section s);

/* A reason row to sort: the section and direction, the reason index. */
struct ls_reason_ref {
	unsigned char section, dir;
	size_t reason;
	const struct ls_reason_row *row;
};

/* Fills refs (room for 3 * LS_REASONS) with the non-zero rows of section,
 * most first (ties: reason name, then direction); returns how many. */
size_t ls_detail_reasons(const struct ls_detail *d, int section, struct ls_reason_ref *refs);

/* Fills rows (room for LS_CODE_SLOTS) with the code rows of section, most
 * first (ties: basic code, enhanced code, direction); returns how many. */
size_t ls_detail_codes(const struct ls_detail *d, int section, const struct ls_code_row **rows);

/* The code of a row as text ("550 5.1.1", "550", "5.1.1", "" for none) in
 * buf[size]; returns buf. And the reverse for --merge: 0, or -1. */
char *ls_code_text(const struct ls_code_row *c, char *buf, size_t size);
int ls_code_parse(const char *s, struct ls_code_row *c);

#endif
