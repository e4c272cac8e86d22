/*
 * help.c - the subcommand list, per-command usage with examples, and the
 * "did you mean" hint.  See help.h.
 *
 * The hint must never take a valid tcpdump command line away: `synack host
 * 1.2.3.4` and every other pcap-filter(7) expression still runs as a filter.
 * So a first word gets a hint only when it is close to a subcommand name AND
 * the words up to the first option do not compile as a filter (libpcap's own
 * compiler decides, on a dead Ethernet handle: the link type does not change
 * whether an expression parses).
 */
#include "help.h"

#include "capture.h"
#include <string.h>

struct command {
	const char *name;
	const char *summary;    /* one line in synack -h */
	const char *usage;      /* synack help NAME */
};

static const struct command commands[] = {
	{"diagnose", "say what went wrong in TCP traffic: findings, evidence, next commands",
	 "Usage: synack diagnose [ -r file ]... [ -i interface ] [ --json ] [ tcpdump options ] [ expression ]\n"
	 "\n"
	 "  Tracks every TCP connection of a capture file (or a live capture) and prints\n"
	 "  findings, most serious first: a stable id (syn-unanswered, refused,\n"
	 "  packet-loss, zero-window ...), where (server endpoint, connections, times),\n"
	 "  the evidence (packet numbers), the likely causes for this capture point, and\n"
	 "  the next commands to run.  Two -r files of the same traffic (one taken near\n"
	 "  the client, one near the server) also say where packets were lost between\n"
	 "  them; other -r files are read as one capture, merged by time.\n"
	 "\n"
	 "  -r file     read a capture file (pcap, pcapng; - for standard input); repeatable\n"
	 "  -V list     read the files listed in list (one name a line) as -r files\n"
	 "  -i if       capture live; findings as soon as they are certain, summary on Ctrl+C\n"
	 "  --json      NDJSON: one object per finding, then a summary object\n"
	 "  expression  a pcap-filter(7) expression, applied before the analysis\n"
	 "  Other tcpdump options (-c, -s, -B, -Q, -y, -Z ...) work as in tcpdump.\n"
	 "\n"
	 "  Exit status: 0 nothing wrong, 1 problems found, 2 errors.\n"
	 "\n"
	 "Examples:\n"
	 "  synack diagnose -r client.pcap\n"
	 "  synack diagnose -r client.pcap -r server.pcap\n"
	 "  synack diagnose -i eth0 'tcp port 443'\n"
	 "  synack diagnose --json -r capture.pcap\n"},
	{"top", "a live full-screen view of TCP connections: rates, RTT, loss, zero windows, findings",
	 "Usage: synack top ( -i interface | -r file [ --speed N ] ) [ --batch ] [ --interval S ]\n"
	 "                  [ --max-conns N ] [ --ring-seconds S ] [ --ring N ] [ --ring-snap BYTES ]\n"
	 "                  [ expression ]\n"
	 "  One row per connection (g: per server), rows in trouble first; the header shows\n"
	 "  diagnose's findings.  Keys: q quit, s sort column, g connections/servers, / filter,\n"
	 "  p pause, Enter a row's last packets, w write its last --ring-seconds (60) to\n"
	 "  synack-top-PORT-ID.pcap.\n"
	 "  --speed N replays a file N times as fast (0: as fast as possible; default 1).\n"
	 "  Without a terminal, or with --batch: a plain-text snapshot every interval (1 s).\n"
	 "  Memory: --max-conns rows (1000), each keeping the packets of its last\n"
	 "  --ring-seconds, at most --ring packets (64) of at most --ring-snap bytes (256).\n"
	 "Examples:\n"
	 "  synack top -i eth0 'tcp port 443'\n"
	 "  synack top -r capture.pcap --speed 0\n"
	 "  synack top -i any --batch > top.log\n"},
	{"conns", "one line (or JSON object) per TCP connection: state, retransmissions, RTT",
	 "Usage: synack conns [ -r file ]... [ -i interface ] [ --json ] [ tcpdump options ] [ expression ]\n"
	 "\n"
	 "  One line per TCP connection, sorted by start time: start, duration, client,\n"
	 "  server, a Zeek-style state and history, packets and bytes each way,\n"
	 "  retransmissions, duplicate ACKs, zero windows, lost segments, RTT\n"
	 "  min/avg/max, MSS, window scale, maximum window, how it ended.  A value that\n"
	 "  is not known (the handshake was not captured, no RTT sample) is - in the\n"
	 "  table and null in JSON.\n"
	 "\n"
	 "  -r file     read a capture file (pcap, pcapng; - for standard input); repeatable;\n"
	 "              several files (or -V list) are one capture, merged by time\n"
	 "  -V list     read the files listed in list (one name a line) as -r files\n"
	 "  -i if       capture live; a connection is printed when it ends\n"
	 "  --json      NDJSON: one object per connection\n"
	 "  --format F  json (= --json), zeek (Zeek's conn.log TSV) or text\n"
	 "  --community-id-seed N  seed of the Community ID in JSON and Zeek records\n"
	 "  expression  a pcap-filter(7) expression\n"
	 "\n"
	 "Examples:\n"
	 "  synack conns -r capture.pcap\n"
	 "  synack conns --json -r capture.pcap 'tcp port 443'\n"
	 "  synack conns -i eth0\n"},
	{"compare", "match two captures of the same traffic: packets lost or changed between them",
	 "Usage: synack compare CAPTURE1 CAPTURE2 [ CAPTURE3 ... ] [ expression ]\n"
	 "                      [ --json ] [ --ladder[=CONN] ] [ --window SECONDS ]\n"
	 "\n"
	 "  Matches the packets of captures taken at two points of a path (client side\n"
	 "  and server side, in any order; the roles come from TTLs) and reports packets\n"
	 "  lost on each path, seen only at the receiver, reordered, duplicated or\n"
	 "  modified in flight (NAT, MSS clamping, options stripped, DSCP/ECN), the clock\n"
	 "  offset and drift, and the one-way delays.\n"
	 "\n"
	 "  --json            NDJSON: one object per event, per connection, and a summary\n"
	 "  --ladder[=CONN]   draw a connection as arrows between the two capture points;\n"
	 "                    CONN is its number in the report or part of address:port\n"
	 "  --window SECONDS  how far apart in time a packet's two sightings may be\n"
	 "\n"
	 "  Exit status: 0 nothing lost, 1 differences found, 2 errors.\n"
	 "\n"
	 "Examples:\n"
	 "  synack compare client.pcap server.pcap\n"
	 "  synack compare client.pcap server.pcap 'tcp port 8080' --json\n"
	 "  synack compare client.pcap server.pcap --ladder 2\n"},
	{"report", "one self-contained HTML file: findings, connections, graphs, packets",
	 "Usage: synack report -r file [ -r file2 ... ] [ --merge ] [ -o report.html ] [ expression ]\n"
	 "       synack report -V filelist [ -o report.html ] [ expression ]\n"
	 "\n"
	 "  Writes one HTML file that opens offline: a summary and the findings of\n"
	 "  synack diagnose, a sortable table of connections, five graphs per connection\n"
	 "  (time-sequence, throughput, RTT, bytes in flight, ladder) and the packet\n"
	 "  list.  Several -r files: two captures of the same traffic (client side and\n"
	 "  server side) get a section on what was lost between them, other files one\n"
	 "  section each (up to 8).  With --merge, or with -V, the files are ONE capture\n"
	 "  (a ring written with -C or -G): read merged by time, so connections that\n"
	 "  cross a file boundary stay whole; packets and connections are numbered as\n"
	 "  synack conns and diagnose number them over the same files.\n"
	 "\n"
	 "  -r file     a capture file to read; repeatable\n"
	 "  --merge     the -r files are pieces of one capture: one section, merged by time\n"
	 "  -V list     read the files listed in the file list (one name a line; - for\n"
	 "              standard input) as one capture, as --merge does\n"
	 "  -o file     where to write the HTML (default: standard output)\n"
	 "  expression  a pcap-filter(7) expression\n"
	 "\n"
	 "  Exit status: as synack diagnose (0 nothing wrong, 1 problems found, 2 errors).\n"
	 "\n"
	 "Examples:\n"
	 "  synack report -r server.pcap -o report.html\n"
	 "  synack report -r client.pcap -r server.pcap -o report.html\n"
	 "  synack report --merge -r ring.pcap -r ring.pcap1 -r ring.pcap2 -o report.html\n"
	 "  ls ring.pcap* | synack report -V - -o report.html\n"
	 "  synack report -r big.pcap 'tcp port 443' -o report.html\n"},
	{"graph", "one graph of one connection as an SVG file (tsg, throughput, rtt, inflight, ladder)",
	 "Usage: synack graph tsg|throughput|rtt|inflight|ladder -r file --conn N [ -o out.svg ] [ expression ]\n"
	 "       synack graph KIND ( --merge -r file -r file2 ... | -V filelist ) --conn N ...\n"
	 "\n"
	 "  Draws one graph of one connection: tsg (time-sequence, tcptrace style, with\n"
	 "  retransmissions and zero windows marked), throughput (and goodput), rtt,\n"
	 "  inflight (bytes in flight against the receive window) or ladder (the first\n"
	 "  packets as arrows between client and server).\n"
	 "\n"
	 "  -r file     the capture file to read\n"
	 "  --merge, -V as in synack report: several files read as one capture\n"
	 "  --conn N    the connection, numbered as synack conns lists them (1 = first to start)\n"
	 "  -o file     where to write the SVG (default: standard output)\n"
	 "  expression  a pcap-filter(7) expression, applied before connections are numbered\n"
	 "\n"
	 "Examples:\n"
	 "  synack graph tsg -r capture.pcap --conn 3 -o conn3.svg\n"
	 "  synack graph rtt -r capture.pcap --conn 1 'tcp port 443' -o rtt.svg\n"},
};

