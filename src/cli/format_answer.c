/* format_answer.c - the answer first (issue 14): what `explain` says of each
 * reply before anything else. A short block for people (who, the outcome,
 * why in plain words, hard or soft, the codes by name, the provider's own
 * use of a code, the server, what to do), one --brief line for scripts, and
 * the codes alone (--codes-only: those two in format_brief.c). The words
 * are labels of data/i18n.tsv; what to do comes from the advice column of
 * data/reason-list.tsv. */
#include "ascii.h"
#include "format.h"
#include "safe_text.h"
#include "strbuf.h"
#include "wrap.h"

#include <string.h>

#include "advice.inc"

/* The labelled fields of the block, and their labels' keys. */
enum answer_field {
	F_NOTE, F_RECIPIENT, F_OUTCOME, F_REASON, F_CODES, F_EVIDENCE, F_PROVIDER, F_SERVER,
	F_ADVICE, F_COUNT
};
static const char *const field_keys[] = {
	"l.note", "v.recipient", "l.outcome", "v.reason", "l.codes", "v.evidence", "v.provider",
	"v.server", "v.advice"
};
_Static_assert(sizeof field_keys / sizeof field_keys[0] == F_COUNT, "a key for each field");

/* "Outcome:  value", wrapped under the value (text_field), into the block.
 * Each label with its padding is made once per language: every reply
 * shows the same few. */
static void answer_field(struct sink *out, const struct style *st, enum answer_field f,
                         const char *value)
{
	static struct {
		int lang; /* the style's language + 1; 0: not made yet */
		int indent;
		size_t len;
		char text[128];
	} lead[F_COUNT];

	if (lead[f].lang != st->lang + 1) {
		lead[f].indent = text_label(lead[f].text, sizeof lead[f].text, st, field_keys[f]);
		lead[f].len = strlen(lead[f].text);
		lead[f].lang = st->lang + 1;
	}
	sink_put(out, lead[f].text, lead[f].len);
	wrap_to(out, value, lead[f].indent, 0, lead[f].indent, st->width);
}

/* The reason and advice fields say what the tables say of a reason: each
 * is wrapped once per reason, language and width (and, for the advice,
 * whether "retry first" leads it), then copied as it was made, since the
 * replies of a stream share a few reasons (issue 16). A slot keeps the
 * last field made for its reasons. */
enum { KEPT_SLOTS = 64 };

static struct sink_kept *kept_slot(enum answer_field f, size_t reason)
{
	static struct sink_kept kept[2][KEPT_SLOTS];

	return &kept[f == F_ADVICE][reason % KEPT_SLOTS];
}

/* The block of a reply is built without printf: strings are appended as
 * they are. Each helper gives the bytes printf would: sb_cat those of one
 * scx_sb_printf of its parts (cut at the end of the buffer, whole UTF-8
 * characters), copy_cut those of one snprintf (cut at any byte). */
static void sb_cat(struct strbuf *sb, const char *const *parts, size_t n)
{
	size_t i, len = sb->len, need = sb->need;

	for (i = 0; i < n; i++) {
		size_t k = strlen(parts[i]);
		if (sb->len - len != sb->need - need) { /* cut: the rest only counts */
			sb->need += k;
			continue;
		}
		scx_sb_putn(sb, parts[i], k);
	}
}

static void sb_puts(struct strbuf *sb, const char *s)
{
	sb_cat(sb, &s, 1);
}

static char *copy_cut(char *buf, size_t size, const char *const *parts, size_t n)
{
	size_t i, len = 0;

	for (i = 0; i < n && len + 1 < size; i++) {
		size_t k = strlen(parts[i]);
		if (k > size - 1 - len)
			k = size - 1 - len;
		memcpy(buf + len, parts[i], k);
		len += k;
	}
	buf[len] = '\0';
	return buf;
}

/* v in decimal, written to end backwards; returns its first digit. */
static char *decimal(char *end, unsigned long v)
{
	*--end = '\0';
	do
		*--end = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	return end;
}

/* What a reply object is: a reply, or something the scanner reports in its
 * place (a failure before any reply, a complaint, an auto-reply). */
enum answer_kind { ANSWER_REPLY, ANSWER_CONNECTION, ANSWER_FEEDBACK, ANSWER_AUTOREPLY };

static enum answer_kind kind_of(const struct smtpcode_reply *r, const struct smtpcode_verdict *v)
{
	const char *reason = smtpcode_reason_name(v->reason);

	if (reason && strcmp(reason, "feedback") == 0)
		return ANSWER_FEEDBACK;
	if (reason && strcmp(reason, "vacation") == 0)
		return ANSWER_AUTOREPLY;
	if (r->basic == 0 && r->enhanced_count == 0)
		return ANSWER_CONNECTION;
	return ANSWER_REPLY;
}

