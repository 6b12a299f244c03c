/* labels.h - the command's labels in each language of data/i18n.tsv: the
 * headings, field names and messages of its text output. */
#ifndef SMTPCODE_LABELS_H
#define SMTPCODE_LABELS_H

#include <stddef.h>

/* The label for key in language lang, a language index of the library
 * (smtpcode_language_find(); English where lang is out of range); NULL if
 * no label has that key. "{1}", "{2}"... stand for values. */
const char *label_text(int lang, const char *key);

/* The column where labelled fields' values start in language lang: the
 * widest field label's columns plus 2 (for its colon and a space). */
int label_column_of(int lang);

/* How many languages the labels have (as many as smtpcode_language_count()). */
size_t label_language_count(void);

#endif
