/* format_brief.c - the one-line answers of `explain` (format_answer.c has
 * the block): --brief, five fields for scripts, and --codes-only. */
#include "format.h"
#include "safe_text.h"
#include "strbuf.h"

#include <string.h>

/* Writes s as shown (safe_text.h), with each space as \x20, so that a field
 * of a --brief line never holds the two spaces that separate fields. */
static void brief_field(FILE *out, const char *s)
{
	const char *sp;

	if (!*s) {
		putc('-', out);
		return;
	}
	while ((sp = strchr(s, ' ')) != NULL) {
		safe_write(out, s, (size_t)(sp - s));
		fputs("\\x20", out);
		s = sp + 1;
	}
	safe_write(out, s, strlen(s));
}

void brief_answer(FILE *out, const struct smtpcode_reply *r)
{
	struct smtpcode_verdict v;
	const char *o = smtpcode_result(r), *bounce;
	char codes[96];
	struct strbuf sb;

	smtpcode_verdict(r, &v);
	bounce = smtpcode_bounce_name(v.bounce);
	scx_sb_init(&sb, codes, sizeof codes);
	reply_codes(&sb, r);
	brief_field(out, r->recipient);
	fprintf(out, "  %s  %s  %s  %s\n", o ? o : "-", codes[0] ? codes : "-",
	        smtpcode_reason_name(v.reason), bounce ? bounce : "-");
}

void codes_answer(FILE *out, const struct smtpcode_reply *r)
{
	char codes[96];
	struct strbuf sb;

	scx_sb_init(&sb, codes, sizeof codes);
	reply_codes(&sb, r);
	fprintf(out, "%s\n", codes[0] ? codes : "-");
}
