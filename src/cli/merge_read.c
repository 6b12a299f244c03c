/* merge_read.c - walking the JSON of a scan summary (see merge_read.h). */
#include "merge_read.h"
#include "safe_text.h"
#include "strbuf.h"

#include <limits.h>
#include <string.h>

static const char *const tok_names[] = {
	"the end", "'{'", "'}'", "'['", "']'", "':'", "','", "a string", "a number", "null",
	"an error",
};

/* -1 with "expected X, found Y" (or the reader's own error). */
static int expected(struct merge *m, const char *what, enum json_tok found)
{
	struct strbuf sb;

	scx_sb_init(&sb, m->what, sizeof m->what);
	if (found == JT_ERROR)
		scx_sb_printf(&sb, "%s", m->in.err);
	else
		scx_sb_printf(&sb, "expected %s, found %s", what, tok_names[found]);
	return -1;
}

int merge_bad(struct merge *m, const char *key, const char *reason)
{
	struct strbuf sb;
	char shown[SAFE_ECHO_SIZE];

	scx_sb_init(&sb, m->what, sizeof m->what);
	scx_sb_printf(&sb, "%s%s", safe_echo(shown, sizeof shown, key, 1), reason);
	return -1;
}

int merge_object(struct merge *m, enum json_tok first, merge_member_fn *member, void *arg)
{
	char key[JSON_IN_STRING];
	enum json_tok t;

	if (first != JT_BEGIN_OBJECT)
		return expected(m, "an object", first);
	t = json_in_next(&m->in);
	if (t == JT_END_OBJECT)
		return 0;
	for (;;) {
		if (t != JT_STRING)
			return expected(m, "a key", t);
		memcpy(key, m->in.str, sizeof key);
		if ((t = json_in_next(&m->in)) != JT_COLON)
			return expected(m, "':'", t);
		if (member(m, key, json_in_next(&m->in), arg) < 0)
			return -1;
		t = json_in_next(&m->in);
		if (t == JT_END_OBJECT)
			return 0;
		if (t != JT_COMMA)
			return expected(m, "',' or '}'", t);
		t = json_in_next(&m->in);
	}
}

int merge_array(struct merge *m, enum json_tok first, merge_item_fn *item, void *arg)
{
	enum json_tok t;
	size_t i;

	if (first != JT_BEGIN_ARRAY)
		return expected(m, "an array", first);
	t = json_in_next(&m->in);
	if (t == JT_END_ARRAY)
		return 0;
	for (i = 0;; i++) {
		if (item(m, i, t, arg) < 0)
			return -1;
		t = json_in_next(&m->in);
		if (t == JT_END_ARRAY)
			return 0;
		if (t != JT_COMMA)
			return expected(m, "',' or ']'", t);
		t = json_in_next(&m->in);
	}
}

int merge_number(struct merge *m, enum json_tok first, unsigned long *sum)
{
	if (first != JT_NUMBER)
		return expected(m, "a number", first);
	if ((unsigned long)m->in.num > (unsigned long)LONG_MAX - *sum)
		return merge_bad(m, "count", ": the sum is too large");
	*sum += (unsigned long)m->in.num;
	return 0;
}

int merge_string(struct merge *m, enum json_tok first, char *buf)
{
	if (first != JT_STRING)
		return expected(m, "a string", first);
	memcpy(buf, m->in.str, JSON_IN_STRING);
	return 0;
}

struct counts_arg {
	const char *const *names;
	size_t count;
	unsigned long *sums;
};

static int count_member(struct merge *m, const char *key, enum json_tok first, void *arg)
{
	struct counts_arg *a = arg;
	size_t i;

	for (i = 0; i < a->count; i++)
		if (strcmp(key, a->names[i]) == 0)
			return merge_number(m, first, &a->sums[i]);
	return merge_bad(m, key, ": unknown key");
}

int merge_counts(struct merge *m, enum json_tok first, const char *const *names, size_t count,
                 unsigned long *sums)
{
	struct counts_arg a;

	a.names = names;
	a.count = count;
	a.sums = sums;
	return merge_object(m, first, count_member, &a);
}

static int row_member(struct merge *m, const char *key, enum json_tok first, void *arg)
{
	static const char *const kinds[3] = { "delivered", "deferred", "bounced" };
	struct merge_row *r = arg;
	size_t i;

	if (strcmp(key, "name") == 0)
		return r->has_name = 1, merge_string(m, first, r->name);
	if (strcmp(key, "code") == 0)
		return r->has_code = 1, merge_string(m, first, r->code);
	if (strcmp(key, "reason") == 0)
		return r->has_reason = 1, merge_string(m, first, r->reason);
	if (strcmp(key, "direction") == 0)
		return r->has_direction = 1, merge_string(m, first, r->direction);
	if (strcmp(key, "sample") == 0)
		return r->has_sample = 1, merge_string(m, first, r->sample);
	if (strcmp(key, "digit") == 0)
		return r->has_digit = 1, merge_number(m, first, &r->digit);
	if (strcmp(key, "count") == 0)
		return r->has_count = 1, merge_number(m, first, &r->count);
	if (strcmp(key, "error") == 0)
		return merge_number(m, first, &r->error);
	for (i = 0; i < 3; i++)
		if (strcmp(key, kinds[i]) == 0)
			return merge_number(m, first, &r->kinds[i]);
	return merge_bad(m, key, ": unknown key");
}

int merge_row(struct merge *m, enum json_tok first, struct merge_row *row)
{
	memset(row, 0, sizeof *row);
	return merge_object(m, first, row_member, row);
}
