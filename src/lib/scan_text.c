/* scan_text.c - the scanner's reader of enhanced codes in text (the
 * smaller readers are inline in scan.h). */
#include "scan.h"

#include <string.h>

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
