/* tally.c - counts of what `smtpcode scan` found (fixed size, no allocation). */
#include "tally.h"

#include <stdlib.h>
#include <string.h>

void tally_init(struct tally *t)
{
	memset(t, 0, sizeof *t);
}

static unsigned long slot_of(const struct smtpcode_enhanced_code *c)
{
	unsigned long h = (unsigned long)c->reply_class * 1000003UL +
	                  (unsigned long)c->subject * 1009UL + (unsigned long)c->detail;

	return h % TALLY_ENHANCED_SLOTS;
}

static void count_enhanced(struct tally *t, const struct smtpcode_enhanced_code *c)
{
	unsigned long i = slot_of(c), n;

	for (n = 0; n < TALLY_ENHANCED_SLOTS; n++, i = (i + 1) % TALLY_ENHANCED_SLOTS) {
		struct tally_enhanced *e = &t->enhanced[i];
		if (e->count == 0) {
			e->code = *c;
			e->count = 1;
			return;
		}
		if (e->code.reply_class == c->reply_class && e->code.subject == c->subject &&
		    e->code.detail == c->detail) {
			e->count++;
			return;
		}
	}
	t->enhanced_other++;
}

void tally_reply(struct tally *t, const struct smtpcode_reply *r)
{
	size_t i;

	t->replies++;
	if (r->basic >= 100 && r->basic <= 599) {
		t->basic[r->basic]++;
		t->classes[r->basic / 100]++;
	}
	for (i = 0; i < r->enhanced_count; i++)
		count_enhanced(t, &r->enhanced[i]);
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

	for (i = 0; i < TALLY_ENHANCED_SLOTS; i++) {
		if (!t->enhanced[i].count)
			continue;
		memset(&rows[n], 0, sizeof rows[n]);
		rows[n].count = t->enhanced[i].count;
		rows[n++].code = t->enhanced[i].code;
	}
	qsort(rows, n, sizeof rows[0], by_count);
	return n;
}
