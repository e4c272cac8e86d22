/*
 * esp.c - IP Encapsulating Security Payload (RFC 4303), IP protocol 50 and
 * inside UDP port 4500 (RFC 3948), as tcpdump 4.99 prints it; with -E the
 * payload decrypted (esp_decrypt.c) and the packet inside printed.
 *
 *   +---------------------------------------------------------------+
 *   |               Security Parameters Index (SPI)                 |
 *   |                      Sequence Number                          |
 *   +---------------------------------------------------------------+
 *   |   IV (the cipher's IV length) | Payload Data (encrypted) ...  |
 *   |             ... | Padding | Pad Length | Next Header          |
 *   +---------------------------------------------------------------+
 *   |         Integrity Check Value ("-hmac96": 12 bytes)           |
 *
 * The plaintext goes to a buffer of this file's (after a copy of the outer IP
 * header, which the transport printers read for addresses and checksums), and
 * printing continues there: nd->pkt and nd->snapend point into it, so the
 * checked accessors bound every read by the decrypted bytes, as they bound
 * reads of the captured ones.  A truncation inside is caught here first, to
 * put the packet back before tcpdump's " [|proto]" is printed.
 */
#include <string.h>

#include "esp_decrypt.h"
#include "nd.h"

#define ESP_HDRLEN 8
#define OUTER_MAX 64            /* room for an outer IPv4 header with options, or IPv6's */

void ip6_demux(struct nd *nd, const uint8_t *p, uint32_t len, const struct ipctx *ip, uint8_t nh);

static int esp_depth;           /* ESP decrypted inside decrypted ESP uses the next buffer */

/* The association for this packet, or NULL (tcpdump's checks, in its order). */
static const struct esp_sa *esp_lookup(struct nd *nd, const uint8_t *p, const struct ipctx *ip)
{
	if (!ip || !nd->o->espsecret || !esp_sa_ready(nd->out))
		return NULL;
	uint32_t spi = GET_BE32(nd, p);
	if (ip->v6) {
		if (GET_BE16(nd, ip->iph + 4) == 0) /* a jumbogram: not decrypted */
			return NULL;
		return esp_sa_find(spi, 6, ip->dst);
	}
	if (ip->fragmented) /* pad length and next header are in the last fragment */
		return NULL;
	return esp_sa_find(spi, 4, ip->dst);
}

/* Print what the plaintext holds: the next header's printer on [pt, pt+len). */
static void esp_inner_print(struct nd *nd, uint8_t *buf, size_t outer, uint32_t len, uint8_t nh,
			    const struct ipctx *ip)
{
	struct ipctx in = *ip;
	in.iph = buf; /* the outer header's copy, just before the plaintext */

	const uint8_t *pkt = nd->pkt, *snapend = nd->snapend;
	int depth = nd->snap_depth;
	jmp_buf outer_trunc;
	memcpy(outer_trunc, nd->trunc, sizeof outer_trunc);
	if (setjmp(nd->trunc)) {
		/* truncated inside: the packet back, then the usual marker */
		memcpy(nd->trunc, outer_trunc, sizeof outer_trunc);
		nd->pkt = pkt;
		nd->snapend = snapend;
		nd->snap_depth = depth;
		esp_depth--;
		nd_trunc(nd);
	}
	esp_depth++;
	nd->pkt = buf;
	nd->snapend = buf + outer + len;
	ip6_demux(nd, buf + outer, len, &in, nh);
	esp_depth--;
	memcpy(nd->trunc, outer_trunc, sizeof outer_trunc);
	nd->pkt = pkt;
	nd->snapend = snapend;
	nd->snap_depth = depth;
}

/* -E: decrypt and print the payload (after "ESP(...), length N"). */
static void esp_decrypt_print(struct nd *nd, const uint8_t *p, const struct ipctx *ip)
{
	const struct esp_sa *sa = esp_lookup(nd, p, ip);
	if (!sa)
		return;
	size_t ivlen = esp_sa_ivlen(sa), authlen = esp_sa_authlen(sa);
	const uint8_t *iv = p + ESP_HDRLEN;
	size_t avail = nd_avail(nd, iv);
	if (avail < ivlen + authlen) {
		nd_print_trunc(nd);
		return;
	}
	size_t ctlen = avail - ivlen - authlen;
	uint8_t *buf = esp_sa_buffer(esp_depth);
	if (!buf)
		return;
	/* the outer IP header, as far as it is captured */
	size_t outer = ip->v6 ? 40 : (GET_U8(nd, ip->iph) & 15) * 4u;
	if (outer > OUTER_MAX)
		outer = OUTER_MAX;
	if (outer > nd_avail(nd, ip->iph))
		outer = nd_avail(nd, ip->iph);
	if (ctlen > ESP_BUF_SIZE - outer)
		return;
	uint8_t *pt = buf + outer;
	if (esp_sa_decrypt(sa, iv, iv + ivlen, ctlen, pt) < 0)
		return;
	if (ctlen < 2 || pt[ctlen - 2] + 2u > ctlen) { /* a wrong key, most likely */
		nd_print_trunc(nd);
		return;
	}
	uint8_t padlen = pt[ctlen - 2], nh = pt[ctlen - 1];
	memcpy(buf, ip->iph, outer);
	ND_STR(nd, ": ");
	esp_inner_print(nd, buf, outer, (uint32_t)(ctlen - padlen - 2), nh, ip);
}

void esp_print(struct nd *nd, const uint8_t *p, uint32_t len, const struct ipctx *ip)
{
	nd->protocol = "esp";
	/* tcpdump wants more than the 8-byte header captured */
	if (nd_avail(nd, p) <= ESP_HDRLEN) {
		nd_print_trunc(nd);
		return;
	}
	ND_STR(nd, "ESP(spi=0x");
	out_hex(nd->out, GET_BE32(nd, p), 8);
	ND_STR(nd, ",seq=0x");
	out_hex(nd->out, GET_BE32(nd, p + 4), 1);
	ND_STR(nd, "), length ");
	ND_U(nd, len);
	esp_decrypt_print(nd, p, ip);
}
