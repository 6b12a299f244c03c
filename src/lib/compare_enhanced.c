/* compare_enhanced.c - compare two enhanced status codes, or a basic reply
 * code with an enhanced one. */
#include "compare.h"

#include <string.h>

/* The registry row that explains lk best: its code's row, else its subject's. */
static int best_row(const struct smtpcode_enhanced_lookup *lk, struct smtpcode_enhanced_entry *e)
{
	size_t row = lk->detail_row != SMTPCODE_NO_ROW ? lk->detail_row : lk->subject_row;

	return smtpcode_enhanced_at(row, e);
}

static const char *title_of(const struct smtpcode_enhanced_lookup *lk)
{
	struct smtpcode_enhanced_entry e;

	if (smtpcode_enhanced_at(lk->detail_row, &e) < 0)
		return "not registered";
	return e.title;
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
		scx_sb_putn(sb, e.description, smtpcode__first_sentence(e.description));
		return;
	}
	scx_sb_printf(sb, " %s is not registered; it reads as its subject, ", lk->text);
	say_subject(sb, lk);
	scx_sb_printf(sb, ".");
}

static void say_basic_codes(struct strbuf *sb, const struct smtpcode_enhanced_lookup *lk)
{
	struct smtpcode_enhanced_entry e;
	const char *p;

	if (!lk->known || smtpcode_enhanced_at(lk->detail_row, &e) < 0 ||
	    strcmp(e.basic_codes, "-") == 0) {
		scx_sb_printf(sb, "%s with no basic code listed", lk->text);
		return;
	}
	scx_sb_printf(sb, "%s with ", lk->text);
	for (p = e.basic_codes; *p; p++)
		scx_sb_printf(sb, *p == ',' ? ", " : "%c", *p);
}

static void enhanced_summary(struct smtpcode_compare *c)
{
	const struct smtpcode_enhanced_lookup *a = &c->a.enhanced, *b = &c->b.enhanced;
	int ca = a->enhanced.reply_class, cb = b->enhanced.reply_class;
	int same_condition = a->enhanced.subject == b->enhanced.subject &&
	                     a->enhanced.detail == b->enhanced.detail;
	struct strbuf sb;

	scx_sb_init(&sb, c->summary, sizeof c->summary);
	if (strcmp(a->text, b->text) == 0) {
		scx_sb_printf(&sb, "Both arguments are %s (%s): there is nothing to tell apart.",
		              a->text, title_of(a));
		return;
	}
	if (ca == cb) {
		scx_sb_printf(&sb, "Both %s (%s) and %s (%s) belong to ", a->text, title_of(a),
		              b->text, title_of(b));
		say_class(&sb, ca);
		scx_sb_printf(&sb, ".");
	} else {
		scx_sb_printf(&sb, "%s (%s) is ", a->text, title_of(a));
		say_class(&sb, ca);
		scx_sb_printf(&sb, ", while %s (%s) is ", b->text, title_of(b));
		say_class(&sb, cb);
		scx_sb_printf(&sb, ".");
	}
	if (same_condition && ca != SMTPCODE_ANY && cb != SMTPCODE_ANY) {
		scx_sb_printf(&sb, " Both report the same condition, X.%d.%d (%s): %s says it may "
		              "clear, so a later try can succeed; %s says it will not.",
		              a->enhanced.subject, a->enhanced.detail, title_of(a),
		              ca < cb ? a->text : b->text, ca < cb ? b->text : a->text);
		return;
	}
	say_meaning(&sb, a);
	if (!same_condition)
		say_meaning(&sb, b);
}

