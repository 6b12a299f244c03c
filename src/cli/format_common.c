/* format_common.c - what the text and JSON formatters both need. */
#include "format.h"

#include <stdio.h>
#include <string.h>

void each_enhanced_for_basic(int code, void (*fn)(const char *text, void *arg), void *arg)
{
	struct smtpcode_enhanced_entry e;
	int cls = code / 100;
	char text[16], digits[4];
	size_t i;

	digits[0] = (char)('0' + cls);
	digits[1] = (char)('0' + code / 10 % 10);
	digits[2] = (char)('0' + code % 10);
	digits[3] = '\0';
	if (cls != 2 && cls != 4 && cls != 5)
		return;
	for (i = 0; smtpcode_enhanced_at(i, &e) == 0; i++) {
		/* Most rows list no such code: a quick look for its digits first. */
		if (e.detail == SMTPCODE_ANY || !strstr(e.basic_codes, digits) ||
		    smtpcode_enhanced_lists_basic(&e, code) != 1)
			continue;
		snprintf(text, sizeof text, "%d.%d.%d", cls, e.subject, e.detail);
		fn(text, arg);
	}
}
