/* logstat_text.h - small searches in a log line that is not NUL-terminated
 * (shared by the per-MTA readers of logstat_*.c). */
#ifndef SMTPCODE_LOGSTAT_TEXT_H
#define SMTPCODE_LOGSTAT_TEXT_H

#include <stddef.h>
#include <string.h>

#include "logstat.h"

/* The first needle (k bytes) in s[0..n), or NULL. */
const char *ls_find_n(const char *s, size_t n, const char *needle, size_t k);

/* The same for a string; inline, so that a literal's length is known when
 * compiling (these run several times on every line). */
static inline const char *ls_find(const char *s, size_t n, const char *needle)
{
	return ls_find_n(s, n, needle, strlen(needle));
}

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
