/*
 * nfs.c - Sun RPC (RFC 5531) carrying NFS v2/v3 (RFC 1094, RFC 1813), as
 * tcpdump prints it on port 2049.
 *
 * RPC over TCP starts with a 4-byte record mark (last-fragment bit +
 * 31-bit length).  A call then reads:
 *
 *   xid | direction=0 | rpcvers | prog | vers | proc |
 *   cred (flavor, length, body padded to 4) | verf (same) | NFS arguments
 *
 * and a reply:  xid | direction=1 | reply_stat | ...
 *
 * Requests are printed with their procedure name and main arguments (file
 * handle, name, counts); file handles go through tcpdump's guess at the
 * server's handle layout (nfs_fh_parse below) to print "fsid/inode".
 * Replies print their status and length.  Not done (yet): the xid table
 * that lets tcpdump decode a reply's results by the matching request.
 */
#include <string.h>

#include "nd.h"


#define NFS_PORT 2049
#define RPC_CALL 0
#define RPC_REPLY 1
#define NFSX_V2FH 32
#define NFSX_V3FHMAX 64

/* NFSv3 procedure numbers; v2 numbers are mapped onto them. */
enum {
	P_NULL = 0, P_GETATTR, P_SETATTR, P_LOOKUP, P_ACCESS, P_READLINK, P_READ,
	P_WRITE, P_CREATE, P_MKDIR, P_SYMLINK, P_MKNOD, P_REMOVE, P_RMDIR,
	P_RENAME, P_LINK, P_READDIR, P_READDIRPLUS, P_FSSTAT, P_FSINFO,
	P_PATHCONF, P_COMMIT, P_ROOT, P_WRITECACHE, P_NOOP,
};

static const uint8_t nfsv2_to_v3[18] = {
	P_NULL, P_GETATTR, P_SETATTR, P_NOOP, P_LOOKUP, P_READLINK, P_READ, P_NOOP,
	P_WRITE, P_CREATE, P_REMOVE, P_RENAME, P_LINK, P_SYMLINK, P_MKDIR, P_RMDIR,
	P_READDIR, P_FSSTAT,
};

static const struct tok nfs_stable_how[] = {
	{0, "unstable"}, {1, "datasync"}, {2, "filesync"}, {0, NULL},
};

static const struct tok nfs_access_flags[] = {
	{0x01, "NFS_ACCESS_READ"}, {0x02, "NFS_ACCESS_LOOKUP"}, {0x04, "NFS_ACCESS_MODIFY"},
	{0x08, "NFS_ACCESS_EXTEND"}, {0x10, "NFS_ACCESS_DELETE"}, {0x20, "NFS_ACCESS_EXECUTE"}, {0, NULL},
};

static const struct tok rpc_auth_stat[] = {
	{1, "Bogus Credentials (seal broken)"}, {2, "Rejected Credentials (client should begin new session)"},
	{3, "Bogus Verifier (seal broken)"}, {4, "Verifier expired or was replayed"},
	{5, "Credentials are too weak"}, {6, "Bogus response verifier"},
	{7, "Unknown failure"}, {0, NULL},
};

/* ---- file handles ---- */

enum { FHT_UNKNOWN, FHT_AUSPEX, FHT_DECOSF, FHT_IRIX4, FHT_SUNOS4, FHT_ULTRIX,
       FHT_VMSUCX, FHT_SUNOS5, FHT_HPUX9, FHT_BSD44 };


/* VMS UCX handles: a code byte, printable characters, then NULs. */
static int fh_is_ucx(struct nd *nd, const uint8_t *fh)
{
	int seen_null = 0;
	for (int i = 1; i < 14; i++) {
		uint8_t c = GET_U8(nd, fh + i);
		if (c >= 0x20 && c <= 0x7e) {
			if (seen_null)
				return 0;
		} else if (c == 0) {
			seen_null = 1;
		} else {
			return 0;
		}
	}
	return 1;
}

