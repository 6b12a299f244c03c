/* logstat_detail.c - scan's failures by reason and by code (see
 * logstat_detail.h). */
#include "logstat_detail.h"
#include "logstat.h"
#include "logstat_key.h"
#include "logstat_text.h"
#include "ascii.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

_Static_assert(LS_CODE_SLOTS < 65535, "a code row's index + 1 fits an unsigned short");
_Static_assert(LS_CODE_HASH == 2 * LS_CODE_SLOTS, "the hash table is twice the rows");

void ls_detail_init(struct ls_detail *d)
{
	memset(d, 0, sizeof *d);
}

static const char *const section_keys[LS_NSECTIONS] = { "rejected", "deferrals", "bounced" };

const char *ls_section_key(enum ls_section s)
{
	return section_keys[s];
}

/* Keeps s[0..n) as a row's sample when it has none, cut to LS_SAMPLE - 1
 * bytes at a character. A NUL byte and each byte of invalid UTF-8 become
 * U+FFFD, so that the sample survives a trip through JSON (--merge) byte
 * for byte; control characters stay (every output escapes them). */
static void keep_sample(char *sample, unsigned long count, const char *s, size_t n)
{
	static const char fffd[] = "\xEF\xBF\xBD";
	size_t at = 0, out = 0;

	if (count)
		return;
	while (at < n) {
		size_t len = 0;
		if (s[at] == '\0' || ((unsigned char)s[at] >= 0x80 &&
		                      (len = scx_utf8_len(s + at, n - at)) == 0)) {
			len = 1;
			if (out + 3 > LS_SAMPLE - 1)
				break;
			memcpy(sample + out, fffd, 3);
			out += 3;
		} else {
			len = (unsigned char)s[at] >= 0x80 ? len : 1;
			if (out + len > LS_SAMPLE - 1)
				break;
			memcpy(sample + out, s + at, len);
			out += len;
		}
		at += len;
	}
	sample[out] = '\0';
}

/* The index of "undefined", found once. */
static size_t undefined_reason(void)
{
	static size_t index = (size_t)-1;

	if (index == (size_t)-1 && smtpcode_reason_find("undefined", &index) < 0)
		index = 0;
	return index;
}

void ls_detail_add_reason(struct ls_detail *d, int section, int dir, size_t reason,
                          unsigned long n, const char *sample, size_t len)
{
	struct ls_reason_row *r;

	if (reason >= LS_REASONS || reason >= smtpcode_reason_count())
		reason = undefined_reason();
	r = &d->reason[section][dir][reason];
	keep_sample(r->sample, r->count, sample, len);
	r->count += n;
}

/* The key of a code row: every field packed, so that two rows are one key
 * exactly when their section, direction and codes are the same. */
static uint64_t code_key(const struct ls_code_row *c)
{
	uint64_t k = (uint64_t)c->section;

	k = k * 4 + c->dir;
	k = k * 1024 + (uint64_t)c->basic;
	if (!c->has_enhanced) /* class 0: no enhanced code (a code's class is 2, 4 or 5) */
		return k * 8 * 1024 * 1024;
	k = k * 8 + (uint64_t)c->enhanced.reply_class;
	k = k * 1024 + (uint64_t)c->enhanced.subject;
	return k * 1024 + (uint64_t)c->enhanced.detail;
}

void ls_detail_add_code(struct ls_detail *d, const struct ls_code_row *c, unsigned long n,
                        const char *sample, size_t len)
{
	uint64_t key = code_key(c), h = key * UINT64_C(0x9E3779B97F4A7C15);
	size_t at = (size_t)(h >> 40) % LS_CODE_HASH;
	struct ls_code_row *row;

	while (d->code_hash[at] && code_key(&d->code[d->code_hash[at] - 1]) != key)
		at = (at + 1) % LS_CODE_HASH;
	if (!d->code_hash[at]) {
		if (d->code_used == LS_CODE_SLOTS) {
			d->code_other[c->section] += n;
			return;
		}
		row = &d->code[d->code_used++];
		*row = *c;
		row->count = 0;
		d->code_hash[at] = (unsigned short)d->code_used;
	}
	row = &d->code[d->code_hash[at] - 1];
	keep_sample(row->sample, row->count, sample, len);
	row->count += n;
}

