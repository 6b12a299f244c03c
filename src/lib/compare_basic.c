/* compare_basic.c - compare two three-digit reply codes. */
#include "compare.h"
#include "compare_text.h"
#include "phrase.h"

#include <stdio.h>
#include <string.h>

static void say_meaning(struct strbuf *sb, const struct smtpcode_lookup *lk, int lang)
{
	struct smtpcode_meaning m;
	char code[16];
	const char *args[1];

	if (smtpcode__first_meaning(lk, &m) < 0) {
		scx_sb_printf(sb, " %d is not defined; a client treats it as any %dxx reply.",
		              lk->basic, lk->basic / 100);
		return;
	}
	snprintf(code, sizeof code, "%d", lk->basic);
	args[0] = code;
	scx_sb_printf(sb, " ");
	scx_sb_template(sb, smtpcode__phrase(lang, "cmp.means"), args, 1);
	scx_sb_printf(sb, " ");
	smtpcode__say_first_sentence(sb, m.description);
}

/* "2xx Positive Completion", in language lang. */
static void class_label(char *buf, size_t size, int digit, int lang)
{
	char key[16];

	snprintf(key, sizeof key, "c.%d", digit);
	snprintf(buf, size, "%dxx %s", digit, smtpcode__phrase(lang, key));
}

static void summary(const struct smtpcode_compare *c, struct strbuf *sb)
{
	const struct smtpcode_lookup *a = &c->a.basic, *b = &c->b.basic;
	char ca[16], cb[16], la[96], lb[96];
	const char *args[6];

	snprintf(ca, sizeof ca, "%d", a->basic);
	snprintf(cb, sizeof cb, "%d", b->basic);
	class_label(la, sizeof la, a->basic / 100, c->lang);
	class_label(lb, sizeof lb, b->basic / 100, c->lang);
	if (a->basic == b->basic) {
		args[0] = ca, args[1] = smtpcode__basic_name(a);
		scx_sb_template(sb, smtpcode__phrase(c->lang, "cmp.same_code"), args, 2);
	} else if (c->same_class) {
		args[0] = ca, args[1] = smtpcode__basic_name(a), args[2] = cb;
		args[3] = smtpcode__basic_name(b), args[4] = la;
		scx_sb_template(sb, smtpcode__phrase(c->lang, "cmp.same_class"), args, 5);
	} else {
		args[0] = ca, args[1] = smtpcode__basic_name(a), args[2] = la;
		args[3] = cb, args[4] = smtpcode__basic_name(b), args[5] = lb;
		scx_sb_template(sb, smtpcode__phrase(c->lang, "cmp.diff_class"), args, 6);
	}
	say_meaning(sb, a, c->lang);
	if (a->basic != b->basic)
		say_meaning(sb, b, c->lang);
}

static void say_class(const struct smtpcode_compare *c, struct strbuf *sb)
{
	int a = c->a.basic.basic, b = c->b.basic.basic, ca = a / 100, cb = b / 100;

	if (c->same_class)
		scx_sb_printf(sb, "Class: both are %dxx %s replies. %s", ca,
		              smtpcode_class_name(ca), smtpcode_class_advice(ca));
	else
		scx_sb_printf(sb, "Class: %d is %dxx %s, %d is %dxx %s.", a, ca,
		              smtpcode_class_name(ca), b, cb, smtpcode_class_name(cb));
}

static void say_definition(const struct smtpcode_compare *c, struct strbuf *sb)
{
	struct smtpcode_meaning ma, mb;
	int ka = smtpcode__first_meaning(&c->a.basic, &ma) == 0;
	int kb = smtpcode__first_meaning(&c->b.basic, &mb) == 0;
	int a = c->a.basic.basic, b = c->b.basic.basic;

	if (!ka && !kb)
		scx_sb_printf(sb, "Definition: neither %d nor %d is defined.", a, b);
	else
		scx_sb_printf(sb, "Definition: %d is defined in %s; %d is not defined anywhere.",
		              ka ? a : b, ka ? ma.source : mb.source, ka ? b : a);
}

/* The differences that need both meanings: commands and source. */
static void say_meanings(const struct smtpcode_compare *c, enum smtpcode_difference d,
                         struct strbuf *sb)
{
	struct smtpcode_meaning ma, mb;

	if (smtpcode__first_meaning(&c->a.basic, &ma) < 0 ||
	    smtpcode__first_meaning(&c->b.basic, &mb) < 0)
		return;
	if (d == SMTPCODE_DIFF_COMMANDS) {
		char ca[256], cb[256];
		scx_sb_printf(sb, "Commands: %d answers %s; %d answers %s.", ma.basic,
		              smtpcode_commands_text(ma.commands, ca, sizeof ca), mb.basic,
		              smtpcode_commands_text(mb.commands, cb, sizeof cb));
	} else if (ma.status == mb.status && strcmp(ma.source, mb.source) == 0)
		scx_sb_printf(sb, "Source: both are %s, defined in %s.",
		              smtpcode_status_name(ma.status), ma.source);
	else
		scx_sb_printf(sb, "Source: %d is %s, defined in %s; %d is %s, defined in %s.",
		              ma.basic, smtpcode_status_name(ma.status), ma.source, mb.basic,
		              smtpcode_status_name(mb.status), mb.source);
}

