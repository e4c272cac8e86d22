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
 * Replies print their status and length; a reply whose xid, server and
 * client match one of the last 64 calls (tcpdump's xid ring, kept for the
 * whole run) is then decoded as that procedure's results: attributes, wcc
 * data, counts, verifiers (more of them at -v and -vv).
 *
 *   reply: xid | 1 | 0 (accepted) | verf (flavor, length, body) | accept_stat |
 *          NFS status | results
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

/* tcpdump's table has 26 entries: v2 procedures 18-25 are "nop" too. */
static const uint8_t nfsv2_to_v3[26] = {
	P_NULL, P_GETATTR, P_SETATTR, P_NOOP, P_LOOKUP, P_READLINK, P_READ, P_NOOP,
	P_WRITE, P_CREATE, P_REMOVE, P_RENAME, P_LINK, P_SYMLINK, P_MKDIR, P_RMDIR,
	P_READDIR, P_FSSTAT, P_NOOP, P_NOOP, P_NOOP, P_NOOP, P_NOOP, P_NOOP, P_NOOP, P_NOOP,
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
	if (words32 < 4) {
		/* tcpdump 4.99.3 does not guess at handles shorter than 16 bytes */
	} else if (B(0) == 0 && B(1) == 0) {
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
		/* the opaque hex covers the handle's own bytes, at most 32 */
		for (unsigned i = 0; i < 32 && i < words32 * 4; i++) {
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

static void xid_map_enter(struct nd *nd, const uint8_t *rp, const struct ipctx *ip);

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
		if (skip > nd_avail(nd, dp)) {
			/* tcpdump reads the verifier length there unchecked:
			 * the packet ends (the -X dump starts at the frame) */
			if (part == 0 && length - (8 + rlen) >= 8)
				nd_trunc(nd);
			return NULL;
		}
		dp += skip;
		length -= 8 + rlen;
	}
	return dp;
}

/* -u: the undecoded handle as " fh[W:W:...]", each 32-bit word in hex. */
static void nfs_printfh_raw(struct nd *nd, const uint8_t *fh, unsigned words32)
{
	ND_STR(nd, " fh[");
	for (unsigned i = 0; i < words32; i++) {
		if (i)
			ND_CHR(nd, ':');
		out_hex(nd->out, GET_BE32(nd, fh + 4 * (size_t)i), 0);
	}
	ND_CHR(nd, ']');
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
	if (nd->o->uflag)
		nfs_printfh_raw(nd, dp, words);
	else
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
	nd_printjn(nd, dp, len); /* tcpdump 4.99.3 prints the NULs too (^@) */
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

/* NFSv3 sattr3: optional mode, uid, gid, size, atime, mtime (printed after the name). */
struct sattr3 {
	uint32_t mode_set, mode, uid_set, uid, gid_set, gid;
	uint32_t atime_type, atime[2], mtime_type, mtime[2];
};

static const uint8_t *nfs_parse_sattr3(struct nd *nd, const uint8_t *dp, struct sattr3 *sa)
{
	uint32_t *vals[3][2] = {{&sa->mode_set, &sa->mode}, {&sa->uid_set, &sa->uid}, {&sa->gid_set, &sa->gid}};
	for (int i = 0; i < 3; i++) {
		*vals[i][0] = GET_BE32(nd, dp);
		dp += 4;
		if (*vals[i][0]) {
			*vals[i][1] = GET_BE32(nd, dp);
			dp += 4;
		}
	}
	if (GET_BE32(nd, dp)) /* size: set, then a 32-bit read as tcpdump does */
		dp += 4;
	dp += 4;
	sa->atime_type = GET_BE32(nd, dp);
	dp += 4;
	if (sa->atime_type == 2) {
		sa->atime[0] = GET_BE32(nd, dp);
		sa->atime[1] = GET_BE32(nd, dp + 4);
		dp += 8;
	}
	sa->mtime_type = GET_BE32(nd, dp);
	dp += 4;
	if (sa->mtime_type == 2) {
		sa->mtime[0] = GET_BE32(nd, dp);
		sa->mtime[1] = GET_BE32(nd, dp + 4);
		dp += 8;
	}
	return dp;
}

static void nfs_print_sattr3(struct nd *nd, const struct sattr3 *sa)
{
	if (sa->mode_set)
		out_fmt(nd->out, " mode %o", sa->mode);
	if (sa->uid_set)
		out_fmt(nd->out, " uid %u", sa->uid);
	if (sa->gid_set)
		out_fmt(nd->out, " gid %u", sa->gid);
	if (nd->o->vflag > 1) {
		if (sa->atime_type == 2)
			out_fmt(nd->out, " atime %u.%06u", sa->atime[0], sa->atime[1]);
		if (sa->mtime_type == 2)
			out_fmt(nd->out, " mtime %u.%06u", sa->mtime[0], sa->mtime[1]);
	}
}

static const struct tok nfs_ftypes[] = {
	{0, "NON"}, {1, "REG"}, {2, "DIR"}, {3, "BLK"}, {4, "CHR"}, {5, "LNK"}, {7, "FIFO"}, {0, NULL},
};

static const char *const nfs_procname[] = {
	"null", "getattr", "setattr", "lookup", "access", "readlink", "read", "write",
	"create", "mkdir", "symlink", "mknod", "remove", "rmdir", "rename", "link",
	"readdir", "readdirplus", "fsstat", "fsinfo", "pathconf", "commit",
};

/* Returns 1 when the request was printed whole, 0 to end with " [|nfs]". */
static int nfs_request_body(struct nd *nd, const uint8_t *rp, uint32_t length, const struct ipctx *ip)
{
	ND_U(nd, length);
	if (!nd_ok(nd, rp + 20, 4))
		return 0;
	xid_map_enter(nd, rp, ip);
	int v3 = GET_BE32(nd, rp + 16) == 3;
	uint32_t proc = GET_BE32(nd, rp + 20);
	if (!v3 && proc < sizeof nfsv2_to_v3)
		proc = nfsv2_to_v3[proc];
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
	case P_REMOVE:
	case P_RMDIR:
		return nfs_parsefhn(nd, dp, v3) != NULL;
	case P_SYMLINK: {
		struct sattr3 sa = {0};
		dp = nfs_parsefhn(nd, dp, v3);
		if (!dp)
			return 0;
		ND_STR(nd, " ->");
		if (v3)
			dp = nfs_parse_sattr3(nd, dp, &sa);
		if (!nfs_parsefn(nd, dp))
			return 0;
		if (v3 && nd->o->vflag)
			nfs_print_sattr3(nd, &sa);
		return 1;
	}
	case P_MKNOD: {
		struct sattr3 sa = {0};
		dp = nfs_parsefhn(nd, dp, v3);
		if (!dp)
			return 0;
		uint32_t type = GET_BE32(nd, dp);
		dp = nfs_parse_sattr3(nd, dp + 4, &sa);
		ND_CHR(nd, ' ');
		nd_tok(nd, nfs_ftypes, "unk-ft %u", type);
		if (nd->o->vflag && (type == 3 || type == 4))
			out_fmt(nd->out, " %u/%u", GET_BE32(nd, dp), GET_BE32(nd, dp + 4));
		if (nd->o->vflag)
			nfs_print_sattr3(nd, &sa);
		return 1;
	}
	case P_ACCESS: {
		dp = nfs_parsefh(nd, dp, v3);
		if (!dp)
			return 0;
		uint32_t fl = GET_BE32(nd, dp);
		if (fl & ~0x3fu) {
			out_fmt(nd->out, " %04x", fl);
		} else if (fl == 0x3f) {
			ND_STR(nd, " NFS_ACCESS_FULL");
		} else if (fl) {
			ND_CHR(nd, ' ');
			nd_bits(nd, nfs_access_flags, fl, "|");
		}
		return 1;
	}
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
				{
					uint32_t how = GET_BE32(nd, dp + 12);
					const char *hn = tok_find(nfs_stable_how, how);
					if (hn)
						ND_STR(nd, hn);
					else
						out_fmt(nd->out, "#%d", (int)how); /* tok2str's own format */
				}
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
	case P_READDIR:
		dp = nfs_parsefh(nd, dp, v3);
		if (!dp)
			return 0;
		if (v3) {
			out_fmt(nd->out, " %u bytes @ %lld", GET_BE32(nd, dp + 16), (long long)GET_BE64(nd, dp));
			if (nd->o->vflag)
				out_fmt(nd->out, " verf %08x%08x", GET_BE32(nd, dp + 8), GET_BE32(nd, dp + 12));
		} else {
			out_fmt(nd->out, " %u bytes @ %u", GET_BE32(nd, dp + 4), GET_BE32(nd, dp));
		}
		return 1;
	case P_READDIRPLUS:
		dp = nfs_parsefh(nd, dp, v3);
		if (!dp)
			return 0;
		out_fmt(nd->out, " %u bytes @ %lld", GET_BE32(nd, dp + 16), (long long)GET_BE64(nd, dp));
		if (nd->o->vflag)
			out_fmt(nd->out, " max %u verf %08x%08x", GET_BE32(nd, dp + 20), GET_BE32(nd, dp + 8),
				GET_BE32(nd, dp + 12));
		return 1;
	case P_COMMIT:
		dp = nfs_parsefh(nd, dp, v3);
		if (!dp)
			return 0;
		out_fmt(nd->out, " %u bytes @ %llu", GET_BE32(nd, dp + 8), (unsigned long long)GET_BE64(nd, dp));
		return 1;
	default:
		return 1;
	}
}

/* ---- matching replies to requests ----
 *
 * tcpdump remembers the last 64 calls (xid, client, server, procedure,
 * version) in a ring; a reply from the server to the client with the same xid
 * is decoded as that procedure's results.
 */
#define XIDMAP_SIZE 64
struct xid_ent {
	uint32_t xid;
	int ipver;
	uint8_t client[16], server[16];
	uint32_t proc, vers;
};
static struct xid_ent xid_map[XIDMAP_SIZE];
static int xid_next, xid_hint;

static void xid_map_enter(struct nd *nd, const uint8_t *rp, const struct ipctx *ip)
{
	int ver = GET_U8(nd, ip->iph) >> 4;
	if (ver != 4 && ver != 6)
		return;
	struct xid_ent *e = &xid_map[xid_next];
	xid_next = (xid_next + 1) % XIDMAP_SIZE;
	size_t alen = ver == 4 ? 4 : 16;
	e->xid = GET_BE32(nd, rp);
	e->ipver = ver;
	memset(e->client, 0, sizeof e->client);
	memset(e->server, 0, sizeof e->server);
	GET_CPY(nd, e->client, ip->iph + (ver == 4 ? 12 : 8), alen);
	GET_CPY(nd, e->server, ip->iph + (ver == 4 ? 16 : 24), alen);
	e->proc = GET_BE32(nd, rp + 20);
	e->vers = GET_BE32(nd, rp + 16);
}

/* 1 with the call's procedure and version when the reply matches a call. */
static int xid_map_find(struct nd *nd, const uint8_t *rp, const struct ipctx *ip, uint32_t *proc,
			uint32_t *vers)
{
	int ver = GET_U8(nd, ip->iph) >> 4;
	uint32_t xid = GET_BE32(nd, rp);
	size_t alen = ver == 4 ? 4 : 16;
	uint8_t src[16], dst[16];
	if (ver == 4 || ver == 6) {
		GET_CPY(nd, src, ip->iph + (ver == 4 ? 12 : 8), alen);
		GET_CPY(nd, dst, ip->iph + (ver == 4 ? 16 : 24), alen);
	}
	int i = xid_hint;
	do {
		const struct xid_ent *e = &xid_map[i];
		if (e->ipver == ver && e->xid == xid && (ver == 4 || ver == 6) &&
		    memcmp(src, e->server, alen) == 0 && memcmp(dst, e->client, alen) == 0) {
			xid_hint = i;
			*proc = e->proc;
			*vers = e->vers;
			return 1;
		}
		i = (i + 1) % XIDMAP_SIZE;
	} while (i != xid_hint);
	return 0;
}

/* ---- reply results (tcpdump's interp_reply); NULL means "stop here" ---- */

static const struct tok nfs_errors[] = {
	{1, "Operation not permitted"}, {2, "No such file or directory"}, {5, "Input/output error"},
	{6, "Device not configured"}, {11, "Resource deadlock avoided"}, {12, "Cannot allocate memory"},
	{13, "Permission denied"}, {17, "File exists"}, {18, "Cross-device link"},
	{19, "Operation not supported by device"}, {20, "Not a directory"}, {21, "Is a directory"},
	{22, "Invalid argument"}, {26, "Text file busy"}, {27, "File too large"},
	{28, "No space left on device"}, {30, "Read-only file system"}, {31, "Too many links"},
	{45, "Operation not supported"}, {62, "Too many levels of symbolic links"},
	{63, "File name too long"}, {66, "Directory not empty"}, {69, "Disc quota exceeded"},
	{70, "Stale NFS file handle"}, {71, "Too many levels of remote in path"},
	{99, "Write cache flushed to disk"}, {10001, "Illegal NFS file handle"},
	{10002, "Update synchronization mismatch"}, {10003, "READDIR/READDIRPLUS cookie is stale"},
	{10004, "Operation not supported"}, {10005, "Buffer or request is too small"},
	{10006, "Unspecified error on server"}, {10007, "Object of that type not supported"},
	{10008, "Request couldn't be completed in time"}, {0, NULL},
};
static const struct tok rpc_accept_stat[] = {
	{1, "PROG_UNAVAIL"}, {2, "PROG_MISMATCH"}, {3, "PROC_UNAVAIL"}, {4, "GARBAGE_ARGS"},
	{5, "SYSTEM_ERR"}, {0, NULL},
};

/* The results after the verifier and accept status; *err when the call was not accepted. */
static const uint8_t *nfs_parserep(struct nd *nd, const uint8_t *rp, uint32_t length, int *err)
{
	const uint8_t *dp = rp + 12;
	uint32_t len = GET_BE32(nd, dp + 4);
	if (len >= length)
		return NULL;
	uint64_t skip = ((uint64_t)len + 11) / 4 * 4;
	if (skip > nd_avail(nd, dp))
		nd_trunc(nd);
	dp += skip;
	uint32_t astat = GET_BE32(nd, dp);
	if (astat != 0) {
		ND_CHR(nd, ' ');
		nd_tok(nd, rpc_accept_stat, "ar_stat %u", astat);
		*err = 1;
		return NULL;
	}
	return dp + 4;
}

static const uint8_t *nfs_parsestatus(struct nd *nd, const uint8_t *dp, uint32_t *er, int *err)
{
	uint32_t e = GET_BE32(nd, dp);
	*er = e;
	if (e != 0) {
		if (!nd->o->qflag) {
			ND_STR(nd, " ERROR: ");
			nd_tok(nd, nfs_errors, "unk %u", e);
		}
		*err = 1;
	}
	return dp + 4;
}

static const uint8_t *nfs_parsefattr(struct nd *nd, const uint8_t *dp, int verbose, int v3)
{
	if (!nd_ok(nd, dp + 16, 4))
		return NULL;
	if (verbose) {
		ND_CHR(nd, ' ');
		nd_tok(nd, nfs_ftypes, "unk-ft %u ", GET_BE32(nd, dp));
		out_fmt(nd->out, " %o ids %d/%d", GET_BE32(nd, dp + 4), (int32_t)GET_BE32(nd, dp + 12),
			(int32_t)GET_BE32(nd, dp + 16));
		if (v3)
			out_fmt(nd->out, " sz %llu", (unsigned long long)GET_BE64(nd, dp + 20));
		else
			out_fmt(nd->out, " sz %u", GET_BE32(nd, dp + 20));
	}
	if (verbose > 1) {
		if (v3) {
			if (!nd_ok(nd, dp + 76, 8))
				return NULL;
			out_fmt(nd->out, " nlink %u rdev %u/%u", GET_BE32(nd, dp + 8), GET_BE32(nd, dp + 36),
				GET_BE32(nd, dp + 40));
			out_fmt(nd->out, " fsid %llx", (unsigned long long)GET_BE64(nd, dp + 44));
			out_fmt(nd->out, " fileid %llx", (unsigned long long)GET_BE64(nd, dp + 52));
			out_fmt(nd->out, " a/m/ctime %u.%06u", GET_BE32(nd, dp + 60), GET_BE32(nd, dp + 64));
			out_fmt(nd->out, " %u.%06u", GET_BE32(nd, dp + 68), GET_BE32(nd, dp + 72));
			out_fmt(nd->out, " %u.%06u", GET_BE32(nd, dp + 76), GET_BE32(nd, dp + 80));
		} else {
			if (!nd_ok(nd, dp + 60, 8))
				return NULL;
			out_fmt(nd->out, " nlink %u rdev 0x%x fsid 0x%x nodeid 0x%x a/m/ctime",
				GET_BE32(nd, dp + 8), GET_BE32(nd, dp + 28), GET_BE32(nd, dp + 36),
				GET_BE32(nd, dp + 40));
			out_fmt(nd->out, " %u.%06u", GET_BE32(nd, dp + 44), GET_BE32(nd, dp + 48));
			out_fmt(nd->out, " %u.%06u", GET_BE32(nd, dp + 52), GET_BE32(nd, dp + 56));
			out_fmt(nd->out, " %u.%06u", GET_BE32(nd, dp + 60), GET_BE32(nd, dp + 64));
		}
	}
	return dp + (v3 ? 84 : 68);
}

static int nfs_parseattrstat(struct nd *nd, const uint8_t *dp, int verbose, int v3, int *err)
{
	uint32_t er;
	dp = nfs_parsestatus(nd, dp, &er, err);
	if (er)
		return 1;
	return nfs_parsefattr(nd, dp, verbose, v3) != NULL;
}

static int nfs_parsediropres(struct nd *nd, const uint8_t *dp, int *err)
{
	uint32_t er;
	dp = nfs_parsestatus(nd, dp, &er, err);
	if (er)
		return 1;
	dp = nfs_parsefh(nd, dp, 0);
	if (!dp)
		return 0;
	return nfs_parsefattr(nd, dp, nd->o->vflag, 0) != NULL;
}

static const uint8_t *nfs_post_op_attr(struct nd *nd, const uint8_t *dp, int verbose)
{
	if (!GET_BE32(nd, dp))
		return dp + 4;
	dp += 4;
	if (verbose)
		return nfs_parsefattr(nd, dp, verbose, 1);
	return dp + 84;
}

static const uint8_t *nfs_wcc_data(struct nd *nd, const uint8_t *dp, int verbose)
{
	if (verbose > 1)
		ND_STR(nd, " PRE:");
	if (GET_BE32(nd, dp)) {
		dp += 4;
		if (!nd_ok(nd, dp, 24))
			return NULL;
		if (verbose > 1) {
			out_fmt(nd->out, " sz %llu", (unsigned long long)GET_BE64(nd, dp));
			out_fmt(nd->out, " mtime %u.%06u ctime %u.%06u", GET_BE32(nd, dp + 8),
				GET_BE32(nd, dp + 12), GET_BE32(nd, dp + 16), GET_BE32(nd, dp + 20));
		}
		dp += 24;
	} else {
		dp += 4;
	}
	if (verbose)
		ND_STR(nd, " POST:");
	return nfs_post_op_attr(nd, dp, verbose);
}

static const uint8_t *nfs_wccres(struct nd *nd, const uint8_t *dp, int verbose, int *err)
{
	uint32_t er;
	dp = nfs_parsestatus(nd, dp, &er, err);
	return nfs_wcc_data(nd, dp, verbose);
}

static const uint8_t *nfs_createopres(struct nd *nd, const uint8_t *dp, int verbose, int *err)
{
	uint32_t er;
	dp = nfs_parsestatus(nd, dp, &er, err);
	if (er)
		return nfs_wcc_data(nd, dp, verbose);
	if (!GET_BE32(nd, dp))
		return dp + 4;
	dp = nfs_parsefh(nd, dp + 4, 1);
	if (!dp)
		return NULL;
	if (verbose) {
		dp = nfs_post_op_attr(nd, dp, verbose);
		if (!dp)
			return NULL;
		if (nd->o->vflag > 1) {
			ND_STR(nd, " dir attr:");
			dp = nfs_wcc_data(nd, dp, verbose);
		}
	}
	return dp;
}

static const uint8_t *nfs_v3rddirres(struct nd *nd, const uint8_t *dp, int verbose, int *err)
{
	uint32_t er;
	dp = nfs_parsestatus(nd, dp, &er, err);
	if (nd->o->vflag)
		ND_STR(nd, " POST:");
	dp = nfs_post_op_attr(nd, dp, verbose);
	if (!dp || er)
		return dp;
	if (nd->o->vflag) {
		out_fmt(nd->out, " verf %08x%08x", GET_BE32(nd, dp), GET_BE32(nd, dp + 4));
		dp += 8;
	}
	return dp;
}

static int nfs_statfs(struct nd *nd, const uint8_t *dp, int v3, int *err)
{
	uint32_t er;
	dp = nfs_parsestatus(nd, dp, &er, err);
	if (!v3 && er)
		return 1;
	if (nd->o->qflag)
		return 1;
	if (v3) {
		if (nd->o->vflag)
			ND_STR(nd, " POST:");
		dp = nfs_post_op_attr(nd, dp, nd->o->vflag);
		if (!dp)
			return 0;
	}
	if (!nd_ok(nd, dp, v3 ? 52 : 20))
		return 0;
	if (v3) {
		out_fmt(nd->out, " tbytes %llu fbytes %llu abytes %llu", (unsigned long long)GET_BE64(nd, dp),
			(unsigned long long)GET_BE64(nd, dp + 8), (unsigned long long)GET_BE64(nd, dp + 16));
		if (nd->o->vflag)
			out_fmt(nd->out, " tfiles %llu ffiles %llu afiles %llu invar %u",
				(unsigned long long)GET_BE64(nd, dp + 24), (unsigned long long)GET_BE64(nd, dp + 32),
				(unsigned long long)GET_BE64(nd, dp + 40), GET_BE32(nd, dp + 48));
	} else {
		out_fmt(nd->out, " tsize %u bsize %u blocks %u bfree %u bavail %u", GET_BE32(nd, dp),
			GET_BE32(nd, dp + 4), GET_BE32(nd, dp + 8), GET_BE32(nd, dp + 12), GET_BE32(nd, dp + 16));
	}
	return 1;
}

static int nfs_fsinfo(struct nd *nd, const uint8_t *dp, int *err)
{
	uint32_t er;
	dp = nfs_parsestatus(nd, dp, &er, err);
	if (nd->o->vflag)
		ND_STR(nd, " POST:");
	dp = nfs_post_op_attr(nd, dp, nd->o->vflag);
	if (!dp)
		return 0;
	if (er)
		return 1;
	if (!nd_ok(nd, dp, 48))
		return 0;
	out_fmt(nd->out, " rtmax %u rtpref %u wtmax %u wtpref %u dtpref %u", GET_BE32(nd, dp),
		GET_BE32(nd, dp + 4), GET_BE32(nd, dp + 12), GET_BE32(nd, dp + 16), GET_BE32(nd, dp + 24));
	if (nd->o->vflag) {
		out_fmt(nd->out, " rtmult %u wtmult %u maxfsz %llu", GET_BE32(nd, dp + 8), GET_BE32(nd, dp + 20),
			(unsigned long long)GET_BE64(nd, dp + 28));
		out_fmt(nd->out, " delta %u.%06u ", GET_BE32(nd, dp + 36), GET_BE32(nd, dp + 40));
	}
	return 1;
}

static int nfs_pathconf(struct nd *nd, const uint8_t *dp, int *err)
{
	uint32_t er;
	dp = nfs_parsestatus(nd, dp, &er, err);
	if (nd->o->vflag)
		ND_STR(nd, " POST:");
	dp = nfs_post_op_attr(nd, dp, nd->o->vflag);
	if (!dp)
		return 0;
	if (er)
		return 1;
	if (!nd_ok(nd, dp, 24))
		return 0;
	out_fmt(nd->out, " linkmax %u namemax %u %s %s %s %s", GET_BE32(nd, dp), GET_BE32(nd, dp + 4),
		GET_BE32(nd, dp + 8) ? "notrunc" : "", GET_BE32(nd, dp + 12) ? "chownres" : "",
		GET_BE32(nd, dp + 16) ? "igncase" : "", GET_BE32(nd, dp + 20) ? "keepcase" : "");
	return 1;
}

#define NFS_NPROCNAMES 22

/* Returns 1 when done, 0 when the results stop early (truncated). */
static int nfs_reply_results(struct nd *nd, const uint8_t *dp, uint32_t proc, int v3, int *err)
{
	uint32_t er;
	int v = nd->o->vflag;
	switch (proc) {
	case P_GETATTR:
		return nfs_parseattrstat(nd, dp, !nd->o->qflag, v3, err);
	case P_SETATTR:
		if (v3)
			return nfs_wccres(nd, dp, v, err) != NULL;
		return nfs_parseattrstat(nd, dp, !nd->o->qflag, 0, err);
	case P_LOOKUP:
		if (!v3)
			return nfs_parsediropres(nd, dp, err);
		dp = nfs_parsestatus(nd, dp, &er, err);
		if (!er) {
			dp = nfs_parsefh(nd, dp, v3);
			if (!dp)
				return 0;
			dp = nfs_post_op_attr(nd, dp, v);
			if (!dp)
				return 0;
		}
		if (v > 1) {
			ND_STR(nd, " post dattr:");
			if (!nfs_post_op_attr(nd, dp, v))
				return 0;
		}
		return 1;
	case P_ACCESS:
		dp = nfs_parsestatus(nd, dp, &er, err);
		if (v)
			ND_STR(nd, " attr:");
		dp = nfs_post_op_attr(nd, dp, v);
		if (!dp)
			return 0;
		if (!er)
			out_fmt(nd->out, " c %04x", GET_BE32(nd, dp));
		return 1;
	case P_READLINK:
		dp = nfs_parsestatus(nd, dp, &er, err);
		if (er)
			return 1;
		if (v3) {
			dp = nfs_post_op_attr(nd, dp, v);
			if (!dp)
				return 0;
		}
		ND_CHR(nd, ' ');
		return nfs_parsefn(nd, dp) != NULL;
	case P_READ:
		if (!v3)
			return nfs_parseattrstat(nd, dp, v, 0, err);
		dp = nfs_parsestatus(nd, dp, &er, err);
		dp = nfs_post_op_attr(nd, dp, v);
		if (!dp)
			return 0;
		if (!er && v) {
			out_fmt(nd->out, " %u bytes", GET_BE32(nd, dp));
			if (GET_BE32(nd, dp + 4))
				ND_STR(nd, " EOF");
		}
		return 1;
	case P_WRITE:
		if (!v3)
			return nfs_parseattrstat(nd, dp, v, v3, err);
		dp = nfs_parsestatus(nd, dp, &er, err);
		dp = nfs_wcc_data(nd, dp, v);
		if (!dp)
			return 0;
		if (!er && v) {
			out_fmt(nd->out, " %u bytes", GET_BE32(nd, dp));
			if (v > 1) {
				uint32_t how = GET_BE32(nd, dp + 4);
				const char *hn = tok_find(nfs_stable_how, how);
				if (hn)
					out_fmt(nd->out, " <%s>", hn);
				else
					out_fmt(nd->out, " <#%d>", (int)how);
				out_fmt(nd->out, " verf %llx", (unsigned long long)GET_BE64(nd, dp + 8));
			}
		}
		return 1;
	case P_CREATE:
	case P_MKDIR:
		if (v3)
			return nfs_createopres(nd, dp, v, err) != NULL;
		return nfs_parsediropres(nd, dp, err);
	case P_SYMLINK:
		if (v3)
			return nfs_createopres(nd, dp, v, err) != NULL;
		nfs_parsestatus(nd, dp, &er, err);
		return 1;
	case P_MKNOD:
		return nfs_createopres(nd, dp, v, err) != NULL;
	case P_REMOVE:
	case P_RMDIR:
		if (v3)
			return nfs_wccres(nd, dp, v, err) != NULL;
		nfs_parsestatus(nd, dp, &er, err);
		return 1;
	case P_RENAME:
		dp = nfs_parsestatus(nd, dp, &er, err);
		if (v3 && v) {
			ND_STR(nd, " from:");
			dp = nfs_wcc_data(nd, dp, v);
			if (!dp)
				return 0;
			ND_STR(nd, " to:");
			return nfs_wcc_data(nd, dp, v) != NULL;
		}
		return 1;
	case P_LINK:
		dp = nfs_parsestatus(nd, dp, &er, err);
		if (v3 && v) {
			ND_STR(nd, " file POST:");
			dp = nfs_post_op_attr(nd, dp, v);
			if (!dp)
				return 0;
			ND_STR(nd, " dir:");
			if (!nfs_wcc_data(nd, dp, v))
				return 0;
		}
		return 1;
	case P_READDIR:
		if (v3)
			return nfs_v3rddirres(nd, dp, v, err) != NULL;
		dp = nfs_parsestatus(nd, dp, &er, err);
		if (er || nd->o->qflag)
			return 1;
		out_fmt(nd->out, " offset 0x%x size %u ", GET_BE32(nd, dp), GET_BE32(nd, dp + 4));
		if (GET_BE32(nd, dp + 8) != 0)
			ND_STR(nd, " eof");
		return 1;
	case P_READDIRPLUS:
		return nfs_v3rddirres(nd, dp, v, err) != NULL;
	case P_FSSTAT:
		return nfs_statfs(nd, dp, v3, err);
	case P_FSINFO:
		return nfs_fsinfo(nd, dp, err);
	case P_PATHCONF:
		return nfs_pathconf(nd, dp, err);
	case P_COMMIT:
		dp = nfs_wccres(nd, dp, v, err);
		if (!dp)
			return 0;
		if (v > 1)
			out_fmt(nd->out, " verf %llx", (unsigned long long)GET_BE64(nd, dp));
		return 1;
	default:
		return 1;
	}
}

static void nfs_interp_reply(struct nd *nd, const uint8_t *rp, uint32_t proc, uint32_t vers, uint32_t length)
{
	int v3 = vers == 3, err = 0;
	if (!v3 && proc < sizeof nfsv2_to_v3)
		proc = nfsv2_to_v3[proc];
	if (proc == P_NOOP)
		ND_STR(nd, " nop");
	else if (proc < NFS_NPROCNAMES)
		out_fmt(nd->out, " %s", nfs_procname[proc]);
	else
		out_fmt(nd->out, " proc-%u", proc);
	if (proc == P_NULL || proc >= NFS_NPROCNAMES)
		return;
	const uint8_t *dp = nfs_parserep(nd, rp, length, &err);
	if ((!dp || !nfs_reply_results(nd, dp, proc, v3, &err)) && !err)
		nd_print_trunc(nd);
}

static void nfs_reply_body(struct nd *nd, const uint8_t *rp, uint32_t length, const struct ipctx *ip)
{
	uint32_t stat = GET_BE32(nd, rp + 8);
	if (stat == 0) {
		ND_STR(nd, "reply ok ");
		ND_U(nd, length);
		uint32_t proc, vers;
		if (xid_map_find(nd, rp, ip, &proc, &vers))
			nfs_interp_reply(nd, rp, proc, vers, length);
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
			 uint16_t dport, const char *prefix, const struct ipctx *ip)
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
		if (!nfs_request_body(nd, rp, length, ip))
			nd_print_trunc(nd);
		return 1;
	}
	if (sport == NFS_PORT && dir == RPC_REPLY) {
		ND_STR(nd, prefix);
		ND_STR(nd, "NFS reply xid ");
		ND_U(nd, GET_BE32(nd, rp));
		ND_CHR(nd, ' ');
		nd->protocol = "nfs";
		nfs_reply_body(nd, rp, length, ip);
		return 1;
	}
	return 0;
}

int nfs_tcp_print(struct nd *nd, const uint8_t *p, uint32_t len, uint16_t sport, uint16_t dport,
		  const struct ipctx *ip)
{
	if (len < 4 || !nd_ok(nd, p, 4))
		return 0;
	uint32_t frag = GET_BE32(nd, p) & 0x7fffffffu;
	if (frag > len - 4)
		frag = len - 4;
	return nfs_rpc_print(nd, p + 4, frag, sport, dport, ": ", ip);
}

/* NFS over UDP: the caller has printed the addresses and ": ". */
int nfs_udp_print(struct nd *nd, const uint8_t *p, uint32_t len, uint16_t sport, uint16_t dport,
		  const struct ipctx *ip)
{
	return nfs_rpc_print(nd, p, len, sport, dport, "", ip);
}