const char *reason_advice_text(size_t reason)
{
	const char *name = smtpcode_reason_name(reason);

	/* Both tables come from the same sorted file; the name check keeps a
	 * stale build from showing the wrong advice. */
	if (!name || reason >= sizeof reason_advice / sizeof reason_advice[0] ||
	    strcmp(advice_blob + reason_advice[reason].name, name) != 0)
		return NULL;
	return advice_blob + reason_advice[reason].advice;
}

/* "provider tag \"[TSS04]\" (Yahoo and AOL)", "enhanced code 5.1.1", ...:
 * what decided v, in the style's language. */
static void evidence_text(struct strbuf *sb, const struct smtpcode_verdict *v,
                          const struct style *st)
{
	char a[128], b[128], code[16], num[24];
	const char *args[2] = { a, b }, *part[3];
	const char *key = NULL;
	size_t n = 1;

	switch (v->evidence) {
	case SMTPCODE_EVIDENCE_TAG:
	case SMTPCODE_EVIDENCE_PHRASE:
		part[0] = "\"", part[1] = v->matched, part[2] = "\"";
		copy_cut(a, sizeof a, part, 3);
		key = "v.ev_phrase";
		if (v->evidence == SMTPCODE_EVIDENCE_TAG) {
			key = "v.ev_tag", n = 2;
			part[0] = v->provider ? v->provider : "?";
			copy_cut(b, sizeof b, part, 1);
		}
		break;
	case SMTPCODE_EVIDENCE_ENHANCED:
		key = "v.ev_enhanced";
		part[0] = smtpcode_enhanced_text(&v->enhanced, code, sizeof code);
		copy_cut(a, sizeof a, part, 1);
		break;
	case SMTPCODE_EVIDENCE_OUTCOME:
		key = "v.ev_outcome";
		part[0] = style_phrase(st, "o.expired");
		copy_cut(a, sizeof a, part, 1);
		break;
	case SMTPCODE_EVIDENCE_BASIC:
		key = v->command ? "v.ev_basic_after" : "v.ev_basic", n = v->command ? 2 : 1;
		part[0] = v->basic < 0 ? "-" : "";
		part[1] = decimal(num + sizeof num, v->basic < 0 ? 0UL - (unsigned long)v->basic
		                                                 : (unsigned long)v->basic);
		copy_cut(a, sizeof a, part, 2);
		part[0] = v->command ? v->command : "";
		copy_cut(b, sizeof b, part, 1);
		break;
	default:
		return;
	}
	scx_sb_template(sb, style_phrase(st, key), args, n);
}

/* Who a provider note is about, by the marks its replies carry: host names
 * and texts that only that provider sends. Any provider is also recognised
 * by the first word of its name, when it has 4 letters or more ("zoho" of
 * Zoho Mail; not "mail", which every text says). */
static const struct provider_clue {
	const char *provider; /* as in data/enhanced-notes.tsv */
	const char *clues;    /* lower case, each ended by a NUL */
} provider_clues[] = {
	{ "Gmail", "gsmtp\0google.com\0" },
	{ "Microsoft 365", "outlook.com\0resolver.adr\0storedrv\0office.com\0office365\0" },
	{ "Microsoft Exchange", "queued mail for delivery\0internalid=\0" },
	{ "Outlook.com", "hotmail\0outlook.com\0live.com\0msn.com\0" },
	{ "Postgrey", "greylisted\0" },
	{ "Yahoo", "yahoo\0aol.com\0" },
};

/* Nonzero if hay holds needle[0..n), ignoring ASCII case (needle is lower case). */
static int has_word(const char *hay, const char *needle, size_t n)
{
	size_t i;
	int first;

	if (!n)
		return 0;
	first = (unsigned char)needle[0];
	for (; *hay; hay++) {
		if (scx_lower((unsigned char)*hay) != first) /* most places: one test */
			continue;
		for (i = 1; i < n && hay[i] && scx_lower((unsigned char)hay[i]) == needle[i]; i++)
			;
		if (i == n)
			return 1;
	}
	return 0;
}

/* Nonzero if one of the texts names provider: a clue, or the first word of
 * its name. */