static int is_digit(char c)
{
	return (unsigned char)(c - '0') <= 9;
}

/* An enhanced code at s[0..n) ("5.7.1", class 2, 4 or 5, subject and detail
 * of one to three digits) not followed by a digit or letter: its length,
 * or 0. */
static size_t enhanced_at(const char *s, size_t n, struct smtpcode_enhanced_code *c)
{
	int part[2] = { 0, 0 }, k, digits;
	size_t at = 2;

	if (n < 5 || (s[0] != '2' && s[0] != '4' && s[0] != '5') || s[1] != '.')
		return 0;
	for (k = 0; k < 2; k++) {
		for (digits = 0; at < n && is_digit(s[at]) && digits < 3; digits++, at++)
			part[k] = part[k] * 10 + (s[at] - '0');
		if (digits == 0 || (k == 0 && (at >= n || s[at++] != '.')))
			return 0;
	}
	if (at < n && (is_digit(s[at]) || ((s[at] | 0x20) >= 'a' && (s[at] | 0x20) <= 'z')))
		return 0;
	c->reply_class = s[0] - '0';
	c->subject = part[0];
	c->detail = part[1];
	return at;
}

static size_t skip_spaces(const char *s, size_t at, size_t n)
{
	while (at < n && (s[at] == ' ' || s[at] == ':'))
		at++;
	return at;
}

/* The codes at the start of the text: a basic code, then an enhanced one. */
static void read_codes(struct ls_failure *f, const char *s, size_t n)
{
	/* Most texts start with their code: the search only when not. */
	int first = n >= 3 && (s[0] == '4' || s[0] == '5') && is_digit(s[1]) && is_digit(s[2]) &&
	            (n == 3 || s[3] == ' ' || s[3] == '-');
	const char *code = first ? s : ls_code_at(s, n);
	size_t at = 0, len;

	if (code) {
		f->basic = (code[0] - '0') * 100 + (code[1] - '0') * 10 + (code[2] - '0');
		at = (size_t)(code - s) + 3;
		f->text = code;
		if (at < n && s[at] == '-')
			at++;
		at = skip_spaces(s, at, n);
	}
	if ((len = enhanced_at(s + at, n - at, &f->enhanced)) != 0) {
		f->has_enhanced = 1;
		at = skip_spaces(s, at + len, n);
	}
	if (at < n && s[at] == '<') { /* "<u@example.org>: ": the address, not the reason */
		const char *close = ls_find(s + at, n - at, ">: ");
		if (close)
			at = skip_spaces(s, (size_t)(close - s) + 2, n);
	}
	f->sample = s + at;
	f->samplelen = n - at;
}

/* The first "said: " in s[0..n): where the reader saw it, when that is
 * inside (the reader's text may start before), else searched. */
static const char *said_in(const struct ls_event *e, const char *s, size_t n)
{
	if (e->said && e->said >= s && n >= 6 && e->said <= s + n - 6)
		return e->said;
	return ls_find_said(s, n);
}

