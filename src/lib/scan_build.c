/* scan_build.c - building a reply: its start, its enhanced codes and
 * warnings (each once), its text (appended word by word after a space)
 * and the enhanced code that directly follows its basic code. The
 * scanner's readers (scan_reply.c, scan_bounce.c, scan_dsn.c ...) call
 * these; scan.h declares them. */
#include "scan.h"
#include "scan_fast.h"
#include "strbuf.h"

#include <stddef.h>
#include <string.h>

static int same_enhanced(const struct smtpcode_enhanced_code *a,
                         const struct smtpcode_enhanced_code *b)
{
	return a->reply_class == b->reply_class && a->subject == b->subject &&
	       a->detail == b->detail;
}

void smtpcode__reply_start(struct smtpcode_reply *r, unsigned long line)
{
	memset(r, 0, sizeof *r);
	r->first_line = r->last_line = line;
}

void smtpcode__reply_start_fields(struct smtpcode_reply *r, unsigned long line)
{
	const size_t after = offsetof(struct smtpcode_reply, direction);

	memset(r, 0, offsetof(struct smtpcode_reply, text));
	r->first_line = r->last_line = line;
	r->text[0] = r->malformed[0] = r->recipient[0] = r->remote_host[0] = '\0';
	r->warning_count = 0;
	memset((char *)r + after, 0, sizeof *r - after);
}

void smtpcode__add_enhanced(struct smtpcode_reply *r, const struct smtpcode_enhanced_code *c)
{
	size_t i;

	for (i = 0; i < r->enhanced_count; i++)
		if (same_enhanced(&r->enhanced[i], c))
			return;
	if (r->enhanced_count < SMTPCODE_REPLY_ENHANCED_MAX)
		r->enhanced[r->enhanced_count++] = *c;
}

void smtpcode__add_warning(struct smtpcode_reply *r, enum smtpcode_warning w)
{
	size_t i;

	for (i = 0; i < r->warning_count; i++)
		if (r->warnings[i] == w)
			return;
	if (r->warning_count < SMTPCODE_REPLY_WARNING_MAX)
		r->warnings[r->warning_count++] = w;
}

/* strlen(s), but at most n. */
static size_t bounded_len(const char *s, size_t n)
{
	const char *z = memchr(s, '\0', n);

	return z ? (size_t)(z - s) : n;
}

/* Appends text[n] (blanks around it dropped) to the reply's text, after a
 * space. */
void smtpcode__append_text(struct smtpcode_reply *r, const char *text, size_t n)
{
	struct strbuf sb;

	n = bounded_len(text, n);
	while (n > 0 && (*text == ' ' || *text == '\t'))
		text++, n--;
	while (n > 0 && (text[n - 1] == ' ' || text[n - 1] == '\t'))
		n--;
	if (n == 0)
		return;
	sb.buf = r->text;
	sb.size = sizeof r->text;
	sb.len = sb.need = strlen(r->text);
	if (sb.len)
		scx_sb_putn(&sb, " ", 1);
	scx_sb_putn(&sb, text, n);
}

/* Reads the enhanced code at p that directly follows a reply's code
 * ("550 5.1.1", a continuation line's "550-5.7.1"): a valid one is added,
 * a malformed one noted. Returns the valid code's length, else 0. */
size_t smtpcode__reply_code(struct smtpcode_reply *r, const char *p)
{
	struct smtpcode_enhanced_code c;
	size_t len;

	switch (smtpcode__enhanced_at(p, &c, &len)) {
	case SCAN_TOKEN_ENHANCED:
		if (r->enhanced_count == 0)
			r->direct = 1;
		smtpcode__add_enhanced(r, &c);
		return len;
	case SCAN_TOKEN_MALFORMED:
		if (!r->malformed[0]) {
			size_t keep = len < sizeof r->malformed ? len : sizeof r->malformed - 1;
			memcpy(r->malformed, p, keep);
			r->malformed[keep] = '\0';
		}
		smtpcode__add_warning(r, SMTPCODE_WARN_MALFORMED_ENHANCED);
		break;
	case SCAN_TOKEN_NONE:
		break;
	}
	return 0;
}

/* Reads the text of a reply (after "550 " or "550-"): an enhanced code at
 * its start, then the words. */
void smtpcode__reply_text(struct smtpcode_reply *r, const char *text, size_t n)
{
	const char *p = scan_skip_spaces(text), *end = text + n;
	size_t len = smtpcode__reply_code(r, p);

	if (len)
		p = scan_skip_spaces(p + len);
	if (p > end)
		p = end;
	smtpcode__append_text(r, p, (size_t)(end - p));
}
