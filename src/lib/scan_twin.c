/* scan_twin.c - one reply, not two (issue 13, kind 17): a bounce gives a
 * recipient's reply in its human-readable part and again, later, in its
 * message/delivery-status group. The reply of the human-readable part is
 * held back until its DSN twin comes; the twin's codes, recipient and host
 * join it, and the twin is not given on its own.
 *
 * The bound: at most SCAN_HELD_MAX replies wait (a ring in the scanner's
 * state), each for at most SCAN_HELD_LINES lines after its last line.
 * While one waits, the replies after it wait behind it, so that the
 * callback sees them in the text's order. A reply leaves the ring when its
 * twin came, when a DSN group matched a reply after it (the groups come in
 * the order of the human-readable part), when its lines run out, when the
 * ring is full (the oldest leaves, unmerged), and at the input's end. A
 * reply that left a full ring unmerged is remembered by its recipient (the
 * last SCAN_GONE_MAX of them, for SCAN_HELD_LINES lines): its twin is
 * dropped, so a long bounce still gives one reply per recipient.
 *
 * Only a reply that may have a twin waits: one found in text or on a
 * transcript's server line (a bounce may quote the session), not a DSN
 * group's, with no log outcome (a log record has one) and not our own
 * server's refusal. A log is read at the pace of its lines. */
#include "scan.h"

#include <stddef.h>
#include <string.h>

static struct scan_held *held_at(struct scan_twin *t, unsigned i)
{
	return &t->held[(t->head + i) % SCAN_HELD_MAX];
}

/* Copies a reply to the ring: its fields, and of its strings only what
 * they hold (a held reply is copied once; the unused end of its text, a
 * third of the struct, stays as it was). */
static void copy_reply(struct smtpcode_reply *dst, const struct smtpcode_reply *src)
{
	const size_t text = offsetof(struct smtpcode_reply, text);
	const size_t tail = offsetof(struct smtpcode_reply, malformed);
	const size_t who = offsetof(struct smtpcode_reply, recipient);
	const size_t after = offsetof(struct smtpcode_reply, direction);

	memcpy(dst, src, text);
	memcpy(dst->text, src->text, strlen(src->text) + 1);
	memcpy((char *)dst + tail, (const char *)src + tail, who - tail);
	memcpy(dst->recipient, src->recipient, strlen(src->recipient) + 1);
	memcpy(dst->remote_host, src->remote_host, strlen(src->remote_host) + 1);
	memcpy((char *)dst + after, (const char *)src + after, sizeof *dst - after);
}

/* Gives the oldest held reply to the callback and drops it. */
static void release_head(struct scan *s)
{
	struct scan_twin *t = &s->twin;

	s->emit(&held_at(t, 0)->reply, s->arg);
	t->head = (t->head + 1) % SCAN_HELD_MAX;
	t->count--;
}

/* A hash of an address, without case; never 0. */
static unsigned long address_hash(const char *a)
{
	unsigned long h = 2166136261UL;

	for (; *a; a++)
		h = (h ^ (unsigned char)scx_lower((unsigned char)*a)) * 16777619UL;
	return h ? h : 1;
}

/* The oldest held reply leaves a full ring: a text reply that may still
 * meet its twin is remembered by its recipient. */
static void release_full(struct scan *s)
{
	struct scan_twin *t = &s->twin;
	const struct scan_held *h = held_at(t, 0);

	if (h->candidate != SCAN_HELD_DONE && h->reply.recipient[0]) {
		t->gone[t->gone_next] = address_hash(h->reply.recipient);
		t->gone_until[t->gone_next] = s->line + SCAN_HELD_LINES;
		t->gone_next = (t->gone_next + 1) % SCAN_GONE_MAX;
	}
	release_head(s);
}

/* Nonzero if DSN reply d is the twin of a reply that left a full ring. */
static int gone(const struct scan *s, const struct smtpcode_reply *d)
{
	unsigned long h;
	size_t i;

	if (!d->recipient[0])
		return 0;
	h = address_hash(d->recipient);
	for (i = 0; i < SCAN_GONE_MAX; i++)
		if (s->twin.gone[i] == h && s->line <= s->twin.gone_until[i])
			return 1;
	return 0;
}

/* Gives the held replies that wait for nothing, oldest first, up to the
 * first that may still meet its twin. */
static void release_done(struct scan *s)
{
	while (s->twin.count > 0 && !held_at(&s->twin, 0)->candidate)
		release_head(s);
}

/* Nonzero if DSN reply d may be the twin of held reply h: the same
 * recipient when both name one; else the same basic code and, when h has
 * an enhanced code, the same first one among d's ("550 5.1.10" in one
 * paste and a DSN group's "550 5.1.1" in the next are two replies). */
