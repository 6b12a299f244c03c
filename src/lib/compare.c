/* compare.c - set two codes side by side: summary, differences, when to use which. */
#include "compare.h"
#include "smtpcode.h"
#include "strbuf.h"

#include <stdio.h>
#include <string.h>

/* The meaning a compare speaks of: the first one the lookup selected. */
static int first_meaning(const struct smtpcode_lookup *lk, struct smtpcode_meaning *m)
{
	return lk->known ? smtpcode_meaning_at(lk->first, m) : -1;
}

static const char *name_of(const struct smtpcode_lookup *lk)
{
	struct smtpcode_meaning m;

	return first_meaning(lk, &m) == 0 ? m.name : "not defined";
}

static int is_abbreviation(const char *text, const char *dot)
{
	static const char *const abbr[] = { "e.g", "i.e", "etc", "vs", "cf", "approx" };
	size_t i;

	for (i = 0; i < sizeof abbr / sizeof abbr[0]; i++) {
		size_t n = strlen(abbr[i]);
		if ((size_t)(dot - text) >= n && strncmp(dot - n, abbr[i], n) == 0 &&
		    (dot - n == text || dot[-(long)n - 1] == ' ' || dot[-(long)n - 1] == '('))
			return 1;
	}
	return 0;
}

size_t smtpcode__first_sentence(const char *text)
{
	const char *p;

	for (p = text; *p; p++) {
		if ((*p == '.' || *p == '!' || *p == '?') && p[1] == ' ' &&
		    p[2] >= 'A' && p[2] <= 'Z' && !(*p == '.' && is_abbreviation(text, p)))
			return (size_t)(p - text) + 1;
	}
	return (size_t)(p - text);
}

static void say_meaning(struct strbuf *sb, const struct smtpcode_lookup *lk, int lang)
{
	struct smtpcode_meaning m;
	char code[16];
	const char *args[1];

	if (first_meaning(lk, &m) < 0) {
		scx_sb_printf(sb, " %d is not defined; a client treats it as any %dxx reply.",
		              lk->basic, lk->basic / 100);
		return;
	}
	snprintf(code, sizeof code, "%d", lk->basic);
	args[0] = code;
	scx_sb_printf(sb, " ");
	scx_sb_template(sb, smtpcode_phrase(lang, "cmp.means"), args, 1);
	scx_sb_printf(sb, " ");
	scx_sb_putn(sb, m.description, smtpcode__first_sentence(m.description));
}

/* "2xx Positive Completion", in language lang. */
static void class_label(char *buf, size_t size, int digit, int lang)
{
	char key[16];

	snprintf(key, sizeof key, "c.%d", digit);
	snprintf(buf, size, "%dxx %s", digit, smtpcode_phrase(lang, key));
}

static void build_summary(struct smtpcode_compare *c)
{
	const struct smtpcode_lookup *a = &c->a.basic, *b = &c->b.basic;
	char ca[16], cb[16], la[96], lb[96];
	const char *args[6];
	struct strbuf sb;

	snprintf(ca, sizeof ca, "%d", a->basic);
	snprintf(cb, sizeof cb, "%d", b->basic);
	class_label(la, sizeof la, a->basic / 100, c->lang);
	class_label(lb, sizeof lb, b->basic / 100, c->lang);
	scx_sb_init(&sb, c->summary, sizeof c->summary);
	if (a->basic == b->basic) {
		args[0] = ca, args[1] = name_of(a);
		scx_sb_template(&sb, smtpcode_phrase(c->lang, "cmp.same_code"), args, 2);
	} else if (c->same_class) {
		args[0] = ca, args[1] = name_of(a), args[2] = cb, args[3] = name_of(b), args[4] = la;
		scx_sb_template(&sb, smtpcode_phrase(c->lang, "cmp.same_class"), args, 5);
	} else {
		args[0] = ca, args[1] = name_of(a), args[2] = la;
		args[3] = cb, args[4] = name_of(b), args[5] = lb;
		scx_sb_template(&sb, smtpcode_phrase(c->lang, "cmp.diff_class"), args, 6);
	}
	say_meaning(&sb, a, c->lang);
	if (a->basic != b->basic)
		say_meaning(&sb, b, c->lang);
}

void smtpcode__new_difference(struct smtpcode_compare *c, struct strbuf *sb)
{
	scx_sb_init(sb, c->differences[c->difference_count++], sizeof c->differences[0]);
}

static void diff_class(struct smtpcode_compare *c)
{
	int ca = c->a.basic.basic / 100, cb = c->b.basic.basic / 100;
	struct strbuf sb;

	smtpcode__new_difference(c, &sb);
	if (c->same_class) {
		scx_sb_printf(&sb, "Class: both are %dxx %s replies. %s", ca,
		              smtpcode_class_name(ca), smtpcode_class_advice(ca));
		return;
	}
	scx_sb_printf(&sb, "Class: %d is %dxx %s, %d is %dxx %s.", c->a.basic.basic, ca,
	              smtpcode_class_name(ca), c->b.basic.basic, cb, smtpcode_class_name(cb));
	smtpcode__new_difference(c, &sb);
	scx_sb_printf(&sb, "Retry: after %d: %s After %d: %s", c->a.basic.basic,
	              smtpcode_class_advice(ca), c->b.basic.basic, smtpcode_class_advice(cb));
}

