/* code.c - parse a three-digit reply code and name its digits (RFC 5321 §4.2.1). */
#include "parse.h"
#include "smtpcode.h"

#include <stdio.h>
#include <string.h>

enum smtpcode_parse_error smtpcode_parse_basic(const char *text, int *basic, size_t *bad)
{
	size_t i;

	if (text[0] == '\0')
		return SMTPCODE_PARSE_EMPTY;
	for (i = 0; text[i] != '\0'; i++) {
		if (text[i] < '0' || text[i] > '9') {
			if (bad)
				*bad = i;
			return SMTPCODE_PARSE_NOT_DIGIT;
		}
	}
	if (i < 3)
		return SMTPCODE_PARSE_TOO_SHORT;
	if (i > 3)
		return SMTPCODE_PARSE_TOO_LONG;
	if (text[0] < '1' || text[0] > '5')
		return SMTPCODE_PARSE_RANGE;
	*basic = (text[0] - '0') * 100 + (text[1] - '0') * 10 + (text[2] - '0');
	return SMTPCODE_PARSE_OK;
}

/* The enums of smtpcode.h are the one list of their values; each name table
 * is indexed by them, and its length checked against the last one. The
 * tables hold their strings (arrays of char, not pointers), so that they
 * need no relocation when the program starts. */
static const char parse_error_reasons[][72] = {
	[SMTPCODE_PARSE_OK] = "no error",
	[SMTPCODE_PARSE_EMPTY] = "is empty",
	[SMTPCODE_PARSE_NOT_DIGIT] = "has a character that is not a digit",
	[SMTPCODE_PARSE_TOO_SHORT] = "has fewer than three digits",
	[SMTPCODE_PARSE_TOO_LONG] = "has more than three digits",
	[SMTPCODE_PARSE_RANGE] = "is out of range (reply codes run from 100 to 599)",
	[SMTPCODE_PARSE_ENH_PARTS_FEW] =
		"has fewer than three parts (class.subject.detail, as in 5.1.1)",
	[SMTPCODE_PARSE_ENH_PARTS_MANY] =
		"has more than three parts (class.subject.detail, as in 5.1.1)",
	[SMTPCODE_PARSE_ENH_EMPTY_PART] = "has an empty part",
	[SMTPCODE_PARSE_ENH_CLASS] = "has a class other than 2, 4, 5 or X",
	[SMTPCODE_PARSE_ENH_LEADING_ZERO] = "has a leading zero in its subject or detail",
	[SMTPCODE_PARSE_ENH_TOO_LONG] = "has a subject or detail of more than three digits"
};
_Static_assert(sizeof parse_error_reasons / sizeof parse_error_reasons[0] ==
               SMTPCODE_PARSE_ENH_TOO_LONG + 1, "a reason for each smtpcode_parse_error");

static const char status_names[][16] = {
	[SMTPCODE_STATUS_STANDARD] = "standard",
	[SMTPCODE_STATUS_EXTENSION] = "extension",
	[SMTPCODE_STATUS_EXPERIMENTAL] = "experimental",
	[SMTPCODE_STATUS_REGISTRY_SAMPLE] = "registry-sample",
	[SMTPCODE_STATUS_DE_FACTO] = "de-facto",
	[SMTPCODE_STATUS_PSEUDO] = "pseudo"
};
_Static_assert(sizeof status_names / sizeof status_names[0] == SMTPCODE_STATUS_PSEUDO + 1,
               "a name for each smtpcode_status");

/* Name i (of n names stride bytes apart from names) for a value of an enum,
 * else fallback (the value may come from a cast or a corrupted struct). */
static const char *enum_name(const char *names, size_t stride, size_t n, int value,
                             const char *fallback)
{
	const char *name = names + (size_t)value * stride;

	return value >= 0 && (size_t)value < n && *name ? name : fallback;
}

const char *smtpcode_parse_error_reason(enum smtpcode_parse_error err)
{
	return enum_name(parse_error_reasons[0], sizeof parse_error_reasons[0],
	                 sizeof parse_error_reasons / sizeof parse_error_reasons[0], (int)err,
	                 "is not a reply code");
}

const char *smtpcode_status_name(enum smtpcode_status status)
{
	return enum_name(status_names[0], sizeof status_names[0],
	                 sizeof status_names / sizeof status_names[0], (int)status, "unknown");
}

const char *smtpcode_class_name(int digit)
{
	static const char names[][32] = {
		"Positive Preliminary", "Positive Completion", "Positive Intermediate",
		"Transient Negative Completion", "Permanent Negative Completion"
	};

	return digit >= 1 && digit <= 5 ? names[digit - 1] : NULL;
}

const char *smtpcode_category_name(int digit)
{
	static const char names[][16] = {
		"Syntax", "Information", "Connections", "Unspecified", "Unspecified",
		"Mail System"
	};

	if (digit < 0 || digit > 9)
		return NULL;
	return digit <= 5 ? names[digit] : "Not assigned";
}

