/* pattern.c - codes with open positions: 5xx, 55x, 4.7.x, x.1.x. */
#include "parse.h"
#include "smtpcode.h"

#include <string.h>

static int is_x(int c)
{
	return c == 'x' || c == 'X';
}

int smtpcode_is_pattern(const char *text)
{
	size_t len = 0;
	int dot = 0, x = 0, x_after_dot = 0;

	/* One pass (an operand is short): the length, the first dot, the x's. */
	for (; text[len]; len++) {
		if (text[len] == '.')
			dot = 1;
		else if (text[len] == 'x' || text[len] == 'X')
			x = 1, x_after_dot |= dot;
	}
	if (!dot)
		return len == 3 && x;
	/* "X.1.1" is a code in any class; an x after the first dot is a pattern. */
	return x_after_dot;
}

/* One part of an enhanced pattern: x gives SMTPCODE_ANY, else the number. */
static enum smtpcode_parse_error pattern_part(const char *s, size_t n, int *value)
{
	if (n == 1 && is_x(s[0])) {
		*value = SMTPCODE_ANY;
		return SMTPCODE_PARSE_OK;
	}
	return smtpcode__number_part(s, n, value);
}

static enum smtpcode_parse_error parse_enhanced_pattern(const char *text,
                                                        struct smtpcode_pattern *p)
{
	const char *d1 = strchr(text, '.'), *d2 = d1 ? strchr(d1 + 1, '.') : NULL;
	enum smtpcode_parse_error e;
	int cls;

	if (!d2)
		return SMTPCODE_PARSE_ENH_PARTS_FEW;
	if (strchr(d2 + 1, '.'))
		return SMTPCODE_PARSE_ENH_PARTS_MANY;
	if ((e = pattern_part(text, (size_t)(d1 - text), &cls)) != SMTPCODE_PARSE_OK)
		return e == SMTPCODE_PARSE_NOT_DIGIT ? SMTPCODE_PARSE_ENH_CLASS : e;
	if (cls != SMTPCODE_ANY && cls != 2 && cls != 4 && cls != 5)
		return SMTPCODE_PARSE_ENH_CLASS;
	if ((e = pattern_part(d1 + 1, (size_t)(d2 - d1 - 1), &p->subject)) ||
	    (e = pattern_part(d2 + 1, strlen(d2 + 1), &p->detail)))
		return e;
	p->kind = SMTPCODE_KIND_ENHANCED;
	p->reply_class = cls;
	return SMTPCODE_PARSE_OK;
}

enum smtpcode_parse_error smtpcode_parse_pattern(const char *text,
                                                 struct smtpcode_pattern *pattern)
{
	struct smtpcode_pattern p;
	size_t i;

	memset(&p, 0, sizeof p);
	if (strchr(text, '.')) {
		enum smtpcode_parse_error e = parse_enhanced_pattern(text, &p);
		if (e == SMTPCODE_PARSE_OK)
			*pattern = p;
		return e;
	}
	if (text[0] == '\0')
		return SMTPCODE_PARSE_EMPTY;
	for (i = 0; text[i]; i++)
		if (!is_x(text[i]) && (text[i] < '0' || text[i] > '9'))
			return SMTPCODE_PARSE_NOT_DIGIT;
	if (i < 3)
		return SMTPCODE_PARSE_TOO_SHORT;
	if (i > 3)
		return SMTPCODE_PARSE_TOO_LONG;
	if (!is_x(text[0]) && (text[0] < '1' || text[0] > '5'))
		return SMTPCODE_PARSE_RANGE;
	p.kind = SMTPCODE_KIND_BASIC;
	for (i = 0; i < 3; i++)
		p.digits[i] = is_x(text[i]) ? 'x' : text[i];
	*pattern = p;
	return SMTPCODE_PARSE_OK;
}

int smtpcode_pattern_matches_basic(const struct smtpcode_pattern *p, int basic)
{
	char digits[3];
	int i;

	if (p->kind != SMTPCODE_KIND_BASIC)
		return 0;
	digits[0] = (char)('0' + basic / 100);
	digits[1] = (char)('0' + basic / 10 % 10);
	digits[2] = (char)('0' + basic % 10);
	for (i = 0; i < 3; i++)
		if (p->digits[i] != 'x' && p->digits[i] != digits[i])
			return 0;
	return 1;
}

int smtpcode_pattern_matches_enhanced(const struct smtpcode_pattern *p,
                                      const struct smtpcode_enhanced_entry *e)
{
	if (p->kind != SMTPCODE_KIND_ENHANCED || e->detail == SMTPCODE_ANY)
		return 0;
	return (p->subject == SMTPCODE_ANY || p->subject == e->subject) &&
	       (p->detail == SMTPCODE_ANY || p->detail == e->detail);
}
