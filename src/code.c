/* code.c - parse a three-digit reply code and name its digits (RFC 5321 §4.2.1). */
#include "smtpcode.h"

enum smtpcode_parse_error smtpcode_parse_basic(const char *text, int *code, size_t *bad)
{
	size_t i;

	if (text[0] == '\0')
		return SMTPCODE_PARSE_EMPTY;
	for (i = 0; text[i] != '\0'; i++) {
		if (text[i] < '0' || text[i] > '9') {
			if (bad)
				*bad = i;
			return SMTPCODE_PARSE_NOT_DIGIT;
		}
	}
	if (i < 3)
		return SMTPCODE_PARSE_TOO_SHORT;
	if (i > 3)
		return SMTPCODE_PARSE_TOO_LONG;
	if (text[0] < '1' || text[0] > '5')
		return SMTPCODE_PARSE_RANGE;
	*code = (text[0] - '0') * 100 + (text[1] - '0') * 10 + (text[2] - '0');
	return SMTPCODE_PARSE_OK;
}

const char *smtpcode_parse_error_reason(enum smtpcode_parse_error err)
{
	switch (err) {
	case SMTPCODE_PARSE_OK:
		return "no error";
	case SMTPCODE_PARSE_EMPTY:
		return "is empty";
	case SMTPCODE_PARSE_NOT_DIGIT:
		return "has a character that is not a digit";
	case SMTPCODE_PARSE_TOO_SHORT:
		return "has fewer than three digits";
	case SMTPCODE_PARSE_TOO_LONG:
		return "has more than three digits";
	case SMTPCODE_PARSE_RANGE:
		return "is out of range (reply codes run from 100 to 599)";
	}
	return "is not a reply code";
}

const char *smtpcode_status_name(enum smtpcode_status status)
{
	switch (status) {
	case SMTPCODE_STANDARD:
		return "standard";
	case SMTPCODE_EXTENSION:
		return "extension";
	case SMTPCODE_EXPERIMENTAL:
		return "experimental";
	case SMTPCODE_REGISTRY_SAMPLE:
		return "registry-sample";
	case SMTPCODE_DE_FACTO:
		return "de-facto";
	case SMTPCODE_PSEUDO:
		return "pseudo";
	}
	return "unknown";
}

const char *smtpcode_class_name(int digit)
{
	static const char *const names[] = {
		"Positive Preliminary", "Positive Completion", "Positive Intermediate",
		"Transient Negative Completion", "Permanent Negative Completion"
	};

	return digit >= 1 && digit <= 5 ? names[digit - 1] : NULL;
}

const char *smtpcode_category_name(int digit)
{
	static const char *const names[] = {
		"Syntax", "Information", "Connections", "Unspecified", "Unspecified",
		"Mail System"
	};

	if (digit < 0 || digit > 9)
		return NULL;
	return digit <= 5 ? names[digit] : "Not assigned";
}

const char *smtpcode_class_advice(int digit)
{
	static const char *const advice[] = {
		"SMTP defines no 1xx replies; a client treats one as an error and ends the "
		"transaction (RFC 5321 §4.2.1).",
		"The command succeeded; the client goes on with the next step.",
		"The command was accepted and the server waits for more: the message text "
		"or the next step of an exchange.",
		"The command failed for now; the client may try the same command again "
		"later, typically after a delay of at least 30 minutes for a message "
		"(RFC 5321 §4.5.4.1).",
		"The command failed for good; the client must not repeat it unchanged, and "
		"an undeliverable message is returned to its sender."
	};

	return digit >= 1 && digit <= 5 ? advice[digit - 1] : NULL;
}