static int names_provider(const char *const *texts, size_t ntexts, const char *provider)
{
	char word[64];
	const char *c;
	size_t i, k, n;

	for (k = 0; k < sizeof provider_clues / sizeof provider_clues[0]; k++)
		if (strcmp(provider_clues[k].provider, provider) == 0)
			for (c = provider_clues[k].clues; *c; c += strlen(c) + 1)
				for (i = 0; i < ntexts; i++)
					if (has_word(texts[i], c, strlen(c)))
						return 1;
	for (n = 0; provider[n] && provider[n] != ' ' && n < sizeof word; n++)
		word[n] = (char)scx_lower((unsigned char)provider[n]);
	for (i = 0; n >= 4 && i < ntexts; i++)
		if (has_word(texts[i], word, n))
			return 1;
	return 0;
}

/* Nonzero if note i of lk applies to this reply: the reply names its
 * provider, or the registry does not list the code and every note on it
 * comes from that one provider (5.7.606-649 is Microsoft's alone). */
static int note_applies(const struct smtpcode_enhanced_lookup *lk, size_t i,
                        const char *const *texts, size_t ntexts)
{
	struct smtpcode_provider_note n, other;
	size_t k;

	if (smtpcode_provider_note_at(lk->provider[i], &n) < 0)
		return 0;
	if (names_provider(texts, ntexts, n.provider))
		return 1;
	if (lk->known)
		return 0;
	for (k = 0; k < lk->provider_count; k++)
		if (smtpcode_provider_note_at(lk->provider[k], &other) < 0 ||
		    strcmp(other.provider, n.provider) != 0)
			return 0;
	return 1;
}

/* A provider note that applies to a reply, and the code it was found for. */
struct applied_note {
	const struct smtpcode_enhanced_lookup *lk;
	struct smtpcode_provider_note note;
};

enum { APPLIED_MAX = 8 };

/* Nonzero if an enhanced item before items[i] has the same code. */
static int seen_before(const struct smtpcode_item *items, size_t i)
{
	size_t j;

	for (j = 0; j < i; j++)
		if (items[j].kind == SMTPCODE_KIND_ENHANCED &&
		    strcmp(items[j].enhanced.text, items[i].enhanced.text) == 0)
			return 1;
	return 0;
}

/* The provider notes that apply to r, once per code (the same code outer
 * and inner counts once), at most APPLIED_MAX; returns how many. */
static size_t applied_notes(const struct smtpcode_reply *r, const struct smtpcode_verdict *v,
                            const struct smtpcode_item *items, size_t nitems,
                            struct applied_note *out)
{
	const char *texts[3];
	size_t i, k, n = 0, ntexts = 0;

	texts[ntexts++] = r->text;
	texts[ntexts++] = r->remote_host;
	if (v->provider)
		texts[ntexts++] = v->provider;
	for (i = 0; i < nitems; i++) {
		const struct smtpcode_enhanced_lookup *lk = &items[i].enhanced;
		if (items[i].kind != SMTPCODE_KIND_ENHANCED || seen_before(items, i))
			continue;
		for (k = 0; k < lk->provider_count && n < APPLIED_MAX; k++)
			if (note_applies(lk, k, texts, ntexts) &&
			    smtpcode_provider_note_at(lk->provider[k], &out[n].note) == 0)
				out[n++].lk = lk;
	}
	return n;
}

/* "Note: Microsoft 365 uses 5.1.10 in its own way, not with the registry's
 * meaning (...)": first in the block, when a note changes a registered code. */
static void redefined(struct sink *out, const struct smtpcode_enhanced_lookup *lk,
                      const struct smtpcode_provider_note *n, const struct style *st)
{
	char buf[512];
	const char *args[3];
	struct strbuf sb;

	if (!lk->known)
		return;
	args[0] = n->provider;
	args[1] = lk->text;
	args[2] = enhanced_title(lk->enhanced.subject, lk->enhanced.detail);
	scx_sb_init(&sb, buf, sizeof buf);
	scx_sb_template(&sb, style_phrase(st, "v.redefined"), args, 3);
	answer_field(out, st, F_NOTE, buf);
}

/* "Provider: Gmail (5.7.26): note". */
static void provider_note(struct sink *out, const struct smtpcode_enhanced_lookup *lk,
                          const struct smtpcode_provider_note *n, const struct style *st)
{
	char buf[PROSE_SIZE];
	const char *part[5] = { n->provider, " (", lk->text, "): ", n->note };
	struct strbuf sb;

	scx_sb_init(&sb, buf, sizeof buf);
	sb_cat(&sb, part, 5);
	answer_field(out, st, F_PROVIDER, buf);
}

