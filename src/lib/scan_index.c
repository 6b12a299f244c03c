/* scan_index.c - what the lookups of the format tables (scan_lookup.c)
 * keep besides the rows: the pairs of adjacent bytes a line holds, marked
 * once per line (scan_pairs.h), and the first bytes of the rows that must
 * start a line, set once per scanner. */
#include "scan.h"
#include "scan_pairs.h"

#include <string.h>

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* ---- Which markers a line may hold ----------------------------------------- */

_Static_assert(SCAN_PAIRS == 1024, "scan_pair_slot() fills SCAN_PAIRS slots");
/* The rows' slots and the transcript prefixes' first pairs, computed on
 * the build machine by src/gen/genscan.c from the format tables
 * (tests/test_scan_pairs.c checks them). */
#include "scan_slots.inc"

_Static_assert(SCAN_PAIR_FAR + 1 <= 255, "1 + a place up to SCAN_PAIR_FAR fits in a byte");

void smtpcode__pairs_mark(struct scan_pairs *pp, const char *text, size_t len)
{
	const unsigned char *u = (const unsigned char *)text;
	unsigned char *first;
	size_t i = len > 0 ? len - 1 : 0; /* the pairs that start before i */

	memset(pp->first, 0, sizeof pp->first);
	first = pp->first;
	first[SCAN_PAIRS] = 1; /* the slot of the markers of one byte */
	pp->base = text;
	pp->end = text + len;
	/* From the end back, so that each slot keeps the first place; the pairs
	 * from SCAN_PAIR_FAR on all say SCAN_PAIR_FAR. */
	for (; i > SCAN_PAIR_FAR + 1; i--)
		first[scan_pair_slot(u + i - 1)] = SCAN_PAIR_FAR + 1;
	for (; i >= 4; i -= 4) {
		first[scan_pair_slot(u + i - 1)] = (unsigned char)i;
		first[scan_pair_slot(u + i - 2)] = (unsigned char)(i - 1);
		first[scan_pair_slot(u + i - 3)] = (unsigned char)(i - 2);
		first[scan_pair_slot(u + i - 4)] = (unsigned char)(i - 3);
	}
	for (; i > 0; i--)
		first[scan_pair_slot(u + i - 1)] = (unsigned char)i;
}

const scan_row *smtpcode__first_held(const struct scan_pairs *pp, const scan_row *m,
                                     const scan_row *end)
{
	m = scan_next_held(pp, m, end);
	return m < end ? m : NULL;
}

/* ---- The index's own parts ------------------------------------------------ */

static void set_bit(unsigned char *bits, unsigned char c)
{
	bits[c >> 3] |= (unsigned char)(1u << (c & 7));
}

/* The parts of the index the lookups keep: no line marked yet, and the
 * first bytes of the rows that must start a line (SCAN_SERVER, SCAN_CLIENT
 * and SCAN_SESSION; SCAN_RAW_CLIENT in both cases, as it is compared
 * without case), so that a line starting with another byte skips those
 * rows at once. smtpcode__formats_index() calls it once the rows stand by
 * role. */
void smtpcode__lookups_index(struct scan_index *ix)
{
	static const enum scan_role prefixes[] = { SCAN_SERVER, SCAN_CLIENT, SCAN_SESSION };
	size_t i;

	ix->pairs = NULL;
	memset(ix->prefix_first, 0, sizeof ix->prefix_first);
	memset(ix->raw_first, 0, sizeof ix->raw_first);
	for (i = 0; i < COUNT(prefixes); i++)
		EACH(ix, prefixes[i], m)
			set_bit(ix->prefix_first, (unsigned char)(*m)->marker[0]);
	EACH(ix, SCAN_RAW_CLIENT, m) {
		unsigned char c = (unsigned char)(*m)->marker[0];
		set_bit(ix->raw_first, c);
		set_bit(ix->raw_first, (unsigned char)scx_lower(c));
		if (c >= 'a' && c <= 'z')
			set_bit(ix->raw_first, (unsigned char)(c - 'a' + 'A'));
	}
}
