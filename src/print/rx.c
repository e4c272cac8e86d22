/*
 * rx.c - AFS/RX (UDP ports 7000-7009) as tcpdump 4.99 prints it: the RX
 * header, the packet type and flags, ack details, and for the AFS services
 * (fs 7000, cb 7001, pt 7002, vldb 7003, kauth 7004, vol 7005, bos 7007) the
 * call names and some arguments.  Replies are matched to the request opcode
 * through a small table of recent calls.
 *
 *   epoch(4) cid(4) callNumber(4) seq(4) serial(4) type(1) flags(1)
 *   userStatus(1) securityIndex(1) spare(2) serviceId(2)   = 28 bytes
 *
 * Two truncation styles, as in tcpdump: a field read past the capture
 * longjmps (" [|rx]", no length); a bounds check of a group of fields
 * ends the service printer with " [|fs]" (etc.) and the " (len)" follows.
 */
#include <string.h>
#include <stdio.h>
#include <time.h>

#include "svc2.h"

#define RX_HDR 28
#define T_DATA 1
#define T_ACK 2
#define T_ABORT 4
#define F_CLIENT 1

#define AFSNAMEMAX 256
#define AFSOPAQUEMAX 1024
#define PRNAMEMAX 64
#define VLNAMEMAX 65
#define KANAMEMAX 64
#define BOSNAMEMAX 256

static const struct tok rx_types[] = {
	{1, "data"}, {2, "ack"}, {3, "busy"}, {4, "abort"}, {5, "ackall"}, {6, "challenge"},
	{7, "response"}, {8, "debug"}, {9, "params"}, {13, "version"}, {0, NULL},
};

static const struct {
	uint8_t bit, type;
	const char *s;
} rx_flag_names[] = {
	{1, 0, "client-init"}, {2, 0, "req-ack"}, {4, 0, "last-pckt"}, {8, 0, "more-pckts"},
	{16, 0, "free-pckt"}, {32, T_ACK, "slow-start"}, {32, T_DATA, "jumbogram"},
};

static const struct tok fs_req[] = {
	{130, "fetch-data"}, {131, "fetch-acl"}, {132, "fetch-status"}, {133, "store-data"},
	{134, "store-acl"}, {135, "store-status"}, {136, "remove-file"}, {137, "create-file"},
	{138, "rename"}, {139, "symlink"}, {140, "link"}, {141, "makedir"}, {142, "rmdir"},
	{143, "oldsetlock"}, {144, "oldextlock"}, {145, "oldrellock"}, {146, "get-stats"},
	{147, "give-cbs"}, {148, "get-vlinfo"}, {149, "get-vlstats"}, {150, "set-vlstats"},
	{151, "get-rootvl"}, {152, "check-token"}, {153, "get-time"}, {154, "nget-vlinfo"},
	{155, "bulk-stat"}, {156, "setlock"}, {157, "extlock"}, {158, "rellock"},
	{159, "xstat-ver"}, {160, "get-xstat"}, {161, "dfs-lookup"}, {162, "dfs-flushcps"},
	{163, "dfs-symlink"}, {220, "residency"}, {65536, "inline-bulk-status"},
	{65537, "fetch-data-64"}, {65538, "store-data-64"}, {65539, "give-up-all-cbs"},
	{65540, "get-caps"}, {65541, "cb-rx-conn-addr"}, {0, NULL},
};

static const struct tok cb_req[] = {
	{204, "callback"}, {205, "initcb"}, {206, "probe"}, {207, "getlock"}, {208, "getce"},
	{209, "xstatver"}, {210, "getxstat"}, {211, "initcb2"}, {212, "whoareyou"},
	{213, "initcb3"}, {214, "probeuuid"}, {215, "getsrvprefs"}, {216, "getcellservdb"},
	{217, "getlocalcell"}, {218, "getcacheconf"}, {65536, "getce64"},
	{65537, "getcellbynum"}, {65538, "tellmeaboutyourself"}, {0, NULL},
};

static const struct tok pt_req[] = {
	{500, "new-user"}, {501, "where-is-it"}, {502, "dump-entry"}, {503, "add-to-group"},
	{504, "name-to-id"}, {505, "id-to-name"}, {506, "delete"}, {507, "remove-from-group"},
	{508, "get-cps"}, {509, "new-entry"}, {510, "list-max"}, {511, "set-max"},
	{512, "list-entry"}, {513, "change-entry"}, {514, "list-elements"},
	{515, "same-mbr-of"}, {516, "set-fld-sentry"}, {517, "list-owned"}, {518, "get-cps2"},
	{519, "get-host-cps"}, {520, "update-entry"}, {521, "list-entries"},
	{530, "list-super-groups"}, {0, NULL},
};

static const struct tok vldb_req[] = {
	{501, "create-entry"}, {502, "delete-entry"}, {503, "get-entry-by-id"},
	{504, "get-entry-by-name"}, {505, "get-new-volume-id"}, {506, "replace-entry"},
	{507, "update-entry"}, {508, "setlock"}, {509, "releaselock"}, {510, "list-entry"},
	{511, "list-attrib"}, {512, "linked-list"}, {513, "get-stats"}, {514, "probe"},
	{515, "get-addrs"}, {516, "change-addr"}, {517, "create-entry-n"},
	{518, "get-entry-by-id-n"}, {519, "get-entry-by-name-n"}, {520, "replace-entry-n"},
	{521, "list-entry-n"}, {522, "list-attrib-n"}, {523, "linked-list-n"},
	{524, "update-entry-by-name"}, {525, "create-entry-u"}, {526, "get-entry-by-id-u"},
	{527, "get-entry-by-name-u"}, {528, "replace-entry-u"}, {529, "list-entry-u"},
	{530, "list-attrib-u"}, {531, "linked-list-u"}, {532, "regaddr"},
	{533, "get-addrs-u"}, {534, "list-attrib-n2"}, {0, NULL},
};

static const struct tok kauth_req[] = {
	{1, "auth-old"}, {21, "authenticate"}, {22, "authenticate-v2"}, {2, "change-pw"},
	{3, "get-ticket-old"}, {23, "get-ticket"}, {4, "set-pw"}, {5, "set-fields"},
	{6, "create-user"}, {7, "delete-user"}, {8, "get-entry"}, {9, "list-entry"},
	{10, "get-stats"}, {11, "debug"}, {12, "get-pw"}, {13, "get-random-key"},
	{14, "unlock"}, {15, "lock-status"}, {0, NULL},
};

