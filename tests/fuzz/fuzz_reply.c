/* fuzz_reply.c - the reply scanner behind explain and scan: any text gives
 * well-formed replies, and each one's JSON object parses. */
#define _POSIX_C_SOURCE 200809L /* open_memstream */

#include "format.h"
#include "json_check.h"
#include "smtpcode.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned long lines_fed;

static void check_reply(const struct smtpcode_reply *r, void *arg)
{
	char *out = NULL;
	size_t len = 0, i;
	FILE *f;

	(void)arg;
	if (r->basic != 0 && (r->basic < 100 || r->basic > 599))
		abort();
	if (r->first_line < 1 || r->first_line > r->last_line || r->last_line > lines_fed)
		abort();
	if (r->enhanced_count > SMTPCODE_REPLY_ENHANCED_MAX ||
	    r->warning_count > SMTPCODE_REPLY_WARNING_MAX)
		abort();
	for (i = 0; i < r->enhanced_count; i++) {
		const struct smtpcode_enhanced_code *c = &r->enhanced[i];
		if ((c->reply_class != 2 && c->reply_class != 4 && c->reply_class != 5) ||
		    c->subject < 0 || c->subject > 999 || c->detail < 0 || c->detail > 999)
			abort();
	}
	if (memchr(r->text, '\0', sizeof r->text) == NULL)
		abort();
	f = open_memstream(&out, &len);
	if (!f)
		return;
	json_reply(f, r);
	fclose(f);
	if (!json_check_line(out, len))
		abort();
	free(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct smtpcode_scanner *s = malloc(sizeof *s);
	const char *p = (const char *)data, *end = p + size;
	char *line;

	if (!s)
		return 0;
	smtpcode_scanner_init(s);
	lines_fed = 0;
	while (p <= end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		/* An exact copy: reading past the line is caught. */
		line = malloc(n ? n : 1);
		if (!line)
			break;
		memcpy(line, p, n);
		lines_fed++;
		smtpcode_scanner_line(s, line, n, check_reply, NULL);
		free(line);
		if (!nl)
			break;
		p = nl + 1;
	}
	smtpcode_scanner_end(s, check_reply, NULL);
	free(s);
	return 0;
}