static int twins(const struct smtpcode_reply *h, const struct smtpcode_reply *d)
{
	size_t i;

	if (h->recipient[0] && d->recipient[0])
		return smtpcode__same_address(h->recipient, d->recipient);
	if (!h->basic || h->basic != d->basic)
		return 0;
	if (h->enhanced_count == 0)
		return 1;
	for (i = 0; i < d->enhanced_count; i++)
		if (d->enhanced[i].reply_class == h->enhanced[0].reply_class &&
		    d->enhanced[i].subject == h->enhanced[0].subject &&
		    d->enhanced[i].detail == h->enhanced[0].detail)
			return 1;
	return 0;
}

/* Merges DSN reply d into its twin h: h's codes first, then d's (the
 * Status: code, the Diagnostic-Code's); the recipient is the DSN's; the
 * host, direction, outcome and basic code are d's where h has none. */
static void merge(struct smtpcode_reply *h, const struct smtpcode_reply *d)
{
	size_t i;

	if (!h->basic)
		h->basic = d->basic;
	for (i = 0; i < d->enhanced_count; i++)
		smtpcode__add_enhanced(h, &d->enhanced[i]);
	if (d->recipient[0])
		memcpy(h->recipient, d->recipient, sizeof h->recipient);
	if (!h->remote_host[0])
		memcpy(h->remote_host, d->remote_host, sizeof h->remote_host);
	if (h->direction == SMTPCODE_DIRECTION_UNKNOWN)
		h->direction = d->direction;
	if (h->outcome == SMTPCODE_OUTCOME_NONE)
		h->outcome = d->outcome;
	h->dsn_first_line = d->first_line;
	h->dsn_last_line = d->last_line;
	smtpcode__check_reply(h); /* the merged codes' warnings */
}

/* Merges DSN reply d into the oldest held reply of text that may be its
 * twin, else into the oldest transcript line's (Courier's bounce quotes
 * the session: "<<< 550 ..."); the held replies before that one have
 * none. Nonzero if it found one. */
static int match(struct scan *s, const struct smtpcode_reply *d)
{
	struct scan_twin *t = &s->twin;
	unsigned i, j;

	int level;

	for (level = SCAN_HELD_TEXT; level >= SCAN_HELD_TRANSCRIPT; level--)
		for (i = 0; i < t->count; i++) {
			struct scan_held *h = held_at(t, i);
			if ((int)h->candidate != level || !twins(&h->reply, d))
				continue;
			merge(&h->reply, d);
			h->reply.dsn_last_line = smtpcode__mime_last_line(s, d->last_line);
			for (j = 0; j <= i; j++)
				held_at(t, j)->candidate = SCAN_HELD_DONE;
			release_done(s);
			return 1;
		}
	return 0;
}

/* A complete reply: given now, held back, or (a DSN twin) merged. */
/* Gives r at once when it is done and nothing waits before it; else
 * queues it behind what waits. */
static void hold(struct scan *s, const struct smtpcode_reply *r, enum scan_held_kind candidate)
{
	struct scan_twin *t = &s->twin;
	struct scan_held *h;

	if (candidate == SCAN_HELD_DONE && t->count == 0) {
		s->emit(r, s->arg);
		return;
	}
	if (t->count == SCAN_HELD_MAX) {
		release_full(s);
		release_done(s);
	}
	h = held_at(t, t->count++);
	copy_reply(&h->reply, r);
	h->reply.last_line = smtpcode__mime_last_line(s, r->last_line);
	h->candidate = candidate;
}

/* Nonzero if texts a and b are the same but for case and blanks. */
static int same_text(const char *a, const char *b)
{
	for (;;) {
		while (*a == ' ' || *a == '\t')
			a++;
		while (*b == ' ' || *b == '\t')
			b++;
		if (!*a || !*b || scx_lower((unsigned char)*a) != scx_lower((unsigned char)*b))
			return *a == *b;
		a++, b++;
	}
}

/* Joins reply r, a retelling of held reply h, to h: its command where h
 * has none, its codes after h's, its recipient where h has none. */
static void join_retold(struct smtpcode_reply *h, const struct smtpcode_reply *r)
{
	size_t i;

	if (!h->command)
		h->command = r->command;
	for (i = 0; i < r->enhanced_count; i++)
		smtpcode__add_enhanced(h, &r->enhanced[i]);
	if (!h->recipient[0])
		memcpy(h->recipient, r->recipient, sizeof h->recipient);
	smtpcode__check_reply(h);
}

/* Nonzero if r is one of Sendmail's own status lines for an exit status
 * (sysexits.c's SysExMsg: "554 5.0.0 Service unavailable" for
 * EX_UNAVAILABLE, which follows a remote 5xx of any code) of h's class. */