static const struct tok vol_req[] = {
	{100, "create-volume"}, {101, "delete-volume"}, {102, "restore"}, {103, "forward"},
	{104, "end-trans"}, {105, "clone"}, {106, "set-flags"}, {107, "get-flags"},
	{108, "trans-create"}, {109, "dump"}, {110, "get-nth-volume"},
	{111, "set-forwarding"}, {112, "get-name"}, {113, "get-status"},
	{114, "sig-restore"}, {115, "list-partitions"}, {116, "list-volumes"},
	{117, "set-id-types"}, {118, "monitor"}, {119, "partition-info"}, {120, "reclone"},
	{121, "list-one-volume"}, {122, "nuke"}, {123, "set-date"}, {124, "x-list-volumes"},
	{125, "x-list-one-volume"}, {126, "set-info"}, {127, "x-list-partitions"},
	{128, "forward-multiple"}, {65536, "convert-ro"}, {65537, "get-size"},
	{65538, "dump-v2"}, {0, NULL},
};

static const struct tok bos_req[] = {
	{80, "create-bnode"}, {81, "delete-bnode"}, {82, "set-status"}, {83, "get-status"},
	{84, "enumerate-instance"}, {85, "get-instance-info"}, {86, "get-instance-parm"},
	{87, "add-superuser"}, {88, "delete-superuser"}, {89, "list-superusers"},
	{90, "list-keys"}, {91, "add-key"}, {92, "delete-key"}, {93, "set-cell-name"},
	{94, "get-cell-name"}, {95, "get-cell-host"}, {96, "add-cell-host"},
	{97, "delete-cell-host"}, {98, "set-t-status"}, {99, "shutdown-all"},
	{100, "restart-all"}, {101, "startup-all"}, {102, "set-noauth-flag"},
	{103, "re-bozo"}, {104, "restart"}, {105, "start-bozo-install"}, {106, "uninstall"},
	{107, "get-dates"}, {108, "exec"}, {109, "prune"}, {110, "set-restart-time"},
	{111, "get-restart-time"}, {112, "start-bozo-log"}, {113, "wait-all"},
	{114, "get-instance-strings"}, {115, "get-restricted"}, {116, "set-restricted"},
	{0, NULL},
};

static const struct tok ubik_req[] = {
	{10000, "vote-beacon"}, {10001, "vote-debug-old"}, {10002, "vote-sdebug-old"},
	{10003, "vote-getsyncsite"}, {10004, "vote-debug"}, {10005, "vote-sdebug"},
	{10006, "vote-xdebug"}, {10007, "vote-xsdebug"}, {20000, "disk-begin"},
	{20001, "disk-commit"}, {20002, "disk-lock"}, {20003, "disk-write"},
	{20004, "disk-getversion"}, {20005, "disk-getfile"}, {20006, "disk-sendfile"},
	{20007, "disk-abort"}, {20008, "disk-releaselocks"}, {20009, "disk-truncate"},
	{20010, "disk-probe"}, {20011, "disk-writev"}, {20012, "disk-interfaceaddr"},
	{20013, "disk-setversion"}, {0, NULL},
};

static const struct tok afs_fs_errors[] = {
	{101, "salvage volume"}, {102, "no such vnode"}, {103, "no such volume"},
	{104, "volume exist"}, {105, "no service"}, {106, "volume offline"},
	{107, "voline online"}, {108, "diskfull"}, {109, "diskquota exceeded"},
	{110, "volume busy"}, {111, "volume moved"}, {112, "AFS IO error"},
	{0xffffff9cu, "restarting fileserver"}, {0, NULL},
};

static const struct tok rx_ack_reasons[] = {
	{1, "ack requested"}, {2, "duplicate packet"}, {3, "out of sequence"},
	{4, "exceeds window"}, {5, "no buffer space"}, {6, "ping"}, {7, "ping response"},
	{8, "delay"}, {9, "idle"}, {0, NULL},
};

static const char *const voltype[] = {"read-write", "read-only", "backup"};

/* Recent calls, so that replies can be named by their request's opcode. */
#define RX_CACHE_SIZE 64
static struct rx_call {
	uint32_t callnum, client, server, opcode;
	uint16_t dport, service;
} rx_cache[RX_CACHE_SIZE];
static int rx_cache_next, rx_cache_hint;

/* The 4 bytes where an IPv4 header keeps its source (12) or destination (16);
 * tcpdump reads them there whatever the IP version. */
static uint32_t ip_word(const struct ipctx *ip, int off)
{
	if (!ip || !ip->iph)
		return 0;
	const uint8_t *q = ip->iph + off;
	return (uint32_t)q[0] << 24 | (uint32_t)q[1] << 16 | (uint32_t)q[2] << 8 | q[3];
}

static void rx_cache_insert(struct nd *nd, const uint8_t *bp, const struct ipctx *ip, uint16_t dport)
{
	if (!nd_ok(nd, bp + RX_HDR, 4))
		return;
	struct rx_call *c = &rx_cache[rx_cache_next];
	if (++rx_cache_next >= RX_CACHE_SIZE)
		rx_cache_next = 0;
	c->callnum = GET_BE32(nd, bp + 8);
	c->client = ip_word(ip, 12);
	c->server = ip_word(ip, 16);
	c->dport = dport;
	c->service = GET_BE16(nd, bp + 26);
	c->opcode = GET_BE32(nd, bp + RX_HDR);
}

static int rx_cache_find(struct nd *nd, const uint8_t *bp, const struct ipctx *ip, uint16_t sport,
			 uint32_t *opcode)
{
	uint32_t callnum = GET_BE32(nd, bp + 8);
	uint16_t service = GET_BE16(nd, bp + 26);
	uint32_t clip = ip_word(ip, 16), sip = ip_word(ip, 12);
	int i = rx_cache_hint;
	do {
		const struct rx_call *c = &rx_cache[i];
		if (c->callnum == callnum && c->client == clip && c->server == sip &&
		    c->service == service && c->dport == sport) {
			rx_cache_hint = i;
			*opcode = c->opcode;
			return 1;
		}
		if (++i >= RX_CACHE_SIZE)
			i = 0;
	} while (i != rx_cache_hint);
	return 0;
}

/* ---- argument printers: 0 when printed, -1 when the service printer must stop ---- */

