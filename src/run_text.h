/* run_text.h - the `explain` and `scan` commands: read text, report replies. */
#ifndef SMTPCODE_RUN_TEXT_H
#define SMTPCODE_RUN_TEXT_H

#include "args.h"

/* Each returns an exit status (enum exit_status); a file that cannot be
 * read is reported on stderr as "smtpcode: FILE: reason". */
int run_explain(const struct options *o, int width);
int run_scan(const struct options *o);

#endif