static int sendmail_status(const struct smtpcode_reply *r, const struct smtpcode_reply *h)
{
	static const char *const texts[] = { "Service unavailable", "User unknown",
		                             "Host unknown", "Remote protocol error",
		                             "Internal error", "Deferred" };
	size_t i;

	if (r->basic / 100 != h->basic / 100 || r->enhanced_count != 1 || !r->direct)
		return 0;
	for (i = 0; i < sizeof texts / sizeof texts[0]; i++)
		if (same_text(r->text, texts[i]))
			return 1;
	return 0;
}

/* Sendmail's bounce tells a reply three times: "(reason: 550 5.1.1 ...)"
 * under the address, "<<< 550 5.1.1 ..." in the transcript, and its own
 * status line right after that ("550 5.1.1 <a>... User unknown", or "554
 * 5.0.0 Service unavailable": savemail.c, smtptodsn()). Joins r to the
 * held reply it retells: a transcript's server line to the held reply of
 * text with the same code and text, the line right after it with the
 * same basic code, or Sendmail's status of its class, to the reply that
 * took it. Nonzero if r was joined. */
static int retold(struct scan *s, const struct smtpcode_reply *r, int transcript)
{
	struct scan_twin *t = &s->twin;
	struct scan_held *echo = NULL;
	unsigned i;

	for (i = 0; i < t->count; i++) {
		if (held_at(t, i)->echo)
			echo = held_at(t, i);
		held_at(t, i)->echo = 0;
	}
	if (!transcript && echo && r->first_line == t->echo_line + 1 && r->basic &&
	    (r->basic == echo->reply.basic || sendmail_status(r, &echo->reply)) &&
	    r == &s->reply && !s->pending_inline) {
		join_retold(&echo->reply, r);
		if (echo->reply.last_line == t->echo_line) /* no "(reason:" line took it */
			echo->reply.last_line = smtpcode__mime_last_line(s, r->last_line);
		return 1;
	}
	for (i = 0; transcript && i < t->count; i++) {
		struct scan_held *h = held_at(t, i);
		if (h->retold && h->candidate == SCAN_HELD_TEXT && h->reply.basic == r->basic &&
		    same_text(h->reply.text, r->text)) {
			join_retold(&h->reply, r);
			h->echo = 1;
			t->echo_line = r->last_line;
			return 1;
		}
	}
	return 0;
}

void smtpcode__twin_emit(struct scan *s, const struct smtpcode_reply *r, int dsn)
{
	struct scan_twin *t = &s->twin;
	int transcript = r == &s->reply && s->pending_server;
	enum scan_held_kind candidate = dsn || r->outcome != SMTPCODE_OUTCOME_NONE ||
	                        r->direction == SMTPCODE_DIRECTION_LOCAL
	                    ? SCAN_HELD_DONE
	                : transcript ? SCAN_HELD_TRANSCRIPT
	                             : SCAN_HELD_TEXT;

	if (dsn && ((t->count > 0 && match(s, r)) || gone(s, r)))
		return;
	if (candidate != SCAN_HELD_DONE && t->count > 0 && retold(s, r, transcript))
		return;
	hold(s, r, candidate);
	if (candidate != SCAN_HELD_DONE) {
		struct scan_held *h = held_at(t, t->count - 1u);
		h->retold = r == &s->reply && s->retold;
		h->echo = candidate == SCAN_HELD_TRANSCRIPT; /* Sendmail's echo may follow */
		t->echo_line = r->last_line;
	}
	if (r == &s->reply)
		s->retold = 0;
}

void smtpcode__twin_emit_after(struct scan *s, const struct smtpcode_reply *r)
{
	hold(s, r, SCAN_HELD_DONE);
}

/* A new line: the oldest held reply's lines may have run out. */
void smtpcode__twin_tick(struct scan *s)
{
	struct scan_twin *t = &s->twin;

	if (t->count > 0 && s->line > held_at(t, 0)->reply.last_line + SCAN_HELD_LINES) {
		held_at(t, 0)->candidate = SCAN_HELD_DONE;
		release_done(s);
	}
}

/* The input's end: every held reply is given. */
void smtpcode__twin_end(struct scan *s)
{
	while (s->twin.count > 0)
		release_head(s);
}

/* Drops the newest held replies of code basic that start on line since or
 * later: a debug log's process id, read as a code before the log showed
 * it was one (scan_line.c). */
void smtpcode__twin_drop(struct scan *s, unsigned long since, int basic)
{
	struct scan_twin *t = &s->twin;

	while (t->count > 0) {
		const struct smtpcode_reply *r = &held_at(t, t->count - 1)->reply;
		if (r->first_line < since || r->basic != basic)
			break;
		t->count--;
	}
}
