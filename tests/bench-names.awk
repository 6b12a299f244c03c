# tests/bench-names.awk - 1,000,000 lines of the four MTAs' logs in which
# every line has a new queue id, recipient domain and relay host (the worst
# case for scan's bounded tables), for tests/bench.sh section 6.
BEGIN {
	srand(7);
	for (i = 0; i < 1000000; i++) {
		id = sprintf("%X", i * 2654435761 % 4294967296);
		t = sprintf("%02d:%02d:%02d", int(rand() * 24), int(rand() * 60), i % 60);
		r = i % 5;
		if (r == 0)
			printf "Nov 29 %s mx postfix/smtp[1]: %s: to=<u%d@d%d.example.org>, relay=mx%d.example.net[192.0.2.1]:25, delay=3, delays=0/0/3/0, dsn=4.7.1, status=deferred (host mx%d.example.net[192.0.2.1] said: 451 4.7.1 later (in reply to RCPT TO command))\n", t, id, i, i, i, i;
		else if (r == 1)
			printf "2026-11-29 %s 1t%04X-%06X-Ab => u%d@d%d.example.com R=dnslookup T=remote_smtp H=mx%d.example.com [198.51.100.2]\n", t, i % 65536, i, i, i, i;
		else if (r == 2)
			printf "Nov 29 %s m sm-mta[2]: %s: to=<u%d@d%d.example.net>, delay=00:00:01, mailer=esmtp, pri=1, relay=mx%d.example.org. [203.0.113.3], dsn=5.1.1, stat=User unknown\n", t, id, i, i, i;
		else if (r == 3)
			printf "Nov 29 %s mx2 smtpd[4]: 0a1b2c3d4e5f6a7b mta delivery evpid=%08x00000001 from=<a@example.org> to=<u%d@d%d.example.org> rcpt=<-> source=\"203.0.113.5\" relay=\"198.51.100.7 (mx%d.example.net)\" delay=2s result=\"TempFail\" stat=\"451 4.7.1 later\"\n", t, i, i, i, i;
		else
			printf "Nov 29 %s mx postfix/smtpd[5]: NOQUEUE: reject: RCPT from unknown[198.51.100.%d]: 554 5.7.1 Service unavailable; from=<s@x%d.example.net> to=<u@example.org> proto=ESMTP helo=<x>\n", t, i % 250, i;
	}
}
