/* format_json.c - lookups and compares as JSON objects, one per line. */
#include "format.h"
#include "json.h"
#include "list.h"

#include <string.h>

static void write_digit(struct json *j, const char *key, int digit, const char *name)
{
	json_key(j, key);
	json_object_begin(j);
	json_key_int(j, "digit", digit);
	json_key_string(j, "name", name);
	json_object_end(j);
}

/* A list of the data ("RCPT,VRFY") as an array of strings; "-" and NULL
 * (none) give []. */
static void write_list(struct json *j, const char *key, const char *list)
{
	const char *p = list, *item;
	size_t len;

	json_key(j, key);
	json_array_begin(j);
	while (list && strcmp(list, "-") != 0 && scx_list_next(&p, &item, &len))
		json_string_n(j, item, len);
	json_array_end(j);
}

static void write_meaning(struct json *j, const struct smtpcode_meaning *m)
{
	json_object_begin(j);
	write_list(j, "commands", m->commands);
	json_key_string(j, "name", m->name);
	json_key_string(j, "status", smtpcode_status_name(m->status));
	json_key_string(j, "source", m->source);
	json_key_string(j, "description", m->description);
	json_key_string(j, "when_seen", m->when_seen);
	json_key_string(j, "fix", m->fix);
	json_object_end(j);
}

static void add_code(const char *text, void *arg)
{
	json_string(arg, text);
}

static void write_lookup(struct json *j, const struct smtpcode_lookup *lk)
{
	struct smtpcode_meaning m;
	char code[4], prose[PROSE_SIZE];
	size_t i;

	code[0] = (char)('0' + lk->basic / 100);
	code[1] = (char)('0' + lk->basic / 10 % 10);
	code[2] = (char)('0' + lk->basic % 10);
	code[3] = '\0';
	json_object_begin(j);
	json_key_string(j, "code", code);
	json_key_string(j, "kind", "basic");
	json_key_bool(j, "known", lk->known);
	write_digit(j, "class", lk->basic / 100, smtpcode_class_name(lk->basic / 100));
	write_digit(j, "category", lk->basic / 10 % 10,
	            smtpcode_category_name(lk->basic / 10 % 10));
	json_key_string(j, "after", lk->after);
	json_key(j, "meanings");
	json_array_begin(j);
	for (i = lk->first; lk->known && i < lk->first + lk->count; i++) {
		smtpcode_meaning_at(i, &m);
		write_meaning(j, &m);
	}
	json_array_end(j);
	json_key(j, "notes");
	json_array_begin(j);
	for (i = 0; i < lk->note_count; i++) {
		smtpcode_lookup_note(lk, i, prose, sizeof prose);
		json_string(j, prose);
	}
	json_array_end(j);
	json_key(j, "enhanced_codes");
	json_array_begin(j);
	each_enhanced_for_basic(lk->basic, add_code, j);
	json_array_end(j);
	json_object_end(j);
}

/* A registry row's part: {"number": n, "name": title or null}. */
static void write_part(struct json *j, const char *key, int number, size_t row)
{
	struct smtpcode_enhanced_entry e;

	json_key(j, key);
	json_object_begin(j);
	json_key_int(j, "number", number);
	json_key_string(j, "name", smtpcode_enhanced_at(row, &e) == 0 ? e.title : NULL);
	json_object_end(j);
}

static void write_provider_notes(struct json *j, const struct smtpcode_enhanced_lookup *lk)
{
	struct smtpcode_provider_note n;
	char code[16];
	size_t i;

	json_key(j, "provider_notes");
	json_array_begin(j);
	for (i = 0; i < lk->provider_count; i++) {
		if (smtpcode_provider_note_at(lk->provider[i], &n) < 0)
			continue;
		json_object_begin(j);
		json_key_string(j, "code", smtpcode_provider_note_code(&n, code, sizeof code));
		json_key_string(j, "provider", n.provider);
		json_key_string(j, "note", n.note);
		json_key_string(j, "source", n.source);
		json_object_end(j);
	}
	json_array_end(j);
}