#define NCOMMANDS (sizeof commands / sizeof commands[0])

static const struct command *find_command(const char *name)
{
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

static void list_commands(FILE *f)
{
	fputs("synack subcommands (synack help COMMAND or synack COMMAND --help for details):\n", f);
	for (size_t i = 0; i < NCOMMANDS; i++)
		fprintf(f, "  synack %-9s %s\n", commands[i].name, commands[i].summary);
	fputs("Without a subcommand, synack captures and prints packets as tcpdump does:\n", f);
}

void help_commands(FILE *f)
{
	list_commands(f);
	fputc('\n', f);
}

int help_command(FILE *f, const char *name)
{
	const struct command *c = find_command(name);
	if (!c)
		return -1;
	fputs(c->usage, f);
	return 0;
}

/* Edit distance with adjacent transpositions (optimal string alignment),
 * for short words only; anything longer than 31 bytes is far from every name. */
static size_t word_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 31 || lb > 31)
		return 99;
	size_t d[32][32];
	for (size_t i = 0; i <= la; i++)
		d[i][0] = i;
	for (size_t j = 0; j <= lb; j++)
		d[0][j] = j;
	for (size_t i = 1; i <= la; i++)
		for (size_t j = 1; j <= lb; j++) {
			size_t cost = a[i - 1] != b[j - 1];
			size_t v = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (d[i - 1][j - 1] + cost < v)
				v = d[i - 1][j - 1] + cost;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
		}
	return d[la][lb];
}

