/* format_reply.c - replies found by `explain`, and the summary of `scan`,
 * as text and as JSON. */
#include "format.h"
#include "json.h"
#include "strbuf.h"

#include <string.h>

/* The items of the codes a stream's replies repeat: each looked up once
 * and then copied (issue 16). A slot keeps the last item of its codes, by
 * the query and the command it answered. */
enum { ITEM_SLOTS = 64, ITEM_COMMAND = 16 };
struct kept_item {
	int used;
	struct smtpcode_query q;
	char after[ITEM_COMMAND];
	struct smtpcode_item item;
};

/* smtpcode_lookup_item(q, after, out), from its slot when that holds it. */
static void lookup_kept(const struct smtpcode_query *q, const char *after,
                        struct smtpcode_item *out)
{
	static struct kept_item kept[ITEM_SLOTS];
	unsigned h = q->kind == SMTPCODE_KIND_BASIC
	             ? (unsigned)q->basic
	             : (unsigned)(q->enhanced.reply_class * 31 + q->enhanced.subject * 7 +
	                          q->enhanced.detail);
	struct kept_item *k = &kept[h % ITEM_SLOTS];
	int used = after ? 2 : 1; /* 1: kept for no command, 2: for k->after */
	size_t alen = after ? strlen(after) : 0;

	if (k->used == used && memcmp(&k->q, q, sizeof *q) == 0 &&
	    (!after || strcmp(k->after, after) == 0)) {
		*out = k->item;
		return;
	}
	k->used = 0;
	if (smtpcode_lookup_item(q, after, out) != 0 || alen >= ITEM_COMMAND)
		return;
	k->q = *q;
	memcpy(k->after, after ? after : "", alen + 1);
	k->item = *out;
	k->used = used;
}

void reply_items(const struct smtpcode_reply *r, struct smtpcode_item *items, size_t *n)
{
	struct smtpcode_query q;
	size_t i;

	memset(&q, 0, sizeof q);
	*n = 0;
	if (r->basic) {
		q.kind = SMTPCODE_KIND_BASIC;
		q.basic = r->basic;
		lookup_kept(&q, r->command, &items[(*n)++]);
	}
	for (i = 0; i < r->enhanced_count; i++) {
		q.kind = SMTPCODE_KIND_ENHANCED;
		q.enhanced = r->enhanced[i];
		lookup_kept(&q, NULL, &items[(*n)++]);
	}
}

/* Without printf: explain calls it for every reply. */
void reply_codes(struct strbuf *sb, const struct smtpcode_reply *r)
{
	char text[16], *p = text + sizeof text;
	unsigned v = r->basic < 0 ? 0u - (unsigned)r->basic : (unsigned)r->basic;
	size_t i;

	if (r->basic) {
		do
			*--p = (char)('0' + v % 10);
		while ((v /= 10) != 0);
		if (r->basic < 0)
			*--p = '-';
		scx_sb_putn(sb, p, (size_t)(text + sizeof text - p));
	}
	for (i = 0; i < r->enhanced_count; i++) {
		if (sb->len)
			scx_sb_putn(sb, " ", 1);
		smtpcode_enhanced_text(&r->enhanced[i], text, sizeof text);
		scx_sb_putn(sb, text, strlen(text));
	}
}

/* --full: after the answer, what the reply said, then the whole reference
 * entry of each code. */
static void text_details(FILE *out, const struct smtpcode_reply *r,
                         const struct smtpcode_item *items, size_t n, const struct style *st)
{
	size_t i;

	if (r->command)
		text_field(out, st, "l.answer_to", r->command);
	if (r->enhanced_count > 1)
		text_field(out, st, "l.codes", style_phrase(st, "p.outer_verdict"));
	if (r->text[0])
		text_field(out, st, "l.text", r->text);
	for (i = 0; i < n; i++) {
		putc('\n', out);
		text_item(out, &items[i], st);
	}
}

void text_reply(FILE *out, const struct smtpcode_reply *r, unsigned long index, int full,
                const struct style *st)
{
	static struct smtpcode_item items[1 + SMTPCODE_REPLY_ENHANCED_MAX];
	char msg[512];
	size_t i, n;

	reply_items(r, items, &n);
	text_answer(out, r, index, items, n, st);
	for (i = 0; i < r->warning_count; i++) {
		smtpcode_warning_message(r, r->warnings[i], msg, sizeof msg);
		text_field(out, st, "l.warning", msg);
	}
	if (full)
		text_details(out, r, items, n, st);
}

/* "reason", "bounce" and "evidence": the verdict, for a script to act on. */
static void json_verdict(struct json *j, const struct smtpcode_reply *r)
{
	struct smtpcode_verdict v;

	smtpcode_verdict(r, &v);
	json_key_string(j, "reason", smtpcode_reason_name(v.reason));
	json_key_string(j, "bounce", smtpcode_bounce_name(v.bounce));
	json_key(j, "evidence");
	json_object_begin(j);
	json_key_string(j, "kind", smtpcode_evidence_name(v.evidence));
	if (v.evidence == SMTPCODE_EVIDENCE_ENHANCED) {
		char code[16];
		json_key_string(j, "code", smtpcode_enhanced_text(&v.enhanced, code, sizeof code));
	}
	if (v.evidence == SMTPCODE_EVIDENCE_TAG || v.evidence == SMTPCODE_EVIDENCE_PHRASE) {
		json_key_string(j, v.evidence == SMTPCODE_EVIDENCE_TAG ? "tag" : "phrase",
		                v.matched);
		if (v.provider)
			json_key_string(j, "provider", v.provider);
		json_key_int(j, "offset", (long)v.offset);
		json_key_int(j, "length", (long)v.length);
	}
	if (v.evidence == SMTPCODE_EVIDENCE_BASIC)
		json_key_string(j, "command", v.command);
	json_object_end(j);
}

void json_reply(FILE *out, const struct smtpcode_reply *r, int full)
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
	json_key_string(&j, "result", smtpcode_result(r));
	json_key_string(&j, "recipient", r->recipient[0] ? r->recipient : NULL);
	json_key_string(&j, "remote_host", r->remote_host[0] ? r->remote_host : NULL);
	json_key_string(&j, "direction", smtpcode_direction_name(r->direction));
	json_key_bool(&j, "quoted", r->quoted != 0);
	json_key_string(&j, "report", smtpcode_report_name(r->report));
	json_verdict(&j, r);
	json_key_string(&j, "text", r->text);
	json_key(&j, "warnings");
	json_array_begin(&j);
	for (i = 0; i < r->warning_count; i++) {
		json_object_begin(&j);
		json_key_string(&j, "kind", smtpcode_warning_name(r->warnings[i]));
		smtpcode_warning_message(r, r->warnings[i], msg, sizeof msg);
		json_key_string(&j, "message", msg);
		json_object_end(&j);
	}
	json_array_end(&j);
	json_key(&j, "codes");
	json_array_begin(&j);
	reply_items(r, items, &n);
	for (i = 0; i < n; i++) {
		if (full)
			json_write_item(&j, &items[i]);
		else
			json_write_item_name(&j, &items[i]);
	}
	json_array_end(&j);
	json_object_end(&j);
	putc('\n', out);
}