/* Print " fh MAJOR,MINOR/INODE" or " fh NAME/..." for a handle of words32 words. */
static void nfs_printfh(struct nd *nd, const uint8_t *fh, unsigned words32)
{
	/* the guess looks at up to 32 bytes, each read checked when made */
#define B(i) GET_U8(nd, fh + (i))
	int type = FHT_UNKNOWN;
	if (B(0) == 0 && B(1) == 0) {
		if (B(2) == 0 && B(3) == 0)
			type = FHT_AUSPEX;
		else if (B(4) != 0 && B(5) == 0 && B(8) == 12 && B(9) == 0)
			type = FHT_DECOSF;
		else if (B(4) == 0 && B(5) == 8 && B(6) == 0 && B(7) == 0)
			type = FHT_IRIX4;
		else
			type = FHT_SUNOS4;
	} else if (B(2) == 0 && B(3) == 0) {
		if (B(6) == 0 && B(7) == 0)
			type = FHT_BSD44;
		else if (B(21) == 0 && B(23) == 0)
			type = FHT_ULTRIX;
		else if (B(9) == 10)
			type = FHT_SUNOS5;
	} else if (B(8) == 12 && B(9) == 0) {
		type = FHT_DECOSF;
	} else if (B(8) == 0 && B(9) == 10) {
		if (B(7) == 0 && B(6) == 0 && B(5) == 0 && B(4) == 0)
			type = FHT_HPUX9;
		else
			type = FHT_SUNOS5;
	} else if (fh_is_ucx(nd, fh)) {
		type = FHT_VMSUCX;
	}

	uint32_t major = 0, minor = 0, ino = 0, t;
	const char *fsname = NULL;
	char ucx[NFSX_V3FHMAX + 1];
	switch (type) {
	case FHT_AUSPEX:
		minor = B(7); major = B(6);
		ino = (uint32_t)B(12) << 24 | (uint32_t)B(13) << 16 | (uint32_t)B(14) << 8 | B(15);
		break;
	case FHT_BSD44:
		minor = B(0); major = B(1);
		ino = (uint32_t)B(15) << 24 | (uint32_t)B(14) << 16 | (uint32_t)B(13) << 8 | B(12);
		break;
	case FHT_DECOSF:
		t = (uint32_t)B(3) << 24 | (uint32_t)B(2) << 16 | (uint32_t)B(1) << 8 | B(0);
		minor = t & 0xfffff; major = (t >> 20) & 0xfff;
		ino = (uint32_t)B(15) << 24 | (uint32_t)B(14) << 16 | (uint32_t)B(13) << 8 | B(12);
		break;
	case FHT_IRIX4:
		minor = B(3); major = B(2);
		ino = (uint32_t)B(8) << 24 | (uint32_t)B(9) << 16 | (uint32_t)B(10) << 8 | B(11);
		break;
	case FHT_SUNOS4:
		minor = B(3); major = B(2);
		ino = (uint32_t)B(12) << 24 | (uint32_t)B(13) << 16 | (uint32_t)B(14) << 8 | B(15);
		break;
	case FHT_SUNOS5:
		major = (((uint32_t)B(0) << 8 | B(1)) >> 2) & 0x3fff;
		minor = ((uint32_t)B(1) << 16 | (uint32_t)B(2) << 8 | B(3)) & 0x3ffff;
		ino = (uint32_t)B(12) << 24 | (uint32_t)B(13) << 16 | (uint32_t)B(14) << 8 | B(15);
		break;
	case FHT_ULTRIX:
		minor = B(0); major = B(1);
		ino = (uint32_t)B(7) << 24 | (uint32_t)B(6) << 16 | (uint32_t)B(5) << 8 | B(4);
		break;
	case FHT_HPUX9:
		major = B(0);
		minor = (uint32_t)B(1) << 16 | (uint32_t)B(2) << 8 | B(3);
		ino = (uint32_t)B(12) << 24 | (uint32_t)B(13) << 16 | (uint32_t)B(14) << 8 | B(15);
		break;
	case FHT_VMSUCX: {
		ino = (uint32_t)B(26) << 24 | (uint32_t)B(27) << 16 | (uint32_t)B(23) << 8 | B(22);
		/* the device name from byte 1, at most 'words32' characters, up to NUL or space */
		size_t n = 0, cap = words32 > NFSX_V3FHMAX ? NFSX_V3FHMAX : words32;
		while (n < cap) {
			uint8_t c = GET_U8(nd, fh + 1 + n);
			if (c == 0 || c == ' ')
				break;
			ucx[n++] = (char)c;
		}
		ucx[n] = 0;
		fsname = ucx;
		break;
	}
	default:
		nd_need(nd, fh, 32);
		fsname = "Unknown";
		break;
	}
#undef B
	ND_STR(nd, " fh ");
	if (fsname) {
		/* "Unknown" is cut to the handle's length in words, as tcpdump does */
		size_t n = strlen(fsname);
		if (fsname != ucx && n > words32)
			n = words32;
		out_mem(nd->out, fsname, n);
		ND_CHR(nd, '/');
	} else {
		ND_U(nd, major);
		ND_CHR(nd, ',');
		ND_U(nd, minor);
		ND_CHR(nd, '/');
	}
	if (type == FHT_UNKNOWN) {
		for (int i = 0; i < 32; i++) {
			static const char hx[] = "0123456789ABCDEF";
			uint8_t c = GET_U8(nd, fh + i);
			ND_CHR(nd, hx[c >> 4]);
			ND_CHR(nd, hx[c & 15]);
		}
	} else {
		ND_U(nd, ino);
	}
}

/* ---- request parsing; NULL means "stop here" ---- */

