/* format_common.c - what the text and JSON formatters both need. */
#include "format.h"

#include <stdio.h>
#include <string.h>

void each_enhanced_for_basic(int code, void (*fn)(const char *text, void *arg), void *arg)
{
	struct smtpcode_enhanced_entry e;
	size_t rows[64], n, i;
	int cls = code / 100;

	if (cls != 2 && cls != 4 && cls != 5)
		return;
	n = smtpcode_enhanced_for_basic(code, rows, sizeof rows / sizeof rows[0]);
	for (i = 0; i < n && i < sizeof rows / sizeof rows[0]; i++) {
		char text[16], *p = text + sizeof text;
		int part[2], k;
		if (smtpcode_enhanced_at(rows[i], &e) < 0)
			continue;
		/* "5.1.1" without snprintf: the parts from the end */
		part[0] = e.detail, part[1] = e.subject;
		*--p = '\0';
		for (k = 0; k < 2; k++) {
			int v = part[k];
			do
				*--p = (char)('0' + v % 10);
			while ((v /= 10) > 0);
			*--p = '.';
		}
		*--p = (char)('0' + cls);
		fn(p, arg);
	}
}

const char *basic_name(int basic)
{
	struct smtpcode_meaning m;
	size_t first;

	if (smtpcode_find(basic, &first, NULL) < 0 || smtpcode_meaning_at(first, &m) < 0)
		return NULL;
	return m.name;
}

const char *enhanced_title(int subject, int detail)
{
	struct smtpcode_enhanced_entry e;
	size_t row;

	if (smtpcode_enhanced_find(SMTPCODE_ANY, subject, detail, &row) < 0 ||
	    smtpcode_enhanced_at(row, &e) < 0)
		return NULL;
	return e.title;
}

const char *item_name(const struct smtpcode_item *item)
{
	struct smtpcode_meaning m;
	struct smtpcode_enhanced_entry e;

	if (item->kind == SMTPCODE_KIND_ENHANCED)
		return item->enhanced.known && smtpcode_enhanced_at(item->enhanced.detail_row, &e) == 0
		       ? e.title : NULL;
	return item->basic.known && smtpcode_meaning_at(item->basic.first, &m) == 0 ? m.name
	                                                                             : NULL;
}

const char *undefined_label(const struct style *st, enum smtpcode_kind kind, char *buf,
                            size_t size)
{
	snprintf(buf, size, "(%s)", style_phrase(st, kind == SMTPCODE_KIND_ENHANCED
	                                             ? "p.not_registered" : "p.not_defined"));
	return buf;
}
