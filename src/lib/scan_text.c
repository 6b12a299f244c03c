/* scan_text.c - the scanner's reader of enhanced codes in text (the
 * smaller readers are inline in scan.h). */
#include "scan.h"

#include <string.h>

/* The text of a code followed by punctuation ("550: 5.1.1", "552; 5.2.2",
 * "(554): 5.7.1", Python's "(550, b'5.1.1"): where its enhanced code starts
 * after the punctuation, blanks and a quote; NULL if no enhanced code does.
 * p is at the code's first digit. */
const char *smtpcode__punct_text(const char *p)
{
	struct smtpcode_enhanced_code c;
	const char *q = p + 3;
	size_t len;

	if (!strchr(",:;)", *q))
		return NULL;
	while (*q && strchr(",:;) ", *q) && q - p < 6)
		q++;
	if (*q == 'b' && q[1] == '\'')
		q++;
	if (*q == '\'' || *q == '"')
		q++;
	return smtpcode__enhanced_at(q, &c, &len) == SCAN_TOKEN_ENHANCED ? q : NULL;
}

/* A malformed one (5.01.1, 6.1.1, 5.1.1000) is reported as such. */
enum scan_token smtpcode__enhanced_at(const char *p, struct smtpcode_enhanced_code *code,
                                      size_t *len)
{
	char tok[32];
	size_t n = 0, dots = 0;

	while ((scan_is_digit(p[n]) || p[n] == '.') && n < sizeof tok - 1) {
		dots += p[n] == '.';
		n++;
	}
	if (n == 0 || dots != 2 || !scan_is_digit(p[0]) || p[n - 1] == '.')
		return SCAN_TOKEN_NONE;
	if (p[n] && !strchr(" \t;,)>'\"]", p[n]) &&
	    !(p[n] == ':' && (p[n + 1] == ' ' || p[n + 1] == '\0'))) /* "250 2.0.0: Ok" */
		return SCAN_TOKEN_NONE;
	memcpy(tok, p, n);
	tok[n] = '\0';
	*len = n;
	return smtpcode_parse_enhanced(tok, code, NULL) == SMTPCODE_PARSE_OK ? SCAN_TOKEN_ENHANCED
	                                                                      : SCAN_TOKEN_MALFORMED;
}
