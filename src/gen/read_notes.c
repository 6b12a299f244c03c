/* read_notes.c - read and check data/enhanced-notes.tsv, what providers
 * mean by some enhanced status codes; print gen_notes[]. Codes are parsed
 * by the runtime's parser. */
#include "gen.h"
#include "parse.h"
#include "smtpcode.h"

#include <string.h>

/* Parses "5.1.10" or a range of details "5.7.606-649" into row; 0 or -1. */
static int parse_note_code(const char *s, struct note_row *row)
{
	char code[32], *dash;
	struct smtpcode_enhanced_code c;
	int last;

	if (strlen(s) >= sizeof code)
		return -1;
	memcpy(code, s, strlen(s) + 1);
	dash = strchr(code, '-');
	if (dash)
		*dash = '\0';
	if (smtpcode_parse_enhanced(code, &c, NULL) != SMTPCODE_PARSE_OK ||
	    c.reply_class == SMTPCODE_ANY)
		return -1;
	last = c.detail;
	if (dash && (smtpcode__number_part(dash + 1, strlen(dash + 1), &last) != SMTPCODE_PARSE_OK ||
	             last <= c.detail))
		return -1;
	row->cls = c.reply_class, row->subject = c.subject, row->detail = c.detail;
	row->detail_last = last;
	return 0;
}

static void read_note_row(struct tsv *t, struct table *tab)
{
	static const char *const columns[] = { "code", "provider", "note", "source" };
	struct note_row row;
	char **f = t->field;
	int i, bad = 0;

	if (tsv_check_fields(t, columns, 4) < 0)
		return;
	if (parse_note_code(f[0], &row) < 0) {
		tsv_error(t, "code '%s' is not an enhanced code like 5.1.10 or a range "
		          "like 5.7.606-649", f[0]);
		return;
	}
	if (tab->nnotes > 0) {
		const struct note_row *p = &tab->notes[tab->nnotes - 1];
		if (compare_ints((const int[]){ row.cls, row.subject, row.detail },
		                 (const int[]){ p->cls, p->subject, p->detail }, 3) < 0) {
			tsv_error(t, "rows out of order: %s comes after a later code", f[0]);
			return;
		}
	}
	bad |= tsv_check_text(t, "provider", f[1], NAME_MAX_LEN);
	bad |= tsv_check_sentences(t, "note", f[2], TEXT_MAX_LEN);
	bad |= tsv_check_text(t, "source", f[3], SOURCE_MAX_LEN);
	if (bad)
		return;
	for (i = 0; i < 3; i++)
		row.off[i] = blob_add(&tab->blob, f[i + 1]);
	tab->notes = grow(tab->notes, &tab->capnotes, tab->nnotes, sizeof row);
	tab->notes[tab->nnotes++] = row;
}

int read_notes(const char *path, struct table *tab)
{
	return read_rows(path, tab, read_note_row, &tab->nnotes);
}

void print_notes(const struct table *tab, FILE *out)
{
	size_t i;

	fputs("\n/* class, subject, first and last detail, offsets of: provider, note, "
	      "source */\n", out);
	fprintf(out, "static const struct gen_note gen_notes[%zu] = {\n", tab->nnotes);
	for (i = 0; i < tab->nnotes; i++) {
		const struct note_row *r = &tab->notes[i];
		fprintf(out, "\t{ %d, %d, %d, %d, { %lu, %lu, %lu } },\n", r->cls, r->subject,
		        r->detail, r->detail_last, r->off[0], r->off[1], r->off[2]);
	}
	fputs("};\n", out);
}
