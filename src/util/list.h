/* list.h - comma-separated lists, as the data files write them ("RCPT,VRFY",
 * "451,550"): one loop for every reader. */
#ifndef SCX_LIST_H
#define SCX_LIST_H

#include <stddef.h>

struct strbuf;

/* Takes the next item of the list at *p: sets *item and *len (the item,
 * without its comma), moves *p past it and its comma, and returns 1; returns
 * 0 at the end. Loop with: for (p = list; scx_list_next(&p, &item, &len);) */
int scx_list_next(const char **p, const char **item, size_t *len);

/* Appends the list's items joined with ", " ("451, 550"). */
void scx_sb_list(struct strbuf *sb, const char *list);

#endif