static void enhanced_differences(struct smtpcode_compare *c)
{
	const struct smtpcode_enhanced_lookup *a = &c->a.enhanced, *b = &c->b.enhanced;
	int ca = a->enhanced.reply_class, cb = b->enhanced.reply_class;
	struct smtpcode_enhanced_entry ea, eb;
	struct strbuf sb;

	smtpcode__new_difference(c, &sb);
	if (ca == cb) {
		scx_sb_printf(&sb, "Class: both are ");
		say_class(&sb, ca);
		scx_sb_printf(&sb, ".");
	} else {
		scx_sb_printf(&sb, "Class: %s is ", a->text);
		say_class(&sb, ca);
		scx_sb_printf(&sb, ", %s is ", b->text);
		say_class(&sb, cb);
		scx_sb_printf(&sb, ".");
		if (ca != SMTPCODE_ANY && cb != SMTPCODE_ANY && smtpcode_class_advice(ca) && smtpcode_class_advice(cb)) {
			smtpcode__new_difference(c, &sb);
			scx_sb_printf(&sb, "Retry: after %s: %s After %s: %s", a->text,
			              smtpcode_class_advice(ca), b->text, smtpcode_class_advice(cb));
		}
	}
	smtpcode__new_difference(c, &sb);
	if (a->enhanced.subject == b->enhanced.subject) {
		scx_sb_printf(&sb, "Subject: both are ");
		say_subject(&sb, a);
	} else {
		scx_sb_printf(&sb, "Subject: %s is ", a->text);
		say_subject(&sb, a);
		scx_sb_printf(&sb, ", %s is ", b->text);
		say_subject(&sb, b);
	}
	scx_sb_printf(&sb, ".");
	smtpcode__new_difference(c, &sb);
	scx_sb_printf(&sb, "Sent with (the registry's basic codes): ");
	say_basic_codes(&sb, a);
	scx_sb_printf(&sb, "; ");
	say_basic_codes(&sb, b);
	scx_sb_printf(&sb, ".");
	if (best_row(a, &ea) == 0 && best_row(b, &eb) == 0) {
		smtpcode__new_difference(c, &sb);
		if (strcmp(ea.source, eb.source) == 0)
			scx_sb_printf(&sb, "Source: both are defined in %s.", ea.source);
		else
			scx_sb_printf(&sb, "Source: %s is defined in %s; %s in %s.", a->text,
			              ea.source, b->text, eb.source);
	}
	if (a->provider_count || b->provider_count) {
		smtpcode__new_difference(c, &sb);
		scx_sb_printf(&sb, "Provider use: %s has %zu provider note(s) and %s has %zu; "
		              "see their entries for how large providers use them.", a->text,
		              a->provider_count, b->text, b->provider_count);
	}
}

static void enhanced_when_to_use(struct smtpcode_compare *c)
{
	const struct smtpcode_enhanced_lookup *a = &c->a.enhanced, *b = &c->b.enhanced;
	int ca = a->enhanced.reply_class, cb = b->enhanced.reply_class;
	struct smtpcode_enhanced_entry ea, eb;
	struct strbuf sb;

	scx_sb_init(&sb, c->when_to_use, sizeof c->when_to_use);
	if (a->enhanced.subject == b->enhanced.subject && a->enhanced.detail == b->enhanced.detail &&
	    ca != SMTPCODE_ANY && cb != SMTPCODE_ANY && ca != cb) {
		const char *t = ca < cb ? a->text : b->text, *p = ca < cb ? b->text : a->text;
		scx_sb_printf(&sb, "Servers send %s while the condition may still clear, so the "
		              "client keeps the message and tries again later, and %s once it "
		              "will not, so the client stops and returns the message to its "
		              "sender. A condition that lasts turns %s into %s when the sender "
		              "gives up.", t, p, t, p);
		return;
	}
	if (strcmp(a->text, b->text) == 0) {
		scx_sb_printf(&sb, "There is only one code here.");
		return;
	}
	scx_sb_printf(&sb, "No registry rule weighs %s against %s; each fits its own "
	              "situation.", a->text, b->text);
	if (best_row(a, &ea) == 0)
		scx_sb_printf(&sb, " %s (%s): %s", a->text, title_of(a), ea.when_seen);
	if (best_row(b, &eb) == 0)
		scx_sb_printf(&sb, " %s (%s): %s", b->text, title_of(b), eb.when_seen);
}

void smtpcode__compare_enhanced(struct smtpcode_compare *c)
{
	c->same_class = c->a.enhanced.enhanced.reply_class == c->b.enhanced.enhanced.reply_class;
	enhanced_summary(c);
	enhanced_differences(c);
	enhanced_when_to_use(c);
}

/* ---- A basic reply code against an enhanced status code ----------------- */

static const char *basic_name(const struct smtpcode_lookup *lk)
{
	struct smtpcode_meaning m;

	if (!lk->known || smtpcode_meaning_at(lk->first, &m) < 0)
		return "not defined";
	return m.name;
}

/* 1 if the classes agree, 0 if they disagree; X agrees with 2, 4 and 5. */
static int classes_agree(int basic, int cls)
{
	int d = basic / 100;

	return (d == 2 || d == 4 || d == 5) && (cls == SMTPCODE_ANY || cls == d);
}

