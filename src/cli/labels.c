/* labels.c - the command's labels, generated from data/i18n.tsv into
 * build/cli/labels.inc (gentable --labels). */
#include "labels.h"

#include <stddef.h>

#include "labels.inc"

/* Whether key a is b; keys are short, and a call to the C library would
 * cost more than the comparison. */
static int same_key(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

const char *label_text(int lang, const char *key)
{
	size_t i = label_hash(key) & (LABEL_NSLOTS - 1);

	if (lang < 0 || lang >= LABEL_NLANGS)
		lang = 0;
	/* The generated table is at most half full: an empty slot ends it. */
	for (; label_slots[i]; i = (i + 1) & (LABEL_NSLOTS - 1)) {
		const struct label *l = &labels[label_slots[i] - 1];
		if (same_key(key, label_blob + l->key))
			return label_blob + l->text[lang];
	}
	return NULL;
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
