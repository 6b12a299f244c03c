/* strbuf.h - append formatted text to a fixed buffer (no allocation). */
#ifndef SMTPCODE_STRBUF_H
#define SMTPCODE_STRBUF_H

#include <stddef.h>

struct strbuf {
	char *buf;
	size_t size, len;
};

/* Starts an empty string in buf[size]. */
void smtpcode__sb_init(struct strbuf *sb, char *buf, size_t size);

/* Appends; on overflow the text is cut at a UTF-8 character boundary and
 * stays NUL-terminated. */
void smtpcode__sb_printf(struct strbuf *sb, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

/* Appends tmpl with "{1}".."{9}" replaced by args[0..nargs); a placeholder
 * without an argument is kept as it is. */
void smtpcode__sb_template(struct strbuf *sb, const char *tmpl, const char *const *args,
                     size_t nargs);

/* Appends n bytes of s. */
void smtpcode__sb_putn(struct strbuf *sb, const char *s, size_t n);

#endif