static void difference(const struct smtpcode_compare *c, enum smtpcode_difference d,
                       struct strbuf *sb)
{
	int a = c->a.basic.basic, b = c->b.basic.basic;
	int ga = a / 10 % 10, gb = b / 10 % 10;
	struct smtpcode_pair pair;

	switch (d) {
	case SMTPCODE_DIFF_CLASS:
		say_class(c, sb);
		break;
	case SMTPCODE_DIFF_RETRY:
		scx_sb_printf(sb, "Retry: after %d: %s After %d: %s", a,
		              smtpcode_class_advice(a / 100), b, smtpcode_class_advice(b / 100));
		break;
	case SMTPCODE_DIFF_CATEGORY:
		scx_sb_printf(sb, "Category: %d is x%dx %s, %d is x%dx %s.", a, ga,
		              smtpcode_category_name(ga), b, gb, smtpcode_category_name(gb));
		break;
	case SMTPCODE_DIFF_DEFINITION:
		say_definition(c, sb);
		break;
	case SMTPCODE_DIFF_COMMANDS:
	case SMTPCODE_DIFF_SOURCE:
		say_meanings(c, d, sb);
		break;
	case SMTPCODE_DIFF_RULE:
		if (c->curated && smtpcode_pair_at(c->pair, &pair) == 0)
			scx_sb_printf(sb, "%s (%s)", pair.difference, pair.source);
		break;
	default: /* the kinds of enhanced codes */
		break;
	}
}

static void say_when_seen(struct strbuf *sb, const struct smtpcode_lookup *lk, const char *sep)
{
	struct smtpcode_meaning m;

	if (smtpcode__first_meaning(lk, &m) == 0)
		scx_sb_printf(sb, "%s%d (%s): %s", sep, m.basic, m.name, m.when_seen);
	else
		scx_sb_printf(sb, "%sNo server should send %d, which is not defined.", sep,
		              lk->basic);
}

static void when_to_use(const struct smtpcode_compare *c, struct strbuf *sb)
{
	const struct smtpcode_lookup *a = &c->a.basic, *b = &c->b.basic;
	struct smtpcode_meaning ma;
	struct smtpcode_pair pair;

	if (c->curated && smtpcode_pair_at(c->pair, &pair) == 0) {
		scx_sb_printf(sb, "%s", pair.when_to_use);
		return;
	}
	if (a->basic == b->basic) {
		scx_sb_printf(sb, "There is only one code here.");
		if (smtpcode__first_meaning(a, &ma) == 0)
			scx_sb_printf(sb, " %d (%s): %s", ma.basic, ma.name, ma.when_seen);
		return;
	}
	if (a->known && b->known)
		scx_sb_printf(sb, "No RFC rule weighs %d against %d; each fits its own "
		              "situation.", a->basic, b->basic);
	say_when_seen(sb, a, sb->need ? " " : "");
	say_when_seen(sb, b, " ");
}

static void fill(struct smtpcode_compare *c)
{
	struct smtpcode_meaning ma, mb;
	int a = c->a.basic.basic, b = c->b.basic.basic;
	int ka = smtpcode__first_meaning(&c->a.basic, &ma) == 0;
	int kb = smtpcode__first_meaning(&c->b.basic, &mb) == 0;

	c->same_class = a / 100 == b / 100;
	c->curated = a != b && smtpcode_pair_find(a, b, &c->pair) == 0;
	smtpcode__add_difference(c, SMTPCODE_DIFF_CLASS);
	if (!c->same_class)
		smtpcode__add_difference(c, SMTPCODE_DIFF_RETRY);
	if (a / 10 % 10 != b / 10 % 10)
		smtpcode__add_difference(c, SMTPCODE_DIFF_CATEGORY);
	if (!ka || !kb) {
		smtpcode__add_difference(c, SMTPCODE_DIFF_DEFINITION);
	} else {
		if (strcmp(ma.commands, mb.commands) != 0)
			smtpcode__add_difference(c, SMTPCODE_DIFF_COMMANDS);
		smtpcode__add_difference(c, SMTPCODE_DIFF_SOURCE);
	}
	if (c->curated)
		smtpcode__add_difference(c, SMTPCODE_DIFF_RULE);
}

const struct smtpcode__compare_ops smtpcode__compare_basic = {
	fill, summary, difference, when_to_use
};
