/* compare_enhanced.c - compare two enhanced status codes. */
#include "compare.h"
#include "compare_text.h"
#include "list.h"

#include <string.h>

/* The registry entry that explains lk best: its code's, else its subject's. */
static int best_row(const struct smtpcode_enhanced_lookup *lk,
                    struct smtpcode_enhanced_entry *e)
{
	size_t row = lk->detail_row != SMTPCODE_NO_ROW ? lk->detail_row : lk->subject_row;

	return smtpcode_enhanced_at(row, e);
}

/* "5.X.X Permanent Failure", or "any class" for X. */
static void say_class(struct strbuf *sb, int cls)
{
	if (cls != SMTPCODE_ANY)
		scx_sb_printf(sb, "%d.X.X %s", cls, smtpcode_enhanced_class_name(cls));
	else
		scx_sb_printf(sb, "any class (X)");
}

static void say_subject(struct strbuf *sb, const struct smtpcode_enhanced_lookup *lk)
{
	struct smtpcode_enhanced_entry e;

	if (smtpcode_enhanced_at(lk->subject_row, &e) == 0)
		scx_sb_printf(sb, "X.%d.X %s", lk->enhanced.subject, e.title);
	else
		scx_sb_printf(sb, "X.%d.X, a subject RFC 3463 does not define", lk->enhanced.subject);
}

static void say_meaning(struct strbuf *sb, const struct smtpcode_enhanced_lookup *lk)
{
	struct smtpcode_enhanced_entry e;

	if (lk->known && smtpcode_enhanced_at(lk->detail_row, &e) == 0) {
		scx_sb_printf(sb, " %s means: ", lk->text);
		smtpcode__say_first_sentence(sb, e.description);
		return;
	}
	scx_sb_printf(sb, " %s is not registered; it reads as its subject, ", lk->text);
	say_subject(sb, lk);
	scx_sb_printf(sb, ".");
}

static void say_basic_codes(struct strbuf *sb, const struct smtpcode_enhanced_lookup *lk)
{
	struct smtpcode_enhanced_entry e;

	if (!lk->known || smtpcode_enhanced_at(lk->detail_row, &e) < 0 ||
	    strcmp(e.basic_codes, "-") == 0) {
		scx_sb_printf(sb, "%s with no basic code listed", lk->text);
		return;
	}
	scx_sb_printf(sb, "%s with ", lk->text);
	scx_sb_list(sb, e.basic_codes);
}

/* Nonzero if a and b are the same condition in two known classes that differ. */
static int same_condition_two_classes(const struct smtpcode_enhanced_lookup *a,
                                      const struct smtpcode_enhanced_lookup *b)
{
	int ca = a->enhanced.reply_class, cb = b->enhanced.reply_class;

	return a->enhanced.subject == b->enhanced.subject &&
	       a->enhanced.detail == b->enhanced.detail && ca != SMTPCODE_ANY &&
	       cb != SMTPCODE_ANY && ca != cb;
}

static void summary(const struct smtpcode_compare *c, struct strbuf *sb)
{
	const struct smtpcode_enhanced_lookup *a = &c->a.enhanced, *b = &c->b.enhanced;
	int ca = a->enhanced.reply_class, cb = b->enhanced.reply_class;
	const char *ta = smtpcode__enhanced_title(a), *tb = smtpcode__enhanced_title(b);

	if (strcmp(a->text, b->text) == 0) {
		scx_sb_printf(sb, "Both arguments are %s (%s): there is nothing to tell apart.",
		              a->text, ta);
		return;
	}
	if (ca == cb) {
		scx_sb_printf(sb, "Both %s (%s) and %s (%s) belong to ", a->text, ta, b->text, tb);
		say_class(sb, ca);
	} else {
		scx_sb_printf(sb, "%s (%s) is ", a->text, ta);
		say_class(sb, ca);
		scx_sb_printf(sb, ", while %s (%s) is ", b->text, tb);
		say_class(sb, cb);
	}
	scx_sb_printf(sb, ".");
	if (same_condition_two_classes(a, b)) {
		scx_sb_printf(sb, " Both report the same condition, X.%d.%d (%s): %s says it may "
		              "clear, so a later try can succeed; %s says it will not.",
		              a->enhanced.subject, a->enhanced.detail, ta,
		              ca < cb ? a->text : b->text, ca < cb ? b->text : a->text);
		return;
	}
	say_meaning(sb, a);
	if (a->enhanced.subject != b->enhanced.subject || a->enhanced.detail != b->enhanced.detail)
		say_meaning(sb, b);
}

static void say_class_of(struct strbuf *sb, const struct smtpcode_enhanced_lookup *lk)
{
	say_class(sb, lk->enhanced.reply_class);
}

/* "Label: both are X." or "Label: a is X, b is Y.", with say writing X and Y. */
static void say_both(struct strbuf *sb, const char *label, int same,
                     const struct smtpcode_enhanced_lookup *a,
                     const struct smtpcode_enhanced_lookup *b,
                     void (*say)(struct strbuf *, const struct smtpcode_enhanced_lookup *))
{
	if (same) {
		scx_sb_printf(sb, "%s: both are ", label);
		say(sb, a);
	} else {
		scx_sb_printf(sb, "%s: %s is ", label, a->text);
		say(sb, a);
		scx_sb_printf(sb, ", %s is ", b->text);
		say(sb, b);
	}
	scx_sb_printf(sb, ".");
}

