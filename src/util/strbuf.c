/* strbuf.c - append formatted text to a fixed buffer (no allocation). */
#include "strbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void scx_sb_init(struct strbuf *sb, char *buf, size_t size)
{
	sb->buf = buf;
	sb->size = size;
	sb->len = 0;
	sb->need = 0;
	if (size > 0)
		buf[0] = '\0';
}

/* After a cut at sb->size - 1, drops a partial UTF-8 sequence at the end. */
static void trim_partial(struct strbuf *sb)
{
	size_t lead = sb->len, want;
	unsigned char c;

	while (lead > 0 && ((unsigned char)sb->buf[lead - 1] & 0xC0) == 0x80)
		lead--;
	if (lead == 0)
		return;
	c = (unsigned char)sb->buf[lead - 1];
	if (c < 0xC0)
		return;
	want = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
	if (sb->len - (lead - 1) < want) {
		sb->len = lead - 1;
		sb->buf[sb->len] = '\0';
	}
}

void scx_sb_printf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	size_t room = sb->size > sb->len + 1 ? sb->size - sb->len : 0;
	int n;

	va_start(ap, fmt);
	/* clang-tidy 14 loses track of va_start here (a false "uninitialized
	 * va_list"); ap is started on the line above. A full buffer (no room)
	 * only counts. */
	n = vsnprintf(room ? sb->buf + sb->len : NULL, room, fmt, ap); /* NOLINT */
	va_end(ap);
	if (n < 0)
		return;
	sb->need += (size_t)n;
	if (room == 0)
		return;
	if ((size_t)n >= room) {
		sb->len = sb->size - 1;
		trim_partial(sb);
	} else {
		sb->len += (size_t)n;
	}
}

void scx_sb_putn(struct strbuf *sb, const char *s, size_t n)
{
	size_t room;
	int cut;

	sb->need += n;
	if (sb->size == 0)
		return;
	room = sb->size - sb->len - 1;
	cut = n > room;
	if (cut)
		n = room;
	memcpy(sb->buf + sb->len, s, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
	if (cut)
		trim_partial(sb);
}

void scx_sb_template(struct strbuf *sb, const char *tmpl, const char *const *args,
                     size_t nargs)
{
	const char *p = tmpl;

	while (*p) {
		size_t n = 0;
		while (p[n] && p[n] != '{') /* templates are short: no call to strcspn */
			n++;
		scx_sb_putn(sb, p, n);
		p += n;
		if (!*p)
			break;
		if (p[1] >= '1' && p[1] <= '9' && p[2] == '}' && (size_t)(p[1] - '1') < nargs) {
			const char *a = args[p[1] - '1'];
			scx_sb_putn(sb, a, strlen(a));
			p += 3;
		} else {
			scx_sb_putn(sb, p, 1);
			p++;
		}
	}
}