const char *smtpcode_class_advice(int digit)
{
	static const char advice[][200] = {
		"SMTP defines no 1xx replies; a client treats one as an error and ends the "
		"transaction (RFC 5321 §4.2.1).",
		"The command succeeded; the client goes on with the next step.",
		"The command was accepted and the server waits for more: the message text "
		"or the next step of an exchange.",
		"The command failed for now; the client may try the same command again "
		"later, typically after a delay of at least 30 minutes for a message "
		"(RFC 5321 §4.5.4.1).",
		"The command failed for good; the client must not repeat it unchanged, and "
		"an undeliverable message is returned to its sender."
	};

	return digit >= 1 && digit <= 5 ? advice[digit - 1] : NULL;
}

enum smtpcode_parse_error smtpcode__number_part(const char *s, size_t n, int *value)
{
	size_t i;

	if (n == 0)
		return SMTPCODE_PARSE_ENH_EMPTY_PART;
	if (n > 1 && s[0] == '0')
		return SMTPCODE_PARSE_ENH_LEADING_ZERO;
	if (n > 3)
		return SMTPCODE_PARSE_ENH_TOO_LONG;
	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return SMTPCODE_PARSE_NOT_DIGIT;
	*value = 0;
	for (i = 0; i < n; i++)
		*value = *value * 10 + (s[i] - '0');
	return SMTPCODE_PARSE_OK;
}

enum smtpcode_parse_error smtpcode_parse_enhanced(const char *text,
                                                  struct smtpcode_enhanced_code *code,
                                                  size_t *bad)
{
	const char *dot1, *dot2;
	struct smtpcode_enhanced_code c;
	enum smtpcode_parse_error e;
	size_t i, dots = 0;

	if (text[0] == '\0')
		return SMTPCODE_PARSE_EMPTY;
	for (i = 0; text[i]; i++) {
		int x_class = i == 0 && (text[0] == 'X' || text[0] == 'x') &&
		              (text[1] == '.' || text[1] == '\0');
		if (text[i] == '.')
			dots++;
		else if ((text[i] < '0' || text[i] > '9') && !x_class) {
			if (bad)
				*bad = i;
			return SMTPCODE_PARSE_NOT_DIGIT;
		}
	}
	if (dots < 2)
		return SMTPCODE_PARSE_ENH_PARTS_FEW;
	if (dots > 2)
		return SMTPCODE_PARSE_ENH_PARTS_MANY;
	dot1 = strchr(text, '.');
	dot2 = strchr(dot1 + 1, '.');
	if (dot1 == text)
		return SMTPCODE_PARSE_ENH_EMPTY_PART;
	if ((e = smtpcode__number_part(dot1 + 1, (size_t)(dot2 - dot1 - 1), &c.subject)) ||
	    (e = smtpcode__number_part(dot2 + 1, strlen(dot2 + 1), &c.detail)))
		return e;
	if (dot1 - text != 1 || !(text[0] == 'X' || text[0] == 'x' || text[0] == '2' ||
	                          text[0] == '4' || text[0] == '5'))
		return SMTPCODE_PARSE_ENH_CLASS;
	c.reply_class = text[0] >= '0' && text[0] <= '9' ? text[0] - '0' : SMTPCODE_ANY;
	*code = c;
	return SMTPCODE_PARSE_OK;
}

/* Writes the decimal digits of v (0 to 999; any int, in fact) at p;
 * returns the end. */
static char *put_number(char *p, int v)
{
	char digits[12];
	size_t n = 0;
	unsigned u = v < 0 ? 0u - (unsigned)v : (unsigned)v;

	if (v < 0)
		*p++ = '-';
	do
		digits[n++] = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	while (n)
		*p++ = digits[--n];
	return p;
}

/* Without snprintf: a lookup writes one per associated code, and this is
 * most of what `smtpcode --json 550` costs beyond starting. */
char *smtpcode_enhanced_text(const struct smtpcode_enhanced_code *code, char *buf,
                             size_t size)
{
	char text[40], *p = text;
	size_t n;

	if (code->reply_class != SMTPCODE_ANY)
		p = put_number(p, code->reply_class);
	else
		*p++ = 'X';
	*p++ = '.';
	p = put_number(p, code->subject);
	*p++ = '.';
	p = put_number(p, code->detail);
	n = (size_t)(p - text);
	if (size == 0)
		return buf;
	if (n >= size)
		n = size - 1;
	memcpy(buf, text, n);
	buf[n] = '\0';
	return buf;
}

enum smtpcode_parse_error smtpcode_parse(const char *text, struct smtpcode_query *q,
                                         size_t *bad)
{
	const char *p = text;

	while (*p && *p != '.') /* a code is short: no call to strchr */
		p++;
	if (*p) {
		q->kind = SMTPCODE_KIND_ENHANCED;
		return smtpcode_parse_enhanced(text, &q->enhanced, bad);
	}
	q->kind = SMTPCODE_KIND_BASIC;
	return smtpcode_parse_basic(text, &q->basic, bad);
}

const char *smtpcode_enhanced_class_name(int digit)
{
	switch (digit) {
	case 2:
		return "Success";
	case 4:
		return "Persistent Transient Failure";
	case 5:
		return "Permanent Failure";
	}
	return NULL;
}