void smtpcode__compare_mixed(struct smtpcode_compare *c)
{
	int basic_first = c->a.kind == SMTPCODE_KIND_BASIC;
	const struct smtpcode_lookup *bk = basic_first ? &c->a.basic : &c->b.basic;
	const struct smtpcode_enhanced_lookup *ek = basic_first ? &c->b.enhanced
	                                                        : &c->a.enhanced;
	int code = bk->basic, d = code / 100, cls = ek->enhanced.reply_class, listed = 0, have = 0;
	struct smtpcode_enhanced_entry e;
	struct strbuf sb;

	memset(&e, 0, sizeof e);
	c->same_class = classes_agree(code, cls);
	if (ek->known && smtpcode_enhanced_at(ek->detail_row, &e) == 0) {
		have = 1;
		listed = smtpcode_enhanced_lists_basic(&e, code);
	}

	scx_sb_init(&sb, c->summary, sizeof c->summary);
	scx_sb_printf(&sb, "%d (%s) is a three-digit SMTP reply code; %s (%s) is an RFC 3463 "
	              "enhanced status code. They are not alternatives: a server that "
	              "announces ENHANCEDSTATUSCODES (RFC 2034) starts the text of its 2xx, "
	              "4xx and 5xx replies with an enhanced code, as in \"%d %d.%d.%d ...\".",
	              code, basic_name(bk), ek->text, title_of(ek), code, cls != SMTPCODE_ANY ? cls : d,
	              ek->enhanced.subject, ek->enhanced.detail);
	if (d == 1 || d == 3)
		scx_sb_printf(&sb, " A %dxx reply carries no enhanced code.", d);
	else if (!c->same_class)
		scx_sb_printf(&sb, " Here the classes disagree (%dxx against %d.X.X), so no "
		              "correct reply carries both.", d, cls);
	else if (cls == SMTPCODE_ANY)
		scx_sb_printf(&sb, " Written with its class, %s takes %d from the reply.",
		              ek->text, d);
	else
		scx_sb_printf(&sb, " Their classes agree (%d), as they must.", d);

	smtpcode__new_difference(c, &sb);
	scx_sb_printf(&sb, "Kind: %d is the code every SMTP client acts on (RFC 5321 §4.2); "
	              "%s names the reason more precisely by subject and detail, and is "
	              "also what the Status field of a delivery status notification carries "
	              "(RFC 3464).", code, ek->text);
	smtpcode__new_difference(c, &sb);
	if (c->same_class)
		scx_sb_printf(&sb, "Class: %d is %dxx %s; the enhanced class %d means %s.", code, d,
		              smtpcode_class_name(d), d, smtpcode_enhanced_class_name(d));
	else
		scx_sb_printf(&sb, "Class: %d is %dxx %s, but %s has class %d; a reply must "
		              "use the same class digit in both codes.", code, d,
		              smtpcode_class_name(d), ek->text, cls);
	smtpcode__new_difference(c, &sb);
	if (!have)
		scx_sb_printf(&sb, "Registry: %s is not registered, so it lists no basic codes.",
		              ek->text);
	else if (strcmp(e.basic_codes, "-") == 0)
		scx_sb_printf(&sb, "Registry: X.%d.%d lists no basic codes.", ek->enhanced.subject,
		              ek->enhanced.detail);
	else {
		const char *p;
		scx_sb_printf(&sb, "Registry: X.%d.%d is listed with ", ek->enhanced.subject,
		              ek->enhanced.detail);
		for (p = e.basic_codes; *p; p++)
			scx_sb_printf(&sb, *p == ',' ? ", " : "%c", *p);
		scx_sb_printf(&sb, "; %d is %s.", code, listed == 1 ? "among them" :
		              listed == 2 ? "covered by its class" : "not among them");
	}

	scx_sb_init(&sb, c->when_to_use, sizeof c->when_to_use);
	if (c->same_class)
		scx_sb_printf(&sb, "Send both in one reply: %d first, then %d.%d.%d at the start "
		              "of the text. Every client acts on %d's first digit; clients and "
		              "people that read further learn the reason from the enhanced "
		              "code.", code, d, ek->enhanced.subject, ek->enhanced.detail, code);
	else if (d == 2 || d == 4 || d == 5)
		scx_sb_printf(&sb, "Do not send them together. With %d, use %d.%d.%d; with %s, "
		              "use a %dxx reply code.", code, d, ek->enhanced.subject,
		              ek->enhanced.detail, ek->text, cls);
	else
		scx_sb_printf(&sb, "Do not send them together: a %dxx reply carries no enhanced "
		              "code, and %s goes with a %dxx reply.", d, ek->text,
		              cls != SMTPCODE_ANY ? cls : 5);
}