/* Skip credentials and verifier; dp at the credentials.  As tcpdump 4.99.3: a
 * length field is rounded up in 32 bits (so 0xffffffff rounds to 0 for the
 * length test) but skipped in full, which runs past the capture. */
static const uint8_t *nfs_parsereq(struct nd *nd, const uint8_t *rp, uint32_t length)
{
	const uint8_t *dp = rp + 24;
	for (int part = 0; part < 2; part++) {
		if (length < 8)
			return NULL;
		uint32_t len = GET_BE32(nd, dp + 4);
		uint32_t rlen = (len + 3) & ~3u;
		if (!nd_ok(nd, dp + 8, rlen))
			return NULL;
		/* the credentials may end the message; the verifier may not */
		if (part == 0 ? 8 + (uint64_t)rlen > length : 8 + (uint64_t)rlen >= length)
			return NULL;
		uint64_t skip = ((uint64_t)len + 11) / 4 * 4;
		if (skip > nd_avail(nd, dp))
			return NULL;
		dp += skip;
		length -= 8 + rlen;
	}
	return dp;
}

static const uint8_t *nfs_parsefh(struct nd *nd, const uint8_t *dp, int v3)
{
	unsigned words;
	if (v3) {
		words = GET_BE32(nd, dp) / 4;
		dp += 4;
	} else {
		words = NFSX_V2FH / 4;
	}
	if (!nd_ok(nd, dp, (size_t)words * 4))
		return NULL;
	nfs_printfh(nd, dp, words);
	return dp + (size_t)words * 4;
}

static const uint8_t *nfs_parsefn(struct nd *nd, const uint8_t *dp)
{
	uint32_t len = GET_BE32(nd, dp);
	dp += 4;
	if (len > UINT32_MAX - 3) {
		ND_STR(nd, "[cannot pad to 32-bit boundaries]");
		nd_print_invalid(nd);
		return NULL;
	}
	uint32_t rlen = (len + 3) & ~3u;
	if (!nd_ok(nd, dp, rlen))
		return NULL;
	ND_CHR(nd, '"');
	nd_printn(nd, dp, len);
	ND_CHR(nd, '"');
	return dp + rlen;
}

static const uint8_t *nfs_parsefhn(struct nd *nd, const uint8_t *dp, int v3)
{
	dp = nfs_parsefh(nd, dp, v3);
	if (!dp)
		return NULL;
	ND_CHR(nd, ' ');
	return nfs_parsefn(nd, dp);
}

static const char *const nfs_procname[] = {
	"null", "getattr", "setattr", "lookup", "access", "readlink", "read", "write",
	"create", "mkdir", "symlink", "mknod", "remove", "rmdir", "rename", "link",
	"readdir", "readdirplus", "fsstat", "fsinfo", "pathconf", "commit",
};

/* Returns 1 when the request was printed whole, 0 to end with " [|nfs]". */
static int nfs_request_body(struct nd *nd, const uint8_t *rp, uint32_t length)
{
	int v3 = GET_BE32(nd, rp + 16) == 3;
	uint32_t proc = GET_BE32(nd, rp + 20);
	if (!v3 && proc < sizeof nfsv2_to_v3)
		proc = nfsv2_to_v3[proc];
	ND_U(nd, length);
	if (proc == P_NOOP) {
		ND_STR(nd, " nop");
		return 1;
	}
	if (proc == P_NULL) {
		ND_STR(nd, " null");
		return 1;
	}
	if (proc >= sizeof nfs_procname / sizeof nfs_procname[0]) {
		ND_STR(nd, " proc-");
		ND_U(nd, proc);
		return 1;
	}
	ND_CHR(nd, ' ');
	ND_STR(nd, nfs_procname[proc]);
	const uint8_t *dp = nfs_parsereq(nd, rp, length);
	if (!dp)
		return 0;
	switch (proc) {
	case P_GETATTR:
	case P_SETATTR:
	case P_READLINK:
	case P_FSSTAT:
	case P_FSINFO:
	case P_PATHCONF:
		return nfs_parsefh(nd, dp, v3) != NULL;
	case P_LOOKUP:
	case P_CREATE:
	case P_MKDIR:
	case P_SYMLINK:
	case P_MKNOD:
	case P_REMOVE:
	case P_RMDIR:
		return nfs_parsefhn(nd, dp, v3) != NULL;
	case P_ACCESS:
		dp = nfs_parsefh(nd, dp, v3);
		if (!dp)
			return 0;
		ND_CHR(nd, ' ');
		nd_bits(nd, nfs_access_flags, GET_BE32(nd, dp), "|");
		return 1;
	case P_READ:
		dp = nfs_parsefh(nd, dp, v3);
		if (!dp)
			return 0;
		if (v3)
			out_fmt(nd->out, " %u bytes @ %llu", GET_BE32(nd, dp + 8),
				(unsigned long long)GET_BE64(nd, dp));
		else
			out_fmt(nd->out, " %u bytes @ %u", GET_BE32(nd, dp + 4), GET_BE32(nd, dp));
		return 1;
	case P_WRITE:
		dp = nfs_parsefh(nd, dp, v3);
		if (!dp)
			return 0;
		if (v3) {
			out_fmt(nd->out, " %u (%u) bytes @ %llu", GET_BE32(nd, dp + 16),
				GET_BE32(nd, dp + 8), (unsigned long long)GET_BE64(nd, dp));
			if (nd->o->vflag) {
				ND_STR(nd, " <");
				nd_tok(nd, nfs_stable_how, "stable-%u", GET_BE32(nd, dp + 12));
				ND_CHR(nd, '>');
			}
		} else {
			out_fmt(nd->out, " %u (%u) bytes @ %u (%u)", GET_BE32(nd, dp + 12),
				GET_BE32(nd, dp + 8), GET_BE32(nd, dp + 4), GET_BE32(nd, dp));
		}
		return 1;
	case P_RENAME:
		dp = nfs_parsefhn(nd, dp, v3);
		if (!dp)
			return 0;
		ND_STR(nd, " ->");
		return nfs_parsefhn(nd, dp, v3) != NULL;
	case P_LINK:
		dp = nfs_parsefh(nd, dp, v3);
		if (!dp)
			return 0;
		ND_STR(nd, " ->");
		return nfs_parsefhn(nd, dp, v3) != NULL;
	default:
		/* readdir, readdirplus, commit: arguments not decoded yet */
		return nfs_parsefh(nd, dp, v3) != NULL;
	}
}

