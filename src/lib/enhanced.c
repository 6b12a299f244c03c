/* enhanced.c - look up an RFC 3463 enhanced status code in the registry. */
#include "smtpcode.h"
#include "strbuf.h"

#include <stdio.h>
#include <string.h>


#include "notes.inc"

/* Collects the provider notes for the code (any class for X.s.d): only
 * those of its subject are read (build/notes.inc), in the notes' order. */
static void find_provider_notes(struct smtpcode_enhanced_lookup *lk)
{
	const struct smtpcode_enhanced_code *c = &lk->enhanced;
	size_t i;

	if (c->subject < 0 || c->subject >= GEN_NOTE_SUBJECTS)
		return;
	for (i = gen_note_subject[c->subject]; i < gen_note_subject[c->subject + 1]; i++) {
		const unsigned short *k = gen_note_keys[i];
		if (c->detail < k[1] || c->detail > k[2])
			continue;
		if (c->reply_class != SMTPCODE_ANY && c->reply_class != k[0])
			continue;
		if (lk->provider_count < SMTPCODE_PROVIDER_MAX)
			lk->provider[lk->provider_count++] = k[3];
	}
}

/* Says why a code is not in the registry, and how it is read instead. */
static void say_unregistered(struct strbuf *sb, const struct smtpcode_enhanced_lookup *lk)
{
	struct smtpcode_enhanced_entry subj;

	if (smtpcode_enhanced_at(lk->subject_row, &subj) == 0) {
		scx_sb_printf(sb, "%s is not in the IANA registry. RFC 3463 builds codes so "
		              "that a receiver that does not know the detail still reads the "
		              "class and the subject: X.%d.X, %s.", lk->text, lk->enhanced.subject,
		              subj.title);
	} else {
		scx_sb_printf(sb, "%s is not in the IANA registry, and RFC 3463 defines no "
		              "subject %d (subjects run from 0 to 7): only its class tells "
		              "anything.", lk->text, lk->enhanced.subject);
	}
}

/* The index of the registry entry (c, s, d), or SMTPCODE_NO_ROW. */
static size_t row_of(int c, int s, int d)
{
	size_t row;

	return smtpcode_enhanced_find(c, s, d, &row) == 0 ? row : SMTPCODE_NO_ROW;
}

void smtpcode_lookup_enhanced(const struct smtpcode_enhanced_code *code,
                              struct smtpcode_enhanced_lookup *out)
{
	out->enhanced = *code;
	out->provider_count = 0;
	out->note_count = 0;
	smtpcode_enhanced_text(code, out->text, sizeof out->text);
	out->class_row = code->reply_class != SMTPCODE_ANY
	                 ? row_of(code->reply_class, SMTPCODE_ANY, SMTPCODE_ANY) : SMTPCODE_NO_ROW;
	out->subject_row = row_of(SMTPCODE_ANY, code->subject, SMTPCODE_ANY);
	out->detail_row = row_of(SMTPCODE_ANY, code->subject, code->detail);
	out->known = out->detail_row != SMTPCODE_NO_ROW;
	find_provider_notes(out);
	if (!out->known)
		out->notes[out->note_count++] = SMTPCODE_NOTE_UNREGISTERED;
}

size_t smtpcode_enhanced_lookup_note(const struct smtpcode_enhanced_lookup *lk, size_t index,
                                     char *buf, size_t size)
{
	struct strbuf sb;

	scx_sb_init(&sb, buf, size);
	if (index < lk->note_count && index < SMTPCODE_NOTE_MAX &&
	    lk->notes[index] == SMTPCODE_NOTE_UNREGISTERED)
		say_unregistered(&sb, lk);
	return sb.need;
}

/* Nonzero if c is a code smtpcode_parse_enhanced() can give: class 2, 4, 5
 * or SMTPCODE_ANY (X), subject and detail from 0 to 999. */
static int valid_code(const struct smtpcode_enhanced_code *c)
{
	return (c->reply_class == SMTPCODE_ANY || c->reply_class == 2 || c->reply_class == 4 ||
	        c->reply_class == 5) && c->subject >= 0 && c->subject <= 999 && c->detail >= 0 &&
	       c->detail <= 999;
}

int smtpcode_lookup_item(const struct smtpcode_query *q, const char *after,
                         struct smtpcode_item *out)
{
	out->kind = q->kind;
	if (q->kind != SMTPCODE_KIND_BASIC && q->kind != SMTPCODE_KIND_ENHANCED)
		return -1;
	if (q->kind == SMTPCODE_KIND_ENHANCED) {
		if (!valid_code(&q->enhanced) || (after && !smtpcode_command_canonical(after)))
			return -1;
		smtpcode_lookup_enhanced(&q->enhanced, &out->enhanced);
		return 0;
	}
	return smtpcode_lookup(q->basic, after, &out->basic);
}

int smtpcode_item_known(const struct smtpcode_item *item)
{
	return item->kind == SMTPCODE_KIND_ENHANCED ? item->enhanced.known : item->basic.known;
}

char *smtpcode_provider_note_code(const struct smtpcode_provider_note *note, char *buf,
                                  size_t size)
{
	smtpcode_enhanced_text(&note->enhanced, buf, size);
	if (size == 0) /* buf may be NULL, and holds no string to append to */
		return buf;
	if (note->detail_last != note->enhanced.detail) {
		size_t len = strlen(buf);
		snprintf(buf + len, size - len, "-%d", note->detail_last);
	}
	return buf;
}
