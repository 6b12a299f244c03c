/*
 * genscan - what the scanner's lookups read of each row of the format
 * tables, computed on the build machine from the tables themselves
 * (src/lib/scan_formats.c, linked in): for each row, in the order
 * smtpcode__formats_index() gives them, the slots (src/lib/scan_pairs.h)
 * of its marker's first pair and of its last, so that a lookup skips a
 * row with two loads instead of hashing its marker (a marker of one byte
 * has no pair: its row gets SCAN_PAIRS, the slot every line holds); and
 * the slots of the first pairs of the transcript prefixes (SCAN_SERVER,
 * SCAN_CLIENT, SCAN_SESSION), as bits, so that a line whose first two
 * bytes start none is done at once; the same for the raw session's
 * client commands (SCAN_RAW_CLIENT, in lower case; one of one byte is the
 * whole line, so its byte is followed by the end or a blank); and the
 * code that gives the rows of a role whose first and last pairs a line
 * holds, the rows that share a first pair in one group (a line that lacks
 * it skips the group at once); and the
 * first bytes of the markers of the roles searched for in text the line's
 * pairs do not cover (a reply's text: SCAN_TEXT_END, SCAN_JOIN). Prints
 * build/scan_slots.inc, which
 * only src/lib/scan_index.c includes (tests/test_scan_pairs.c checks
 * each row and each prefix against the runtime's hash). A prefix of one
 * byte has no first pair: it fails the build.
 *
 * With --rows, prints instead the rows themselves in that order, with the
 * index of each role's first row (build/scan_rows.inc, which only
 * src/lib/scan_rows.c includes): the table every scanner shares.
 *
 * usage: genscan > scan_slots.inc
 *        genscan --rows > scan_rows.inc
 */
#include "scan.h"
#include "scan_pairs.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* The bits of the first pairs' slots of the transcript prefixes; 0 if
 * one has none. */
static int prefix_pairs(const struct scan_index *ix, unsigned char *bits)
{
	static const enum scan_role prefixes[] = { SCAN_SERVER, SCAN_CLIENT, SCAN_SESSION };
	size_t r, i;

	for (r = 0; r < sizeof prefixes / sizeof prefixes[0]; r++)
		for (i = ix->first[prefixes[r]]; i < ix->first[prefixes[r] + 1]; i++) {
			const struct scan_marker *m = ix->rows[i];
			unsigned slot;
			if (m->len < 2) {
				fprintf(stderr, "genscan: the transcript prefix \"%s\" has one byte\n",
				        m->marker);
				return 0;
			}
			slot = scan_pair_slot((const unsigned char *)m->marker);
			bits[slot / 8] = (unsigned char)(bits[slot / 8] | 1u << slot % 8);
		}
	return 1;
}

static void set_slot(unsigned char *bits, unsigned char a, unsigned char b)
{
	const unsigned char pair[2] = { a, b };
	unsigned slot = scan_pair_slot(pair);

	bits[slot / 8] = (unsigned char)(bits[slot / 8] | 1u << slot % 8);
}

/* The bits of the raw client commands' first pairs, in lower case. */
static void raw_pairs(const struct scan_index *ix, unsigned char *bits)
{
	size_t i;

	for (i = ix->first[SCAN_RAW_CLIENT]; i < ix->first[SCAN_RAW_CLIENT + 1]; i++) {
		const struct scan_marker *m = ix->rows[i];
		unsigned char a = (unsigned char)scx_lower((unsigned char)m->marker[0]);
		if (m->len >= 2) {
			set_slot(bits, a, (unsigned char)scx_lower((unsigned char)m->marker[1]));
			continue;
		}
		set_slot(bits, a, '\0');
		set_slot(bits, a, ' ');
		set_slot(bits, a, '\t');
	}
}

/* The distinct first bytes of the markers of role, as a C string (for
 * strpbrk): text that holds none of them holds none of the markers, which
 * the role's lookups search for with strstr (case counts). 0 if a row has
 * an empty marker or the bytes do not fit SCAN_FIRSTS_MAX. */
