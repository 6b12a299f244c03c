/* format_text.c - lookups and compares as text for people: wrapped to a
 * width, headings in the chosen language, codes coloured by class. */
#include "format.h"
#include "labels.h"
#include "list.h"
#include "prewrap.h"
#include "safe_text.h"
#include "strbuf.h"
#include "wrap.h"

#include <string.h>

enum { INDENT = 2, LABEL = 10 };

/* Text wrapped after lead, from which it wraps under indent. */
static void wrap(struct sink *out, const char *text, const char *lead, int indent,
                 const struct style *st)
{
	size_t n = strlen(lead);

	sink_put(out, lead, n);
	wrap_to(out, text, safe_columns(lead, n), 0, indent, st->width);
}

/* The same under an indent of INDENT spaces; at the default width, text
 * pw of the generated table (PREWRAP_NONE: none) comes pre-wrapped. */
static void indented(struct sink *out, const char *text, long pw, const struct style *st)
{
	if (st->width == PREWRAP_WIDTH && prewrap_put(out, pw, text) == 0)
		return;
	sink_put(out, "  ", 2);
	wrap_to(out, text, INDENT, 0, INDENT, st->width);
}

const char *style_phrase(const struct style *st, const char *key)
{
	const char *s = label_text(st->lang, key);

	return s ? s : key;
}

/* The column where the values of labelled fields start in the style's
 * language: after the widest label, its colon and a space (labels.inc), and
 * at least LABEL, so that every field of a block lines up (クラス: and
 * 拡張コード: too). */
static int label_column(const struct style *st)
{
	int column = label_column_of(st->lang);

	return column > LABEL ? column : LABEL;
}

void text_pad(FILE *out, const char *text, int width)
{
	int cols = safe_columns(text, strlen(text));

	fputs(text, out);
	for (; cols < width; cols++)
		putc(' ', out);
}

/* "Class:    ": a label and its colon, padded to the label column. */
static int label(char *buf, size_t size, const struct style *st, const char *key)
{
	const char *l = style_phrase(st, key);
	static const char spaces[] = "                                                ";
	size_t n = 0, done;
	int column = label_column(st), ascii = 1, cols, pad;

	for (; l[n]; n++) /* a label is short: its length, and whether it is printable ASCII */
		ascii &= (unsigned char)l[n] - 0x20u < 0x5Fu;
	cols = (ascii ? (int)n : safe_columns(l, n)) + 1;
	pad = cols + 1 < column ? column - cols : 1;
	if (n + 1 + (size_t)pad + 1 > size)
		n = size - (size_t)pad - 2;
	memcpy(buf, l, n);
	buf[n] = ':';
	/* The padding by memcpy, which the sink calls anyway (a loop would
	 * become memset, one more function to resolve). */
	for (done = 0; done < (size_t)pad; done += sizeof spaces - 1)
		memcpy(buf + n + 1 + done, spaces,
		       (size_t)pad - done < sizeof spaces - 1 ? (size_t)pad - done : sizeof spaces - 1);
	buf[n + 1 + (size_t)pad] = '\0';
	return cols + pad;
}

/* A labelled field, wrapped under its value. */
static void field(struct sink *out, const struct style *st, const char *key, const char *value)
{
	char lead[128];
	int indent = label(lead, sizeof lead, st, key);

	sink_puts(out, lead);
	wrap_to(out, value, indent, 0, indent, st->width);
}

void text_field(FILE *out, const struct style *st, const char *key, const char *value)
{
	struct sink s;

	sink_init(&s, out);
	field(&s, st, key, value);
	sink_flush(&s);
}

int text_label(char *buf, size_t size, const struct style *st, const char *key)
{
	return label(buf, size, st, key);
}

static char *join(char *buf, size_t size, const char *a, const char *b, const char *c);

/* A note after a blank line: "Note: text", wrapped. */
static void note(struct sink *out, const struct style *st, const char *text)
{
	char lead[64];

	join(lead, sizeof lead, style_phrase(st, "l.note"), ": ", NULL);
	sink_putc(out, '\n');
	wrap(out, text, lead, INDENT, st);
}

/* Joins up to three strings into buf[size] (cut to fit); returns buf. The
 * hot paths use it instead of snprintf, which costs far more. */
static char *join(char *buf, size_t size, const char *a, const char *b, const char *c)
{
	const char *parts[3];
	size_t len = 0, i;

	parts[0] = a, parts[1] = b, parts[2] = c;
	for (i = 0; i < 3 && parts[i]; i++) {
		size_t n = strlen(parts[i]);
		if (n > size - 1 - len)
			n = size - 1 - len;
		memcpy(buf + len, parts[i], n);
		len += n;
	}
	buf[len] = '\0';
	return buf;
}

