/* list.c - comma-separated lists, as the data files write them. */
#include "list.h"
#include "strbuf.h"

#include <string.h>

int scx_list_next(const char **p, const char **item, size_t *len)
{
	if (**p == '\0')
		return 0;
	*item = *p;
	/* Lists are short: a loop costs less than a call to strcspn. */
	for (*len = 0; (*p)[*len] && (*p)[*len] != ','; (*len)++)
		;
	*p += *len;
	if (**p == ',')
		(*p)++;
	return 1;
}

void scx_sb_list(struct strbuf *sb, const char *list)
{
	const char *p = list, *item;
	size_t len;

	while (scx_list_next(&p, &item, &len)) {
		if (item != list)
			scx_sb_putn(sb, ", ", 2);
		scx_sb_putn(sb, item, len);
	}
}