static int print_firsts(const char *name, const struct scan_index *ix, enum scan_role role)
{
	char firsts[SCAN_FIRSTS_MAX] = { 0 };
	size_t n = 0, i, r;

	for (r = ix->first[role]; r < ix->first[role + 1]; r++) {
		unsigned char c = (unsigned char)ix->rows[r]->marker[0];
		if (!c) {
			fprintf(stderr, "genscan: %s: a marker is empty\n", name);
			return 0;
		}
		if (memchr(firsts, c, n))
			continue;
		if (n + 1 >= sizeof firsts) {
			fprintf(stderr, "genscan: %s: more than %d first bytes\n", name,
			        SCAN_FIRSTS_MAX - 1);
			return 0;
		}
		firsts[n++] = (char)c;
	}
	printf("const char %s[SCAN_FIRSTS_MAX] = \"", name);
	for (i = 0; i < n; i++)
		printf("\\%03o", (unsigned char)firsts[i]);
	printf("\";\n");
	return 1;
}

/* A row's slot: of its marker's first pair, or of its last; SCAN_PAIRS,
 * the slot every line holds, for a marker of one byte. */
static unsigned row_slot(const struct scan_marker *m, int last)
{
	const unsigned char *u = (const unsigned char *)m->marker;

	if (m->len < 2)
		return SCAN_PAIRS;
	return scan_pair_slot(last ? u + m->len - 2 : u);
}

/* smtpcode__held_rows(first, role): for a role of SCAN_GROUP_ROWS rows or
 * fewer, the rows whose marker's first and last pairs a line holds (first
 * is its marked pairs, scan_pairs.h), a bit each (the role's first row is
 * bit 0), as straight code: the rows that share a first pair stand in one
 * group, which a line without that pair skips with one test. A role of
 * more rows gets no code (its rows are tried one by one). */
static void print_held_rows(const struct scan_index *ix)
{
	int r;

	printf("\n/* the rows of a role whose first and last pairs a line holds */\n");
	printf("uint64_t smtpcode__held_rows(const unsigned char *first, enum scan_role role)\n{\n");
	printf("\tuint64_t m = 0;\n\n\tswitch ((int)role) {\n");
	for (r = 0; r < SCAN_ROLE_COUNT; r++) {
		unsigned base = ix->first[r], count = (unsigned)(ix->first[r + 1] - base), i, k;
		unsigned char done[SCAN_GROUP_ROWS] = { 0 };
		if (count == 0 || count > SCAN_GROUP_ROWS)
			continue;
		printf("\tcase %d: /* %u rows */\n", r, count);
		for (i = 0; i < count; i++) {
			unsigned slot = row_slot(ix->rows[base + i], 0);
			if (done[i])
				continue;
			printf("\t\tif (first[%u]) {\n", slot);
			for (k = i; k < count; k++) {
				unsigned last = row_slot(ix->rows[base + k], 1);
				if (done[k] || row_slot(ix->rows[base + k], 0) != slot)
					continue;
				done[k] = 1;
				if (last == slot)
					printf("\t\t\tm |= UINT64_C(1) << %u;\n", k);
				else
					printf("\t\t\tif (first[%u])\n\t\t\t\tm |= UINT64_C(1) << %u;\n",
					       last, k);
			}
			printf("\t\t}\n");
		}
		printf("\t\treturn m;\n");
	}
	printf("\tdefault:\n\t\treturn m;\n\t}\n}\n");
}

static void print_bits(const char *name, const unsigned char *bits)
{
	unsigned i;

	printf("const unsigned char %s[SCAN_PAIRS / 8] = {\n", name);
	for (i = 0; i < SCAN_PAIRS / 8; i++)
		printf("%s%u,%s", i % 16 == 0 ? "\t" : "", bits[i], i % 16 == 15 ? "\n" : " ");
	printf("};\n");
}