static int fid_out(struct nd *nd, const uint8_t **bp)
{
	if (!nd_ok(nd, *bp, 12))
		return -1;
	out_fmt(nd->out, " fid %u/%u/%u", GET_BE32(nd, *bp), GET_BE32(nd, *bp + 4), GET_BE32(nd, *bp + 8));
	*bp += 12;
	return 0;
}

static int str_out(struct nd *nd, const uint8_t **bp, uint32_t max)
{
	uint32_t n = GET_BE32(nd, *bp);
	if (n > max)
		return -1;
	*bp += 4;
	ND_STR(nd, " \"");
	size_t avail = nd_avail(nd, *bp);
	for (uint32_t k = 0; k < n; k++) {
		if (k >= avail)
			return -1;
		nd_putc_esc(nd, (*bp)[k]);
	}
	ND_CHR(nd, '"');
	*bp += (n + 3) / 4 * 4;
	return 0;
}

static void int_out(struct nd *nd, const uint8_t **bp)
{
	out_fmt(nd->out, " %d", (int32_t)GET_BE32(nd, *bp));
	*bp += 4;
}

static void uint_out(struct nd *nd, const uint8_t **bp)
{
	out_fmt(nd->out, " %u", GET_BE32(nd, *bp));
	*bp += 4;
}

static void date_out(struct nd *nd, const uint8_t **bp)
{
	time_t t = (time_t)(int32_t)GET_BE32(nd, *bp);
	struct tm tm;
	char buf[64];
	*bp += 4;
	if (localtime_r(&t, &tm) && strftime(buf, sizeof buf, "%Y/%m/%d %H:%M:%S", &tm))
		out_fmt(nd->out, " %s", buf);
	else
		ND_STR(nd, " [localtime() error]");
}

static int storeattr_out(struct nd *nd, const uint8_t **bp)
{
	if (!nd_ok(nd, *bp, 24))
		return -1;
	uint32_t mask = GET_BE32(nd, *bp);
	*bp += 4;
	if (mask)
		ND_STR(nd, " StoreStatus");
	if (mask & 1) {
		ND_STR(nd, " date");
		date_out(nd, bp);
	} else {
		*bp += 4;
	}
	static const char *const names[] = {" owner %u", " group %u", " mode %o", " segsize %u"};
	for (int k = 0; k < 4; k++) {
		uint32_t v = GET_BE32(nd, *bp);
		*bp += 4;
		if (mask & (2u << k))
			out_fmt(nd->out, names[k], k == 2 ? (v & 07777) : v);
	}
	if (mask & 1024)
		ND_STR(nd, " fsync");
	return 0;
}

static int ubik_version_out(struct nd *nd, const uint8_t **bp)
{
	if (!nd_ok(nd, *bp, 8))
		return -1;
	uint32_t epoch = GET_BE32(nd, *bp);
	uint32_t counter = GET_BE32(nd, *bp + 4);
	*bp += 8;
	out_fmt(nd->out, " %u.%u", epoch, counter);
	return 0;
}

static void uint64_out(struct nd *nd, const uint8_t **bp)
{
	out_fmt(nd->out, " %llu", (unsigned long long)GET_BE64(nd, *bp));
	*bp += 8;
}

/* A volume server's destination: three numbers. */
static int destserver_out(struct nd *nd, const uint8_t **bp)
{
	if (!nd_ok(nd, *bp, 12))
		return -1;
	out_fmt(nd->out, " server %u:%u:%u", GET_BE32(nd, *bp), GET_BE32(nd, *bp + 4), GET_BE32(nd, *bp + 8));
	*bp += 12;
	return 0;
}

static int afsuuid_out(struct nd *nd, const uint8_t **bp)
{
	if (!nd_ok(nd, *bp, 44))
		return -1;
	out_fmt(nd->out, " %08x", GET_BE32(nd, *bp));
	out_fmt(nd->out, "%04x", GET_BE32(nd, *bp + 4));
	out_fmt(nd->out, "%04x", GET_BE32(nd, *bp + 8));
	for (int k = 0; k < 8; k++)
		out_fmt(nd->out, "%02x", GET_BE32(nd, *bp + 12 + 4 * k) & 0xff);
	*bp += 44;
	return 0;
}

/* A string stored one character per 32-bit word, max words, NUL-terminated. */
static int vec_out(struct nd *nd, const uint8_t **bp, uint32_t max)
{
	if (!nd_ok(nd, *bp, (size_t)max * 4))
		return -1;
	ND_STR(nd, " \"");
	int done = 0;
	for (uint32_t k = 0; k < max; k++) {
		uint8_t c = (uint8_t)GET_BE32(nd, *bp + 4 * k);
		if (c == 0)
			done = 1;
		if (!done)
			nd_putc_esc(nd, c);
	}
	ND_CHR(nd, '"');
	*bp += max * 4;
	return 0;
}

/* AFS ACL text: "npos nneg\n" then "user bits\n" lines (parsed like sscanf). */
static void acl_out(struct nd *nd, const char *s, const char *end)
{
	int pos, neg, n;
	char user[1025];
	if (sscanf(s, "%d %d\n%n", &pos, &neg, &n) != 2)
		return;
	s += n;
	if (s > end)
		return;
	for (int sign = 0; sign < 2; sign++) {
		int cnt = sign ? neg : pos;
		for (int i = 0; i < cnt; i++) {
			int acl;
			if (sscanf(s, "%1024s %d\n%n", user, &acl, &n) != 2)
				return;
			s += n;
			ND_STR(nd, sign ? " -{" : " +{");
			for (const char *u = user; *u; u++)
				nd_putc_esc(nd, (uint8_t)*u);
			ND_CHR(nd, ' ');
			static const struct {
				int bit;
				char c;
			} b[] = {{1, 'r'}, {8, 'l'}, {4, 'i'}, {16, 'd'}, {2, 'w'}, {32, 'k'}, {64, 'a'}};
			for (size_t k = 0; k < sizeof b / sizeof b[0]; k++)
				if (acl & b[k].bit)
					ND_CHR(nd, b[k].c);
			ND_CHR(nd, '}');
			if (s > end)
				return;
		}
	}
}

static int acl_arg(struct nd *nd, const uint8_t **bp)
{
	uint32_t n = GET_BE32(nd, *bp);
	*bp += 4;
	if (!nd_ok(nd, *bp, n))
		return -1;
	if (n > AFSOPAQUEMAX)
		n = AFSOPAQUEMAX;
	char a[AFSOPAQUEMAX + 1];
	size_t k;
	for (k = 0; k < n && (*bp)[k]; k++)
		a[k] = (char)(*bp)[k];
	memset(a + k, 0, sizeof a - k);
	acl_out(nd, a, a + n);
	return 0;
}