static void diff_category(struct smtpcode_compare *c)
{
	int ga = c->a.basic.basic / 10 % 10, gb = c->b.basic.basic / 10 % 10;
	struct strbuf sb;

	if (ga == gb)
		return;
	smtpcode__new_difference(c, &sb);
	scx_sb_printf(&sb, "Category: %d is x%dx %s, %d is x%dx %s.", c->a.basic.basic, ga,
	              smtpcode_category_name(ga), c->b.basic.basic, gb, smtpcode_category_name(gb));
}

static void diff_meanings(struct smtpcode_compare *c)
{
	struct smtpcode_meaning ma, mb;
	int ka = first_meaning(&c->a.basic, &ma) == 0, kb = first_meaning(&c->b.basic, &mb) == 0;
	struct strbuf sb;

	if (!ka || !kb) {
		smtpcode__new_difference(c, &sb);
		if (!ka && !kb)
			scx_sb_printf(&sb, "Definition: neither %d nor %d is defined.",
			              c->a.basic.basic, c->b.basic.basic);
		else
			scx_sb_printf(&sb, "Definition: %d is defined in %s; %d is not defined "
			              "anywhere.", ka ? c->a.basic.basic : c->b.basic.basic,
			              ka ? ma.source : mb.source, ka ? c->b.basic.basic : c->a.basic.basic);
		return;
	}
	if (strcmp(ma.commands, mb.commands) != 0) {
		char ca[256], cb[256];
		smtpcode__new_difference(c, &sb);
		scx_sb_printf(&sb, "Commands: %d answers %s; %d answers %s.", ma.basic,
		              smtpcode_commands_text(ma.commands, ca, sizeof ca), mb.basic,
		              smtpcode_commands_text(mb.commands, cb, sizeof cb));
	}
	smtpcode__new_difference(c, &sb);
	if (ma.status == mb.status && strcmp(ma.source, mb.source) == 0)
		scx_sb_printf(&sb, "Source: both are %s, defined in %s.",
		              smtpcode_status_name(ma.status), ma.source);
	else
		scx_sb_printf(&sb, "Source: %d is %s, defined in %s; %d is %s, defined in %s.",
		              ma.basic, smtpcode_status_name(ma.status), ma.source, mb.basic,
		              smtpcode_status_name(mb.status), mb.source);
}

static void build_when_to_use(struct smtpcode_compare *c)
{
	struct smtpcode_meaning ma, mb;
	int ka = first_meaning(&c->a.basic, &ma) == 0, kb = first_meaning(&c->b.basic, &mb) == 0;
	struct strbuf sb;

	scx_sb_init(&sb, c->when_to_use, sizeof c->when_to_use);
	if (c->curated) {
		struct smtpcode_pair pair;
		smtpcode_pair_at(c->pair, &pair);
		scx_sb_printf(&sb, "%s", pair.when_to_use);
		return;
	}
	if (c->a.basic.basic == c->b.basic.basic) {
		scx_sb_printf(&sb, "There is only one code here.");
		if (ka)
			scx_sb_printf(&sb, " %d (%s): %s", ma.basic, ma.name, ma.when_seen);
		return;
	}
	if (ka && kb)
		scx_sb_printf(&sb, "No RFC rule weighs %d against %d; each fits its own "
		              "situation.", c->a.basic.basic, c->b.basic.basic);
	if (ka)
		scx_sb_printf(&sb, "%s%d (%s): %s", sb.len ? " " : "", ma.basic, ma.name,
		              ma.when_seen);
	else
		scx_sb_printf(&sb, "%sNo server should send %d, which is not defined.",
		              sb.len ? " " : "", c->a.basic.basic);
	if (kb)
		scx_sb_printf(&sb, " %d (%s): %s", mb.basic, mb.name, mb.when_seen);
	else
		scx_sb_printf(&sb, " No server should send %d, which is not defined.",
		              c->b.basic.basic);
}

/* Both codes are three-digit reply codes. */
static void compare_basic(struct smtpcode_compare *c)
{
	struct smtpcode_pair pair;
	struct strbuf sb;
	int a = c->a.basic.basic, b = c->b.basic.basic;

	c->same_class = a / 100 == b / 100;
	c->curated = a != b && smtpcode_pair_find(a, b, &c->pair) == 0;
	if (c->curated)
		smtpcode_pair_at(c->pair, &pair);
	build_summary(c);
	diff_class(c);
	diff_category(c);
	diff_meanings(c);
	if (c->curated) {
		smtpcode__new_difference(c, &sb);
		scx_sb_printf(&sb, "%s (%s)", pair.difference, pair.source);
	}
	build_when_to_use(c);
}

int smtpcode_compare(const struct smtpcode_query *a, const struct smtpcode_query *b,
                     const char *after, struct smtpcode_compare *out)
{
	return smtpcode_compare_lang(a, b, after, 0, out);
}

int smtpcode_compare_lang(const struct smtpcode_query *a, const struct smtpcode_query *b,
                          const char *after, int lang, struct smtpcode_compare *out)
{
	memset(out, 0, sizeof *out);
	out->lang = lang;
	if (smtpcode_lookup_item(a, after, &out->a) < 0 ||
	    smtpcode_lookup_item(b, after, &out->b) < 0)
		return -1;
	if (a->kind == SMTPCODE_KIND_BASIC && b->kind == SMTPCODE_KIND_BASIC)
		compare_basic(out);
	else if (a->kind == SMTPCODE_KIND_ENHANCED && b->kind == SMTPCODE_KIND_ENHANCED)
		smtpcode__compare_enhanced(out);
	else
		smtpcode__compare_mixed(out);
	return 0;
}
