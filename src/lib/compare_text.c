/* compare_text.c - what the compare fillers share: sentences, lists, names,
 * and the bounded list of differences. */
#include "compare_text.h"
#include "list.h"

#include <stdarg.h>
#include <string.h>

static int is_abbreviation(const char *text, const char *dot)
{
	static const char abbr[][8] = { "e.g", "i.e", "etc", "vs", "cf", "approx" };
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

void smtpcode__say_first_sentence(struct strbuf *sb, const char *text)
{
	scx_sb_putn(sb, text, smtpcode__first_sentence(text));
}

void smtpcode__say(struct strbuf *sb, const char *tmpl, int n, ...)
{
	const char *args[9];
	va_list ap;
	int i;

	va_start(ap, n);
	/* clang-tidy 14 loses track of va_start here, as in strbuf.c. */
	for (i = 0; i < n && i < 9; i++)
		args[i] = va_arg(ap, const char *); /* NOLINT */
	va_end(ap);
	scx_sb_template(sb, tmpl, args, (size_t)i);
}

char *smtpcode__decimal(char *buf, int n)
{
	char digits[12], *p = digits + sizeof digits;
	unsigned v = n < 0 ? 0u - (unsigned)n : (unsigned)n;
	size_t len;

	*--p = '\0';
	do
		*--p = (char)('0' + v % 10);
	while ((v /= 10) > 0);
	if (n < 0)
		*--p = '-';
	len = (size_t)(digits + sizeof digits - p);
	memcpy(buf, p, len);
	return buf;
}

void smtpcode__add_difference(struct smtpcode_compare *c, enum smtpcode_difference d)
{
	if (c->difference_count < SMTPCODE_DIFF_MAX)
		c->differences[c->difference_count++] = d;
}

int smtpcode__first_meaning(const struct smtpcode_lookup *lk, struct smtpcode_meaning *m)
{
	return lk->known ? smtpcode_meaning_at(lk->first, m) : -1;
}

const char *smtpcode__basic_name(const struct smtpcode_lookup *lk)
{
	struct smtpcode_meaning m;

	return smtpcode__first_meaning(lk, &m) == 0 ? m.name : "not defined";
}

const char *smtpcode__enhanced_title(const struct smtpcode_enhanced_lookup *lk)
{
	struct smtpcode_enhanced_entry e;

	return smtpcode_enhanced_at(lk->detail_row, &e) == 0 ? e.title : "not registered";
}