static int fid_list(struct nd *nd, const uint8_t **bp)
{
	uint32_t j = GET_BE32(nd, *bp);
	*bp += 4;
	for (uint32_t i = 0; i < j; i++) {
		if (fid_out(nd, bp))
			return -1;
		if (i != j - 1)
			ND_CHR(nd, ',');
	}
	if (j == 0)
		ND_STR(nd, " <none!>");
	return 0;
}

/* ---- fs ---- */

static int fs_args(struct nd *nd, const uint8_t *bp, uint32_t op)
{
	switch (op) {
	case 130:
		if (fid_out(nd, &bp))
			return -1;
		ND_STR(nd, " offset");
		uint_out(nd, &bp);
		ND_STR(nd, " length");
		uint_out(nd, &bp);
		return 0;
	case 131: case 132: case 143: case 144: case 145: case 156: case 157: case 158:
		return fid_out(nd, &bp);
	case 135:
		if (fid_out(nd, &bp))
			return -1;
		return storeattr_out(nd, &bp);
	case 133:
		if (fid_out(nd, &bp) || storeattr_out(nd, &bp))
			return -1;
		ND_STR(nd, " offset");
		uint_out(nd, &bp);
		ND_STR(nd, " length");
		uint_out(nd, &bp);
		ND_STR(nd, " flen");
		uint_out(nd, &bp);
		return 0;
	case 134:
		if (fid_out(nd, &bp))
			return -1;
		return acl_arg(nd, &bp);
	case 137: case 141:
		if (fid_out(nd, &bp) || str_out(nd, &bp, AFSNAMEMAX))
			return -1;
		return storeattr_out(nd, &bp);
	case 136: case 142:
		if (fid_out(nd, &bp))
			return -1;
		return str_out(nd, &bp, AFSNAMEMAX);
	case 138:
		ND_STR(nd, " old");
		if (fid_out(nd, &bp) || str_out(nd, &bp, AFSNAMEMAX))
			return -1;
		ND_STR(nd, " new");
		if (fid_out(nd, &bp))
			return -1;
		return str_out(nd, &bp, AFSNAMEMAX);
	case 139:
		if (fid_out(nd, &bp) || str_out(nd, &bp, AFSNAMEMAX))
			return -1;
		ND_STR(nd, " link to");
		return str_out(nd, &bp, AFSNAMEMAX);
	case 140:
		if (fid_out(nd, &bp) || str_out(nd, &bp, AFSNAMEMAX))
			return -1;
		ND_STR(nd, " link to");
		return fid_out(nd, &bp);
	case 148:
		return str_out(nd, &bp, AFSNAMEMAX);
	case 149: case 150:
		ND_STR(nd, " volid");
		uint_out(nd, &bp);
		return 0;
	case 154:
		ND_STR(nd, " volname");
		return str_out(nd, &bp, AFSNAMEMAX);
	case 155: case 65536:
		return fid_list(nd, &bp);
	case 65537:
		if (fid_out(nd, &bp))
			return -1;
		ND_STR(nd, " offset");
		uint64_out(nd, &bp);
		ND_STR(nd, " length");
		uint64_out(nd, &bp);
		return 0;
	case 65538:
		if (fid_out(nd, &bp) || storeattr_out(nd, &bp))
			return -1;
		ND_STR(nd, " offset");
		uint64_out(nd, &bp);
		ND_STR(nd, " length");
		uint64_out(nd, &bp);
		ND_STR(nd, " flen");
		uint64_out(nd, &bp);
		return 0;
	case 65541:
		ND_STR(nd, " addr");
		uint_out(nd, &bp);
		return 0;
	default:
		return 0;
	}
}

static int fs_reply(struct nd *nd, const uint8_t *bp, uint8_t type, uint32_t op)
{
	if (type == T_DATA) {
		switch (op) {
		case 131:
			return acl_arg(nd, &bp);
		case 137: case 141:
			ND_STR(nd, " new");
			return fid_out(nd, &bp);
		case 151:
			ND_STR(nd, " root volume");
			return str_out(nd, &bp, AFSNAMEMAX);
		case 153:
			date_out(nd, &bp);
			return 0;
		default:
			return 0;
		}
	}
	if (type == T_ABORT) {
		ND_STR(nd, " error ");
		nd_tok(nd, afs_fs_errors, "#%d", GET_BE32(nd, bp));
		return 0;
	}
	out_fmt(nd->out, " strange fs reply of type %u", type);
	return 0;
}

/* ---- cb ---- */

static int cb_args(struct nd *nd, const uint8_t *bp, uint32_t op)
{
	if (op == 204) {
		if (fid_list(nd, &bp))
			return -1;
		uint32_t j = GET_BE32(nd, bp);
		bp += 4;
		if (j != 0)
			ND_CHR(nd, ';');
		for (uint32_t i = 0; i < j; i++) {
			ND_STR(nd, " ver");
			int_out(nd, &bp);
			ND_STR(nd, " expires");
			date_out(nd, &bp);
			(void)GET_BE32(nd, bp);
			bp += 4;
		}
		return 0;
	}
	if (op == 214) {
		ND_STR(nd, " afsuuid");
		return afsuuid_out(nd, &bp);
	}
	return 0;
}

static int cb_reply(struct nd *nd, const uint8_t *bp, uint8_t type, uint32_t op)
{
	if (type == T_DATA)
		return op == 213 ? afsuuid_out(nd, &bp) : 0;
	ND_STR(nd, " errcode");
	int_out(nd, &bp);
	return 0;
}

/* ---- ubik (inside pt, vldb, kauth) ---- */

static int is_ubik(uint32_t op)
{
	return (op >= 10000 && op <= 10007) || (op >= 20000 && op <= 20013);
}

