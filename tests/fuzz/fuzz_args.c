/* fuzz_args.c - the command line and the code parsers: any arguments give
 * options or one clean error line, and every code they accept is in range
 * and writes back the same. */
#define _POSIX_C_SOURCE 200809L /* open_memstream */

#include "args.h"
#include "smtpcode.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Checks a text that smtpcode_parse() accepted. */
static void check_code(const char *text)
{
	struct smtpcode_query q;
	struct smtpcode_item item;
	struct smtpcode_pattern p;
	char buf[32];

	if (smtpcode_is_pattern(text)) {
		if (smtpcode_parse_pattern(text, &p) == SMTPCODE_PARSE_OK &&
		    p.kind == SMTPCODE_KIND_ENHANCED && (p.subject > 999 || p.detail > 999))
			abort();
		return;
	}
	if (smtpcode_parse(text, &q, NULL) != SMTPCODE_PARSE_OK)
		return;
	if (q.kind == SMTPCODE_KIND_BASIC) {
		if (q.basic < 100 || q.basic > 599)
			abort();
		snprintf(buf, sizeof buf, "%d", q.basic);
	} else {
		const struct smtpcode_enhanced_code *c = &q.enhanced;
		if ((c->reply_class != SMTPCODE_ANY && c->reply_class != 2 && c->reply_class != 4 &&
		     c->reply_class != 5) || c->subject < 0 || c->subject > 999 || c->detail < 0 ||
		    c->detail > 999)
			abort();
		smtpcode_enhanced_text(c, buf, sizeof buf);
		if (c->reply_class == SMTPCODE_ANY)
			buf[0] = text[0]; /* "x" or "X" */
	}
	if (strcmp(buf, text) != 0)
		abort();
	if (smtpcode_lookup_item(&q, NULL, &item) != 0)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *copy = malloc(size + 1), *argv[18], err[256];
	struct options o;
	int argc = 1, i;
	size_t k;

	if (!copy)
		return 0;
	memcpy(copy, data, size);
	copy[size] = '\0';
	argv[0] = "smtpcode";
	argv[argc++] = copy;
	for (k = 0; k < size && argc < 17; k++) {
		if (copy[k] == '\n') {
			copy[k] = '\0';
			argv[argc++] = copy + k + 1;
		}
	}
	argv[argc] = NULL;
	for (i = 1; i < argc; i++)
		check_code(argv[i]);
	err[0] = '\0';
	if (args_parse(argc, argv, &o, err, sizeof err) < 0) {
		if (!err[0] || strchr(err, '\n') || strlen(err) >= sizeof err)
			abort();
	} else if (o.ncodes < 0 || o.ncodes > argc || (unsigned)o.mode >= MODE_COUNT) {
		abort();
	}
	free(copy);
	return 0;
}
