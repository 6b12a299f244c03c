/* read_pairs.c - read and check data/pairs.tsv, the curated comparisons of
 * two reply codes (checked against the codes read before); print gen_pairs[]. */
#include "gen.h"

#include <string.h>

static int has_code(const struct table *tab, int code)
{
	size_t i;

	for (i = 0; i < tab->ncodes; i++)
		if (tab->codes[i].code == code)
			return 1;
	return 0;
}

/* Checks that a pair is new and comes after the one before; 0 or -1. */
static int check_pair_order(struct tsv *t, const struct table *tab, const struct pair_row *row)
{
	const struct pair_row *p;

	if (tab->npairs == 0)
		return 0;
	p = &tab->pairs[tab->npairs - 1];
	if (p->a == row->a && p->b == row->b) {
		tsv_error(t, "duplicate pair %d %d", row->a, row->b);
		return -1;
	}
	if (row->a < p->a || (row->a == p->a && row->b < p->b)) {
		tsv_error(t, "rows out of order: %d %d comes after %d %d", row->a, row->b, p->a,
		          p->b);
		return -1;
	}
	return 0;
}

static void read_pair_row(struct tsv *t, struct table *tab)
{
	static const char *const columns[] = { "a", "b", "source", "difference", "when_to_use" };
	struct pair_row row;
	char **f = t->field;
	int i, bad = 0;

	if (tsv_check_fields(t, columns, 5) < 0)
		return;
	row.a = tsv_code(t, "a", f[0]);
	row.b = tsv_code(t, "b", f[1]);
	if (row.a < 0 || row.b < 0)
		return;
	if (row.a >= row.b) {
		tsv_error(t, "a (%d) must be lower than b (%d)", row.a, row.b);
		return;
	}
	for (i = 0; i < 2; i++) {
		int code = i ? row.b : row.a;
		if (!has_code(tab, code)) {
			tsv_error(t, "code %d is not in the codes table", code);
			return;
		}
	}
	if (check_pair_order(t, tab, &row) < 0)
		return;
	bad |= tsv_check_text(t, "source", f[2], SOURCE_MAX_LEN);
	bad |= tsv_check_sentences(t, "difference", f[3], TEXT_MAX_LEN);
	bad |= tsv_check_sentences(t, "when_to_use", f[4], TEXT_MAX_LEN);
	if (bad)
		return;
	for (i = 0; i < 3; i++)
		row.off[i] = blob_add(&tab->blob, f[i + 2]);
	tab->pairs = grow(tab->pairs, &tab->cappairs, tab->npairs, sizeof row);
	tab->pairs[tab->npairs++] = row;
}

int read_pairs(const char *path, struct table *tab)
{
	return read_rows(path, tab, read_pair_row, &tab->npairs);
}

void print_pairs(const struct table *tab, FILE *out)
{
	size_t i;

	fputs("\n/* a, b, offsets of: source, difference, when_to_use */\n", out);
	fprintf(out, "static const struct gen_pair gen_pairs[%zu] = {\n", tab->npairs);
	for (i = 0; i < tab->npairs; i++) {
		const struct pair_row *r = &tab->pairs[i];
		fprintf(out, "\t{ %d, %d, { %lu, %lu, %lu } },\n", r->a, r->b, r->off[0],
		        r->off[1], r->off[2]);
	}
	fputs("};\n", out);
}
