/* tally.c - counts of what `smtpcode scan` found (fixed size, no allocation). */
#include "tally.h"

#include <stdlib.h>
#include <string.h>

void tally_init(struct tally *t)
{
	memset(t, 0, sizeof *t);
}

/* The index of a class (0 for X, 2, 4, 5), or -1. */
static int class_index(int reply_class)
{
	switch (reply_class) {
	case 0: return 0;
	case 2: return 1;
	case 4: return 2;
	case 5: return 3;
	default: return -1;
	}
}

/* Counts a code n times in constant time and memory: a code not seen
 * before takes the next free row while there is one, else it is counted as
 * other. */
void tally_add_enhanced(struct tally *t, const struct smtpcode_enhanced_code *c,
                        unsigned long n)
{
	int k = class_index(c->reply_class);
	int full = t->enhanced_used == TALLY_ENHANCED_SLOTS;
	unsigned short *high, *low, *row;

	if (k < 0 || c->subject < 0 || c->subject > 999 || c->detail < 0 || c->detail > 999) {
		t->enhanced_other += n;
		return;
	}
	high = &t->by_subject[k][c->subject];
	if (!*high && !full)
		*high = ++t->high_used;
	low = *high ? &t->by_high[*high - 1][c->detail / 32] : NULL;
	if (low && !*low && !full)
		*low = ++t->low_used;
	row = low && *low ? &t->by_low[*low - 1][c->detail % 32] : NULL;
	if (row && !*row && !full) {
		t->enhanced[t->enhanced_used].code = *c;
		*row = (unsigned short)++t->enhanced_used;
	}
	if (!row || !*row) {
		t->enhanced_other += n;
		return;
	}
	t->enhanced[*row - 1].count += n;
}

void tally_reply(struct tally *t, const struct smtpcode_reply *r)
{
	size_t i;

	if (r->basic == 0 && r->enhanced_count == 0)
		return; /* a connection failure: no SMTP reply, nothing to count */
	t->replies++;
	if (r->basic >= 100 && r->basic <= 599) {
		t->basic[r->basic]++;
		t->classes[r->basic / 100]++;
	}
	for (i = 0; i < r->enhanced_count; i++)
		tally_add_enhanced(t, &r->enhanced[i], 1);
}

static int by_count(const void *a, const void *b)
{
	const struct tally_row *x = a, *y = b;

	if (x->count != y->count)
		return x->count < y->count ? 1 : -1;
	if (x->basic != y->basic)
		return x->basic - y->basic;
	if (x->code.reply_class != y->code.reply_class)
		return x->code.reply_class - y->code.reply_class;
	if (x->code.subject != y->code.subject)
		return x->code.subject - y->code.subject;
	return x->code.detail - y->code.detail;
}

size_t tally_basic_rows(const struct tally *t, struct tally_row *rows)
{
	size_t n = 0;
	int code;

	for (code = 100; code < 600; code++) {
		if (!t->basic[code])
			continue;
		memset(&rows[n], 0, sizeof rows[n]);
		rows[n].count = t->basic[code];
		rows[n++].basic = code;
	}
	qsort(rows, n, sizeof rows[0], by_count);
	return n;
}

size_t tally_enhanced_rows(const struct tally *t, struct tally_row *rows)
{
	size_t n = 0, i;

	for (i = 0; i < t->enhanced_used; i++) {
		memset(&rows[n], 0, sizeof rows[n]);
		rows[n].count = t->enhanced[i].count;
		rows[n++].code = t->enhanced[i].code;
	}
	qsort(rows, n, sizeof rows[0], by_count);
	return n;
}
