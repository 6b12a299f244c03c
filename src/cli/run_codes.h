/* run_codes.h - the commands about codes: lookup (codes and patterns),
 * compare, list and search. */
#ifndef SMTPCODE_RUN_CODES_H
#define SMTPCODE_RUN_CODES_H

#include "args.h"
#include "format.h"

/* Each returns an exit status (enum exit_status). */
int run_lookup(const struct options *o, const struct style *st);
int run_compare(const struct options *o, const struct style *st);
int run_list(const struct options *o, const struct style *st);
int run_search(const struct options *o, const struct style *st);

#endif
