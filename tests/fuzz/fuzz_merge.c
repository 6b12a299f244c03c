/* fuzz_merge.c - scan --merge reads any bytes without a crash, and what it
 * prints from them is valid JSON. */
#define _POSIX_C_SOURCE 200809L /* fmemopen, open_memstream */

#include "format.h"
#include "json_check.h"
#include "logstat.h"
#include "merge_read.h"
#include "tally.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct merge m;
	static struct tally t;
	static struct logstat ls;
	char *out = NULL;
	size_t len = 0;
	FILE *in, *f;

	if (size == 0 || (in = fmemopen((void *)data, size, "rb")) == NULL)
		return 0;
	tally_init(&t);
	logstat_init(&ls);
	ls.top = 1024;
	t.stats = &ls;
	memset(&m, 0, sizeof m);
	m.t = &t;
	m.ls = &ls;
	if (merge_stream(&m, in, "fuzz") > 0 && (f = open_memstream(&out, &len)) != NULL) {
		json_scan(f, &t);
		fclose(f);
		if (!json_check_line(out, len))
			abort();
		free(out);
	}
	fclose(in);
	return 0;
}