static void say_sources(const struct smtpcode_compare *c, struct strbuf *sb)
{
	const struct smtpcode_enhanced_lookup *a = &c->a.enhanced, *b = &c->b.enhanced;
	struct smtpcode_enhanced_entry ea, eb;

	if (best_row(a, &ea) < 0 || best_row(b, &eb) < 0)
		return;
	if (strcmp(ea.source, eb.source) == 0)
		scx_sb_printf(sb, "Source: both are defined in %s.", ea.source);
	else
		scx_sb_printf(sb, "Source: %s is defined in %s; %s in %s.", a->text, ea.source,
		              b->text, eb.source);
}

static void difference(const struct smtpcode_compare *c, enum smtpcode_difference d,
                       struct strbuf *sb)
{
	const struct smtpcode_enhanced_lookup *a = &c->a.enhanced, *b = &c->b.enhanced;

	switch (d) {
	case SMTPCODE_DIFF_CLASS:
		say_both(sb, "Class", a->enhanced.reply_class == b->enhanced.reply_class, a, b,
		         say_class_of);
		break;
	case SMTPCODE_DIFF_RETRY:
		scx_sb_printf(sb, "Retry: after %s: %s After %s: %s", a->text,
		              smtpcode_class_advice(a->enhanced.reply_class), b->text,
		              smtpcode_class_advice(b->enhanced.reply_class));
		break;
	case SMTPCODE_DIFF_SUBJECT:
		say_both(sb, "Subject", a->enhanced.subject == b->enhanced.subject, a, b,
		         say_subject);
		break;
	case SMTPCODE_DIFF_SENT_WITH:
		scx_sb_printf(sb, "Sent with (the registry's basic codes): ");
		say_basic_codes(sb, a);
		scx_sb_printf(sb, "; ");
		say_basic_codes(sb, b);
		scx_sb_printf(sb, ".");
		break;
	case SMTPCODE_DIFF_SOURCE:
		say_sources(c, sb);
		break;
	case SMTPCODE_DIFF_PROVIDERS:
		scx_sb_printf(sb, "Provider use: %s has %zu provider note(s) and %s has %zu; "
		              "see their entries for how large providers use them.", a->text,
		              a->provider_count, b->text, b->provider_count);
		break;
	default: /* the kinds of three-digit codes */
		break;
	}
}

static void when_to_use(const struct smtpcode_compare *c, struct strbuf *sb)
{
	const struct smtpcode_enhanced_lookup *a = &c->a.enhanced, *b = &c->b.enhanced;
	int ca = a->enhanced.reply_class, cb = b->enhanced.reply_class;
	struct smtpcode_enhanced_entry ea, eb;

	if (same_condition_two_classes(a, b)) {
		const char *t = ca < cb ? a->text : b->text, *p = ca < cb ? b->text : a->text;
		scx_sb_printf(sb, "Servers send %s while the condition may still clear, so the "
		              "client keeps the message and tries again later, and %s once it "
		              "will not, so the client stops and returns the message to its "
		              "sender. A condition that lasts turns %s into %s when the sender "
		              "gives up.", t, p, t, p);
		return;
	}
	if (strcmp(a->text, b->text) == 0) {
		scx_sb_printf(sb, "There is only one code here.");
		return;
	}
	scx_sb_printf(sb, "No registry rule weighs %s against %s; each fits its own "
	              "situation.", a->text, b->text);
	if (best_row(a, &ea) == 0)
		scx_sb_printf(sb, " %s (%s): %s", a->text, smtpcode__enhanced_title(a), ea.when_seen);
	if (best_row(b, &eb) == 0)
		scx_sb_printf(sb, " %s (%s): %s", b->text, smtpcode__enhanced_title(b), eb.when_seen);
}

static void fill(struct smtpcode_compare *c)
{
	const struct smtpcode_enhanced_lookup *a = &c->a.enhanced, *b = &c->b.enhanced;
	int ca = a->enhanced.reply_class, cb = b->enhanced.reply_class;
	struct smtpcode_enhanced_entry e;

	c->same_class = ca == cb;
	smtpcode__add_difference(c, SMTPCODE_DIFF_CLASS);
	if (ca != cb && ca != SMTPCODE_ANY && cb != SMTPCODE_ANY && smtpcode_class_advice(ca) &&
	    smtpcode_class_advice(cb))
		smtpcode__add_difference(c, SMTPCODE_DIFF_RETRY);
	smtpcode__add_difference(c, SMTPCODE_DIFF_SUBJECT);
	smtpcode__add_difference(c, SMTPCODE_DIFF_SENT_WITH);
	if (best_row(a, &e) == 0 && best_row(b, &e) == 0)
		smtpcode__add_difference(c, SMTPCODE_DIFF_SOURCE);
	if (a->provider_count || b->provider_count)
		smtpcode__add_difference(c, SMTPCODE_DIFF_PROVIDERS);
}

const struct smtpcode__compare_ops smtpcode__compare_enhanced = {
	fill, summary, difference, when_to_use
};
