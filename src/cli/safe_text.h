/* safe_text.h - text from the input, made safe to show on a terminal.
 *
 * Bounces and logs are hostile input: a reply's text, a file name or an
 * option value can carry terminal escapes (ESC, OSC, BEL, backspace, an
 * 8-bit CSI). Everything the command shows of its input goes through here.
 * Each byte that is not part of a printable character is written \xNN (two
 * upper-case hex digits, four columns): C0 controls (tab and newline too),
 * DEL, C1 controls whether raw (0x9B) or UTF-8-encoded (C2 9B, shown
 * \xC2\x9B), and every byte of invalid UTF-8 (overlong forms, surrogates,
 * code points above U+10FFFF, stray or missing continuation bytes). Valid
 * UTF-8 that prints passes unchanged. The output is therefore plain ASCII
 * plus valid UTF-8 and never holds a control character. */
#ifndef SMTPCODE_SAFE_TEXT_H
#define SMTPCODE_SAFE_TEXT_H

#include <stddef.h>
#include <stdio.h>

enum {
	SAFE_ESCAPE_COLUMNS = 4, /* "\x1B" */
	SAFE_ECHO_COLUMNS = 64,  /* an echoed value is cut after this many columns */
	/* Room for any echoed value: 4 bytes a column at most, quotes, "...". */
	SAFE_ECHO_SIZE = SAFE_ECHO_COLUMNS * 4 + 6
};

/* The character at s[0..n), n >= 1: sets *len to its bytes and returns its
 * columns, 1 or 2 (East Asian wide); or returns 0, with *len 1, when the
 * byte s[0] is shown escaped. */
int safe_char(const char *s, size_t n, size_t *len);

/* Columns that s[0..n) takes once shown. */
int safe_columns(const char *s, size_t n);

/* The length of the longest start of s[0..n) that shows as it is. */
size_t safe_span(const char *s, size_t n);

/* Writes s[0..n) as shown: printable runs in one fwrite each. */
void safe_write(FILE *out, const char *s, size_t n);

/* An echoed value for a message (an option value, an operand, a batch line,
 * a file name): s shown, between single quotes when quoted, cut after
 * SAFE_ECHO_COLUMNS columns with "..." after it. Written into buf[size]
 * (SAFE_ECHO_SIZE always suffices); returns buf. Leaves errno alone. */
char *safe_echo(char *buf, size_t size, const char *s, int quoted);

#endif
