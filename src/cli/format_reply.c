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

	memset(&q, 0, sizeof q);
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
		scx_sb_printf(sb, "%d", r->basic);
	for (i = 0; i < r->enhanced_count; i++)
		scx_sb_printf(sb, "%s%s", sb->len ? " " : "",
		              smtpcode_enhanced_text(&r->enhanced[i], text, sizeof text));
}

/* "enhanced code 5.1.1", "phrase \"user unknown\"", ...: what decided v. */
static void evidence_text(struct strbuf *sb, const struct smtpcode_verdict *v)
{
	char code[16];

	switch (v->evidence) {
	case SMTPCODE_EVIDENCE_TAG:
		scx_sb_printf(sb, "provider tag \"%s\" (%s)", v->matched, v->provider);
		break;
	case SMTPCODE_EVIDENCE_ENHANCED:
		scx_sb_printf(sb, "enhanced code %s",
		              smtpcode_enhanced_text(&v->enhanced, code, sizeof code));
		break;
	case SMTPCODE_EVIDENCE_PHRASE:
		scx_sb_printf(sb, "phrase \"%s\" in the text", v->matched);
		break;
	case SMTPCODE_EVIDENCE_OUTCOME:
		scx_sb_printf(sb, "the outcome: expired");
		break;
	case SMTPCODE_EVIDENCE_BASIC:
		scx_sb_printf(sb, "basic code %d", v->basic);
		if (v->command)
			scx_sb_printf(sb, " after %s", v->command);
		break;
	default:
		break;
	}
}

/* "Verdict:  userunknown (hard bounce): definition" and what decided it. */
static void text_verdict(FILE *out, const struct smtpcode_reply *r, const struct style *st)
{
	struct smtpcode_verdict v;
	struct smtpcode_reason reason;
	const char *bounce;
	char buf[512];
	struct strbuf sb;

	smtpcode_verdict(r, &v);
	smtpcode_reason_at(v.reason, &reason);
	bounce = smtpcode_bounce_name(v.bounce);
	scx_sb_init(&sb, buf, sizeof buf);
	scx_sb_printf(&sb, "%s (%s%s): %s", reason.name, bounce ? bounce : "not a",
	              " bounce", reason.definition);
	text_field(out, st, "Verdict", buf);
	if (v.evidence == SMTPCODE_EVIDENCE_NONE)
		return;
	scx_sb_init(&sb, buf, sizeof buf);
	evidence_text(&sb, &v);
	text_field(out, st, "Evidence", buf);
}

void text_reply(FILE *out, const struct smtpcode_reply *r, unsigned long index,
                const struct style *st)
{
	static struct smtpcode_item items[1 + SMTPCODE_REPLY_ENHANCED_MAX];
	char buf[256], msg[512];
	struct strbuf sb;
	size_t i, n;

	char num[24], lines[48];
	const char *args[2];

	snprintf(num, sizeof num, "%lu", index);
	if (r->last_line != r->first_line)
		snprintf(lines, sizeof lines, "%lu-%lu", r->first_line, r->last_line);
	else
		snprintf(lines, sizeof lines, "%lu", r->first_line);
	args[0] = num, args[1] = lines;
	scx_sb_init(&sb, msg, sizeof msg);
	codes_line(&sb, r);
	scx_sb_init(&sb, buf, sizeof buf);
	scx_sb_template(&sb, style_phrase(st, "h.reply"), args, 2);
	fprintf(out, "== %s: %s\n", buf, msg);
	text_verdict(out, r, st);
	if (r->command)
		text_field(out, st, "l.answer_to", r->command);
	if (smtpcode_outcome_name(r->outcome)) {
		char key[24];
		snprintf(key, sizeof key, "o.%s", smtpcode_outcome_name(r->outcome));
		text_field(out, st, "l.outcome", style_phrase(st, key));
	}
	if (r->enhanced_count > 1)
		text_field(out, st, "l.codes", style_phrase(st, "p.outer_verdict"));
	if (r->text[0])
		text_field(out, st, "l.text", r->text);
	for (i = 0; i < r->warning_count; i++) {
		smtpcode_warning_message(r, r->warnings[i], msg, sizeof msg);
		text_field(out, st, "l.warning", msg);
	}
	reply_items(r, items, &n);
	for (i = 0; i < n; i++) {
		putc('\n', out);
		text_item(out, &items[i], st);
	}
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
	for (i = 0; i < n; i++)
		json_write_item(&j, &items[i]);
	json_array_end(&j);
	json_object_end(&j);
	putc('\n', out);
}
