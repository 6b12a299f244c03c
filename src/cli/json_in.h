/* json_in.h - a strict pull reader of JSON tokens from a stream, for the
 * summaries `scan --merge` reads back (constant memory, no allocation). */
#ifndef SMTPCODE_JSON_IN_H
#define SMTPCODE_JSON_IN_H

#include <stdio.h>

#define JSON_IN_STRING 256 /* longest string value taken (bytes) */

enum json_tok {
	JT_END,      /* the end of the input */
	JT_BEGIN_OBJECT, JT_END_OBJECT, JT_BEGIN_ARRAY, JT_END_ARRAY, JT_COLON, JT_COMMA,
	JT_STRING,   /* in str (NUL-terminated; no \u0000) */
	JT_NUMBER,   /* a whole number from 0 to LONG_MAX, in num */
	JT_NULL,
	JT_ERROR     /* err says what is wrong */
};

struct json_in {
	FILE *in;
	unsigned long line;           /* of the last token read, from 1 */
	int peeked;                   /* a byte read ahead, or EOF-1 for none */
	char str[JSON_IN_STRING];
	long num;
	const char *err;
	char errbuf[48];              /* err, when it names a byte */
};

void json_in_init(struct json_in *j, FILE *in);

/* The next token. Strings with escapes (\" \\ \/ \b \f \n \r \t \uXXXX for
 * non-zero BMP code points and surrogate pairs) are decoded to UTF-8;
 * true, false, negative and fractional numbers are errors, as nothing in a
 * scan summary has them. */
enum json_tok json_in_next(struct json_in *j);

#endif
