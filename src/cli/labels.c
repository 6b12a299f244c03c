/* labels.c - the command's labels, generated from data/i18n.tsv into
 * build/cli/labels.inc (gentable --labels). */
#include "labels.h"

#include <stdlib.h>
#include <string.h>

#include "labels.inc"

static int by_key(const void *key, const void *row)
{
	return strcmp(key, label_blob + ((const struct label *)row)->key);
}

const char *label_text(int lang, const char *key)
{
	const struct label *l = bsearch(key, labels, sizeof labels / sizeof labels[0],
	                                sizeof labels[0], by_key);

	if (lang < 0 || lang >= LABEL_NLANGS)
		lang = 0;
	return l ? label_blob + l->text[lang] : NULL;
}

int label_column_of(int lang)
{
	if (lang < 0 || lang >= LABEL_NLANGS)
		lang = 0;
	return label_columns[lang];
}

size_t label_language_count(void)
{
	return LABEL_NLANGS;
}
