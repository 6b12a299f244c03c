/* format_scan.c - the summary of `smtpcode scan`, as text and as JSON. */
#include "format.h"
#include "safe_text.h"
#include "format_logstat.h"
#include "json.h"
#include "strbuf.h"
#include "tally.h"

#include <string.h>

/* The name of a code for the summary (always in English), or "(not defined)". */
static const char *code_name(int basic)
{
	const char *name = basic_name(basic);

	return name ? name : "(not defined)";
}

static const char *code_title(const struct smtpcode_enhanced_code *c)
{
	const char *title = enhanced_title(c->subject, c->detail);

	return title ? title : "(not registered)";
}

const char *text_template(const struct style *st, const char *key, const char **args,
                          size_t count)
{
	static char buf[256];
	struct strbuf sb;

	scx_sb_init(&sb, buf, sizeof buf);
	scx_sb_template(&sb, style_phrase(st, key), args, count);
	return buf;
}

void text_scan(FILE *out, const struct tally *t, const struct style *st)
{
	static struct tally_row rows[TALLY_ENHANCED_SLOTS];
	char lines[24], replies[24], key[16];
	const char *args[2];
	size_t n, i;
	int d;

	snprintf(lines, sizeof lines, "%lu", t->lines);
	snprintf(replies, sizeof replies, "%lu", t->replies);
	args[0] = lines, args[1] = replies;
	fprintf(out, "%s\n", text_template(st, "scan.read", args, 2));
	if (t->stats)
		text_logstat(out, t->stats, st);
	for (d = 1; d < SMTPCODE_OUTCOME_COUNT && !t->outcomes[d]; d++)
		;
	if (d < SMTPCODE_OUTCOME_COUNT) { /* some line said an outcome */
		fprintf(out, "\n%s\n", style_phrase(st, "scan.outcome"));
		for (d = 1; d < SMTPCODE_OUTCOME_COUNT; d++) {
			if (d > SMTPCODE_OUTCOME_EXPIRED && !t->outcomes[d])
				continue; /* the later ones where a line said them */
			const char *label;
			int over;
			snprintf(key, sizeof key, "o.%s",
			         smtpcode_outcome_name((enum smtpcode_outcome)d));
			label = style_phrase(st, key);
			/* a label wider than its column takes from the number's */
			over = safe_columns(label, strlen(label)) - 9;
			fputs("  ", out);
			text_pad(out, label, 9);
			fprintf(out, " %*lu\n", over > 0 && over < 9 ? 9 - over : 9, t->outcomes[d]);
		}
	}
	if (t->classes[1] + t->classes[2] + t->classes[3] + t->classes[4] + t->classes[5]) {
		fprintf(out, "\n%s\n", style_phrase(st, "scan.class"));
		for (d = 1; d <= 5; d++) {
			snprintf(key, sizeof key, "c.%d", d);
			if (t->classes[d])
				fprintf(out, "  %dxx       %9lu  %s\n", d, t->classes[d],
				        style_phrase(st, key));
		}
	}
	n = tally_basic_rows(t, rows);
	if (n) {
		fprintf(out, "\n%s\n", style_phrase(st, "scan.code"));
		for (i = 0; i < n; i++)
			fprintf(out, "  %d       %9lu  %s\n", rows[i].basic, rows[i].count,
			        code_name(rows[i].basic));
	}
	n = tally_enhanced_rows(t, rows);
	if (n) {
		fprintf(out, "\n%s\n", style_phrase(st, "scan.enhanced"));
		for (i = 0; i < n; i++) {
			char code[16];
			fprintf(out, "  %-9s %9lu  %s\n",
			        smtpcode_enhanced_text(&rows[i].code, code, sizeof code),
			        rows[i].count, code_title(&rows[i].code));
		}
		if (t->enhanced_other)
			fprintf(out, "  %-9s %9lu  %s\n", style_phrase(st, "scan.other"),
			        t->enhanced_other, style_phrase(st, "scan.too_many"));
	}
}

void json_scan(FILE *out, const struct tally *t)
{
	static struct tally_row rows[TALLY_ENHANCED_SLOTS];
	struct json j;
	char code[16];
	size_t n, i;
	int d;

	json_init(&j, out);
	json_object_begin(&j);
	json_key_string(&j, "kind", "scan");
	json_key_int(&j, "lines", (long)t->lines);
	json_key_int(&j, "replies", (long)t->replies);
	json_key(&j, "outcomes");
	json_object_begin(&j);
	for (d = 1; d < SMTPCODE_OUTCOME_COUNT; d++)
		if (d <= SMTPCODE_OUTCOME_EXPIRED || t->outcomes[d]) /* as in the text */
			json_key_int(&j, smtpcode_outcome_name((enum smtpcode_outcome)d),
			             (long)t->outcomes[d]);
	json_object_end(&j);
	json_key(&j, "classes");
	json_array_begin(&j);
	for (d = 1; d <= 5; d++) {
		if (!t->classes[d])
			continue;
		json_object_begin(&j);
		json_key_int(&j, "digit", d);
		json_key_string(&j, "name", smtpcode_class_name(d));
		json_key_int(&j, "count", (long)t->classes[d]);
		json_object_end(&j);
	}
	json_array_end(&j);
	json_key(&j, "basic");
	json_array_begin(&j);
	n = tally_basic_rows(t, rows);
	for (i = 0; i < n; i++) {
		snprintf(code, sizeof code, "%d", rows[i].basic);
		json_object_begin(&j);
		json_key_string(&j, "code", code);
		json_key_string(&j, "name", code_name(rows[i].basic));
		json_key_int(&j, "count", (long)rows[i].count);
		json_object_end(&j);
	}
	json_array_end(&j);
	json_key(&j, "enhanced");
	json_array_begin(&j);
	n = tally_enhanced_rows(t, rows);
	for (i = 0; i < n; i++) {
		json_object_begin(&j);
		json_key_string(&j, "code", smtpcode_enhanced_text(&rows[i].code, code, sizeof code));
		json_key_string(&j, "name", code_title(&rows[i].code));
		json_key_int(&j, "count", (long)rows[i].count);
		json_object_end(&j);
	}
	json_array_end(&j);
	json_key_int(&j, "enhanced_other", (long)t->enhanced_other);
	if (t->stats)
		json_logstat(&j, t->stats);
	json_object_end(&j);
	putc('\n', out);
}
