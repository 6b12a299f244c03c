#include <smtpcode.h>
#include <stdio.h>
#include <string.h>

static void show(const struct smtpcode_reply *r, void *arg)
{
	char enh[16];
	(void)arg;
	printf("reply %d %s after %s: %s\n", r->basic, r->enhanced_count ?
	       smtpcode_enhanced_text(&r->enhanced[0], enh, sizeof enh) : "-",
	       r->command ? r->command : "?", r->text);
}

int main(void)
{
	const char *line = "said: 550 5.1.1 <bob@example.org>: User unknown "
	                   "(in reply to RCPT TO command)";
	struct smtpcode_lookup lk;
	struct smtpcode_meaning m;
	static struct smtpcode_scanner s; /* opaque, SMTPCODE_SCANNER_SIZE bytes */

	smtpcode_lookup(550, "RCPT", &lk);
	smtpcode_meaning_at(lk.first, &m);
	printf("550 %s (%s)\n", m.name, m.source);
	smtpcode_scanner_init(&s);
	smtpcode_scanner_line(&s, line, strlen(line), show, NULL);
	smtpcode_scanner_end(&s, show, NULL);
	return 0;
}
