/* format_reply.c - replies found by `explain`, and the summary of `scan`,
 * as text and as JSON. */
#include "format.h"
#include "json.h"
#include "strbuf.h"

#include <string.h>

/* Looks up the codes of a reply: the basic code (after its command, when
 * the text names one) and each enhanced code. */
static void reply_items(const struct smtpcode_reply *r, struct smtpcode_item *items,
                        size_t *n)
{
	struct smtpcode_query q;
	size_t i;

	*n = 0;
	if (r->basic) {
		q.kind = SMTPCODE_KIND_BASIC;
		q.basic = r->basic;
		smtpcode_lookup_item(&q, r->command, &items[(*n)++]);
	}
	for (i = 0; i < r->enhanced_count; i++) {
		q.kind = SMTPCODE_KIND_ENHANCED;
		q.enhanced = r->enhanced[i];
		smtpcode_lookup_item(&q, NULL, &items[(*n)++]);
	}
}

/* "550 5.7.1 #4.4.1": the codes as the reply wrote them. */
static void codes_line(struct strbuf *sb, const struct smtpcode_reply *r)
{
	char text[16];
	size_t i;

	if (r->basic)
		strbuf_printf(sb, "%d", r->basic);
	for (i = 0; i < r->enhanced_count; i++)
		strbuf_printf(sb, "%s%s", sb->len ? " " : "",
		              smtpcode_enhanced_text(&r->enhanced[i], text, sizeof text));
}

void text_reply(FILE *out, const struct smtpcode_reply *r, unsigned long index, int width)
{
	static struct smtpcode_item items[1 + SMTPCODE_REPLY_ENHANCED_MAX];
	char buf[256], msg[512];
	struct strbuf sb;
	size_t i, n;

	strbuf_init(&sb, buf, sizeof buf);
	codes_line(&sb, r);
	fprintf(out, "== Reply %lu, line %lu", index, r->first_line);
	if (r->last_line != r->first_line)
		fprintf(out, "-%lu", r->last_line);
	fprintf(out, ": %s\n", buf);
	if (r->command)
		fprintf(out, "Answer to: %s\n", r->command);
	if (smtpcode_outcome_name(r->outcome))
		fprintf(out, "Outcome:  %s\n", smtpcode_outcome_name(r->outcome));
	if (r->enhanced_count > 1)
		wrap_paragraph(out, "The first enhanced code is the outer verdict; the others "
		               "(written #4.4.1 and the like) come from an earlier hop or the "
		               "reply's own text.", "Codes:    ", 10, width);
	if (r->text[0])
		wrap_paragraph(out, r->text, "Text:     ", 10, width);
	for (i = 0; i < r->warning_count; i++)
		wrap_paragraph(out, smtpcode_warning_message(r, r->warnings[i], msg, sizeof msg),
		               "Warning:  ", 10, width);
	reply_items(r, items, &n);
	for (i = 0; i < n; i++) {
		putc('\n', out);
		text_item(out, &items[i], width);
	}
}

void json_reply(FILE *out, const struct smtpcode_reply *r)
{
	static struct smtpcode_item items[1 + SMTPCODE_REPLY_ENHANCED_MAX];
	char text[16], msg[512];
	struct json j;
	size_t i, n;

	json_init(&j, out);
	json_object_begin(&j);
	json_key_string(&j, "kind", "reply");
	json_key(&j, "lines");
	json_array_begin(&j);
	json_int(&j, (long)r->first_line);
	json_int(&j, (long)r->last_line);
	json_array_end(&j);
	if (r->basic) {
		snprintf(text, sizeof text, "%d", r->basic);
		json_key_string(&j, "basic", text);
	} else {
		json_key_string(&j, "basic", NULL);
	}
	json_key(&j, "enhanced");
	json_array_begin(&j);
	for (i = 0; i < r->enhanced_count; i++)
		json_string(&j, smtpcode_enhanced_text(&r->enhanced[i], text, sizeof text));
	json_array_end(&j);
	json_key_string(&j, "command", r->command);
	json_key_string(&j, "outcome", smtpcode_outcome_name(r->outcome));
	json_key_string(&j, "text", r->text);
	json_key(&j, "warnings");
	json_array_begin(&j);
	for (i = 0; i < r->warning_count; i++) {
		json_object_begin(&j);
		json_key_string(&j, "kind", smtpcode_warning_name(r->warnings[i]));
		json_key_string(&j, "message",
		                smtpcode_warning_message(r, r->warnings[i], msg, sizeof msg));
		json_object_end(&j);
	}
	json_array_end(&j);
	json_key(&j, "codes");
	json_array_begin(&j);
	reply_items(r, items, &n);
	for (i = 0; i < n; i++)
		json_write_item(&j, &items[i]);
	json_array_end(&j);
	json_object_end(&j);
	putc('\n', out);
}