/* s as a C string literal: quotes, backslashes and '?' (no trigraph) escaped,
 * bytes outside printable ASCII as three octal digits. */
static void print_string(const char *s)
{
	if (!s) {
		printf("NULL");
		return;
	}
	putchar('"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\' || c == '?')
			printf("\\%c", c);
		else if (c < 0x20 || c >= 0x7f)
			printf("\\%03o", c);
		else
			putchar(c);
	}
	putchar('"');
}

/* The rows sorted by role, and the first row of each role. */
static void print_rows(const struct scan_index *ix)
{
	unsigned i, n = ix->first[SCAN_ROLE_COUNT];
	int r;

	printf("/* Generated by genscan --rows from src/lib/scan_formats.c. Do not edit. */\n\n");
	printf("/* %u rows, sorted by role: marker, len, role, outcome, direction, id\n"
	       " * (the first row with the same marker), then, command */\n", n);
	printf("const scan_row smtpcode__rows[%u] = {\n", n);
	for (i = 0; i < n; i++) {
		const struct scan_marker *m = ix->rows[i];
		unsigned id = 0;
		while (strcmp(ix->rows[id]->marker, m->marker) != 0)
			id++;
		printf("\t{ { ");
		print_string(m->marker);
		printf(", %u, %u, %u, %u, %u, ", m->len, m->role, m->outcome, m->direction, id);
		print_string(m->then);
		printf(", ");
		print_string(m->command);
		printf(" } },\n");
	}
	printf("};\n\n/* the rows of role r: smtpcode__rows_first[r] .. [r + 1] */\n");
	printf("const unsigned short smtpcode__rows_first[SCAN_ROLE_COUNT + 1] = {\n");
	for (r = 0; r <= SCAN_ROLE_COUNT; r++)
		printf("%s%u,%s", r % 12 == 0 ? "\t" : "", ix->first[r],
		       r % 12 == 11 || r == SCAN_ROLE_COUNT ? "\n" : " ");
	printf("};\n");
}

static int flushed(void)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fputs("genscan: write error\n", stderr);
		return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	static struct scan_index ix;
	static unsigned char bits[SCAN_PAIRS / 8], raw[SCAN_PAIRS / 8];
	unsigned i, n;

	smtpcode__formats_index(&ix);
	if (argc == 2 && strcmp(argv[1], "--rows") == 0) {
		print_rows(&ix);
		return flushed();
	}
	if (argc != 1) {
		fputs("usage: genscan [--rows]\n", stderr);
		return 2;
	}
	n = ix.first[SCAN_ROLE_COUNT];
	if (!prefix_pairs(&ix, bits))
		return 1;
	raw_pairs(&ix, raw);
	printf("/* Generated by genscan from src/lib/scan_formats.c. Do not edit. */\n\n");
	printf("/* %u rows: the slots of each marker's first and last pair */\n", n);
	printf("const unsigned short smtpcode__row_slots[][2] = {\n");
	for (i = 0; i < n; i++) {
		unsigned first = row_slot(ix.rows[i], 0), last = row_slot(ix.rows[i], 1);
		printf("%s{ %u, %u },%s", i % 6 == 0 ? "\t" : "", first, last,
		       i % 6 == 5 || i + 1 == n ? "\n" : " ");
	}
	printf("};\n\n/* the transcript prefixes' first pairs, a bit a slot */\n");
	print_bits("smtpcode__prefix_pairs", bits);
	printf("\n/* the raw client commands' first pairs, in lower case */\n");
	print_bits("smtpcode__raw_pairs", raw);
	print_held_rows(&ix);
	printf("\n/* the first bytes of the text-end markers and of the joins */\n");
	if (!print_firsts("smtpcode__text_end_firsts", &ix, SCAN_TEXT_END) ||
	    !print_firsts("smtpcode__join_firsts", &ix, SCAN_JOIN))
		return 1;
	return flushed();
}
