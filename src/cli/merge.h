/* merge.h - `scan --merge`: sums scan --json summaries into one. */
#ifndef SMTPCODE_MERGE_H
#define SMTPCODE_MERGE_H

#include "args.h"
#include "format.h"

/* Reads the summaries in the FILEs (or standard input), each a JSON object
 * as scan --json prints, and prints their sum as scan does. A bad input is
 * one line "smtpcode: FILE: line N: what" and EXIT_USAGE. */
int run_merge(const struct options *o, const struct style *st);

#endif
