/* gen.h - what the generator's parts share: the table being built. */
#ifndef GEN_GEN_H
#define GEN_GEN_H

#include "blob.h"
#include "tsv.h"

#include <stddef.h>

enum { NAME_MAX_LEN = 60, SOURCE_MAX_LEN = 400, TEXT_MAX_LEN = 1500 };

enum { C_COMMANDS, C_NAME, C_SOURCE, C_DESCRIPTION, C_WHEN_SEEN, C_FIX, C_TEXTS };

/* An enhanced row is a class (2.X.X), a subject (X.1.X) or a detail (X.1.1). */
enum { E_CLASS, E_SUBJECT, E_DETAIL };
enum { E_TITLE, E_BASIC, E_SOURCE, E_DESCRIPTION, E_WHEN_SEEN, E_FIX, E_TEXTS };

struct enhanced_row {
	int kind, cls, subject, detail, deprecated;
	unsigned long off[E_TEXTS];
};

struct note_row {
	int cls, subject, detail, detail_last;
	unsigned long off[3]; /* provider, note, source */
};

enum { I18N_MAX_LANGS = 16 };

struct phrase_row {
	unsigned long key;
	unsigned long text[I18N_MAX_LANGS];
};

struct code_row {
	int code;
	int status;
	unsigned long off[C_TEXTS];
};

struct pair_row {
	int a, b;
	unsigned long off[3];
};

/* A reason of the bounce vocabulary (data/reason-list.tsv). */
struct reason_row {
	unsigned long name, definition, advice;
	int bounce; /* 0 none, 1 soft, 2 hard */
};

/* A phrase, an enhanced code or a provider tag that names a reason. */
struct keyed_row {
	unsigned long key, provider; /* phrase or tag; provider (tags only) */
	int cls, subject, detail;    /* codes only: 0 or -1 for X */
	int reason;                  /* index in the reasons */
	int weak;                    /* phrases: decides only when no other does */
};

/* A row of data/synonyms.tsv: its codes are syncodes[first..first+count). */
struct synonym_row {
	unsigned long phrase;
	size_t first, count;
};

struct synonym_code {
	int basic;           /* a reply code, or 0 for an enhanced one */
	int subject, detail; /* the enhanced code X.subject.detail */
};

struct table {
	struct blob blob;
	struct code_row *codes;
	size_t ncodes, capcodes;
	struct pair_row *pairs;
	size_t npairs, cappairs;
	struct enhanced_row *enhanced;
	size_t nenhanced, capenhanced;
	struct note_row *notes;
	size_t nnotes, capnotes;
	unsigned long lang_off[I18N_MAX_LANGS];
	size_t nlangs;
	struct phrase_row *phrases;
	size_t nphrases, capphrases;
	char sources_date[11];
	struct reason_row *reasons;   /* the verdict data (genverdict) */
	size_t nreasons, capreasons;
	struct keyed_row *rphrases, *rcodes, *tags;
	size_t nphrases_r, capphrases_r, nrcodes, caprcodes, ntags, captags;
	struct blob synblob;          /* the phrases alone (gensynonyms) */
	struct synonym_row *synonyms; /* data/synonyms.tsv */
	size_t nsynonyms, capsynonyms;
	struct synonym_code *syncodes;
	size_t nsyncodes, capsyncodes;
};

/* tsv.c: what the readers share. */

/* Checks the four texts that codes.tsv and enhanced.tsv rows both end with:
 * source, description, when_seen, fix (f[0..3]). Returns 0 or -1 (reported). */
int check_entry_texts(struct tsv *t, char **f);

/* Makes room for element n of an array of *cap elements of size bytes. */
void *grow(void *p, size_t *cap, size_t n, size_t size);

/* Reads every row of path with row(t, tab), which adds what it keeps to an
 * array of *kept rows; "no rows" is an error when it kept none and reported
 * nothing. Returns 0, or -1 after reporting every error. */
int read_rows(const char *path, struct table *tab, void (*row)(struct tsv *t, struct table *tab),
              const size_t *kept);

/* Flushes standard output; on a write error says "prog: write error" and
 * returns -1, else 0. */
int gen_flush(const char *prog);

/* Frees what the readers allocated into tab. */
void table_free(struct table *tab);

/* Compares a[0..n) with b[0..n) in order: <0, 0 or >0. */
int compare_ints(const int *a, const int *b, size_t n);

/* One reader per data file (read_NAME.c): each reads and checks its file
 * into tab and returns 0, or -1 after reporting every error; each printer
 * writes its part of the table. Pairs are checked against the codes. */
int read_codes(const char *path, struct table *tab);
void print_codes(const struct table *tab, FILE *out);
int read_pairs(const char *path, struct table *tab);
void print_pairs(const struct table *tab, FILE *out);
int read_enhanced(const char *path, struct table *tab);
void print_enhanced(const struct table *tab, FILE *out);
int read_notes(const char *path, struct table *tab);
void print_notes(const struct table *tab, FILE *out);
int read_i18n(const char *path, struct table *tab);
void print_i18n(struct table *tab, FILE *out); /* sorts the phrases first */

/* read_synonyms.c: data/synonyms.tsv, checked against the codes and the
 * enhanced registry read before. */
int read_synonyms(const char *path, struct table *tab);
void print_synonyms(const struct table *tab, FILE *out);

/* read_verdict.c: the four files of the bounce verdict, in the order
 * reason-list, reasons, reason-codes, provider-tags (paths[0..3]). */
int read_verdict(char *const *paths, struct table *tab);
void print_verdict(const struct table *tab, FILE *out);
/* genverdict --advice: the advice column of the reason list alone, for the
 * command (build/cli/advice.inc). */
int read_advice(const char *path, struct table *tab);
void print_advice(const struct table *tab, FILE *out);

/* print_match.c: the phrase and tag matcher's bucket index; 0, or -1 when
 * out of memory. */
int print_match(const struct table *tab, FILE *out);

/* gentable --labels I18N.tsv: prints the command's labels.inc; the exit status. */
int labels_main(const char *path);

/* gentable --prewrap CODES.tsv ENHANCED.tsv: prints the command's
 * prewrap.inc (prewrap.c); the exit status. */
int prewrap_main(const char *codes, const char *enhanced);

/* gentable --note-index NOTES.tsv: prints the provider notes by subject
 * (build/notes.inc, which only src/lib/enhanced.c includes); the exit
 * status. */
int note_index_main(const char *path);

#endif
