/* lookup.c - select the meanings of a code, optionally after one command,
 * and say in notes what the meanings alone do not. */
#include "smtpcode.h"
#include "strbuf.h"

#include <string.h>

/* Adds a note of kind k to lk; at most SMTPCODE_NOTE_MAX (more are dropped). */
static void add_note(struct smtpcode_lookup *lk, enum smtpcode_note_kind k)
{
	if (lk->note_count < SMTPCODE_NOTE_MAX)
		lk->notes[lk->note_count++] = k;
}

/* Narrows lk's meanings to those that answer lk->after. */
static void select_after(struct smtpcode_lookup *lk)
{
	struct smtpcode_meaning m;
	size_t i, any = SMTPCODE_NO_ROW;

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
	if (any != SMTPCODE_NO_ROW) {
		lk->first = any;
		lk->count = 1;
		lk->match = SMTPCODE_AFTER_ANY;
		return;
	}
	lk->match = SMTPCODE_AFTER_UNLISTED;
	add_note(lk, SMTPCODE_NOTE_NOT_AFTER);
}

/* Nonzero if every meaning of lk is a pseudo code whose digits read as an
 * enhanced code (571 as 5.7.1). */
static int is_dotless(const struct smtpcode_lookup *lk)
{
	struct smtpcode_meaning m;
	int cls = lk->basic / 100;
	size_t i;

	if (cls != 2 && cls != 4 && cls != 5)
		return 0;
	for (i = lk->first; i < lk->first + lk->count; i++)
		if (smtpcode_meaning_at(i, &m) < 0 || m.status != SMTPCODE_STATUS_PSEUDO)
			return 0;
	return 1;
}

int smtpcode_lookup(int basic, const char *after, struct smtpcode_lookup *out)
{
	const char *cmd = NULL;

	if (basic < 100 || basic > 599)
		return -1;
	if (after && !(cmd = smtpcode_command_canonical(after)))
		return -1;
	out->basic = basic;
	out->after = cmd;
	out->match = SMTPCODE_AFTER_NONE;
	out->note_count = 0;
	out->first = out->count = 0;
	out->known = smtpcode_find(basic, &out->first, &out->count) == 0;
	if (!out->known) {
		add_note(out, SMTPCODE_NOTE_UNDEFINED);
		return 0;
	}
	if (is_dotless(out))
		add_note(out, SMTPCODE_NOTE_DOTLESS);
	if (cmd)
		select_after(out);
	return 0;
}

/* A pseudo code such as 571 is most likely an enhanced code without its
 * dots (5.7.1): says which, and what the registry calls it. */
static void say_dotless(struct strbuf *sb, int basic)
{
	struct smtpcode_enhanced_entry e;
	int cls = basic / 100, s = basic / 10 % 10, d = basic % 10;
	size_t row;

	if (smtpcode_enhanced_find(SMTPCODE_ANY, s, d, &row) == 0 &&
	    smtpcode_enhanced_at(row, &e) == 0)
		scx_sb_printf(sb, "Read with dots, %d is the enhanced status code %d.%d.%d, %s: "
		              "see smtpcode %d.%d.%d.", basic, cls, s, d, e.title, cls, s, d);
	else
		scx_sb_printf(sb, "Read with dots, %d would be the enhanced status code "
		              "%d.%d.%d, which the IANA registry does not list either.",
		              basic, cls, s, d);
}

size_t smtpcode_lookup_note(const struct smtpcode_lookup *lk, size_t index, char *buf,
                            size_t size)
{
	const char *advice = smtpcode_class_advice(lk->basic / 100);
	struct strbuf sb;

	scx_sb_init(&sb, buf, size);
	if (index >= lk->note_count || index >= SMTPCODE_NOTE_MAX)
		return 0;
	switch (lk->notes[index]) {
	case SMTPCODE_NOTE_UNDEFINED:
		scx_sb_printf(&sb, "%d is not defined by any RFC or by the IANA registry. "
		              "RFC 5321 §4.2.1 has a client act on the first digit of a code "
		              "it does not know: %s", lk->basic, advice ? advice : "");
		break;
	case SMTPCODE_NOTE_DOTLESS:
		say_dotless(&sb, lk->basic);
		break;
	case SMTPCODE_NOTE_NOT_AFTER:
		scx_sb_printf(&sb, "%d is not a documented reply to %s; every meaning of %d is "
		              "shown.", lk->basic, lk->after ? lk->after : "the command", lk->basic);
		break;
	case SMTPCODE_NOTE_UNREGISTERED:
		break;
	}
	return sb.need;
}
