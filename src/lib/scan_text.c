/* scan_text.c - the scanner's readers of codes in text: a three-digit code,
 * a token shaped like an enhanced code, where a code may start. */
#include "scan.h"

#include <string.h>

int smtpcode__code_at(const char *p, char *sep)
{
	if (!scan_is_digit(p[0]) || !scan_is_digit(p[1]) || !scan_is_digit(p[2]) || p[0] < '1' ||
	    p[0] > '5')
		return 0;
	if (p[3] != ' ' && p[3] != '-' && p[3] != '\0')
		return 0;
	*sep = p[3];
	return (p[0] - '0') * 100 + (p[1] - '0') * 10 + (p[2] - '0');
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
	if (p[n] && !strchr(" \t;,)>'\"]", p[n]))
		return SCAN_TOKEN_NONE;
	memcpy(tok, p, n);
	tok[n] = '\0';
	*len = n;
	return smtpcode_parse_enhanced(tok, code, NULL) == SMTPCODE_PARSE_OK ? SCAN_TOKEN_ENHANCED
	                                                                      : SCAN_TOKEN_MALFORMED;
}

/* After one of " ('\"#;:[<=". */
int smtpcode__starts_code(char c)
{
	switch (c) {
	case ' ': case '(': case '\'': case '"': case '#': case ';': case ':': case '[':
	case '<': case '=':
		return 1;
	default:
		return 0;
	}
}
