/* logstat_text.h - small searches in a log line that is not NUL-terminated
 * (shared by the per-MTA readers of logstat_*.c). */
#ifndef SMTPCODE_LOGSTAT_TEXT_H
#define SMTPCODE_LOGSTAT_TEXT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "logstat.h"

#define LS_ONES UINT64_C(0x0101010101010101)

/* The 8 bytes at p as a number, the first in the lowest bits, on any
 * machine (gcc and clang make it one load where that is the order). */
static inline uint64_t ls_load8(const char *p)
{
	const unsigned char *u = (const unsigned char *)p;

	return (uint64_t)u[0] | (uint64_t)u[1] << 8 | (uint64_t)u[2] << 16 |
	       (uint64_t)u[3] << 24 | (uint64_t)u[4] << 32 | (uint64_t)u[5] << 40 |
	       (uint64_t)u[6] << 48 | (uint64_t)u[7] << 56;
}

/* 0x80 on the bytes of w (ls_load8) that are 0, exact up to the first
 * one: a borrow only runs on from a zero byte. 0 if w has none. */
static inline uint64_t ls_zero_bytes(uint64_t w)
{
	return (w - LS_ONES) & ~w & LS_ONES * 0x80;
}

/* The same for the bytes of w equal to c. */
static inline uint64_t ls_bytes_of(uint64_t w, char c)
{
	return ls_zero_bytes(w ^ LS_ONES * (unsigned char)c);
}

/* The place (0 to 7) of the first byte that m (nonzero, from the two
 * above) flags. */
static inline size_t ls_first_flag(uint64_t m)
{
#if defined(__GNUC__)
	return (size_t)__builtin_ctzll(m) >> 3;
#else
	size_t i = 0;

	for (; !(m & 0x80); m >>= 8)
		i++;
	return i;
#endif
}

/* The first needle (k bytes) in s[0..n), or NULL. */
const char *ls_find_n(const char *s, size_t n, const char *needle, size_t k);

/* The same for a string; inline, so that a literal's length is known when
 * compiling (these run several times on every line). */
static inline const char *ls_find(const char *s, size_t n, const char *needle)
{
	return ls_find_n(s, n, needle, strlen(needle));
}

/* The first "said: " in s[0..n) (a remote server's reply follows), or
 * NULL: found from its ':', rarer in a status text than its 's'. */
const char *ls_find_said(const char *s, size_t n);

/* What Postfix's smtp client writes before a server's refusing greeting:
 * "host mx.example.com[192.0.2.1] refused to talk to me: 554 ..." */
#define LS_REFUSED_TO_TALK " refused to talk to me: "

/* Nonzero if s[0..n) starts with prefix. */
static inline int ls_starts(const char *s, size_t n, const char *prefix)
{
	size_t k = strlen(prefix);

	return k <= n && memcmp(s, prefix, k) == 0;
}

/* The class (4 or 5) of the first reply code in s[0..n): three digits, the
 * first 4 or 5, standing alone (after a space, '=', '"' or '(' or at the
 * start, before a space, '-', '"' or the end); 0 if none. */
int ls_code_class(const char *s, size_t n);

/* Where that code is, or NULL. */
const char *ls_code_at(const char *s, size_t n);

/* The canonical command that s[0..n) starts with ("RCPT TO:<...",
 * "MAIL", "end of data" for DATA, "RCPT TO command)"), or NULL. */
const char *ls_command_of(const char *s, size_t n);

/* The length of s[0..n) up to its first a or b, or n if it has neither:
 * read 8 bytes at a time (a queue id, a syslog tag). */
size_t ls_span2(const char *s, size_t n, char a, char b);

/* The length of s up to the first byte of stops (one to three bytes), or
 * n if there is none. */
size_t ls_span_until(const char *s, size_t n, const char *stops);

/* Counts an event of kind count, found on a line, with direction dir and
 * the class of the first reply code in s[0..n), which is also its text. */
void ls_event_set(struct ls_event *e, int count, enum ls_dir dir, const char *s, size_t n);

/* The per-MTA readers: rest is the line after the syslog tag (or after
 * Exim's own timestamp); each returns nonzero if the line is its MTA's. */
int ls_postfix(const char *cmd, size_t cmdlen, const char *rest, size_t n,
               struct ls_event *e);
int ls_exim(const char *rest, size_t n, struct ls_event *e);
int ls_sendmail(const char *rest, size_t n, struct ls_event *e);
int ls_opensmtpd(const char *rest, size_t n, struct ls_event *e);

#endif