static void nfs_reply_body(struct nd *nd, const uint8_t *rp, uint32_t length)
{
	uint32_t stat = GET_BE32(nd, rp + 8);
	if (stat == 0) {
		ND_STR(nd, "reply ok ");
		ND_U(nd, length);
	} else if (stat == 1) {
		ND_STR(nd, "reply ERR ");
		ND_U(nd, length);
		ND_STR(nd, ": ");
		uint32_t rstat = GET_BE32(nd, rp + 12);
		if (rstat == 0)
			out_fmt(nd->out, "RPC Version mismatch (%u-%u)", GET_BE32(nd, rp + 16),
				GET_BE32(nd, rp + 20));
		else if (rstat == 1) {
			ND_STR(nd, "Auth ");
			nd_tok(nd, rpc_auth_stat, "Invalid failure code %u", GET_BE32(nd, rp + 16));
		} else
			out_fmt(nd->out, "Unknown reason for rejecting rpc message %u", rstat);
	} else {
		out_fmt(nd->out, "reply Unknown rpc response code=%u %u", stat, length);
	}
}

/* rp at the RPC message; prefix printed before "NFS ..." */
static int nfs_rpc_print(struct nd *nd, const uint8_t *rp, uint32_t length, uint16_t sport,
			 uint16_t dport, const char *prefix)
{
	if (!nd_ok(nd, rp + 4, 4))
		return 0;
	uint32_t dir = GET_BE32(nd, rp + 4);
	if (dport == NFS_PORT && dir == RPC_CALL) {
		ND_STR(nd, prefix);
		ND_STR(nd, "NFS request xid ");
		ND_U(nd, GET_BE32(nd, rp));
		ND_CHR(nd, ' ');
		nd->protocol = "nfs";
		if (!nfs_request_body(nd, rp, length))
			nd_print_trunc(nd);
		return 1;
	}
	if (sport == NFS_PORT && dir == RPC_REPLY) {
		ND_STR(nd, prefix);
		ND_STR(nd, "NFS reply xid ");
		ND_U(nd, GET_BE32(nd, rp));
		ND_CHR(nd, ' ');
		nd->protocol = "nfs";
		nfs_reply_body(nd, rp, length);
		return 1;
	}
	return 0;
}

int nfs_tcp_print(struct nd *nd, const uint8_t *p, uint32_t len, uint16_t sport, uint16_t dport,
		  const struct ipctx *ip)
{
	(void)ip;
	if (len < 4 || !nd_ok(nd, p, 4))
		return 0;
	uint32_t frag = GET_BE32(nd, p) & 0x7fffffffu;
	if (frag > len - 4)
		frag = len - 4;
	return nfs_rpc_print(nd, p + 4, frag, sport, dport, ": ");
}

/* NFS over UDP: the caller has printed the addresses and ": ". */
int nfs_udp_print(struct nd *nd, const uint8_t *p, uint32_t len, uint16_t sport, uint16_t dport,
		  const struct ipctx *ip)
{
	(void)ip;
	return nfs_rpc_print(nd, p, len, sport, dport, "");
}