void ls_failure_read(const struct ls_event *e, struct ls_failure *f)
{
	const char *s = e->text, *p;
	size_t n = e->textlen;

	memset(f, 0, sizeof *f);
	f->command = e->command;
	/* Only what the line's MTA writes is looked for; each needle starts
	 * with a byte rarer than a space (both for speed). */
	if (e->mta == LS_MTA_POSTFIX && e->dir == LS_DIR_REMOTE &&
	    (p = said_in(e, s, n)) != NULL && p > s && p[-1] == ' ') {
		n -= (size_t)(p + 6 - s);
		s = p + 6;
	} else if (e->mta == LS_MTA_POSTFIX && e->dir == LS_DIR_REMOTE &&
	           (p = ls_find(s, n, LS_REFUSED_TO_TALK)) != NULL) {
		p += sizeof LS_REFUSED_TO_TALK - 1; /* the greeting it refused */
		n -= (size_t)(p - s);
		s = p;
		if (!f->command)
			f->command = "CONNECT";
	}
	if (e->mta == LS_MTA_POSTFIX && e->count == LS_REJECTED &&
	    (p = ls_find(s, n, "; from=<")) != NULL) /* the envelope after a refusal */
		n = (size_t)(p - s);
	if (e->mta == LS_MTA_POSTFIX && e->count != LS_REJECTED &&
	    (p = ls_find(s, n, "(in reply to ")) != NULL) {
		f->command = ls_command_of(p + 13, n - (size_t)(p + 13 - s));
		n = (size_t)(p - s);
	} else if (e->mta == LS_MTA_EXIM && !f->command && (p = ls_find(s, n, "after ")) != NULL &&
	           p > s && p[-1] == ' ') {
		f->command = ls_command_of(p + 6, n - (size_t)(p + 6 - s));
	}
	while (n > 0 && s[n - 1] == ' ')
		n--;
	f->text = s;
	f->textlen = n;
	read_codes(f, s, n);
	f->textlen = n - (size_t)(f->text - s);
	if (!f->has_enhanced && e->dsnlen)
		f->has_enhanced = enhanced_at(e->dsn, e->dsnlen, &f->enhanced) == e->dsnlen;
}

/* The text a verdict reads: the failure's text without what changes from
 * one message to the next, the inside of "<...>" (an address, a HELO name)
 * and any word over 10 bytes with a digit in it (an IP address, a message
 * or queue id), so that replies that differ only there get one verdict,
 * found once (ls_verdict_key reads the same bytes). Short words with
 * digits stay: provider tags ("TSS04"). Writes buf[size], NUL-terminated. */
static void verdict_text(const char *s, size_t n, char *buf, size_t size)
{
	size_t at = 0, out = 0;

	while (at < n && out + 1 < size) {
		size_t start = at, len;
		int digit = 0;
		if (s[at] == '<') {
			const char *close = memchr(s + at, '>', n - at);
			if (close) /* kept: the '>' */
				start = at = (size_t)(close - s);
			at++;
		} else if (s[at] == ' ') {
			at++;
		} else {
			for (; at < n && s[at] != ' ' && s[at] != '<'; at++)
				digit |= is_digit(s[at]);
			if (digit && at - start > 10)
				continue;
		}
		len = at - start < size - 1 - out ? at - start : size - 1 - out;
		memcpy(buf + out, s + start, len);
		out += len;
	}
	buf[out] = '\0';
}

/* The verdict on a failure: remembered by a hash of its section, codes,
 * command and verdict text (ls_verdict_key), which is written out only
 * when not. */
static size_t verdict_of(struct ls_detail *d, int section, const struct ls_failure *f)
{
	static const enum smtpcode_outcome outcomes[LS_NSECTIONS] = {
		SMTPCODE_OUTCOME_NONE, SMTPCODE_OUTCOME_DEFERRED, SMTPCODE_OUTCOME_BOUNCED
	};
	char text[1024];
	struct smtpcode_verdict v;
	struct ls_code_row c;
	uint64_t key;
	size_t slot;
	const char *p;

	key = ls_verdict_key(f->text, f->textlen);
	memset(&c, 0, sizeof c);
	c.section = (unsigned char)section;
	c.basic = f->basic;
	c.has_enhanced = (unsigned char)f->has_enhanced;
	c.enhanced = f->enhanced;
	key = (key ^ code_key(&c)) * UINT64_C(0x100000001b3);
	for (p = f->command; p && *p; p++)
		key = (key ^ (unsigned char)*p) * UINT64_C(0x100000001b3);
	key |= 1;
	slot = (size_t)(key >> 32) % LS_VERDICTS;
	if (d->verdicts[slot].key == key)
		return d->verdicts[slot].reason;
	verdict_text(f->text, f->textlen, text, sizeof text);
	if (smtpcode_verdict_parts(f->basic, &f->enhanced, f->has_enhanced ? 1 : 0, f->command,
	                           outcomes[section], text, &v) < 0)
		v.reason = undefined_reason();
	d->verdicts[slot].key = key;
	d->verdicts[slot].reason = v.reason;
	return v.reason;
}

