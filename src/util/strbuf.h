/* strbuf.h - append formatted text to a fixed buffer (no allocation). */
#ifndef SCX_STRBUF_H
#define SCX_STRBUF_H

#include <stddef.h>

struct strbuf {
	char *buf;
	size_t size, len;
	size_t need;     /* the length of the whole text, cut or not (snprintf's return) */
};

/* Starts an empty string in buf[size]; with size 0 nothing is written, and
 * buf may be NULL (only need counts). */
void scx_sb_init(struct strbuf *sb, char *buf, size_t size);

/* Appends; on overflow the text is cut at a UTF-8 character boundary and
 * stays NUL-terminated. */
void scx_sb_printf(struct strbuf *sb, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

/* Appends tmpl with "{1}".."{9}" replaced by args[0..nargs); a placeholder
 * without an argument is kept as it is. */
void scx_sb_template(struct strbuf *sb, const char *tmpl, const char *const *args,
                     size_t nargs);

/* Appends n bytes of s. */
void scx_sb_putn(struct strbuf *sb, const char *s, size_t n);

#endif
