/* community_id.c - Community ID v1 (see community_id.h). */
#include "community_id.h"

#include "sha1.h"

#include <arpa/inet.h>
#include <string.h>

static uint16_t g_seed;

void community_id_set_seed(uint16_t seed)
{
	g_seed = seed;
}

uint16_t community_id_seed(void)
{
	return g_seed;
}

size_t base64_encode(char *out, size_t n, const uint8_t *in, size_t len)
{
	static const char al[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	size_t need = (len + 2) / 3 * 4;
	if (n <= need)
		return 0;
	size_t k = 0;
	for (size_t i = 0; i < len; i += 3) {
		uint32_t v = (uint32_t)in[i] << 16;
		if (i + 1 < len)
			v |= (uint32_t)in[i + 1] << 8;
		if (i + 2 < len)
			v |= in[i + 2];
		out[k++] = al[(v >> 18) & 63];
		out[k++] = al[(v >> 12) & 63];
		out[k++] = i + 1 < len ? al[(v >> 6) & 63] : '=';
		out[k++] = i + 2 < len ? al[v & 63] : '=';
	}
	out[k] = 0;
	return k;
}

/*
 * ICMP messages that have an answer: the type of the other direction.
 * A flow of such a message hashes (type, answer type) as its ports and is
 * ordered like a TCP flow; any other ICMP message hashes (type, code) and is
 * one-way (never reordered).  Returns -1 for a one-way type.
 */
static int icmp4_peer(unsigned t)
{
	switch (t) {
	case 8: return 0;       /* echo / echo reply */
	case 0: return 8;
	case 13: return 14;     /* timestamp */
	case 14: return 13;
	case 15: return 16;     /* information */
	case 16: return 15;
	case 10: return 9;      /* router solicitation / advertisement */
	case 9: return 10;
	case 17: return 18;     /* address mask */
	case 18: return 17;
	default: return -1;
	}
}

static int icmp6_peer(unsigned t)
{
	switch (t) {
	case 128: return 129;   /* echo */
	case 129: return 128;
	case 133: return 134;   /* router solicitation / advertisement */
	case 134: return 133;
	case 135: return 136;   /* neighbor solicitation / advertisement */
	case 136: return 135;
	case 130: return 131;   /* multicast listener query / report */
	case 131: return 130;
	case 139: return 140;   /* node information query / response */
	case 140: return 139;
	case 144: return 145;   /* home agent address discovery */
	case 145: return 144;
	default: return -1;
	}
}

size_t community_id_v1(char *out, size_t n, uint16_t seed, int v6, const uint8_t *saddr, const uint8_t *daddr,
		       uint8_t proto, uint16_t sport, uint16_t dport)
{
	size_t alen = v6 ? 16 : 4;
	int ports = proto == 6 || proto == 17 || proto == 132 || proto == 1 || proto == 58;
	int one_way = 0;
	if (proto == 1 || proto == 58) {
		int peer = proto == 1 ? icmp4_peer(sport) : icmp6_peer(sport);
		if (peer >= 0)
			dport = (uint16_t)peer;
		else
			one_way = 1;
	}
	const uint8_t *a = saddr, *b = daddr;
	uint16_t pa = sport, pb = dport;
	if (!one_way) {
		int c = memcmp(saddr, daddr, alen);
		if (c > 0 || (c == 0 && ports && sport > dport)) {
			a = daddr;
			b = saddr;
			pa = dport;
			pb = sport;
		}
	}
	uint8_t buf[2 + 16 + 16 + 2 + 4], *p = buf;
	*p++ = (uint8_t)(seed >> 8);
	*p++ = (uint8_t)seed;
	memcpy(p, a, alen);
	p += alen;
	memcpy(p, b, alen);
	p += alen;
	*p++ = proto;
	*p++ = 0;
	if (ports) {
		*p++ = (uint8_t)(pa >> 8);
		*p++ = (uint8_t)pa;
		*p++ = (uint8_t)(pb >> 8);
		*p++ = (uint8_t)pb;
	}
	uint8_t h[SHA1_LEN];
	sha1(buf, (size_t)(p - buf), h);
	if (n < 3)
		return 0;
	out[0] = '1';
	out[1] = ':';
	size_t k = base64_encode(out + 2, n - 2, h, sizeof h);
	if (!k) {
		out[0] = 0;
		return 0;
	}
	return k + 2;
}

size_t community_id_tcp(char *out, size_t n, int v6, const uint8_t *saddr, uint16_t sport, const uint8_t *daddr,
			uint16_t dport)
{
	return community_id_v1(out, n, g_seed, v6, saddr, daddr, 6, sport, dport);
}

/* "1.2.3.4:80" or "[::1]:80" -> address, port; 0 on success. */
static int parse_endpoint(const char *s, size_t len, int *v6, uint8_t addr[16], uint16_t *port)
{
	char a[64];
	size_t colon = len;
	while (colon > 0 && s[colon - 1] != ':')
		colon--;
	if (colon == 0 || colon == len)
		return -1;
	size_t alen = colon - 1;
	const char *as = s;
	if (alen >= 2 && as[0] == '[' && as[alen - 1] == ']') {
		as++;
		alen -= 2;
		*v6 = 1;
	} else {
		*v6 = 0;
	}
	if (alen == 0 || alen >= sizeof a)
		return -1;
	memcpy(a, as, alen);
	a[alen] = 0;
	if (inet_pton(*v6 ? AF_INET6 : AF_INET, a, addr) != 1)
		return -1;
	unsigned long v = 0;
	for (size_t i = colon; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (unsigned long)(s[i] - '0');
		if (v > 65535)
			return -1;
	}
	*port = (uint16_t)v;
	return 0;
}

size_t community_id_label(char *out, size_t n, const char *label)
{
	if (n)
		out[0] = 0;
	const char *arrow = strstr(label, " -> ");
	if (!arrow)
		return 0;
	int v6a, v6b;
	uint8_t a[16], b[16];
	uint16_t pa, pb;
	if (parse_endpoint(label, (size_t)(arrow - label), &v6a, a, &pa) ||
	    parse_endpoint(arrow + 4, strlen(arrow + 4), &v6b, b, &pb) || v6a != v6b)
		return 0;
	return community_id_tcp(out, n, v6a, a, pa, b, pb);
}
