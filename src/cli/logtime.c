/* logtime.c - the time stamp at the start of a log line (see logtime.h). */
#include "logtime.h"

#include <stdio.h>
#include <string.h>

static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";

static int digits_at(const char *s, const char *shape)
{
	size_t i;

	for (i = 0; shape[i]; i++)
		if (shape[i] == 'd' ? !(s[i] >= '0' && s[i] <= '9') : s[i] != shape[i])
			return 0;
	return 1;
}

static int num2(const char *s)
{
	return (s[0] - '0') * 10 + (s[1] - '0');
}

/* Checks the ranges of month, day, hour, minute and second in text. */
static int in_range(const char *text)
{
	int mon = num2(text + 5), day = num2(text + 8);

	return mon >= 1 && mon <= 12 && day >= 1 && day <= 31 && num2(text + 11) <= 23 &&
	       num2(text + 14) <= 59 && num2(text + 17) <= 60;
}

/* Writes the text: year (4 digits, or NULL: none), month, day ("29" or " 9")
 * and "hh:mm:ss" at clock; returns nonzero if it is a valid time. */
static int put(struct logtime *t, const char *year, int mon, const char *day,
               const char *clock)
{
	memcpy(t->text, year ? year : "0000", 4);
	t->text[4] = '-';
	t->text[5] = (char)('0' + mon / 10);
	t->text[6] = (char)('0' + mon % 10);
	t->text[7] = '-';
	t->text[8] = day[0] == ' ' ? '0' : day[0];
	t->text[9] = day[1];
	t->text[10] = 'T';
	memcpy(t->text + 11, clock, 8);
	t->text[19] = '\0';
	if (!in_range(t->text)) {
		t->text[0] = '\0';
		return 0;
	}
	if (!year) {
		t->text[0] = t->text[1] = '-';
		memmove(t->text + 2, t->text + 5, 15);
	}
	t->hour = num2(clock);
	return 1;
}

int logtime_parse(const char *s, size_t n, struct logtime *t)
{
	const char *m;

	t->text[0] = '\0';
	if (n >= 19 && digits_at(s, "dddd-dd-dd") && (s[10] == 'T' || s[10] == ' ') &&
	    digits_at(s + 11, "dd:dd:dd"))
		return put(t, s, num2(s + 5), s + 8, s + 11);
	if (n < 15 || s[3] != ' ' || !(s[4] == ' ' || (s[4] >= '0' && s[4] <= '9')) ||
	    !digits_at(s + 5, "d dd:dd:dd"))
		return 0;
	for (m = months; *m; m += 3)
		if (memcmp(m, s, 3) == 0)
			break;
	return *m ? put(t, NULL, (int)(m - months) / 3 + 1, s + 4, s + 7) : 0;
}

int logtime_valid(const char *text)
{
	char buf[LOGTIME_TEXT];

	if (strncmp(text, "--", 2) == 0) {
		if (strlen(text) != 16)
			return 0;
		snprintf(buf, sizeof buf, "0000%s", text + 1);
		text = buf;
	}
	return strlen(text) == 19 && digits_at(text, "dddd-dd-ddTdd:dd:dd") && in_range(text);
}

int logtime_cmp(const char *a, const char *b)
{
	int ya = a[0] != '-', yb = b[0] != '-';
	int c;

	if (ya == yb)
		return strcmp(a, b);
	/* "2026-11-29T..." from its "-11", "--11-29T..." from its second '-' */
	c = strcmp(a + (ya ? 4 : 1), b + (yb ? 4 : 1));
	return c ? c : ya - yb;
}