static int section_of(int count)
{
	return count == LS_REJECTED ? LS_SEC_REJECTED : count == LS_DEFERRALS ? LS_SEC_DEFERRALS
	       : count == LS_BOUNCED ? LS_SEC_BOUNCED : -1;
}

void ls_detail_event(struct ls_detail *d, const struct ls_event *e)
{
	int section = section_of(e->count);
	struct ls_failure f;
	struct ls_code_row c;

	if (section < 0)
		return;
	ls_failure_read(e, &f);
	ls_detail_add_reason(d, section, e->dir, verdict_of(d, section, &f), e->n, f.sample,
	                     f.samplelen);
	memset(&c, 0, sizeof c);
	c.section = (unsigned char)section;
	c.dir = (unsigned char)e->dir;
	c.basic = f.basic;
	c.has_enhanced = (unsigned char)f.has_enhanced;
	c.enhanced = f.enhanced;
	ls_detail_add_code(d, &c, e->n, f.sample, f.samplelen);
}

static int by_reason_count(const void *a, const void *b)
{
	const struct ls_reason_ref *x = a, *y = b;

	if (x->row->count != y->row->count)
		return x->row->count < y->row->count ? 1 : -1;
	if (x->reason != y->reason)
		return x->reason < y->reason ? -1 : 1;
	return (int)x->dir - (int)y->dir;
}

size_t ls_detail_reasons(const struct ls_detail *d, int section, struct ls_reason_ref *refs)
{
	size_t n = 0, r;
	int dir;

	for (dir = 0; dir < 3; dir++)
		for (r = 0; r < LS_REASONS; r++) {
			if (!d->reason[section][dir][r].count)
				continue;
			refs[n].section = (unsigned char)section;
			refs[n].dir = (unsigned char)dir;
			refs[n].reason = r;
			refs[n++].row = &d->reason[section][dir][r];
		}
	qsort(refs, n, sizeof refs[0], by_reason_count);
	return n;
}

static int by_code_count(const void *a, const void *b)
{
	const struct ls_code_row *x = *(const struct ls_code_row *const *)a;
	const struct ls_code_row *y = *(const struct ls_code_row *const *)b;
	uint64_t kx = code_key(x), ky = code_key(y);

	if (x->count != y->count)
		return x->count < y->count ? 1 : -1;
	if (x->basic != y->basic)
		return x->basic - y->basic;
	/* the same basic code: the enhanced code, then the direction */
	kx = kx % (UINT64_C(1024) * 1024 * 8) * 4 + x->dir;
	ky = ky % (UINT64_C(1024) * 1024 * 8) * 4 + y->dir;
	return kx < ky ? -1 : kx > ky;
}

size_t ls_detail_codes(const struct ls_detail *d, int section, const struct ls_code_row **rows)
{
	size_t n = 0, i;

	for (i = 0; i < d->code_used; i++)
		if (d->code[i].section == section && d->code[i].count)
			rows[n++] = &d->code[i];
	qsort((void *)rows, n, sizeof(const struct ls_code_row *), by_code_count);
	return n;
}

char *ls_code_text(const struct ls_code_row *c, char *buf, size_t size)
{
	char enh[16] = "";

	if (c->has_enhanced)
		smtpcode_enhanced_text(&c->enhanced, enh, sizeof enh);
	if (c->basic)
		snprintf(buf, size, "%d%s%s", c->basic, enh[0] ? " " : "", enh);
	else
		snprintf(buf, size, "%s", enh);
	return buf;
}

int ls_code_parse(const char *s, struct ls_code_row *c)
{
	size_t n = strlen(s), at = 0;

	c->basic = 0;
	c->has_enhanced = 0;
	if (n >= 3 && s[0] >= '1' && s[0] <= '5' && is_digit(s[1]) && is_digit(s[2]) &&
	    (n == 3 || s[3] == ' ')) {
		c->basic = (s[0] - '0') * 100 + (s[1] - '0') * 10 + (s[2] - '0');
		at = n == 3 ? 3 : 4;
	}
	if (at < n) {
		if (enhanced_at(s + at, n - at, &c->enhanced) != n - at)
			return -1;
		c->has_enhanced = 1;
	}
	return at == 4 && !c->has_enhanced ? -1 : 0;
}
