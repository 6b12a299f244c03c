/* fuzz_json.c - the one JSON string escaper: any bytes give one valid JSON
 * string, and the bytes of valid UTF-8 come back unchanged. */
#define _POSIX_C_SOURCE 200809L /* open_memstream */

#include "json.h"
#include "json_check.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);

	if (!f)
		return 0;
	json_write_string(f, (const char *)data, size);
	putc('\n', f);
	fclose(f);
	if (!json_check_line(out, len))
		abort();
	/* Printable ASCII other than quote and backslash is copied as it is. */
	if (size == 1 && data[0] >= 0x20 && data[0] < 0x7F && data[0] != '"' && data[0] != '\\' &&
	    (len != 4 || out[1] != (char)data[0]))
		abort();
	free(out);
	return 0;
}
