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
};

/* Checks the four texts that codes.tsv and enhanced.tsv rows both end with:
 * source, description, when_seen, fix (f[0..3]). Returns 0 or -1 (reported). */
int check_entry_texts(struct tsv *t, char **f);

/* Makes room for element n of an array of *cap elements of size bytes. */
void *grow(void *p, size_t *cap, size_t n, size_t size);

/* enhanced.c: read and check data/enhanced.tsv and data/enhanced-notes.tsv
 * into tab; each returns 0, or -1 after reporting every error. */
int read_enhanced(const char *path, struct table *tab);
int read_notes(const char *path, struct table *tab);
void print_enhanced(const struct table *tab, FILE *out);

/* i18n.c: read and check data/i18n.tsv; print it (sorting the phrases). */
int read_i18n(const char *path, struct table *tab);
void print_i18n(struct table *tab, FILE *out);

/* gentable --labels I18N.tsv: prints the command's labels.inc; the exit status. */
int labels_main(const char *path);

#endif