static void write_enhanced(struct json *j, const struct smtpcode_enhanced_lookup *lk)
{
	struct smtpcode_enhanced_entry e, *best = NULL;
	size_t row = lk->known ? lk->detail_row : lk->subject_row;
	char prose[PROSE_SIZE];
	size_t i;

	memset(&e, 0, sizeof e);
	if (smtpcode_enhanced_at(row, &e) == 0)
		best = &e;
	json_object_begin(j);
	json_key_string(j, "code", lk->text);
	json_key_string(j, "kind", "enhanced");
	json_key_bool(j, "known", lk->known);
	if (lk->enhanced.reply_class != SMTPCODE_ANY)
		write_digit(j, "class", lk->enhanced.reply_class,
		            smtpcode_enhanced_class_name(lk->enhanced.reply_class));
	else
		json_key_string(j, "class", NULL);
	write_part(j, "subject", lk->enhanced.subject, lk->subject_row);
	write_part(j, "detail", lk->enhanced.detail, lk->detail_row);
	json_key_string(j, "status", !lk->known ? NULL : e.deprecated ? "deprecated"
	                                                                : "current");
	json_key_string(j, "source", best ? best->source : NULL);
	json_key_string(j, "description", best ? best->description : NULL);
	json_key_string(j, "when_seen", best ? best->when_seen : NULL);
	json_key_string(j, "fix", best ? best->fix : NULL);
	write_list(j, "basic_codes", lk->known ? e.basic_codes : NULL);
	json_key(j, "notes");
	json_array_begin(j);
	for (i = 0; i < lk->note_count; i++) {
		smtpcode_enhanced_lookup_note(lk, i, prose, sizeof prose);
		json_string(j, prose);
	}
	json_array_end(j);
	write_provider_notes(j, lk);
	json_object_end(j);
}

void json_write_item(struct json *j, const struct smtpcode_item *item)
{
	if (item->kind == SMTPCODE_KIND_ENHANCED)
		write_enhanced(j, &item->enhanced);
	else
		write_lookup(j, &item->basic);
}

void json_write_item_name(struct json *j, const struct smtpcode_item *item)
{
	const struct smtpcode_enhanced_lookup *e = &item->enhanced;
	const struct smtpcode_lookup *b = &item->basic;
	struct smtpcode_enhanced_entry row;
	struct smtpcode_meaning m;

	json_object_begin(j);
	if (item->kind == SMTPCODE_KIND_ENHANCED) {
		int digit = e->enhanced.reply_class;
		json_key_string(j, "code", e->text);
		json_key_string(j, "kind", "enhanced");
		json_key_bool(j, "known", e->known);
		if (digit != SMTPCODE_ANY)
			write_digit(j, "class", digit, smtpcode_enhanced_class_name(digit));
		else
			json_key_string(j, "class", NULL);
		json_key_string(j, "name", e->known && smtpcode_enhanced_at(e->detail_row, &row) == 0
		                                   ? row.title : NULL);
	} else {
		char code[4];
		code[0] = (char)('0' + b->basic / 100);
		code[1] = (char)('0' + b->basic / 10 % 10);
		code[2] = (char)('0' + b->basic % 10);
		code[3] = '\0';
		json_key_string(j, "code", code);
		json_key_string(j, "kind", "basic");
		json_key_bool(j, "known", b->known);
		write_digit(j, "class", b->basic / 100, smtpcode_class_name(b->basic / 100));
		json_key_string(j, "name", b->known && smtpcode_meaning_at(b->first, &m) == 0
		                                   ? m.name : NULL);
	}
	json_object_end(j);
}

void json_item(FILE *out, const struct smtpcode_item *item)
{
	struct json j;

	json_init(&j, out);
	json_write_item(&j, item);
	putc('\n', out);
}

void json_lookup(FILE *out, const struct smtpcode_lookup *lk)
{
	struct json j;

	json_init(&j, out);
	write_lookup(&j, lk);
	putc('\n', out);
}

void json_compare(FILE *out, const struct smtpcode_compare *c)
{
	struct smtpcode_pair pair;
	char prose[PROSE_SIZE];
	struct json j;
	size_t i;

	json_init(&j, out);
	json_object_begin(&j);
	json_key_string(&j, "kind", "compare");
	json_key(&j, "a");
	json_write_item(&j, &c->a);
	json_key(&j, "b");
	json_write_item(&j, &c->b);
	json_key_bool(&j, "same_class", c->same_class);
	json_key_bool(&j, "curated", c->curated);
	json_key_string(&j, "rule_source", c->curated && smtpcode_pair_at(c->pair, &pair) == 0
	                                   ? pair.source : NULL);
	smtpcode_compare_summary(c, prose, sizeof prose);
	json_key_string(&j, "summary", prose);
	json_key(&j, "differences");
	json_array_begin(&j);
	for (i = 0; i < c->difference_count; i++) {
		smtpcode_compare_difference(c, i, prose, sizeof prose);
		json_string(&j, prose);
	}
	json_array_end(&j);
	smtpcode_compare_when_to_use(c, prose, sizeof prose);
	json_key_string(&j, "when_to_use", prose);
	json_object_end(&j);
	putc('\n', out);
}
