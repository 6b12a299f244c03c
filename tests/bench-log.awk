# tests/bench-log.awk - 2000 lines of a Postfix log (70% sent, 15% deferred,
# 10% bounced, 5% qmgr), repeated by tests/bench.sh to 256 MiB.
BEGIN {
	srand(42);
	for (i = 0; i < 2000; i++) {
		id = sprintf("%010X", int(rand() * 1e10));
		t = sprintf("Nov 22 %02d:%02d:%02d", int(rand()*24), int(rand()*60), int(rand()*60));
		r = rand();
		if (r < 0.7)
			printf "%s mx postfix/smtp[%d]: %s: to=<user%d@example.org>, relay=mx.example.org[192.0.2.%d]:25, delay=%.1f, delays=0.1/0/0.3/0.4, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as %s)\n", t, 1000+i, id, i, i%250, rand()*5, id;
		else if (r < 0.85)
			printf "%s mx postfix/smtp[%d]: %s: to=<user%d@example.net>, relay=mx.example.net[198.51.100.%d]:25, delay=30, delays=0/0/30/0, dsn=4.7.1, status=deferred (host mx.example.net[198.51.100.%d] said: 450 4.7.1 <user%d@example.net>: Recipient address rejected: Greylisted (in reply to RCPT TO command))\n", t, 1000+i, id, i, i%250, i%250, i;
		else if (r < 0.95)
			printf "%s mx postfix/smtp[%d]: %s: to=<user%d@example.com>, relay=mx.example.com[203.0.113.%d]:25, delay=1.2, delays=0.1/0/0.5/0.6, dsn=5.1.1, status=bounced (host mx.example.com[203.0.113.%d] said: 550 5.1.1 <user%d@example.com>: Recipient address rejected: User unknown in local recipient table (in reply to RCPT TO command))\n", t, 1000+i, id, i, i%250, i%250, i;
		else
			printf "%s mx postfix/qmgr[%d]: %s: from=<sender%d@example.com>, size=%d, nrcpt=1 (queue active)\n", t, 99, id, i, int(rand()*100000);
	}
}