static int is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* How close WORD is to NAME: 0 not close, else a rank (smaller = closer). */
static size_t closeness(const char *word, const char *name)
{
	size_t lw = strlen(word), ln = strlen(name);
	/* "help-me", "diagnose2": the name, then something that is not a letter */
	if (lw > ln && strncmp(word, name, ln) == 0 && !is_alpha(word[ln]))
		return 1;
	/* "diag", "comp": the start of a name, at least 3 letters */
	if (lw >= 3 && lw < ln && strncmp(word, name, lw) == 0)
		return 1;
	size_t dist = word_distance(word, name);
	size_t allowed = ln <= 4 ? 1 : 2;
	if (dist == 0 || dist > allowed || lw < 3)
		return 0;
	return dist;
}

const char *help_suggest(const char *name)
{
	const char *best = NULL;
	size_t best_rank = 0;
	static const char help_name[] = "help";
	for (size_t i = 0; i <= NCOMMANDS; i++) {
		const char *cand = i < NCOMMANDS ? commands[i].name : help_name;
		size_t r = closeness(name, cand);
		if (r && (!best || r < best_rank)) {
			best = cand;
			best_rank = r;
		}
	}
	return best;
}

/* Do the words compile as a pcap-filter(7) expression?  errbuf gets libpcap's message. */
static int filter_compiles(char **words, int n, char *errbuf, size_t errlen)
{
	size_t len = 1;
	for (int i = 0; i < n; i++)
		len += strlen(words[i]) + 1;
	char expr[4096];
	if (len > sizeof expr)
		return 1; /* long enough to be meant as a filter: let main() try it */
	size_t off = 0;
	for (int i = 0; i < n; i++) {
		size_t k = strlen(words[i]);
		if (i)
			expr[off++] = ' ';
		memcpy(expr + off, words[i], k);
		off += k;
	}
	expr[off] = 0;
	return capture_filter_compiles(expr, errbuf, errlen);
}

