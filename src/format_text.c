/* format_text.c - lookups and compares as text for people, wrapped to a width. */
#include "format.h"
#include "strbuf.h"

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

void wrap_paragraph(FILE *out, const char *text, const char *lead, int indent, int width)
{
	wrap(out, text, lead, indent, width);
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

static void add_code(const char *text, void *arg)
{
	struct strbuf *sb = arg;

	strbuf_printf(sb, "%s%s", sb->len ? ", " : "", text);
}

/* "Enhanced: 5.1.1, 5.1.2, ...": the registry's enhanced codes for a basic code. */
static void print_enhanced_list(FILE *out, int code, int width)
{
	char buf[1024];
	struct strbuf sb;

	strbuf_init(&sb, buf, sizeof buf);
	each_enhanced_for_basic(code, add_code, &sb);
	if (sb.len)
		wrap(out, buf, "Enhanced: ", LABEL, width);
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
	print_enhanced_list(out, lk->code, width);
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

static const char *title_name(const struct smtpcode_item *item)
{
	struct smtpcode_meaning m;
	struct smtpcode_enhanced e;

	if (item->kind == SMTPCODE_KIND_ENHANCED) {
		const struct smtpcode_enhanced_lookup *lk = &item->enhanced;
		if (!lk->known || smtpcode_enhanced_at((size_t)lk->detail_row, &e) < 0)
			return "(not registered)";
		return e.title;
	}
	if (!item->basic.known || smtpcode_meaning_at(item->basic.first, &m) < 0)
		return "(not defined)";
	return m.name;
}

static const char *item_code(const struct smtpcode_item *item, char *buf, size_t size)
{
	if (item->kind == SMTPCODE_KIND_ENHANCED)
		return item->enhanced.text;
	snprintf(buf, size, "%d", item->basic.code);
	return buf;
}

static void print_row_section(FILE *out, const char *heading, long row, int width)
{
	struct smtpcode_enhanced e;

	if (row >= 0 && smtpcode_enhanced_at((size_t)row, &e) == 0)
		section(out, heading, e.description, width);
}

void text_enhanced(FILE *out, const struct smtpcode_enhanced_lookup *lk, int width)
{
	struct smtpcode_enhanced subj, det, *best = NULL;
	struct smtpcode_item item;
	struct smtpcode_note n;
	char buf[256];
	size_t i;

	item.kind = SMTPCODE_KIND_ENHANCED;
	item.enhanced = *lk;
	fprintf(out, "SMTP %s %s\n", lk->text, title_name(&item));
	if (lk->code.reply_class)
		fprintf(out, "Class:    %d.X.X %s\n", lk->code.reply_class,
		        smtpcode_enhanced_class_name(lk->code.reply_class));
	else
		wrap(out, "X: any class (2 Success, 4 Persistent Transient Failure, 5 Permanent "
		     "Failure)", "Class:    ", LABEL, width);
	if (lk->subject_row >= 0 && smtpcode_enhanced_at((size_t)lk->subject_row, &subj) == 0) {
		snprintf(buf, sizeof buf, "X.%d.X %s", lk->code.subject, subj.title);
		best = &subj;
	} else {
		snprintf(buf, sizeof buf, "X.%d.X (not defined by RFC 3463)", lk->code.subject);
	}
	wrap(out, buf, "Subject:  ", LABEL, width);
	if (lk->known && smtpcode_enhanced_at((size_t)lk->detail_row, &det) == 0) {
		snprintf(buf, sizeof buf, "X.%d.%d %s", lk->code.subject, lk->code.detail,
		         det.title);
		wrap(out, buf, "Detail:   ", LABEL, width);
		fprintf(out, "Status:   %s\n", det.deprecated ? "deprecated in the IANA registry"
		                                              : "current in the IANA registry");
		if (strcmp(det.basic_codes, "-") != 0) {
			char list[128];
			struct strbuf sb;
			const char *p;
			strbuf_init(&sb, list, sizeof list);
			for (p = det.basic_codes; *p; p++)
				strbuf_printf(&sb, *p == ',' ? ", " : "%c", *p);
			wrap(out, list, "Sent with: ", LABEL + 1, width);
		}
		best = &det;
	} else {
		fprintf(out, "Detail:   X.%d.%d (not registered)\n", lk->code.subject,
		        lk->code.detail);
		fputs("Status:   not registered\n", out);
	}
	for (i = 0; i < lk->note_count; i++) {
		putc('\n', out);
		wrap(out, lk->notes[i], "Note: ", INDENT, width);
	}
	if (lk->code.reply_class) {
		snprintf(buf, sizeof buf, "Class %d.X.X", lk->code.reply_class);
		print_row_section(out, buf, lk->class_row, width);
	}
	snprintf(buf, sizeof buf, "Subject X.%d.X", lk->code.subject);
	print_row_section(out, buf, lk->subject_row, width);
	if (best == &det)
		section(out, "Description", det.description, width);
	if (best) {
		section(out, "When you see it", best->when_seen, width);
		section(out, "How to fix", best->fix, width);
		section(out, "Source", best->source, width);
	}
	for (i = 0; i < lk->provider_count; i++) {
		char code[16];
		if (smtpcode_note_at(lk->provider[i], &n) < 0)
			continue;
		snprintf(buf, sizeof buf, "%s: %s", n.provider,
		         smtpcode_note_code(&n, code, sizeof code));
		fprintf(out, "\nProvider note, %s\n", buf);
		wrap(out, n.note, "  ", INDENT, width);
		wrap(out, n.source, "  Source: ", INDENT + 8, width);
	}
}

void text_item(FILE *out, const struct smtpcode_item *item, int width)
{
	if (item->kind == SMTPCODE_KIND_ENHANCED)
		text_enhanced(out, &item->enhanced, width);
	else
		text_lookup(out, &item->basic, width);
}

void text_compare(FILE *out, const struct smtpcode_compare *c, int width)
{
	char lead[32];
	size_t i;

	char ca[16], cb[16];

	fprintf(out, "SMTP %s %s vs %s %s\n", item_code(&c->a, ca, sizeof ca),
	        title_name(&c->a), item_code(&c->b, cb, sizeof cb), title_name(&c->b));
	section(out, "Summary", c->summary, width);
	putc('\n', out);
	text_item(out, &c->a, width);
	putc('\n', out);
	text_item(out, &c->b, width);
	fputs("\nKey differences\n", out);
	for (i = 0; i < c->difference_count; i++) {
		snprintf(lead, sizeof lead, "  %zu. ", i + 1);
		wrap(out, c->differences[i], lead, (int)strlen(lead), width);
	}
	section(out, "When to use which", c->when_to_use, width);
}