/* "550 Mailbox Unavailable; 5.1.1 Bad destination mailbox address". */
static void codes_named(struct strbuf *sb, const struct smtpcode_item *items, size_t n,
                        const struct style *st)
{
	char code[16], num[24], undefined[64];
	const char *part[4];
	size_t i;

	for (i = 0; i < n; i++) {
		int basic = items[i].basic.basic;
		if (items[i].kind == SMTPCODE_KIND_ENHANCED) {
			part[0] = items[i].enhanced.text;
			copy_cut(code, sizeof code, part, 1);
		} else {
			part[0] = basic < 0 ? "-" : "";
			part[1] = decimal(num + sizeof num, basic < 0 ? 0UL - (unsigned long)basic
			                                              : (unsigned long)basic);
			copy_cut(code, sizeof code, part, 2);
		}
		part[0] = i ? "; " : "";
		part[1] = code;
		part[2] = " ";
		part[3] = item_name(&items[i]);
		if (!part[3])
			part[3] = undefined_label(st, items[i].kind, undefined, sizeof undefined);
		sb_cat(sb, part, 4);
	}
}

/* The heading: "== Reply 1, line 1: 550 5.1.1", "== Connection failure, line 3". */
static void heading(struct sink *out, const struct smtpcode_reply *r, enum answer_kind kind,
                    unsigned long index, const struct style *st)
{
	static const char *const keys[] = { "h.reply", "h.connection", "h.feedback",
	                                    "h.autoreply" };
	char num[24], first[24], last[24], lines[48], buf[256], codes[96];
	const char *args[2], *part[3];
	struct strbuf sb;

	part[0] = decimal(first + sizeof first, r->first_line);
	part[1] = "-";
	part[2] = decimal(last + sizeof last, r->last_line);
	copy_cut(lines, sizeof lines, part, r->last_line != r->first_line ? 3 : 1);
	args[0] = kind == ANSWER_REPLY ? decimal(num + sizeof num, index) : lines, args[1] = lines;
	scx_sb_init(&sb, buf, sizeof buf);
	scx_sb_template(&sb, style_phrase(st, keys[kind]), args, kind == ANSWER_REPLY ? 2 : 1);
	scx_sb_init(&sb, codes, sizeof codes);
	reply_codes(&sb, r);
	sink_put(out, "== ", 3);
	sink_puts(out, buf);
	if (codes[0]) {
		sink_put(out, ": ", 2);
		sink_puts(out, codes);
	}
	if (r->quoted) {
		sink_put(out, " (", 2);
		sink_puts(out, style_phrase(st, "v.quoted"));
		sink_putc(out, ')');
	}
	sink_putc(out, '\n');
}

/* "bounced (hard bounce)", "deferred (soft bounce)", "delivered". */
static void outcome_text(struct strbuf *sb, const struct smtpcode_reply *r,
                         const struct smtpcode_verdict *v, const struct style *st)
{
	static const char *const bounce_keys[] = { "v.none", "v.soft", "v.hard" };
	/* a probe bounces nothing: whether its finding is final */
	static const char *const final_keys[] = { "v.none", "v.temporary", "v.permanent" };
	const char *o = smtpcode_result(r);
	int probe = r->outcome == SMTPCODE_OUTCOME_UNDELIVERABLE;
	const char *part[3];
	char key[24];

	if (o) {
		part[0] = "o.", part[1] = o;
		sb_puts(sb, style_phrase(st, copy_cut(key, sizeof key, part, 2)));
	}
	if (v->bounce != SMTPCODE_BOUNCE_NONE || !o) {
		part[0] = " (";
		part[1] = style_phrase(st, (probe ? final_keys : bounce_keys)[v->bounce]);
		part[2] = ")";
		if (o)
			sb_cat(sb, part, 3);
		else
			sb_puts(sb, part[1]);
	}
	if (r->outcome >= SMTPCODE_OUTCOME_UNDELIVERABLE && o) { /* what the outcome is */
		part[0] = "v.n_", part[1] = o;
		copy_cut(key, sizeof key, part, 2);
		part[0] = ": ", part[1] = style_phrase(st, key);
		sb_cat(sb, part, 2);
	}
}

/* "mx.example.net[192.0.2.1] (the remote server's reply)". */
static void server_text(struct strbuf *sb, const struct smtpcode_reply *r,
                        const struct style *st)
{
	const char *dir = smtpcode_direction_name(r->direction), *part[3];
	char key[24];

	sb_puts(sb, r->remote_host);
	if (!dir)
		return;
	part[0] = "v.", part[1] = dir;
	copy_cut(key, sizeof key, part, 2);
	part[0] = " (", part[1] = style_phrase(st, key), part[2] = ")";
	if (r->remote_host[0])
		sb_cat(sb, part, 3);
	else
		sb_puts(sb, part[1]);
}