static int ubik_args(struct nd *nd, const uint8_t *bp, uint32_t op)
{
	out_fmt(nd->out, " ubik call ");
	nd_tok(nd, ubik_req, "op#%u", op);
	switch (op) {
	case 10000:
		out_fmt(nd->out, " syncsite %s", GET_BE32(nd, bp) ? "yes" : "no");
		bp += 4;
		ND_STR(nd, " votestart");
		date_out(nd, &bp);
		ND_STR(nd, " dbversion");
		if (ubik_version_out(nd, &bp))
			return -1;
		ND_STR(nd, " tid");
		if (ubik_version_out(nd, &bp))
			return -1;
		break;
	case 10003:
		ND_STR(nd, " site");
		uint_out(nd, &bp);
		break;
	case 20000: case 20001: case 20007: case 20008: case 20010:
		ND_STR(nd, " tid");
		if (ubik_version_out(nd, &bp))
			return -1;
		break;
	case 20002:
		ND_STR(nd, " tid");
		if (ubik_version_out(nd, &bp))
			return -1;
		ND_STR(nd, " file");
		int_out(nd, &bp);
		ND_STR(nd, " pos");
		int_out(nd, &bp);
		ND_STR(nd, " length");
		int_out(nd, &bp);
		(void)GET_BE32(nd, bp);
		break;
	case 20003:
		ND_STR(nd, " tid");
		if (ubik_version_out(nd, &bp))
			return -1;
		ND_STR(nd, " file");
		int_out(nd, &bp);
		ND_STR(nd, " pos");
		int_out(nd, &bp);
		break;
	case 20005:
		ND_STR(nd, " file");
		int_out(nd, &bp);
		break;
	case 20006:
		ND_STR(nd, " file");
		int_out(nd, &bp);
		ND_STR(nd, " length");
		int_out(nd, &bp);
		ND_STR(nd, " dbversion");
		if (ubik_version_out(nd, &bp))
			return -1;
		break;
	case 20009:
		ND_STR(nd, " tid");
		if (ubik_version_out(nd, &bp))
			return -1;
		ND_STR(nd, " file");
		int_out(nd, &bp);
		ND_STR(nd, " length");
		int_out(nd, &bp);
		break;
	case 20012:
		ND_STR(nd, " tid");
		if (ubik_version_out(nd, &bp))
			return -1;
		ND_STR(nd, " oldversion");
		if (ubik_version_out(nd, &bp))
			return -1;
		ND_STR(nd, " newversion");
		if (ubik_version_out(nd, &bp))
			return -1;
		break;
	}
	return 0;
}

static int ubik_reply(struct nd *nd, const uint8_t *bp, uint8_t type, uint32_t op)
{
	ND_STR(nd, " ubik reply ");
	nd_tok(nd, ubik_req, "op#%u", op);
	if (type == T_DATA) {
		if (op == 10000) {
			ND_STR(nd, " vote no");
		} else if (op == 20004) {
			ND_STR(nd, " dbversion");
			if (ubik_version_out(nd, &bp))
			return -1;
		}
	} else if (op == 10000) {
		ND_STR(nd, " vote yes until");
		date_out(nd, &bp);
	} else {
		ND_STR(nd, " errcode");
		int_out(nd, &bp);
	}
	return 0;
}

/* ---- pt ---- */

static int pt_args(struct nd *nd, const uint8_t *bp, uint32_t op)
{
	uint32_t j;
	switch (op) {
	case 500:
		if (str_out(nd, &bp, PRNAMEMAX))
			return -1;
		ND_STR(nd, " id");
		int_out(nd, &bp);
		ND_STR(nd, " oldid");
		int_out(nd, &bp);
		break;
	case 501: case 506: case 508: case 512: case 514: case 517: case 518: case 519:
		ND_STR(nd, " id");
		int_out(nd, &bp);
		break;
	case 502:
		ND_STR(nd, " pos");
		int_out(nd, &bp);
		break;
	case 503: case 507: case 515:
		ND_STR(nd, " uid");
		int_out(nd, &bp);
		ND_STR(nd, " gid");
		int_out(nd, &bp);
		break;
	case 504:
		j = GET_BE32(nd, bp);
		bp += 4;
		for (uint32_t i = 0; i < j; i++)
			if (vec_out(nd, &bp, PRNAMEMAX))
				return -1;
		if (j == 0)
			ND_STR(nd, " <none!>");
		break;
	case 505:
		ND_STR(nd, " ids:");
		j = GET_BE32(nd, bp);
		bp += 4;
		for (uint32_t i = 0; i < j; i++)
			int_out(nd, &bp);
		if (j == 0)
			ND_STR(nd, " <none!>");
		break;
	case 509:
		if (str_out(nd, &bp, PRNAMEMAX))
			return -1;
		ND_STR(nd, " flag");
		int_out(nd, &bp);
		ND_STR(nd, " oid");
		int_out(nd, &bp);
		break;
	case 511:
		ND_STR(nd, " id");
		int_out(nd, &bp);
		ND_STR(nd, " gflag");
		int_out(nd, &bp);
		break;
	case 513:
		ND_STR(nd, " id");
		int_out(nd, &bp);
		if (str_out(nd, &bp, PRNAMEMAX))
			return -1;
		ND_STR(nd, " oldid");
		int_out(nd, &bp);
		ND_STR(nd, " newid");
		int_out(nd, &bp);
		break;
	case 520:
		ND_STR(nd, " id");
		int_out(nd, &bp);
		return str_out(nd, &bp, PRNAMEMAX);
	}
	return 0;
}

static int pt_reply(struct nd *nd, const uint8_t *bp, uint8_t type, uint32_t op)
{
	uint32_t j;
	if (type != T_DATA) {
		ND_STR(nd, " errcode");
		int_out(nd, &bp);
		return 0;
	}
	switch (op) {
	case 504:
		ND_STR(nd, " ids:");
		j = GET_BE32(nd, bp);
		bp += 4;
		for (uint32_t i = 0; i < j; i++)
			int_out(nd, &bp);
		if (j == 0)
			ND_STR(nd, " <none!>");
		break;
	case 505:
		j = GET_BE32(nd, bp);
		bp += 4;
		for (uint32_t i = 0; i < j; i++)
			if (vec_out(nd, &bp, PRNAMEMAX))
				return -1;
		if (j == 0)
			ND_STR(nd, " <none!>");
		break;
	case 508: case 514: case 517: case 518: case 519:
		j = GET_BE32(nd, bp);
		bp += 4;
		for (uint32_t i = 0; i < j; i++)
			int_out(nd, &bp);
		if (j == 0)
			ND_STR(nd, " <none!>");
		break;
	case 510:
		ND_STR(nd, " maxuid");
		int_out(nd, &bp);
		ND_STR(nd, " maxgid");
		int_out(nd, &bp);
		break;
	}
	return 0;
}

