/* format_text.c - lookups and compares as text for people, wrapped to a width. */
#include "format.h"

#include <string.h>

enum { INDENT = 2, LABEL = 10 };

/* Columns that s[0..n) takes: one per UTF-8 character. */
static int columns(const char *s, size_t n)
{
	int cols = 0;
	size_t i;

	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			cols++;
	return cols;
}

/*
 * Prints text as one paragraph wrapped at width: the first line starts with
 * lead, the others with indent spaces. A
 * word longer than a line stands alone on its line.
 */
static void wrap(FILE *out, const char *text, const char *lead, int indent, int width)
{
	int col = columns(lead, strlen(lead)), line_empty = 1;
	const char *p = text;

	fputs(lead, out);
	while (*p) {
		size_t len;
		int w;
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		len = strcspn(p, " ");
		w = columns(p, len);
		if (!line_empty && col + 1 + w > width) {
			fprintf(out, "\n%*s", indent, "");
			col = indent;
			line_empty = 1;
		}
		if (!line_empty) {
			putc(' ', out);
			col++;
		}
		fwrite(p, 1, len, out);
		col += w;
		line_empty = 0;
		p += len;
	}
	putc('\n', out);
}

static void section(FILE *out, const char *heading, const char *text, int width)
{
	fprintf(out, "\n%s\n", heading);
	wrap(out, text, "  ", INDENT, width);
}

static const char *status_text(enum smtpcode_status s)
{
	switch (s) {
	case SMTPCODE_STANDARD:
		return "standard (RFC 5321)";
	case SMTPCODE_EXTENSION:
		return "extension (a standards-track SMTP extension)";
	case SMTPCODE_EXPERIMENTAL:
		return "experimental (not a standard)";
	case SMTPCODE_REGISTRY_SAMPLE:
		return "registry sample (only a sample code in the IANA registry)";
	case SMTPCODE_DE_FACTO:
		return "de facto (used by real servers, defined in no RFC)";
	case SMTPCODE_PSEUDO:
		return "pseudo: NOT an SMTP reply code";
	}
	return "unknown";
}

static void print_meaning(FILE *out, const struct smtpcode_meaning *m, int width)
{
	char buf[256];

	wrap(out, smtpcode_commands_text(m->commands, buf, sizeof buf), "Reply to: ", LABEL,
	     width);
	wrap(out, status_text(m->status), "Status:   ", LABEL, width);
	section(out, "Description", m->description, width);
	section(out, "When you see it", m->when_seen, width);
	section(out, "How to fix", m->fix, width);
	section(out, "Source", m->source, width);
}

void text_lookup(FILE *out, const struct smtpcode_lookup *lk, int width)
{
	int cls = lk->code / 100, cat = lk->code / 10 % 10;
	struct smtpcode_meaning m;
	char buf[80];
	size_t i;

	if (lk->known)
		smtpcode_meaning_at(lk->first, &m);
	fprintf(out, "SMTP %d %s\n", lk->code, lk->known ? m.name : "(not defined)");
	snprintf(buf, sizeof buf, "%dxx %s%s", cls, smtpcode_class_name(cls),
	         cls == 1 ? " (not used by SMTP)" : "");
	wrap(out, buf, "Class:    ", LABEL, width);
	fprintf(out, "Category: x%dx %s\n", cat, smtpcode_category_name(cat));
	if (lk->count > 1) {
		snprintf(buf, sizeof buf, "%zu, by the command it answers (--after CMD picks one)",
		         lk->count);
		wrap(out, buf, "Meanings: ", LABEL, width);
	}
	if (!lk->known)
		fputs("Status:   not defined\n", out);
	for (i = 0; i < lk->note_count; i++) {
		putc('\n', out);
		wrap(out, lk->notes[i], "Note: ", INDENT, width);
	}
	for (i = lk->first; lk->known && i < lk->first + lk->count; i++) {
		smtpcode_meaning_at(i, &m);
		putc('\n', out);
		if (lk->count > 1)
			fprintf(out, "[%zu] %d %s\n", i - lk->first + 1, m.code, m.name);
		print_meaning(out, &m, width);
	}
}

static const char *title_name(const struct smtpcode_lookup *lk)
{
	struct smtpcode_meaning m;

	if (!lk->known || smtpcode_meaning_at(lk->first, &m) < 0)
		return "(not defined)";
	return m.name;
}

void text_compare(FILE *out, const struct smtpcode_compare *c, int width)
{
	char lead[32];
	size_t i;

	fprintf(out, "SMTP %d %s vs %d %s\n", c->a.code, title_name(&c->a), c->b.code,
	        title_name(&c->b));
	section(out, "Summary", c->summary, width);
	putc('\n', out);
	text_lookup(out, &c->a, width);
	putc('\n', out);
	text_lookup(out, &c->b, width);
	fputs("\nKey differences\n", out);
	for (i = 0; i < c->difference_count; i++) {
		snprintf(lead, sizeof lead, "  %zu. ", i + 1);
		wrap(out, c->differences[i], lead, (int)strlen(lead), width);
	}
	section(out, "When to use which", c->when_to_use, width);
}
