/* fuzz_scan_fast.c - the scanner's fast path (src/lib/scan_fast.c) against
 * the general way: any text, split at '\n', gives the same replies both
 * ways, field for field (tests/scan_twoways.h). A difference aborts with
 * both transcripts from the first reply that differs. Seeds: Postfix
 * delivery records and the lines around them (tests/fuzz/seeds/scan_fast). */
#include "scan_twoways.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static struct twoways w;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t at;
	int codes;

	twoways_init(&w);
	twoways_text(&w, (const char *)data, size);
	twoways_end(&w);
	if ((at = twoways_differ(&w, &codes)) != (size_t)-1) {
		const struct transcript *x = codes ? &w.c : &w.a, *y = codes ? &w.d : &w.b;
		fprintf(stderr, "fast path%s:\n%.2000s\ngeneral way:\n%.2000s\n",
		        codes ? " (codes only)" : "", x->buf ? x->buf + at : "", y->buf ? y->buf + at : "");
		abort();
	}
	twoways_free(&w);
	return 0;
}
