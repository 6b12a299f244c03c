/* phrase.h - the phrases of data/i18n.tsv that the library's own prose uses
 * (the cmp.* keys and the class names c.N; internal, in table.c). */
#ifndef SMTPCODE_PHRASE_H
#define SMTPCODE_PHRASE_H

/* The phrase for key in language lang (English where lang is out of
 * range); NULL if no phrase has that key. "{1}", "{2}"... stand for values. */
const char *smtpcode__phrase(int lang, const char *key);

#endif
