/* scan_mime_fields.h - the header fields the MIME pass reads (internal to
 * libsmtpcode): their table is in scan_mime_fields.c, its reader in
 * scan_mime.c. */
#ifndef SMTPCODE_SCAN_MIME_FIELDS_H
#define SMTPCODE_SCAN_MIME_FIELDS_H

#include <stddef.h>

/* The header fields the pass reads (scan_mime_fields.c): rows of one name
 * stand together; message: only a message's header holds the field. */
enum mime_field_kind {
	K_TYPE,      /* Content-Type */
	K_ENCODING,  /* Content-Transfer-Encoding */
	K_MESSAGE,   /* only a message's header holds it */
	K_FROM,      /* the sender: a bounce's when it holds the value */
	K_BOUNCE,    /* a bounce's mark when the value starts so (any case),
	              * or with any value for NULL */
	K_MARK,      /* an auto-reply's mark when the value starts so (any
	              * case), or with any value for NULL */
	K_FEEDBACK,  /* Feedback-Type */
	K_RCPT       /* Original-Rcpt-To */
};

struct mime_field {
	char name[32];   /* arrays, not pointers: a table of pointers costs a */
	char value[40];  /* relocation per string at every start ("" for none) */
	enum mime_field_kind kind;
	int message;
};

extern const struct mime_field smtpcode__mime_fields[];
extern const size_t smtpcode__mime_field_count;

#endif
