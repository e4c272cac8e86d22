/* util.c - shared printer helpers: truncation, snaplen stack, tok tables, checksums. */
#include "nd.h"

#include <string.h>

_Noreturn void nd_trunc(struct nd *nd)
{
	longjmp(nd->trunc, 1);
}

_Noreturn void nd_trunc_full(struct nd *nd)
{
	nd->trunc_full = 1;
	longjmp(nd->trunc, 1);
}

void nd_print_trunc(struct nd *nd)
{
	ND_STR(nd, " [|");
	ND_STR(nd, nd->protocol ? nd->protocol : "");
	ND_CHR(nd, ']');
}

void nd_print_invalid(struct nd *nd)
{
	ND_STR(nd, " (invalid)");
}

void GET_CPY(struct nd *nd, void *dst, const uint8_t *p, size_t n)
{
	nd_need(nd, p, n);
	memcpy(dst, p, n);
}

void nd_push_snaplen(struct nd *nd, const uint8_t *p, size_t len)
{
	const uint8_t *old = nd->snapend;
	if (nd->snap_depth < (int)(sizeof nd->snap_stack / sizeof nd->snap_stack[0]))
		nd->snap_stack[nd->snap_depth] = old;
	nd->snap_depth++;
	/* Only ever shrink: a length field can never widen what was captured. */
	if (p >= nd->pkt && p <= old && len < (size_t)(old - p))
		nd->snapend = p + len;
}

void nd_pop_snaplen(struct nd *nd)
{
	if (nd->snap_depth <= 0)
		return;
	nd->snap_depth--;
	if (nd->snap_depth < (int)(sizeof nd->snap_stack / sizeof nd->snap_stack[0]))
		nd->snapend = nd->snap_stack[nd->snap_depth];
}

const char *tok_find(const struct tok *t, uint32_t v)
{
	for (; t->s; t++)
		if (t->v == v)
			return t->s;
	return NULL;
}

void nd_tok(struct nd *nd, const struct tok *t, const char *fmt, uint32_t v)
{
	const char *s = tok_find(t, v);
	if (s)
		ND_STR(nd, s);
	else
		out_fmt(nd->out, fmt, v);
}

void nd_bits(struct nd *nd, const struct tok *t, uint32_t v, const char *sep)
{
	int first = 1;
	for (; t->s; t++) {
		if (t->v && (v & t->v) == t->v) {
			if (!first)
				ND_STR(nd, sep);
			ND_STR(nd, t->s);
			first = 0;
		}
	}
	if (first)
		ND_STR(nd, "none");
}

/* fn_print-like: printable ASCII, others escaped as tcpdump's nd_printjnp does. */
void nd_putc_esc(struct nd *nd, uint8_t c)
{
	if (c & 0x80) {
		ND_STR(nd, "M-");
		c &= 0x7f;
	}
	if (c < 0x20 || c == 0x7f) {
		ND_CHR(nd, '^');
		ND_CHR(nd, (char)(c ^ 0x40));
	} else {
		ND_CHR(nd, (char)c);
	}
}

void nd_printn(struct nd *nd, const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		uint8_t c = GET_U8(nd, p + i);
		if (c == 0)
			break;
		nd_putc_esc(nd, c);
	}
}

void nd_printjn(struct nd *nd, const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		nd_putc_esc(nd, GET_U8(nd, p + i));
}

uint16_t in_cksum(const uint8_t *p, size_t n, uint32_t sum)
{
	/* RFC 1071: the one's complement sum does not depend on byte order, so add
	 * native 32-bit words (8 bytes per load) and swap once at the end. */
	uint64_t s = 0;
	while (n >= 8) {
		uint64_t w;
		memcpy(&w, p, 8);
		s += (w & 0xffffffffu) + (w >> 32);
		p += 8;
		n -= 8;
	}
	if (n >= 4) {
		uint32_t w;
		memcpy(&w, p, 4);
		s += w;
		p += 4;
		n -= 4;
	}
	if (n >= 2) {
		uint16_t w;
		memcpy(&w, p, 2);
		s += w;
		p += 2;
		n -= 2;
	}
	if (n) {
		uint16_t w = 0;
		memcpy(&w, p, 1); /* a lone last byte is the high half of a big-endian word */
		s += w;
	}
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	s = ((s & 0xff) << 8) | (s >> 8);
#endif
	s += sum;
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	return (uint16_t)~s;
}

uint16_t nextproto_cksum(const struct ipctx *ip, const uint8_t *p, size_t n, uint8_t proto)
{
	uint32_t sum = 0;
	int alen = ip->v6 ? 16 : 4;
	for (int i = 0; i < alen; i += 2) {
		sum += (uint32_t)ip->src[i] << 8 | ip->src[i + 1];
		const uint8_t *d = ip->ckdst ? ip->ckdst : ip->dst;
		sum += (uint32_t)d[i] << 8 | d[i + 1];
	}
	if (ip->v6) {
		sum += (uint32_t)(n >> 16) + (uint32_t)(n & 0xffff);
	} else {
		sum += (uint32_t)(n & 0xffff);
	}
	sum += proto;
	return in_cksum(p, n, sum);
}

uint16_t in_cksum_shouldbe(uint16_t sum, uint16_t computed)
{
	uint32_t s = (uint32_t)sum + computed;
	s = (s & 0xffff) + (s >> 16);
	s = (s & 0xffff) + (s >> 16);
	return (uint16_t)s;
}

void nd_addr_ports(struct nd *nd, const struct ipctx *ip, uint16_t sport, uint16_t dport, int is_udp)
{
	if (ip->v6)
		nd_ip6addr(nd, ip->iph + 8);
	else
		nd_ipaddr(nd, ip->iph + 12);
	ND_CHR(nd, '.');
	nd_port(nd, sport, is_udp);
	ND_STR(nd, " > ");
	if (ip->v6)
		nd_ip6addr(nd, ip->iph + 24);
	else
		nd_ipaddr(nd, ip->iph + 16);
	ND_CHR(nd, '.');
	nd_port(nd, dport, is_udp);
}

void nd_addr_pair(struct nd *nd, const struct ipctx *ip)
{
	if (ip->v6) {
		nd_ip6addr(nd, ip->iph + 8);
		ND_STR(nd, " > ");
		nd_ip6addr(nd, ip->iph + 24);
	} else {
		nd_ipaddr(nd, ip->iph + 12);
		ND_STR(nd, " > ");
		nd_ipaddr(nd, ip->iph + 16);
	}
}
