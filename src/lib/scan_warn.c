/* scan_warn.c - what the scanner notices about a reply: the warnings (one
 * table of names and sentences, indexed by enum smtpcode_warning), and the
 * names of outcomes (one table, indexed by enum smtpcode_outcome). */
#include "scan.h"
#include "strbuf.h"

#include <stdio.h>
#include <string.h>

/* In a sentence, {1} is the reply code, {2} its first digit, {3} the first
 * enhanced code, {4} that code's class, {5} the malformed code as written. */
static const struct {
	const char *name, *sentence;
} warnings[] = {
	[SMTPCODE_WARN_CLASS_MISMATCH] = { "class-mismatch",
		"Class mismatch: {1} is a {2}xx reply but its enhanced code {3} has class {4}; "
		"the two should agree, and a client acts on the {1}." },
	[SMTPCODE_WARN_ENHANCED_ON_3XX] = { "enhanced-on-3xx",
		"{1} is a 3xx reply, which carries no enhanced code (RFC 2034); {3} here is not "
		"part of the reply's meaning." },
	[SMTPCODE_WARN_MALFORMED_ENHANCED] = { "malformed-enhanced",
		"'{5}' is not a valid enhanced code: RFC 3463 wants class 2, 4 or 5, then a "
		"subject and a detail of one to three digits without leading zeros." },
	[SMTPCODE_WARN_UNDEFINED_CODE] = { "undefined-code",
		"{1} is not defined by any RFC or by the IANA registry; a client acts on its "
		"first digit." },
	[SMTPCODE_WARN_PSEUDO_CODE] = { "pseudo-code",
		"{1} is not an SMTP reply code; see its entry for what it most likely is." },
	[SMTPCODE_WARN_CONTINUATION_MISMATCH] = { "continuation-mismatch",
		"The lines of this multi-line reply carry different codes; RFC 5321 §4.2 puts "
		"the reply's code on every line, and this reply is read with the code of its "
		"last line, {1}, as clients do." },
};
_Static_assert(sizeof warnings / sizeof warnings[0] == SMTPCODE_WARN_COUNT,
               "a name and a sentence for each warning");

static const char *const outcome_names[] = {
	[SMTPCODE_OUTCOME_NONE] = NULL,
	[SMTPCODE_OUTCOME_DELIVERED] = "delivered",
	[SMTPCODE_OUTCOME_DEFERRED] = "deferred",
	[SMTPCODE_OUTCOME_BOUNCED] = "bounced",
	[SMTPCODE_OUTCOME_EXPIRED] = "expired",
	[SMTPCODE_OUTCOME_UNDELIVERABLE] = "undeliverable",
	[SMTPCODE_OUTCOME_DELIVERABLE] = "deliverable",
	[SMTPCODE_OUTCOME_SOFTBOUNCE] = "softbounce",
	[SMTPCODE_OUTCOME_WARNING] = "warning",
};
_Static_assert(sizeof outcome_names / sizeof outcome_names[0] == SMTPCODE_OUTCOME_COUNT,
               "a name for each outcome");

const char *smtpcode_warning_name(enum smtpcode_warning w)
{
	return (unsigned)w < SMTPCODE_WARN_COUNT ? warnings[w].name : "unknown";
}

const char *smtpcode_outcome_name(enum smtpcode_outcome o)
{
	return (unsigned)o < SMTPCODE_OUTCOME_COUNT ? outcome_names[o] : NULL;
}

size_t smtpcode_warning_message(const struct smtpcode_reply *r, enum smtpcode_warning w,
                                char *buf, size_t size)
{
	char basic[16], digit[16], enh[16] = "", cls[16], text[1024] = "";
	struct strbuf sb;
	size_t n = 0;

	if ((unsigned)w < SMTPCODE_WARN_COUNT) {
		const char *args[5];
		snprintf(basic, sizeof basic, "%d", r->basic);
		snprintf(digit, sizeof digit, "%d", r->basic / 100);
		if (r->enhanced_count)
			smtpcode_enhanced_text(&r->enhanced[0], enh, sizeof enh);
		snprintf(cls, sizeof cls, "%d", r->enhanced_count ? r->enhanced[0].reply_class : 0);
		args[0] = basic, args[1] = digit, args[2] = enh, args[3] = cls;
		args[4] = r->malformed;
		scx_sb_init(&sb, text, sizeof text);
		scx_sb_template(&sb, warnings[w].sentence, args, 5);
		n = sb.len;
	}
	if (size > 0) { /* as snprintf: cut to fit, always terminated */
		size_t keep = n < size ? n : size - 1;
		memcpy(buf, text, keep);
		buf[keep] = '\0';
	}
	return n;
}

/* ---- Checks --------------------------------------------------------------- */

void smtpcode__check_reply(struct smtpcode_reply *r)
{
	struct smtpcode_meaning m;
	size_t first, n, i;
	int cls = r->basic / 100, pseudo = 1;

	if (r->basic == 0)
		return;
	if (cls == 3 && ((r->enhanced_count && r->direct) || r->malformed[0]))
		smtpcode__add_warning(r, SMTPCODE_WARN_ENHANCED_ON_3XX);
	else if (r->enhanced_count && r->direct && r->enhanced[0].reply_class != cls)
		smtpcode__add_warning(r, SMTPCODE_WARN_CLASS_MISMATCH);
	if (smtpcode_find(r->basic, &first, &n) < 0)
		n = 0;
	if (n == 0) {
		smtpcode__add_warning(r, SMTPCODE_WARN_UNDEFINED_CODE);
		return;
	}
	for (i = first; i < first + n; i++)
		if (smtpcode_meaning_at(i, &m) == 0 && m.status != SMTPCODE_STATUS_PSEUDO)
			pseudo = 0;
	if (pseudo)
		smtpcode__add_warning(r, SMTPCODE_WARN_PSEUDO_CODE);
}

static const char *const direction_names[] = {
	[SMTPCODE_DIRECTION_UNKNOWN] = NULL,
	[SMTPCODE_DIRECTION_LOCAL] = "local",
	[SMTPCODE_DIRECTION_REMOTE] = "remote",
};
_Static_assert(sizeof direction_names / sizeof direction_names[0] == SMTPCODE_DIRECTION_COUNT,
               "one name per direction");

const char *smtpcode_direction_name(enum smtpcode_direction d)
{
	return (unsigned)d < SMTPCODE_DIRECTION_COUNT ? direction_names[d] : NULL;
}

static const char *const report_names[] = {
	[SMTPCODE_REPORT_NONE] = NULL,
	[SMTPCODE_REPORT_FEEDBACK] = "feedback",
	[SMTPCODE_REPORT_AUTOREPLY] = "autoreply",
};
_Static_assert(sizeof report_names / sizeof report_names[0] == SMTPCODE_REPORT_COUNT,
               "one name per report");

const char *smtpcode_report_name(enum smtpcode_report r)
{
	return (unsigned)r < SMTPCODE_REPORT_COUNT ? report_names[r] : NULL;
}