/* n in decimal, at the end of buf[size] (size 24 holds any size_t). */
static const char *decimal(char *buf, size_t size, size_t n)
{
	char *p = buf + size - 1;

	*p = '\0';
	do
		*--p = (char)('0' + n % 10);
	while ((n /= 10) && p > buf);
	return p;
}

/* "[2] 252 Cannot VRFY user": a meaning's heading when a code has several
 * (without printf, which the rest of a lookup does not need). */
static void meaning_heading(struct sink *out, size_t n, int basic, const char *name)
{
	char num[24], code[24];

	sink_putc(out, '[');
	sink_puts(out, decimal(num, sizeof num, n));
	sink_put(out, "] ", 2);
	sink_puts(out, decimal(code, sizeof code, (size_t)basic));
	sink_putc(out, ' ');
	sink_puts(out, name);
	sink_putc(out, '\n');
}

/* "c.5": a phrase key made of a prefix and one digit. */
static const char *digit_key(char *buf, char prefix, int digit)
{
	buf[0] = prefix;
	buf[1] = '.';
	buf[2] = (char)('0' + digit);
	buf[3] = '\0';
	return buf;
}

/* A heading after a blank line, and text under it (pw as for indented). */
static void section(struct sink *out, const struct style *st, const char *heading_key,
                    const char *text, long pw)
{
	sink_putc(out, '\n');
	sink_puts(out, style_phrase(st, heading_key));
	sink_putc(out, '\n');
	indented(out, text, pw, st);
}

static const char *colour_of(int cls)
{
	return cls == 2 || cls == 3 ? "\033[32m" : cls == 4 ? "\033[33m" : cls == 5 ? "\033[31m"
	                                                                       : "";
}

/* Writes code, coloured by its class when colour is on. */
static void put_code(struct sink *out, const struct style *st, const char *code, int cls)
{
	int on = st->color && *colour_of(cls);

	if (on)
		sink_puts(out, colour_of(cls));
	sink_puts(out, code);
	if (on)
		sink_put(out, "\033[0m", 4);
}

/* The title line: "SMTP 550 Mailbox Unavailable". */
static void title(struct sink *out, const struct style *st, const char *code, int cls,
                  const char *name)
{
	sink_put(out, "SMTP ", 5);
	put_code(out, st, code, cls);
	sink_putc(out, ' ');
	sink_puts(out, name);
	sink_putc(out, '\n');
}

/* What each meaning of a lookup shows alike, looked up once: the labels
 * of its fields (with the columns their values start at) and its headings. */
struct meaning_labels {
	char reply_to[128], status[128];
	int reply_to_column, status_column;
	const char *heading[PREWRAP_FIELDS];
};

static void meaning_labels(struct meaning_labels *ml, const struct style *st)
{
	static const char keys[PREWRAP_FIELDS][16] = {
		[PREWRAP_DESCRIPTION] = "h.description", [PREWRAP_WHEN_SEEN] = "h.when_seen",
		[PREWRAP_FIX] = "h.fix", [PREWRAP_SOURCE] = "h.source"
	};
	int f;

	ml->reply_to_column = label(ml->reply_to, sizeof ml->reply_to, st, "l.reply_to");
	ml->status_column = label(ml->status, sizeof ml->status, st, "l.status");
	for (f = 0; f < PREWRAP_FIELDS; f++)
		ml->heading[f] = style_phrase(st, keys[f]);
}

/* Meaning row of the table. */
static void print_meaning(struct sink *out, const struct style *st,
                          const struct meaning_labels *ml, size_t row,
                          const struct smtpcode_meaning *m)
{
	const char *text[PREWRAP_FIELDS];
	char buf[256], key[32];
	int f;

	sink_puts(out, ml->reply_to);
	wrap_to(out, smtpcode_commands_text(m->commands, buf, sizeof buf), ml->reply_to_column, 0,
	        ml->reply_to_column, st->width);
	sink_puts(out, ml->status);
	wrap_to(out, style_phrase(st, join(key, sizeof key, "s.", smtpcode_status_name(m->status),
	                                   NULL)),
	        ml->status_column, 0, ml->status_column, st->width);
	text[PREWRAP_DESCRIPTION] = m->description;
	text[PREWRAP_WHEN_SEEN] = m->when_seen;
	text[PREWRAP_FIX] = m->fix;
	text[PREWRAP_SOURCE] = m->source;
	for (f = 0; f < PREWRAP_FIELDS; f++) {
		sink_putc(out, '\n');
		sink_puts(out, ml->heading[f]);
		sink_putc(out, '\n');
		indented(out, text[f], prewrap_id(0, row, (enum prewrap_field)f), st);
	}
}

