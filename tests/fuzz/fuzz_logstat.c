/* fuzz_logstat.c - scan's totals by MTA rules read any bytes, line by line,
 * without a crash; the summary printed after is valid JSON, and the deferred
 * messages are never more than the deferrals. */
#define _POSIX_C_SOURCE 200809L /* open_memstream */

#include "format.h"
#include "json_check.h"
#include "logstat.h"
#include "tally.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct tally t;
	static struct logstat ls;
	const char *s = (const char *)data, *end = s + size;
	char *out = NULL;
	size_t len = 0;
	FILE *f;

	tally_init(&t);
	logstat_init(&ls);
	ls.top = 1024;
	t.stats = &ls;
	while (s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		size_t n = nl ? (size_t)(nl - s) : (size_t)(end - s);
		logstat_line(&ls, s, n);
		s += n + 1;
	}
	if (ls.count[LS_DEFERRED] > ls.count[LS_DEFERRALS])
		abort();
	if ((f = open_memstream(&out, &len)) == NULL)
		return 0;
	json_scan(f, &t);
	fclose(f);
	if (!json_check_line(out, len))
		abort();
	free(out);
	return 0;
}
