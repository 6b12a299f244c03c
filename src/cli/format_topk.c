/* format_topk.c - scan's tables by recipient domain and by relay (topk.h),
 * as text and as JSON. */
#include "format_logstat.h"
#include "json.h"
#include "safe_text.h"
#include "strbuf.h"

#include <string.h>

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

/* A name from the log, as safe_text shows it (never a control character),
 * cut to NAME_COLUMNS columns and padded to them. */
#define NAME_COLUMNS 38

static void name_cell(FILE *out, const char *s, size_t n)
{
	fputs("  ", out);
	text_cell(out, s, n, NAME_COLUMNS);
}

static void text_table(FILE *out, const struct topk *t, int top, const char *title,
                       const struct style *st)
{
	static int order[TOPK_SLOTS];
	unsigned long rest[TOPK_KINDS];
	int n = topk_sorted(t, order), i, pad;

	if (n == 0 || top == 0)
		return;
	if (n > top)
		n = top;
	pad = 40 - safe_columns(title, strlen(title));
	fprintf(out, "\n%s%*s", title, pad > 0 ? pad : 0, "");
	for (i = 0; i < TOPK_KINDS; i++) {
		char key[32];
		snprintf(key, sizeof key, "scan.col.%s", kinds[i]);
		text_column(out, st, key, 9);
	}
	putc('\n', out);
	for (i = 0; i < n; i++) {
		const struct topk_slot *s = &t->slot[order[i]];
		name_cell(out, s->key, s->keylen);
		fprintf(out, " %9lu %9lu %9lu\n", s->kind[0], s->kind[1], s->kind[2]);
	}
	rest_of(t, order, n, rest);
	if (rest[0] || rest[1] || rest[2]) {
		const char *other = style_phrase(st, "scan.other");
		name_cell(out, other, strlen(other));
		fprintf(out, " %9lu %9lu %9lu\n", rest[0], rest[1], rest[2]);
	}
	if (t->max_error) {
		char error[24], slots[24], line[256];
		const char *args[2];
		struct strbuf sb;
		snprintf(error, sizeof error, "%lu", t->max_error);
		snprintf(slots, sizeof slots, "%d", TOPK_SLOTS);
		args[0] = error, args[1] = slots;
		scx_sb_init(&sb, line, sizeof line);
		scx_sb_template(&sb, style_phrase(st, "scan.short_by"), args, 2);
		fprintf(out, "  %s\n", line);
	}
}

void text_topk(FILE *out, const struct logstat *ls, const struct style *st)
{
	text_table(out, &ls->domains, ls->top, style_phrase(st, "scan.domains"), st);
	text_table(out, &ls->relays, ls->top, style_phrase(st, "scan.relays"), st);
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