static void add_code(const char *text, void *arg)
{
	struct strbuf *sb = arg;

	if (sb->len)
		scx_sb_putn(sb, ", ", 2);
	scx_sb_putn(sb, text, strlen(text));
}

/* "Class:    2xx Positive Completion": the class coloured when colour is
 * on, outside the text that wraps. */
static void class_field(struct sink *out, const struct style *st, int cls)
{
	char lead[128], key[16], digits[4] = "0xx", buf[256];
	int indent = label(lead, sizeof lead, st, "l.class");
	const char *rest = style_phrase(st, digit_key(key, 'c', cls));

	digits[0] = (char)('0' + cls);
	if (cls == 1) {
		snprintf(buf, sizeof buf, "%s (%s)", rest, style_phrase(st, "p.not_used_by_smtp"));
		rest = buf;
	}
	sink_puts(out, lead);
	put_code(out, st, digits, cls);
	wrap_to(out, rest, indent + 3, 1, indent, st->width);
}

static void lookup_to(struct sink *out, const struct smtpcode_lookup *lk, const struct style *st)
{
	int cls = lk->basic / 100, cat = lk->basic / 10 % 10;
	struct smtpcode_meaning m;
	struct meaning_labels ml;
	char buf[1024], code[8], prose[PROSE_SIZE];
	struct strbuf sb;
	size_t i;

	code[0] = (char)('0' + cls);
	code[1] = (char)('0' + cat);
	code[2] = (char)('0' + lk->basic % 10);
	code[3] = '\0';
	if (lk->known && smtpcode_meaning_at(lk->first, &m) == 0) {
		title(out, st, code, cls, m.name);
	} else {
		char name[160];
		title(out, st, code, cls, undefined_label(st, SMTPCODE_KIND_BASIC, name, sizeof name));
	}
	class_field(out, st, cls);
	{
		char x[8] = "x0x ", key[16];
		x[1] = (char)('0' + cat);
		join(buf, sizeof buf, x, style_phrase(st, digit_key(key, 'g', cat > 6 ? 6 : cat)),
		     NULL);
	}
	field(out, st, "l.category", buf);
	if (lk->count > 1) {
		const char *args[1];
		char n[24];
		args[0] = decimal(n, sizeof n, lk->count);
		scx_sb_init(&sb, buf, sizeof buf);
		scx_sb_template(&sb, style_phrase(st, "p.meanings_count"), args, 1);
		field(out, st, "l.meanings", buf);
	}
	if (!lk->known)
		field(out, st, "l.status", style_phrase(st, "p.not_defined"));
	scx_sb_init(&sb, buf, sizeof buf);
	each_enhanced_for_basic(lk->basic, add_code, &sb);
	if (sb.len)
		field(out, st, "l.enhanced", buf);
	for (i = 0; i < lk->note_count; i++) {
		smtpcode_lookup_note(lk, i, prose, sizeof prose);
		note(out, st, prose);
	}
	if (lk->known)
		meaning_labels(&ml, st);
	for (i = lk->first; lk->known && i < lk->first + lk->count; i++) {
		smtpcode_meaning_at(i, &m);
		sink_putc(out, '\n');
		if (lk->count > 1)
			meaning_heading(out, i - lk->first + 1, m.basic, m.name);
		print_meaning(out, st, &ml, i, &m);
	}
}

void text_lookup(FILE *out, const struct smtpcode_lookup *lk, const struct style *st)
{
	struct sink s;

	sink_init(&s, out);
	lookup_to(&s, lk, st);
	sink_flush(&s);
}

static const char *title_name(const struct smtpcode_item *item, const struct style *st,
                              char *buf, size_t size)
{
	const char *name = item_name(item);

	return name ? name : undefined_label(st, item->kind, buf, size);
}

/* The code of an item as text ("550", "5.1.1") in buf[size] or the item. */
static const char *item_code(const struct smtpcode_item *item, char *buf, size_t size)
{
	if (item->kind == SMTPCODE_KIND_ENHANCED)
		return item->enhanced.text;
	return decimal(buf, size, (size_t)item->basic.basic);
}

static int item_class(const struct smtpcode_item *item)
{
	return item->kind == SMTPCODE_KIND_ENHANCED ? item->enhanced.enhanced.reply_class
	                                            : item->basic.basic / 100;
}

