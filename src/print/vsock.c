/*
 * vsock.c - Linux vsock monitor frames (DLT_VSOCK, vsockmon), as tcpdump
 * 4.99 prints them.  All fields little-endian.
 *
 *   af_vsockmon_hdr: | src cid (8) | dst cid (8) | src port (4) | dst port (4) |
 *                    | op (2) | transport (2) | transport hdr len (2) | rsvd (2) |
 *   virtio transport header (44 bytes) follows for transport 2.
 */
#include "svc2.h"

#define VSOCK_HDR 32
#define VIRTIO_HDR 44

static const struct tok vsock_transports[] = {{0, "UNKNOWN"}, {1, "NO_INFO"}, {2, "VIRTIO"}, {0, NULL}};
static const struct tok vsock_ops[] = {
	{0, "UNKNOWN"}, {1, "CONNECT"}, {2, "DISCONNECT"}, {3, "CONTROL"}, {4, "PAYLOAD"}, {0, NULL},
};
static const struct tok virtio_types[] = {{1, "STREAM"}, {0, NULL}};
static const struct tok virtio_ops[] = {
	{0, "INVALID"}, {1, "REQUEST"}, {2, "RESPONSE"}, {3, "RST"}, {4, "SHUTDOWN"}, {5, "RW"},
	{6, "CREDIT UPDATE"}, {7, "CREDIT REQUEST"}, {0, NULL},
};

static void vsock_virtio(struct nd *nd, const uint8_t *h)
{
	out_fmt(nd->out, "len %u", GET_LE32(nd, h + 24));
	ND_STR(nd, ", type ");
	nd_tok(nd, virtio_types, "Invalid type (%u)", GET_LE16(nd, h + 28));
	ND_STR(nd, ", op ");
	nd_tok(nd, virtio_ops, "Invalid op (%u)", GET_LE16(nd, h + 30));
	out_fmt(nd->out, ", flags %x", GET_LE32(nd, h + 32));
	out_fmt(nd->out, ", buf_alloc %u", GET_LE32(nd, h + 36));
	out_fmt(nd->out, ", fwd_cnt %u", GET_LE32(nd, h + 40));
}

void vsock_print(struct nd *nd, const uint8_t *p, uint32_t caplen, uint32_t len)
{
	(void)len;
	nd->protocol = "vsock";
	if (caplen < VSOCK_HDR) {
		nd->ll_hdr_len = caplen;
		nd_print_trunc(nd);
		return;
	}
	nd->ll_hdr_len = VSOCK_HDR;
	uint16_t tr = GET_LE16(nd, p + 26);
	unsigned trlen = tr == 2 ? VIRTIO_HDR : 0;
	nd_tok(nd, vsock_transports, "Invalid transport (%u)", tr);
	int short_hdr = 0;
	if (nd->o->vflag) {
		if (caplen < VSOCK_HDR + trlen) {
			short_hdr = 1;
		} else {
			if (tr == 2) {
				ND_STR(nd, " (");
				vsock_virtio(nd, p + VSOCK_HDR);
				ND_CHR(nd, ')');
			}
			ND_STR(nd, "\n\t");
		}
	} else {
		ND_CHR(nd, ' ');
	}
	uint16_t op = GET_LE16(nd, p + 24);
	out_fmt(nd->out, "%llu.%u > %llu.%u ", (unsigned long long)((uint64_t)GET_LE32(nd, p + 4) << 32 | GET_LE32(nd, p)),
		GET_LE32(nd, p + 16), (unsigned long long)((uint64_t)GET_LE32(nd, p + 12) << 32 | GET_LE32(nd, p + 8)),
		GET_LE32(nd, p + 20));
	nd_tok(nd, vsock_ops, " invalid op (%u)", op);
	out_fmt(nd->out, ", length %u", caplen);
	if (short_hdr) {
		nd_print_trunc(nd);
		return;
	}
	if (nd->o->vflag > 1 && op == 4) {
		if (caplen > VSOCK_HDR + trlen) {
			ND_CHR(nd, '\n');
			nd_print_unknown_data(nd, p + VSOCK_HDR + trlen, "\t", caplen - VSOCK_HDR - trlen);
		} else {
			nd_print_trunc(nd);
		}
	}
}
