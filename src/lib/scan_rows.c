/* scan_rows.c - the rows of every format table (scan_formats.c), sorted by
 * role on the build machine by src/gen/genscan.c (build/scan_rows.inc):
 * one table that every scanner reads, so that a scanner's state holds
 * none of it and starting one sorts nothing. */
#include "scan.h"

#include <stddef.h>

#include "scan_rows.inc"

/* smtpcode__side_after() looks for these bytes first: the first bytes of
 * the SCAN_SIDE_AFTER markers (",<,", ",>,", "\"RECEIVED: " ...;
 * tests/test_scan_formats.c checks them). */
const char smtpcode__side_firsts[] = ",\"";

void smtpcode__formats_index(struct scan_index *ix)
{
	ix->rows = smtpcode__rows;
	ix->first = smtpcode__rows_first;
	smtpcode__lookups_index(ix);
}