/* A word of pcap-filter(7)'s own vocabulary starts a filter, never a typo:
 * `synack port 99999` must get libpcap's "illegal port number", not a hint. */
static int is_filter_keyword(const char *w)
{
	static const char *const kw[] = {
		"port", "portrange", "host", "net", "src", "dst", "proto", "protochain", "gateway", "broadcast",
		"multicast", "less", "greater", "len", "ether", "ip", "ip6", "arp", "rarp", "tcp", "udp", "icmp",
		"icmp6", "vlan", "mpls", "pppoed", "pppoes", "geneve", "not", "and", "or", "inbound", "outbound",
	};
	for (size_t i = 0; i < sizeof kw / sizeof kw[0]; i++)
		if (strcmp(w, kw[i]) == 0)
			return 1;
	return 0;
}

static int is_help_flag(const char *a)
{
	return strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0;
}

/* Does option word A take the next word as its value?  Short options as
 * getopt reads them ("-nr file", "-c5"), long ones by name ("--conn N");
 * the value may be "-h" without meaning help (a file named -h). */
static int takes_value(const char *a)
{
	static const char short_with_value[] = "BcCFGirswWyZQVETMzjo";
	static const char *const long_with_value[] = {
		"--conn", "--window", "--time-stamp-precision", "--direction", "--buffer-size", "--interface",
		"--linktype", "--snapshot-length", "--relinquish-privileges",
	};
	if (a[0] != '-' || !a[1])
		return 0;
	if (a[1] == '-') {
		for (size_t i = 0; i < sizeof long_with_value / sizeof long_with_value[0]; i++)
			if (strcmp(a, long_with_value[i]) == 0)
				return 1;
		return 0;
	}
	for (const char *p = a + 1; *p; p++)
		if (strchr(short_with_value, *p))
			return p[1] == 0; /* "-c5": the value is attached */
	return 0;
}

static void help_overview(FILE *f)
{
	list_commands(f);
	fputs("  synack [tcpdump options] [expression]   (synack -h lists the options; man synack has it all)\n", f);
}

int help_dispatch(int argc, char **argv)
{
	if (argc < 2 || !argv[1][0] || argv[1][0] == '-')
		return -1;
	const char *first = argv[1];
	if (strcmp(first, "help") == 0) {
		if (argc == 2 || is_help_flag(argv[2]) || strcmp(argv[2], "help") == 0) {
			help_overview(stdout);
			return 0;
		}
		if (help_command(stdout, argv[2]) == 0)
			return 0;
		const char *s = help_suggest(argv[2]);
		fprintf(stderr, "synack: help: no subcommand '%s'", argv[2]);
		if (s && strcmp(s, "help"))
			fprintf(stderr, "; did you mean %s?", s);
		fputc('\n', stderr);
		list_commands(stderr);
		return 1;
	}
	if (find_command(first)) {
		for (int i = 2; i < argc; i++) {
			if (strcmp(argv[i], "--") == 0)
				break;
			if (takes_value(argv[i])) {
				i++;
				continue;
			}
			if (is_help_flag(argv[i])) {
				help_command(stdout, first);
				return 0;
			}
		}
		return -1;
	}
	const char *s = help_suggest(first);
	if (!s || is_filter_keyword(first))
		return -1;
	/* the filter main() would compile: every word that is not an option or an
	 * option's value (getopt moves options before the expression) */
	char *words[256];
	int n = 0, opts_done = 0;
	for (int i = 1; i < argc && n < 256; i++) {
		if (!opts_done && strcmp(argv[i], "--") == 0)
			opts_done = 1;
		else if (!opts_done && argv[i][0] == '-' && argv[i][1])
			i += takes_value(argv[i]);
		else
			words[n++] = argv[i];
	}
	char err[PCAP_ERRBUF_SIZE + 64] = "";
	if (filter_compiles(words, n, err, sizeof err))
		return -1;
	fprintf(stderr, "synack: '%s' is not a subcommand, and not a filter expression either (%s)\n", first, err);
	if (strcmp(s, "help") == 0)
		fprintf(stderr, "synack: did you mean help?  (synack help [COMMAND])\n");
	else
		fprintf(stderr, "synack: did you mean %s?  (synack %s --help)\n", s, s);
	return 1;
}
