/* parse.h - what code.c and pattern.c share (internal to the library). */
#ifndef SMTPCODE_PARSE_H
#define SMTPCODE_PARSE_H

#include "smtpcode.h"

/* Checks one number part of an enhanced code, s[0..n): one to three digits
 * without a leading zero; stores its value. */
enum smtpcode_parse_error smtpcode__number_part(const char *s, size_t n, int *value);

#endif
