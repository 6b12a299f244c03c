/* format_topk.c - scan's tables by recipient domain and by relay (topk.h),
 * as text and as JSON. */
#include "format_logstat.h"
#include "json.h"

static const char *const kinds[TOPK_KINDS] = { "delivered", "deferred", "bounced" };

/* What the rows shown do not cover: the exact totals less their counts. */
static void rest_of(const struct topk *t, const int *order, int shown, unsigned long *rest)
{
	int k, i;

	for (k = 0; k < TOPK_KINDS; k++) {
		rest[k] = t->total[k];
		for (i = 0; i < shown; i++)
			rest[k] -= t->slot[order[i]].kind[k];
	}
}

static void text_table(FILE *out, const struct topk *t, int top, const char *title)
{
	static int order[TOPK_SLOTS];
	unsigned long rest[TOPK_KINDS];
	int n = topk_sorted(t, order), i;

	if (n == 0 || top == 0)
		return;
	if (n > top)
		n = top;
	fprintf(out, "\n%-40s %9s %9s %9s\n", title, "delivered", "deferred", "bounced");
	for (i = 0; i < n; i++) {
		const struct topk_slot *s = &t->slot[order[i]];
		fprintf(out, "  %-38.*s %9lu %9lu %9lu\n", s->keylen > 38 ? 38 : (int)s->keylen,
		        s->key, s->kind[0], s->kind[1], s->kind[2]);
	}
	rest_of(t, order, n, rest);
	if (rest[0] || rest[1] || rest[2])
		fprintf(out, "  %-38s %9lu %9lu %9lu\n", "other", rest[0], rest[1], rest[2]);
	if (t->max_error)
		fprintf(out, "  (counts may be short by up to %lu: more names than %d)\n",
		        t->max_error, TOPK_SLOTS);
}

void text_topk(FILE *out, const struct logstat *ls)
{
	text_table(out, &ls->domains, ls->top, "By recipient domain");
	text_table(out, &ls->relays, ls->top, "By relay host");
}

static void json_counts(struct json *j, const unsigned long *c)
{
	int k;

	for (k = 0; k < TOPK_KINDS; k++)
		json_key_int(j, kinds[k], (long)c[k]);
}

static void json_table(struct json *j, const char *key, const struct topk *t, int top)
{
	static int order[TOPK_SLOTS];
	unsigned long rest[TOPK_KINDS];
	int n = topk_sorted(t, order), i;

	if (n > top)
		n = top;
	json_key(j, key);
	json_object_begin(j);
	json_key(j, "rows");
	json_array_begin(j);
	for (i = 0; i < n; i++) {
		const struct topk_slot *s = &t->slot[order[i]];
		json_object_begin(j);
		json_key(j, "name");
		json_string_n(j, s->key, s->keylen);
		json_counts(j, s->kind);
		json_key_int(j, "error", (long)s->error);
		json_object_end(j);
	}
	json_array_end(j);
	rest_of(t, order, n, rest);
	json_key(j, "other");
	json_object_begin(j);
	json_counts(j, rest);
	json_object_end(j);
	json_key_int(j, "max_error", (long)t->max_error);
	json_object_end(j);
}

void json_topk(struct json *j, const struct logstat *ls)
{
	json_table(j, "domains", &ls->domains, ls->top);
	json_table(j, "relays", &ls->relays, ls->top);
}