/* "Reason:   userunknown: The local part ...". */
static void reason_field(struct sink *out, const struct style *st,
                         const struct smtpcode_verdict *v, const struct smtpcode_reason *reason)
{
	char buf[1024];
	const char *part[3];
	struct strbuf sb;
	const long key[KEPT_KEYS] = { (long)v->reason, 0, st->lang, st->width, st->color };
	struct sink_kept *k = kept_slot(F_REASON, v->reason);
	unsigned long flushes = out->flushes;
	size_t from = out->len;

	if (sink_kept_put(out, k, key))
		return;
	scx_sb_init(&sb, buf, sizeof buf);
	part[0] = reason->name, part[1] = ": ", part[2] = reason->definition;
	sb_cat(&sb, part, 3);
	answer_field(out, st, F_REASON, buf);
	sink_kept_keep(k, out, from, flushes, key);
}

/* "Advice:   Check the address ...", when the reason has advice. */
static void advice_field(struct sink *out, const struct style *st,
                         const struct smtpcode_verdict *v, const struct smtpcode_reason *reason,
                         enum smtpcode_outcome outcome)
{
	char buf[1024];
	const char *advice;
	struct strbuf sb;
	/* The later outcomes' phrase goes first ("v.a_warning"); a probe that
	 * found the address good has no other. */
	int later = outcome >= SMTPCODE_OUTCOME_UNDELIVERABLE;
	/* A hard reason in a temporary reply (450 4.1.1): retry first. */
	int retry = !later && reason->bounce == SMTPCODE_BOUNCE_HARD &&
	            v->bounce == SMTPCODE_BOUNCE_SOFT;
	const long key[KEPT_KEYS] = { (long)v->reason, later ? (long)outcome << 1 : retry,
		                      st->lang, st->width, st->color };
	struct sink_kept *k = kept_slot(F_ADVICE, v->reason);
	unsigned long flushes = out->flushes;
	size_t from = out->len;

	if (sink_kept_put(out, k, key))
		return;
	advice = outcome == SMTPCODE_OUTCOME_DELIVERABLE ? "" : reason_advice_text(v->reason);
	if (!advice && !later)
		return;
	scx_sb_init(&sb, buf, sizeof buf);
	if (retry || later) {
		char first[24];
		const char *part[2] = { "v.a_", smtpcode_outcome_name(outcome) };
		part[0] = style_phrase(st, later ? copy_cut(first, sizeof first, part, 2)
		                                 : "v.retry_first");
		part[1] = advice && advice[0] ? " " : "";
		sb_cat(&sb, part, 2);
	}
	if (advice)
		sb_puts(&sb, advice);
	answer_field(out, st, F_ADVICE, buf);
	sink_kept_keep(k, out, from, flushes, key);
}

void text_answer(FILE *out, const struct smtpcode_reply *r, unsigned long index,
                 const struct smtpcode_item *items, size_t nitems, const struct style *st)
{
	struct smtpcode_verdict v;
	struct smtpcode_reason reason;
	struct applied_note notes[APPLIED_MAX];
	char buf[1024];
	struct strbuf sb;
	struct sink s; /* the block, for one write */
	size_t i, nnotes;

	smtpcode_verdict(r, &v);
	smtpcode_reason_at(v.reason, &reason);
	nnotes = applied_notes(r, &v, items, nitems, notes);
	sink_init(&s, out);
	heading(&s, r, kind_of(r, &v), index, st);
	for (i = 0; i < nnotes; i++)
		redefined(&s, notes[i].lk, &notes[i].note, st);
	if (r->recipient[0])
		answer_field(&s, st, F_RECIPIENT, r->recipient);
	scx_sb_init(&sb, buf, sizeof buf);
	outcome_text(&sb, r, &v, st);
	answer_field(&s, st, F_OUTCOME, buf);
	if (r->outcome != SMTPCODE_OUTCOME_DELIVERABLE) /* nothing failed: no reason */
		reason_field(&s, st, &v, &reason);
	if (nitems) {
		scx_sb_init(&sb, buf, sizeof buf);
		codes_named(&sb, items, nitems, st);
		answer_field(&s, st, F_CODES, buf);
	}
	scx_sb_init(&sb, buf, sizeof buf);
	evidence_text(&sb, &v, st);
	if (buf[0])
		answer_field(&s, st, F_EVIDENCE, buf);
	for (i = 0; i < nnotes; i++)
		provider_note(&s, notes[i].lk, &notes[i].note, st);
	scx_sb_init(&sb, buf, sizeof buf);
	server_text(&sb, r, st);
	if (buf[0])
		answer_field(&s, st, F_SERVER, buf);
	advice_field(&s, st, &v, &reason, r->outcome);
	sink_flush(&s);
}