/* The description of a registry row under a heading that names it. */
static void row_section(struct sink *out, const struct style *st, const char *key,
                        const char *arg, size_t row)
{
	struct smtpcode_enhanced_entry e;
	char heading[128];
	struct strbuf sb;

	if (smtpcode_enhanced_at(row, &e) < 0)
		return;
	scx_sb_init(&sb, heading, sizeof heading);
	scx_sb_template(&sb, style_phrase(st, key), &arg, 1);
	sink_putc(out, '\n');
	sink_puts(out, heading);
	sink_putc(out, '\n');
	indented(out, e.description, prewrap_id(1, row, PREWRAP_DESCRIPTION), st);
}
static void enhanced_header(struct sink *out, const struct style *st,
                            const struct smtpcode_enhanced_lookup *lk,
                            const struct smtpcode_enhanced_entry *subj,
                            const struct smtpcode_enhanced_entry *det)
{
	char buf[256];
	int cls = lk->enhanced.reply_class;

	if (cls != SMTPCODE_ANY) {
		char key[16];
		snprintf(key, sizeof key, "e.%d", cls);
		snprintf(buf, sizeof buf, "%d.X.X %s", cls, style_phrase(st, key));
	} else {
		snprintf(buf, sizeof buf, "X: %s (2 %s, 4 %s, 5 %s)", style_phrase(st, "p.any_class"),
		         style_phrase(st, "e.2"), style_phrase(st, "e.4"), style_phrase(st, "e.5"));
	}
	field(out, st, "l.class", buf);
	if (subj)
		snprintf(buf, sizeof buf, "X.%d.X %s", lk->enhanced.subject, subj->title);
	else
		snprintf(buf, sizeof buf, "X.%d.X (%s)", lk->enhanced.subject,
		         style_phrase(st, "p.not_defined"));
	field(out, st, "l.subject", buf);
	if (det) {
		snprintf(buf, sizeof buf, "X.%d.%d %s", lk->enhanced.subject, lk->enhanced.detail, det->title);
		field(out, st, "l.detail", buf);
		field(out, st, "l.status", style_phrase(st, det->deprecated ? "p.registry_deprecated"
		                                                        : "p.registry_current"));
		if (strcmp(det->basic_codes, "-") != 0) {
			struct strbuf sb;
			scx_sb_init(&sb, buf, sizeof buf);
			scx_sb_list(&sb, det->basic_codes);
			field(out, st, "l.sent_with", buf);
		}
	} else {
		snprintf(buf, sizeof buf, "X.%d.%d (%s)", lk->enhanced.subject, lk->enhanced.detail,
		         style_phrase(st, "p.not_registered"));
		field(out, st, "l.detail", buf);
		field(out, st, "l.status", style_phrase(st, "p.not_registered"));
	}
}

static void provider_notes(struct sink *out, const struct style *st,
                           const struct smtpcode_enhanced_lookup *lk)
{
	struct smtpcode_provider_note n;
	char code[32], lead[64];
	size_t i;

	for (i = 0; i < lk->provider_count; i++) {
		if (smtpcode_provider_note_at(lk->provider[i], &n) < 0)
			continue;
		sink_putc(out, '\n');
		sink_puts(out, style_phrase(st, "h.provider_note"));
		sink_put(out, ", ", 2);
		sink_puts(out, n.provider);
		sink_put(out, ": ", 2);
		sink_puts(out, smtpcode_provider_note_code(&n, code, sizeof code));
		sink_putc(out, '\n');
		indented(out, n.note, PREWRAP_NONE, st);
		join(lead, sizeof lead, "  ", style_phrase(st, "h.source"), ": ");
		wrap(out, n.source, lead, safe_columns(lead, strlen(lead)), st);
	}
}

