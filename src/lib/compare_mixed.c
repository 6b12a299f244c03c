/* compare_mixed.c - compare a three-digit reply code with an enhanced
 * status code (in either order). */
#include "compare.h"
#include "compare_text.h"
#include "list.h"

#include <string.h>

/* The two sides of a mixed compare, whichever order they were given in. */
struct mixed {
	const struct smtpcode_lookup *bk;
	const struct smtpcode_enhanced_lookup *ek;
	int basic, d, cls;          /* the basic code, its class digit, the enhanced class */
	int subject, detail;
};

static struct mixed sides(const struct smtpcode_compare *c)
{
	int basic_first = c->a.kind == SMTPCODE_KIND_BASIC;
	struct mixed m;

	m.bk = basic_first ? &c->a.basic : &c->b.basic;
	m.ek = basic_first ? &c->b.enhanced : &c->a.enhanced;
	m.basic = m.bk->basic;
	m.d = m.basic / 100;
	m.cls = m.ek->enhanced.reply_class;
	m.subject = m.ek->enhanced.subject;
	m.detail = m.ek->enhanced.detail;
	return m;
}

static void summary(const struct smtpcode_compare *c, struct strbuf *sb)
{
	struct mixed m = sides(c);

	scx_sb_printf(sb, "%d (%s) is a three-digit SMTP reply code; %s (%s) is an RFC 3463 "
	              "enhanced status code. They are not alternatives: a server that "
	              "announces ENHANCEDSTATUSCODES (RFC 2034) starts the text of its 2xx, "
	              "4xx and 5xx replies with an enhanced code, as in \"%d %d.%d.%d ...\".",
	              m.basic, smtpcode__basic_name(m.bk), m.ek->text,
	              smtpcode__enhanced_title(m.ek), m.basic, m.cls != SMTPCODE_ANY ? m.cls : m.d,
	              m.subject, m.detail);
	if (m.d == 1 || m.d == 3)
		scx_sb_printf(sb, " A %dxx reply carries no enhanced code.", m.d);
	else if (!c->same_class)
		scx_sb_printf(sb, " Here the classes disagree (%dxx against %d.X.X), so no "
		              "correct reply carries both.", m.d, m.cls);
	else if (m.cls == SMTPCODE_ANY)
		scx_sb_printf(sb, " Written with its class, %s takes %d from the reply.",
		              m.ek->text, m.d);
	else
		scx_sb_printf(sb, " Their classes agree (%d), as they must.", m.d);
}

static void say_registry(const struct mixed *m, struct strbuf *sb)
{
	struct smtpcode_enhanced_entry e;
	int listed;

	if (!m->ek->known || smtpcode_enhanced_at(m->ek->detail_row, &e) < 0) {
		scx_sb_printf(sb, "Registry: %s is not registered, so it lists no basic codes.",
		              m->ek->text);
		return;
	}
	if (strcmp(e.basic_codes, "-") == 0) {
		scx_sb_printf(sb, "Registry: X.%d.%d lists no basic codes.", m->subject, m->detail);
		return;
	}
	listed = smtpcode_enhanced_lists_basic(&e, m->basic);
	scx_sb_printf(sb, "Registry: X.%d.%d is listed with ", m->subject, m->detail);
	scx_sb_list(sb, e.basic_codes);
	scx_sb_printf(sb, "; %d is %s.", m->basic, listed == 1 ? "among them" :
	              listed == 2 ? "covered by its class" : "not among them");
}

static void difference(const struct smtpcode_compare *c, enum smtpcode_difference d,
                       struct strbuf *sb)
{
	struct mixed m = sides(c);

	switch (d) {
	case SMTPCODE_DIFF_KIND:
		scx_sb_printf(sb, "Kind: %d is the code every SMTP client acts on (RFC 5321 §4.2); "
		              "%s names the reason more precisely by subject and detail, and is "
		              "also what the Status field of a delivery status notification "
		              "carries (RFC 3464).", m.basic, m.ek->text);
		break;
	case SMTPCODE_DIFF_CLASS:
		if (c->same_class)
			scx_sb_printf(sb, "Class: %d is %dxx %s; the enhanced class %d means %s.",
			              m.basic, m.d, smtpcode_class_name(m.d), m.d,
			              smtpcode_enhanced_class_name(m.d));
		else
			scx_sb_printf(sb, "Class: %d is %dxx %s, but %s has class %d; a reply must "
			              "use the same class digit in both codes.", m.basic, m.d,
			              smtpcode_class_name(m.d), m.ek->text, m.cls);
		break;
	case SMTPCODE_DIFF_REGISTRY:
		say_registry(&m, sb);
		break;
	default: /* the kinds of two codes of one kind */
		break;
	}
}

static void when_to_use(const struct smtpcode_compare *c, struct strbuf *sb)
{
	struct mixed m = sides(c);

	if (c->same_class)
		scx_sb_printf(sb, "Send both in one reply: %d first, then %d.%d.%d at the start "
		              "of the text. Every client acts on %d's first digit; clients and "
		              "people that read further learn the reason from the enhanced "
		              "code.", m.basic, m.d, m.subject, m.detail, m.basic);
	else if (m.d == 2 || m.d == 4 || m.d == 5)
		scx_sb_printf(sb, "Do not send them together. With %d, use %d.%d.%d; with %s, "
		              "use a %dxx reply code.", m.basic, m.d, m.subject, m.detail,
		              m.ek->text, m.cls);
	else
		scx_sb_printf(sb, "Do not send them together: a %dxx reply carries no enhanced "
		              "code, and %s goes with a %dxx reply.", m.d, m.ek->text,
		              m.cls != SMTPCODE_ANY ? m.cls : 5);
}

static void fill(struct smtpcode_compare *c)
{
	struct mixed m = sides(c);

	/* The classes agree when they can share a reply: X agrees with 2, 4 and 5. */
	c->same_class = (m.d == 2 || m.d == 4 || m.d == 5) &&
	                (m.cls == SMTPCODE_ANY || m.cls == m.d);
	smtpcode__add_difference(c, SMTPCODE_DIFF_KIND);
	smtpcode__add_difference(c, SMTPCODE_DIFF_CLASS);
	smtpcode__add_difference(c, SMTPCODE_DIFF_REGISTRY);
}

const struct smtpcode__compare_ops smtpcode__compare_mixed = {
	fill, summary, difference, when_to_use
};