/* ---- vldb ---- */

static void voltype_out(struct nd *nd, const uint8_t **bp)
{
	uint32_t i = GET_BE32(nd, *bp);
	*bp += 4;
	if (i <= 2)
		out_fmt(nd->out, " type %s", voltype[i]);
}

static int vldb_args(struct nd *nd, const uint8_t *bp, uint32_t op)
{
	switch (op) {
	case 501: case 517:
		return vec_out(nd, &bp, VLNAMEMAX);
	case 502: case 503: case 507: case 508: case 509: case 518:
		ND_STR(nd, " volid");
		int_out(nd, &bp);
		voltype_out(nd, &bp);
		break;
	case 504: case 519: case 524: case 527:
		return str_out(nd, &bp, VLNAMEMAX);
	case 505:
		ND_STR(nd, " bump");
		int_out(nd, &bp);
		break;
	case 506: case 520:
		ND_STR(nd, " volid");
		int_out(nd, &bp);
		voltype_out(nd, &bp);
		return vec_out(nd, &bp, VLNAMEMAX);
	case 510: case 521:
		ND_STR(nd, " index");
		int_out(nd, &bp);
		break;
	}
	return 0;
}

/* Volume entry of a vldb reply with nsrv server slots; uuid: servers are AFS UUIDs. */
static int vldb_entry(struct nd *nd, const uint8_t *bp, int nsrv, int uuid, int skip4)
{
	if (vec_out(nd, &bp, VLNAMEMAX))
		return -1;
	if (skip4) {
		if (!nd_ok(nd, bp, 4))
			return -1;
		bp += 4;
	}
	ND_STR(nd, " numservers");
	uint32_t nservers = GET_BE32(nd, bp);
	bp += 4;
	out_fmt(nd->out, " %u", nservers);
	ND_STR(nd, " servers");
	for (int i = 0; i < nsrv; i++) {
		if (uuid) {
			if ((uint32_t)i < nservers) {
				ND_STR(nd, " afsuuid");
				if (afsuuid_out(nd, &bp))
					return -1;
			} else {
				if (!nd_ok(nd, bp, 44))
					return -1;
				bp += 44;
			}
			continue;
		}
		if (!nd_ok(nd, bp, 4))
			return -1;
		if ((uint32_t)i < nservers) {
			ND_CHR(nd, ' ');
			nd_ipaddr(nd, bp);
		}
		bp += 4;
	}
	if (uuid) {
		if (!nd_ok(nd, bp, 4 * (size_t)nsrv))
			return -1;
		bp += 4 * nsrv;
	}
	ND_STR(nd, " partitions");
	for (int i = 0; i < nsrv; i++) {
		uint32_t j = GET_BE32(nd, bp);
		if ((uint32_t)i < nservers && j <= 26)
			out_fmt(nd->out, " %c", 'a' + (int)j);
		else if ((uint32_t)i < nservers)
			out_fmt(nd->out, " %u", j);
		bp += 4;
	}
	if (!nd_ok(nd, bp, 4 * (size_t)nsrv))
		return -1;
	bp += 4 * nsrv;
	ND_STR(nd, " rwvol");
	uint_out(nd, &bp);
	ND_STR(nd, " rovol");
	uint_out(nd, &bp);
	ND_STR(nd, " backup");
	uint_out(nd, &bp);
	return 0;
}

static int vldb_reply(struct nd *nd, const uint8_t *bp, uint8_t type, uint32_t op)
{
	if (type != T_DATA) {
		ND_STR(nd, " errcode");
		int_out(nd, &bp);
		return 0;
	}
	switch (op) {
	case 510:
		ND_STR(nd, " count");
		int_out(nd, &bp);
		ND_STR(nd, " nextindex");
		int_out(nd, &bp);
		/* FALLTHROUGH */
	case 503: case 504:
		return vldb_entry(nd, bp, 8, 0, 1);
	case 505:
		ND_STR(nd, " newvol");
		uint_out(nd, &bp);
		break;
	case 521: case 529:
		ND_STR(nd, " count");
		int_out(nd, &bp);
		ND_STR(nd, " nextindex");
		int_out(nd, &bp);
		/* FALLTHROUGH */
	case 518: case 519:
		return vldb_entry(nd, bp, 13, 0, 0);
	case 526: case 527:
		return vldb_entry(nd, bp, 13, 1, 0);
	}
	return 0;
}

/* ---- kauth ---- */

static int kauth_args(struct nd *nd, const uint8_t *bp, uint32_t op)
{
	switch (op) {
	case 1: case 21: case 22: case 2: case 5: case 6: case 7: case 8: case 14: case 15:
		ND_STR(nd, " principal");
		if (str_out(nd, &bp, KANAMEMAX))
			return -1;
		return str_out(nd, &bp, KANAMEMAX);
	case 3: case 23: {
		ND_STR(nd, " kvno");
		int_out(nd, &bp);
		ND_STR(nd, " domain");
		if (str_out(nd, &bp, KANAMEMAX))
			return -1;
		uint32_t n = GET_BE32(nd, bp);
		bp += 4;
		if (!nd_ok(nd, bp, n))
			return -1;
		bp += n;
		ND_STR(nd, " principal");
		if (str_out(nd, &bp, KANAMEMAX))
			return -1;
		return str_out(nd, &bp, KANAMEMAX);
	}
	case 4:
		ND_STR(nd, " principal");
		if (str_out(nd, &bp, KANAMEMAX) || str_out(nd, &bp, KANAMEMAX))
			return -1;
		ND_STR(nd, " kvno");
		int_out(nd, &bp);
		break;
	case 12:
		ND_STR(nd, " name");
		return str_out(nd, &bp, KANAMEMAX);
	}
	return 0;
}

/* ---- vol ---- */

/* Labelled 32-bit fields: "u" unsigned, "d" date, "s" string, "i" signed. */
static int fields_out(struct nd *nd, const uint8_t **bp, const char *spec)
{
	while (*spec) {
		const char *label = spec + 1;
		size_t n = strcspn(label, ",");
		if (n) {
			ND_CHR(nd, ' ');
			out_mem(nd->out, label, n);
		}
		switch (*spec) {
		case 'u':
			uint_out(nd, bp);
			break;
		case 'i':
			int_out(nd, bp);
			break;
		case 'd':
			date_out(nd, bp);
			break;
		case 's':
			if (str_out(nd, bp, AFSNAMEMAX))
				return -1;
			break;
		case 'S':
			if (destserver_out(nd, bp))
				return -1;
			break;
		}
		spec = label + n;
		if (*spec == ',')
			spec++;
	}
	return 0;
}