static void enhanced_to(struct sink *out, const struct smtpcode_enhanced_lookup *lk,
                        const struct style *st)
{
	struct smtpcode_enhanced_entry subj, det, *best = NULL, *has_subj = NULL, *has_det = NULL;
	struct smtpcode_item item;
	char buf[256], part[32], prose[PROSE_SIZE];
	size_t i, best_row = 0;

	if (smtpcode_enhanced_at(lk->subject_row, &subj) == 0)
		best = has_subj = &subj, best_row = lk->subject_row;
	if (lk->known && smtpcode_enhanced_at(lk->detail_row, &det) == 0)
		best = has_det = &det, best_row = lk->detail_row;
	memset(&item, 0, sizeof item);
	item.kind = SMTPCODE_KIND_ENHANCED;
	item.enhanced = *lk;
	title(out, st, lk->text, lk->enhanced.reply_class, title_name(&item, st, buf, sizeof buf));
	enhanced_header(out, st, lk, has_subj, has_det);
	for (i = 0; i < lk->note_count; i++) {
		smtpcode_enhanced_lookup_note(lk, i, prose, sizeof prose);
		note(out, st, prose);
	}
	if (lk->enhanced.reply_class != SMTPCODE_ANY) {
		snprintf(part, sizeof part, "%d.X.X", lk->enhanced.reply_class);
		row_section(out, st, "h.class_section", part, lk->class_row);
	}
	snprintf(part, sizeof part, "X.%d.X", lk->enhanced.subject);
	row_section(out, st, "h.subject_section", part, lk->subject_row);
	if (has_det)
		section(out, st, "h.description", det.description,
		        prewrap_id(1, lk->detail_row, PREWRAP_DESCRIPTION));
	if (best) {
		section(out, st, "h.when_seen", best->when_seen,
		        prewrap_id(1, best_row, PREWRAP_WHEN_SEEN));
		section(out, st, "h.fix", best->fix, prewrap_id(1, best_row, PREWRAP_FIX));
		section(out, st, "h.source", best->source, prewrap_id(1, best_row, PREWRAP_SOURCE));
	}
	provider_notes(out, st, lk);
}

void text_enhanced(FILE *out, const struct smtpcode_enhanced_lookup *lk,
                   const struct style *st)
{
	struct sink s;

	sink_init(&s, out);
	enhanced_to(&s, lk, st);
	sink_flush(&s);
}

static void item_to(struct sink *out, const struct smtpcode_item *item, const struct style *st)
{
	if (item->kind == SMTPCODE_KIND_ENHANCED)
		enhanced_to(out, &item->enhanced, st);
	else
		lookup_to(out, &item->basic, st);
}

void text_item(FILE *out, const struct smtpcode_item *item, const struct style *st)
{
	struct sink s;

	sink_init(&s, out);
	item_to(&s, item, st);
	sink_flush(&s);
}

void text_compare(FILE *out, const struct smtpcode_compare *c, const struct style *st)
{
	char ca[16], cb[16], na[96], nb[96], lead[32], num[24], prose[PROSE_SIZE];
	struct sink s;
	size_t i;

	sink_init(&s, out);
	sink_put(&s, "SMTP ", 5);
	put_code(&s, st, item_code(&c->a, ca, sizeof ca), item_class(&c->a));
	sink_putc(&s, ' ');
	sink_puts(&s, title_name(&c->a, st, na, sizeof na));
	sink_put(&s, " vs ", 4);
	put_code(&s, st, item_code(&c->b, cb, sizeof cb), item_class(&c->b));
	sink_putc(&s, ' ');
	sink_puts(&s, title_name(&c->b, st, nb, sizeof nb));
	sink_putc(&s, '\n');
	smtpcode_compare_summary(c, prose, sizeof prose);
	section(&s, st, "h.summary", prose, PREWRAP_NONE);
	sink_putc(&s, '\n');
	item_to(&s, &c->a, st);
	sink_putc(&s, '\n');
	item_to(&s, &c->b, st);
	sink_putc(&s, '\n');
	sink_puts(&s, style_phrase(st, "h.differences"));
	sink_putc(&s, '\n');
	for (i = 0; i < c->difference_count; i++) {
		join(lead, sizeof lead, "  ", decimal(num, sizeof num, i + 1), ". ");
		smtpcode_compare_difference(c, i, prose, sizeof prose);
		wrap(&s, prose, lead, (int)strlen(lead), st);
	}
	smtpcode_compare_when_to_use(c, prose, sizeof prose);
	section(&s, st, "h.when_to_use", prose, PREWRAP_NONE);
	sink_flush(&s);
}

/* One line for a code: "550     Mailbox Unavailable (standard)". */
void text_line(FILE *out, const struct style *st, const char *code, int cls, const char *name,
               const char *status)
{
	text_line_at(out, st, code, cls, name, status, 8);
}

void text_line_at(FILE *out, const struct style *st, const char *code, int cls,
                  const char *name, const char *status, int column)
{
	static const char spaces[] = "                                ";
	int pad = column - safe_columns(code, strlen(code));
	struct sink s;

	sink_init(&s, out);
	put_code(&s, st, code, cls);
	for (pad = pad > 1 ? pad : 1; pad > 0; pad -= (int)sizeof spaces - 1)
		sink_put(&s, spaces, pad < (int)sizeof spaces - 1 ? (size_t)pad : sizeof spaces - 1);
	sink_puts(&s, name);
	if (status) {
		sink_put(&s, " (", 2);
		sink_puts(&s, status);
		sink_putc(&s, ')');
	}
	sink_putc(&s, '\n');
	sink_flush(&s);
}
