/* lookup.c - select the meanings of a code, optionally after one command. */
#include "smtpcode.h"
#include "strbuf.h"

#include <string.h>

/* Starts the next note of lk in sb (at most SMTPCODE_NOTE_MAX, which the
 * callers below stay within). */
static void new_note(struct smtpcode_lookup *lk, struct strbuf *sb)
{
	scx_sb_init(sb, lk->notes[lk->note_count++], SMTPCODE_NOTE_SIZE);
}

/* Narrows lk's meanings to those that answer lk->after. */
static void select_after(struct smtpcode_lookup *lk)
{
	struct smtpcode_meaning m;
	struct strbuf sb;
	size_t i, any = (size_t)-1;

	for (i = lk->first; i < lk->first + lk->count; i++) {
		smtpcode_meaning_at(i, &m);
		if (strcmp(m.commands, "*") == 0) {
			any = i;
		} else if (smtpcode_meaning_answers(&m, lk->after)) {
			lk->first = i;
			lk->count = 1;
			lk->match = SMTPCODE_AFTER_EXACT;
			return;
		}
	}
	if (any != (size_t)-1) {
		lk->first = any;
		lk->count = 1;
		lk->match = SMTPCODE_AFTER_ANY;
		return;
	}
	lk->match = SMTPCODE_AFTER_UNLISTED;
	new_note(lk, &sb);
	scx_sb_printf(&sb, "%d is not a documented reply to %s; every meaning of %d is shown.",
	              lk->basic, lk->after, lk->basic);
}

/* A pseudo code such as 571 is most likely an enhanced code without its
 * dots (5.7.1): says which, and what the registry calls it. */
static void note_pseudo(struct smtpcode_lookup *lk)
{
	struct smtpcode_meaning m;
	struct smtpcode_enhanced_entry e;
	struct strbuf sb;
	int cls = lk->basic / 100, s = lk->basic / 10 % 10, d = lk->basic % 10;
	size_t row;
	size_t i;

	if (cls != 2 && cls != 4 && cls != 5)
		return;
	for (i = lk->first; i < lk->first + lk->count; i++)
		if (smtpcode_meaning_at(i, &m) < 0 || m.status != SMTPCODE_STATUS_PSEUDO)
			return;
	new_note(lk, &sb);
	if (smtpcode_enhanced_find(SMTPCODE_ANY, s, d, &row) == 0 &&
	    smtpcode_enhanced_at(row, &e) == 0)
		scx_sb_printf(&sb, "Read with dots, %d is the enhanced status code %d.%d.%d, %s: "
		              "see smtpcode %d.%d.%d.", lk->basic, cls, s, d, e.title, cls, s, d);
	else
		scx_sb_printf(&sb, "Read with dots, %d would be the enhanced status code "
		              "%d.%d.%d, which the IANA registry does not list either.",
		              lk->basic, cls, s, d);
}

int smtpcode_lookup(int basic, const char *after, struct smtpcode_lookup *out)
{
	const char *cmd = NULL;
	struct strbuf sb;

	if (basic < 100 || basic > 599)
		return -1;
	if (after && !(cmd = smtpcode_command_canonical(after)))
		return -1;
	memset(out, 0, sizeof *out);
	out->basic = basic;
	out->after = cmd;
	out->match = SMTPCODE_AFTER_NONE;
	out->known = smtpcode_find(basic, &out->first, &out->count) == 0;
	if (!out->known) {
		new_note(out, &sb);
		scx_sb_printf(&sb, "%d is not defined by any RFC or by the IANA registry. "
		              "RFC 5321 §4.2.1 has a client act on the first digit of a code "
		              "it does not know: %s", basic, smtpcode_class_advice(basic / 100));
		return 0;
	}
	note_pseudo(out);
	if (cmd)
		select_after(out);
	return 0;
}
