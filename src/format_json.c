/* format_json.c - lookups and compares as JSON objects, one per line. */
#include "format.h"
#include "json.h"

#include <string.h>

static void write_digit(struct json *j, const char *key, int digit, const char *name)
{
	json_key(j, key);
	json_object_begin(j);
	json_key_int(j, "digit", digit);
	json_key_string(j, "name", name);
	json_object_end(j);
}

static void write_commands(struct json *j, const char *commands)
{
	const char *p = commands;

	json_key(j, "commands");
	json_array_begin(j);
	if (strcmp(p, "-") != 0) {
		while (*p) {
			size_t len = strcspn(p, ",");
			json_string_n(j, p, len);
			p += len;
			if (*p == ',')
				p++;
		}
	}
	json_array_end(j);
}

static void write_meaning(struct json *j, const struct smtpcode_meaning *m)
{
	json_object_begin(j);
	write_commands(j, m->commands);
	json_key_string(j, "name", m->name);
	json_key_string(j, "status", smtpcode_status_name(m->status));
	json_key_string(j, "source", m->source);
	json_key_string(j, "description", m->description);
	json_key_string(j, "when_seen", m->when_seen);
	json_key_string(j, "fix", m->fix);
	json_object_end(j);
}

static void write_lookup(struct json *j, const struct smtpcode_lookup *lk)
{
	struct smtpcode_meaning m;
	char code[4];
	size_t i;

	code[0] = (char)('0' + lk->code / 100);
	code[1] = (char)('0' + lk->code / 10 % 10);
	code[2] = (char)('0' + lk->code % 10);
	code[3] = '\0';
	json_object_begin(j);
	json_key_string(j, "code", code);
	json_key_string(j, "kind", "basic");
	json_key_bool(j, "known", lk->known);
	write_digit(j, "class", lk->code / 100, smtpcode_class_name(lk->code / 100));
	write_digit(j, "category", lk->code / 10 % 10,
	            smtpcode_category_name(lk->code / 10 % 10));
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
	for (i = 0; i < lk->note_count; i++)
		json_string(j, lk->notes[i]);
	json_array_end(j);
	json_object_end(j);
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
	struct json j;
	size_t i;

	json_init(&j, out);
	json_object_begin(&j);
	json_key_string(&j, "kind", "compare");
	json_key(&j, "a");
	write_lookup(&j, &c->a);
	json_key(&j, "b");
	write_lookup(&j, &c->b);
	json_key_bool(&j, "same_class", c->same_class);
	json_key_bool(&j, "curated", c->curated);
	json_key_string(&j, "rule_source", c->curated ? c->pair.source : NULL);
	json_key_string(&j, "summary", c->summary);
	json_key(&j, "differences");
	json_array_begin(&j);
	for (i = 0; i < c->difference_count; i++)
		json_string(&j, c->differences[i]);
	json_array_end(&j);
	json_key_string(&j, "when_to_use", c->when_to_use);
	json_object_end(&j);
	putc('\n', out);
}