static int vol_args(struct nd *nd, const uint8_t *bp, uint32_t op)
{
	static const struct {
		uint32_t op;
		const char *spec;
	} t[] = {
		{100, "upartition,sname,utype,uparent"}, {101, "utrans"}, {107, "utrans"},
		{102, "utotrans,uflags"}, {103, "ufromtrans,dfromdate,S,idesttrans"},
		{104, "utrans"}, {105, "utrans,upurgevol,unewtype,snewname"},
		{106, "utrans,uflags"}, {108, "uvol,upartition,uflags"},
		{109, "ufromtrans,dfromdate"}, {655537, "ufromtrans,dfromdate"}, {110, "uindex"},
		{111, "utid,unewsite"}, {114, "sname,utype,upid,ucloneid"},
		{116, "upartition,uflags"}, {117, "utid,sname,utype,upid,uclone,ubackup"},
		{119, "sname"}, {120, "utid"}, {121, "upartid,uvolid"}, {122, "upartid,uvolid"},
		{124, "upartid,uvolid"}, {125, "upartid,uvolid"}, {65536, "upartid,uvolid"},
		{123, "utid,ddate"}, {126, "utid"}, {65538, "ufromtrans,dfromdate,uflags"},
	};
	if (op == 112 || op == 113) {
		ND_STR(nd, " tid");
		return 0;
	}
	if (op == 128) {
		if (fields_out(nd, &bp, "ufromtrans,dfromdate"))
			return -1;
		uint32_t j = GET_BE32(nd, bp);
		bp += 4;
		for (uint32_t i = 0; i < j; i++) {
			if (destserver_out(nd, &bp))
				return -1;
			if (i != j - 1)
				ND_CHR(nd, ',');
		}
		if (j == 0)
			ND_STR(nd, " <none!>");
		return 0;
	}
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		if (t[i].op == op)
			return fields_out(nd, &bp, t[i].spec);
	return 0;
}

static int vol_reply(struct nd *nd, const uint8_t *bp, uint8_t type, uint32_t op)
{
	if (type != T_DATA) {
		ND_STR(nd, " errcode");
		int_out(nd, &bp);
		return 0;
	}
	switch (op) {
	case 100:
		return fields_out(nd, &bp, "uvolid,utrans");
	case 104: case 107:
		return fields_out(nd, &bp, "u");
	case 105:
		return fields_out(nd, &bp, "unewvol");
	case 108:
		return fields_out(nd, &bp, "utrans");
	case 110:
		return fields_out(nd, &bp, "uvolume,upartition");
	case 112:
		return fields_out(nd, &bp, "s");
	case 113:
		return fields_out(nd, &bp, "uvolid,unextuniq,utype,uparentid,uclone,ubackup,"
				  "urestore,umaxquota,uminquota,uowner,dcreate,daccess,dupdate,"
				  "dexpire,dbackup,dcopy");
	case 116: case 121: {
		uint32_t j = GET_BE32(nd, bp);
		bp += 4;
		for (uint32_t i = 0; i < j; i++) {
			ND_STR(nd, " name");
			if (vec_out(nd, &bp, 32))
				return -1;
			ND_STR(nd, " volid");
			uint_out(nd, &bp);
			ND_STR(nd, " type");
			bp += 4 * 21;
			if (i != j - 1)
				ND_CHR(nd, ',');
		}
		if (j == 0)
			ND_STR(nd, " <none!>");
		return 0;
	}
	}
	return 0;
}

/* ---- bos ---- */

static int bos_args(struct nd *nd, const uint8_t *bp, uint32_t op)
{
	switch (op) {
	case 80:
		ND_STR(nd, " type");
		if (str_out(nd, &bp, BOSNAMEMAX))
			return -1;
		ND_STR(nd, " instance");
		return str_out(nd, &bp, BOSNAMEMAX);
	case 81: case 83: case 85: case 87: case 88: case 93: case 96: case 97: case 104:
	case 106: case 108: case 112: case 114:
		return str_out(nd, &bp, BOSNAMEMAX);
	case 82: case 98:
		if (str_out(nd, &bp, BOSNAMEMAX))
			return -1;
		ND_STR(nd, " status");
		int_out(nd, &bp);
		break;
	case 86:
		if (str_out(nd, &bp, BOSNAMEMAX))
			return -1;
		ND_STR(nd, " num");
		int_out(nd, &bp);
		break;
	case 84: case 89: case 90: case 91: case 92: case 95:
		int_out(nd, &bp);
		break;
	case 105:
		if (str_out(nd, &bp, BOSNAMEMAX))
			return -1;
		ND_STR(nd, " size");
		int_out(nd, &bp);
		ND_STR(nd, " flags");
		int_out(nd, &bp);
		ND_STR(nd, " date");
		int_out(nd, &bp);
		break;
	}
	return 0;
}

/* Services that only decode error codes of replies (kauth, vol, bos). */
static int errcode_reply(struct nd *nd, const uint8_t *bp, uint8_t type, uint32_t op)
{
	(void)op;
	if (type != T_DATA) {
		ND_STR(nd, " errcode");
		int_out(nd, &bp);
	}
	return 0;
}


struct rx_service {
	uint16_t port;
	const char *name;        /* " fs", and the truncation marker */
	const struct tok *ops;
	int ubik;                /* ubik opcodes are possible */
	int (*args)(struct nd *, const uint8_t *, uint32_t);
	int (*reply)(struct nd *, const uint8_t *, uint8_t, uint32_t);
	int reply_lt;            /* reply printer returns on len < 28 (not <= 28) */
};

static const struct rx_service rx_services[] = {
	{7000, "fs", fs_req, 0, fs_args, fs_reply, 0},
	{7001, "cb", cb_req, 0, cb_args, cb_reply, 0},
	{7002, "pt", pt_req, 1, pt_args, pt_reply, 1},
	{7003, "vldb", vldb_req, 1, vldb_args, vldb_reply, 1},
	{7004, "kauth", kauth_req, 1, kauth_args, errcode_reply, 0},
	{7005, "vol", vol_req, 0, vol_args, vol_reply, 0},
	{7007, "bos", bos_req, 0, bos_args, errcode_reply, 0},
};

