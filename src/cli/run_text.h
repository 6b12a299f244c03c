/* run_text.h - the `explain` and `scan` commands: read text, report replies. */
#ifndef SMTPCODE_RUN_TEXT_H
#define SMTPCODE_RUN_TEXT_H

#include "args.h"
#include "format.h"

/* Each returns an exit status (enum exit_status); a file that cannot be
 * read is reported on stderr as "smtpcode: FILE: reason". */
int run_explain(const struct options *o, const struct style *st);
int run_scan(const struct options *o, const struct style *st);

#endif
