/* compare.c - set two codes side by side: the facts at once, the summary,
 * the differences and when to use which on demand. The work is done by
 * compare_basic.c, compare_enhanced.c or compare_mixed.c, by the kinds of
 * the two codes. */
#include "compare.h"

static const struct smtpcode__compare_ops *ops_of(const struct smtpcode_compare *c)
{
	if (c->a.kind == SMTPCODE_KIND_BASIC && c->b.kind == SMTPCODE_KIND_BASIC)
		return &smtpcode__compare_basic;
	if (c->a.kind == SMTPCODE_KIND_ENHANCED && c->b.kind == SMTPCODE_KIND_ENHANCED)
		return &smtpcode__compare_enhanced;
	return &smtpcode__compare_mixed;
}

int smtpcode_compare(const struct smtpcode_query *a, const struct smtpcode_query *b,
                     const char *after, struct smtpcode_compare *out)
{
	return smtpcode_compare_lang(a, b, after, 0, out);
}

int smtpcode_compare_lang(const struct smtpcode_query *a, const struct smtpcode_query *b,
                          const char *after, int lang, struct smtpcode_compare *out)
{
	out->lang = lang;
	out->same_class = 0;
	out->curated = 0;
	out->pair = 0;
	out->difference_count = 0;
	if (smtpcode_lookup_item(a, after, &out->a) < 0 ||
	    smtpcode_lookup_item(b, after, &out->b) < 0)
		return -1;
	ops_of(out)->fill(out);
	return 0;
}

size_t smtpcode_compare_summary(const struct smtpcode_compare *c, char *buf, size_t size)
{
	struct strbuf sb;

	scx_sb_init(&sb, buf, size);
	ops_of(c)->summary(c, &sb);
	return sb.need;
}

size_t smtpcode_compare_difference(const struct smtpcode_compare *c, size_t index, char *buf,
                                   size_t size)
{
	struct strbuf sb;

	scx_sb_init(&sb, buf, size);
	if (index < c->difference_count && index < SMTPCODE_DIFF_MAX)
		ops_of(c)->difference(c, c->differences[index], &sb);
	return sb.need;
}

size_t smtpcode_compare_when_to_use(const struct smtpcode_compare *c, char *buf, size_t size)
{
	struct strbuf sb;

	scx_sb_init(&sb, buf, size);
	ops_of(c)->when_to_use(c, &sb);
	return sb.need;
}
