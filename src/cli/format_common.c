/* format_common.c - what the text and JSON formatters both need. */
#include "format.h"

#include <stdio.h>
#include <string.h>

void each_enhanced_for_basic(int code, void (*fn)(const char *text, void *arg), void *arg)
{
	struct smtpcode_enhanced_entry e;
	int cls = code / 100;
	char text[16], digits[4];
	size_t i;

	digits[0] = (char)('0' + cls);
	digits[1] = (char)('0' + code / 10 % 10);
	digits[2] = (char)('0' + code % 10);
	digits[3] = '\0';
	if (cls != 2 && cls != 4 && cls != 5)
		return;
	for (i = 0; smtpcode_enhanced_at(i, &e) == 0; i++) {
		/* Most rows list no such code: a quick look for its digits first. */
		if (e.detail == SMTPCODE_ANY || !strstr(e.basic_codes, digits) ||
		    smtpcode_enhanced_lists_basic(&e, code) != 1)
			continue;
		{
			struct smtpcode_enhanced_code c = { cls, e.subject, e.detail };
			fn(smtpcode_enhanced_text(&c, text, sizeof text), arg);
		}
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
