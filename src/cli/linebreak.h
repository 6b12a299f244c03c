/* linebreak.h - where a line may break in text without spaces (Japanese):
 * not inside a run of kanji or of katakana (否定完了 stays whole), and not
 * before a closing mark, a small kana or the long vowel mark. */
#ifndef SMTPCODE_LINEBREAK_H
#define SMTPCODE_LINEBREAK_H

#include <stddef.h>

/* The bytes of the word that starts with the wide character at p (n bytes
 * up to the next space), and its columns in *w. */
size_t linebreak_wide_word(const char *p, size_t n, int *w);

#endif
