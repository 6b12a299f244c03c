/* fuzz_reply.c - the reply scanner behind explain and scan: any text gives
 * well-formed replies.
 *
 * Each input is split at '\n', and each line fed from a copy that ends
 * where the heap block ends (a read past a line is caught). Where
 * lines_read() would split it differently (a CR alone, or more than its
 * 64 KiB read), it is read a second time through lines_read(), as explain
 * and scan read a file. Every reply must hold codes in range, line
 * numbers within the input, known warnings, a canonical command and
 * terminated texts.
 *
 * The JSON of each reply is checked by fuzz_reply_json, this file built
 * with FUZZ_REPLY_JSON. That object is mostly table text (about 3 KB for a
 * known code); writing and re-parsing it took 70% of the time and held
 * this target near 320 executions/s. The escaper has a target of its own
 * (fuzz_json), and tests/json.sh checks the table's JSON for every code.
 */
#define _POSIX_C_SOURCE 200809L /* open_memstream, fmemopen */

#include "lines.h"
#include "smtpcode.h"
#ifdef FUZZ_REPLY_JSON
#include "format.h"
#include "json_check.h"
#endif

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct pass {
	struct smtpcode_scanner scanner;
	unsigned long lines_fed;
};

#ifdef FUZZ_REPLY_JSON
static void check_json(const struct smtpcode_reply *r)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);

	if (!f)
		return;
	json_reply(f, r, 1);
	fclose(f);
	if (!json_check_line(out, len))
		abort();
	free(out);
}
#endif

static void check_reply(const struct smtpcode_reply *r, void *arg)
{
	struct pass *ps = arg;
	size_t i;

	if (r->basic != 0 && (r->basic < 100 || r->basic > 599))
		abort();
	if (r->first_line < 1 || r->first_line > r->last_line || r->last_line > ps->lines_fed)
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
	for (i = 0; i < r->warning_count; i++)
		if (strcmp(smtpcode_warning_name(r->warnings[i]), "unknown") == 0)
			abort();
	if (memchr(r->text, '\0', sizeof r->text) == NULL ||
	    memchr(r->malformed, '\0', sizeof r->malformed) == NULL)
		abort();
	if (r->command && !smtpcode_command_canonical(r->command))
		abort();
	/* an object for a whole message has no code */
	if ((unsigned)r->report >= SMTPCODE_REPORT_COUNT ||
	    (r->report != SMTPCODE_REPORT_NONE && (r->basic || r->enhanced_count)) ||
	    memchr(r->recipient, '\0', sizeof r->recipient) == NULL)
		abort();
#ifdef FUZZ_REPLY_JSON
	check_json(r);
#endif
}

/* A lines_fn: 0 goes on reading. */
static int feed(const char *line, size_t len, void *arg)
{
	struct pass *ps = arg;

	ps->lines_fed++;
	smtpcode_scanner_line(&ps->scanner, line, len, check_reply, ps);
	return 0;
}

#ifndef FUZZ_REPLY_JSON
/* Nonzero if data holds a CR that a LF does not follow. */
static int lone_cr(const uint8_t *data, size_t size)
{
	const uint8_t *p = data, *end = data + size;

	while ((p = memchr(p, '\r', (size_t)(end - p))) != NULL && ++p < end)
		if (*p != '\n')
			return 1;
	return 0;
}
#endif

static void start(struct pass *ps)
{
	smtpcode_scanner_init(&ps->scanner);
	ps->lines_fed = 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct pass ps;
	const char *p = (const char *)data, *end = p + size;
	/* Each line is copied to the end of this block, so that a read past
	 * the line is a read past the block; one allocation per input. */
	char *block = malloc(size ? size : 1), *block_end = block + size;

	if (!block)
		return 0;
	start(&ps);
	while (p <= end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		memcpy(block_end - n, p, n);
		feed(block_end - n, n, &ps);
		if (!nl)
			break;
		p = nl + 1;
	}
	smtpcode_scanner_end(&ps.scanner, check_reply, &ps);
	free(block);

#ifndef FUZZ_REPLY_JSON
	/* Without a CR alone (not before a LF), and within one read,
	 * lines_read() gives the lines the loop above gave. */
	if (size > 65536 || lone_cr(data, size)) {
		FILE *in = fmemopen((void *)data, size, "r");
		if (!in)
			return 0;
		start(&ps);
		lines_read(in, feed, &ps);
		fclose(in);
		smtpcode_scanner_end(&ps.scanner, check_reply, &ps);
	}
#endif
	return 0;
}