static const struct rx_service *rx_service(uint16_t port)
{
	for (size_t i = 0; i < sizeof rx_services / sizeof rx_services[0]; i++)
		if (rx_services[i].port == port)
			return &rx_services[i];
	return NULL;
}

static void svc_call(struct nd *nd, const struct rx_service *s, const uint8_t *bp, uint32_t len)
{
	if (len <= RX_HDR)
		return;
	uint32_t op = GET_BE32(nd, bp + RX_HDR);
	out_fmt(nd->out, " %s", s->name);
	int r;
	if (s->ubik && is_ubik(op)) {
		r = ubik_args(nd, bp + RX_HDR + 4, op);
		if (r)
			ND_STR(nd, " [|ubik]");
		return;
	}
	ND_STR(nd, " call ");
	nd_tok(nd, s->ops, "op#%u", op);
	r = s->args(nd, bp + RX_HDR + 4, op);
	if (r)
		out_fmt(nd->out, " [|%s]", s->name);
}

static void svc_reply(struct nd *nd, const struct rx_service *s, const uint8_t *bp, uint32_t len,
		      uint32_t op)
{
	if (s->reply_lt ? len < RX_HDR : len <= RX_HDR)
		return;
	uint8_t type = GET_U8(nd, bp + 20);
	out_fmt(nd->out, " %s", s->name);
	if (s->ubik && is_ubik(op)) {
		if (ubik_reply(nd, bp + RX_HDR, type, op))
			ND_STR(nd, " [|ubik]");
		return;
	}
	ND_STR(nd, " reply ");
	nd_tok(nd, s->ops, "op#%u", op);
	if (s->reply(nd, bp + RX_HDR, type, op))
		out_fmt(nd->out, " [|%s]", s->name);
}

/* ---- ack ---- */

static void ack_ranges(struct nd *nd, const uint8_t *acks, int n, uint32_t first, uint8_t kind,
		       const char *word)
{
	int i, start = -2, last = -2;
	for (i = 0; i < n; i++) {
		if (GET_U8(nd, acks + i) == kind) {
			if (last == -2) {
				out_fmt(nd->out, " %s %u", word, first + (uint32_t)i);
				start = i;
			} else if (last != i - 1) {
				out_fmt(nd->out, ",%u", first + (uint32_t)i);
				start = i;
			}
			last = i;
		} else if (last == i - 1 && start != last) {
			out_fmt(nd->out, "-%u", first + (uint32_t)i - 1);
		}
	}
	if (last == i - 1 && start != last)
		out_fmt(nd->out, "-%u", first + (uint32_t)i - 1);
}

static void rx_ack_print(struct nd *nd, const uint8_t *bp, uint32_t len)
{
	if (len < RX_HDR)
		return;
	bp += RX_HDR;
	if (!nd_ok(nd, bp, 18)) {
		ND_STR(nd, " [|ack]");
		return;
	}
	if (nd->o->vflag > 2)
		out_fmt(nd->out, " bufspace %u maxskew %u", GET_BE16(nd, bp), GET_BE16(nd, bp + 2));
	uint32_t first = GET_BE32(nd, bp + 4);
	out_fmt(nd->out, " first %u serial %u reason ", first, GET_BE32(nd, bp + 12));
	nd_tok(nd, rx_ack_reasons, "#%u", GET_U8(nd, bp + 16));
	uint8_t nacks = GET_U8(nd, bp + 17);
	const uint8_t *acks = bp + 18;
	bp = acks;
	if (nacks) {
		if (!nd_ok(nd, bp, nacks)) {
			ND_STR(nd, " [|ack]");
			return;
		}
		ack_ranges(nd, acks, nacks, first, 1, "acked");
		ack_ranges(nd, acks, nacks, first, 0, "nacked");
		bp += nacks;
	}
	bp += 3;
	if (nd->o->vflag > 1) {
		static const char *const names[] = {" ifmtu", " maxmtu", " rwind", " maxpackets"};
		for (int k = 0; k < 4; k++) {
			if (nd_avail(nd, bp) < 4)
				return;
			ND_STR(nd, names[k]);
			uint_out(nd, &bp);
		}
	}
}

void rx_print(struct nd *nd, const uint8_t *bp, uint32_t len, uint16_t sport, uint16_t dport,
	      const struct ipctx *ip)
{
	nd->protocol = "rx";
	if (!nd_ok(nd, bp, RX_HDR)) {
		out_fmt(nd->out, " [|rx] (%u)", len);
		return;
	}
	uint8_t type = GET_U8(nd, bp + 20), flags = GET_U8(nd, bp + 21);
	uint32_t seq = GET_BE32(nd, bp + 12);
	ND_STR(nd, " rx ");
	nd_tok(nd, rx_types, "type %u", type);
	if (nd->o->vflag) {
		if (nd->o->vflag > 1)
			out_fmt(nd->out, " cid %08x call# %u", GET_BE32(nd, bp + 4), GET_BE32(nd, bp + 8));
		out_fmt(nd->out, " seq %u ser %u", seq, GET_BE32(nd, bp + 16));
		if (nd->o->vflag > 2)
			out_fmt(nd->out, " secindex %u serviceid %u", GET_U8(nd, bp + 23),
				GET_BE16(nd, bp + 26));
		if (nd->o->vflag > 1) {
			int firstflag = 1;
			for (size_t i = 0; i < sizeof rx_flag_names / sizeof rx_flag_names[0]; i++) {
				if (!(flags & rx_flag_names[i].bit) ||
				    (rx_flag_names[i].type && rx_flag_names[i].type != type))
					continue;
				ND_CHR(nd, firstflag ? ' ' : ',');
				firstflag = 0;
				out_fmt(nd->out, "<%s>", rx_flag_names[i].s);
			}
		}
	}
	uint32_t op;
	if (type == T_DATA && seq == 1 && (flags & F_CLIENT)) {
		rx_cache_insert(nd, bp, ip, dport);
		const struct rx_service *s = rx_service(dport);
		if (s)
			svc_call(nd, s, bp, len);
	} else if (((type == T_DATA && seq == 1) || type == T_ABORT) && !(flags & F_CLIENT) &&
		   rx_cache_find(nd, bp, ip, sport, &op)) {
		const struct rx_service *s = rx_service(sport);
		if (s)
			svc_reply(nd, s, bp, len, op);
	} else if (type == T_ACK) {
		rx_ack_print(nd, bp, len);
	}
	out_fmt(nd->out, " (%u)", len);
}
