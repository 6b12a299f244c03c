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
		char cls[12];
		smtpcode__say(sb, " {1} is not defined; a client treats it as any {2}xx reply.", 2,
		              smtpcode__decimal(code, lk->basic), smtpcode__decimal(cls, lk->basic / 100));
		return;
	}
	args[0] = smtpcode__decimal(code, lk->basic);
	scx_sb_putn(sb, " ", 1);
	scx_sb_template(sb, smtpcode__phrase(lang, "cmp.means"), args, 1);
	scx_sb_putn(sb, " ", 1);
	smtpcode__say_first_sentence(sb, m.description);
}

/* "2xx Positive Completion", in language lang. */
static void class_label(char *buf, size_t size, int digit, int lang)
{
	char key[4] = { 'c', '.', (char)('0' + digit % 10), '\0' };
	struct strbuf sb;
	char d[12];

	scx_sb_init(&sb, buf, size);
	smtpcode__say(&sb, "{1}xx {2}", 2, smtpcode__decimal(d, digit), smtpcode__phrase(lang, key));
}

static void summary(const struct smtpcode_compare *c, struct strbuf *sb)
{
	const struct smtpcode_lookup *a = &c->a.basic, *b = &c->b.basic;
	char ca[16], cb[16], la[96], lb[96];
	const char *args[6];

	smtpcode__decimal(ca, a->basic);
	smtpcode__decimal(cb, b->basic);
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
	char na[12], nb[12], da[12], db[12];

	smtpcode__decimal(na, a), smtpcode__decimal(nb, b);
	smtpcode__decimal(da, ca), smtpcode__decimal(db, cb);
	if (c->same_class)
		smtpcode__say(sb, "Class: both are {1}xx {2} replies. {3}", 3, da,
		              smtpcode_class_name(ca), smtpcode_class_advice(ca));
	else
		smtpcode__say(sb, "Class: {1} is {2}xx {3}, {4} is {5}xx {6}.", 6, na, da,
		              smtpcode_class_name(ca), nb, db, smtpcode_class_name(cb));
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
	char na[12], nb[12];

	smtpcode__decimal(na, ma.basic), smtpcode__decimal(nb, mb.basic);
	if (d == SMTPCODE_DIFF_COMMANDS) {
		char ca[256], cb[256];
		smtpcode__say(sb, "Commands: {1} answers {2}; {3} answers {4}.", 4, na,
		              smtpcode_commands_text(ma.commands, ca, sizeof ca), nb,
		              smtpcode_commands_text(mb.commands, cb, sizeof cb));
	} else if (ma.status == mb.status && strcmp(ma.source, mb.source) == 0)
		smtpcode__say(sb, "Source: both are {1}, defined in {2}.", 2,
		              smtpcode_status_name(ma.status), ma.source);
	else
		smtpcode__say(sb, "Source: {1} is {2}, defined in {3}; {4} is {5}, defined in {6}.", 6,
		              na, smtpcode_status_name(ma.status), ma.source, nb,
		              smtpcode_status_name(mb.status), mb.source);
}

static void difference(const struct smtpcode_compare *c, enum smtpcode_difference d,
                       struct strbuf *sb)
{
	int a = c->a.basic.basic, b = c->b.basic.basic;
	int ga = a / 10 % 10, gb = b / 10 % 10;
	char na[12], nb[12], xa[12], xb[12];
	struct smtpcode_pair pair;

	switch (d) {
	case SMTPCODE_DIFF_CLASS:
		say_class(c, sb);
		break;
	case SMTPCODE_DIFF_RETRY:
		smtpcode__say(sb, "Retry: after {1}: {2} After {3}: {4}", 4, smtpcode__decimal(na, a),
		              smtpcode_class_advice(a / 100), smtpcode__decimal(nb, b),
		              smtpcode_class_advice(b / 100));
		break;
	case SMTPCODE_DIFF_CATEGORY:
		smtpcode__say(sb, "Category: {1} is x{2}x {3}, {4} is x{5}x {6}.", 6,
		              smtpcode__decimal(na, a), smtpcode__decimal(xa, ga),
		              smtpcode_category_name(ga), smtpcode__decimal(nb, b),
		              smtpcode__decimal(xb, gb), smtpcode_category_name(gb));
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
			smtpcode__say(sb, "{1} ({2})", 2, pair.difference, pair.source);
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
		scx_sb_putn(sb, pair.when_to_use, strlen(pair.when_to_use));
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
