/*
 * addr.c - address and port text, with tcpdump's name resolution rules:
 * without -n, IP addresses are looked up (reverse DNS / /etc/hosts) and ports
 * are named from /etc/services; -n keeps addresses numeric; -nn keeps ports
 * numeric too.  Lookups are cached in fixed-size tables (bounded memory).
 */
#include "nd.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

/* Reverse-lookup cache: direct-mapped, 4096 slots, names truncated to 255. */
#define HCACHE 4096
struct hslot {
	uint8_t used, v6;
	uint8_t a[16];
	char name[256];
};
static struct hslot *hcache;

static const char *host_lookup(const uint8_t *a, int v6)
{
	size_t alen = v6 ? 16 : 4;
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < alen; i++)
		h = (h ^ a[i]) * 16777619u;
	if (!hcache) {
		hcache = calloc(HCACHE, sizeof *hcache);
		if (!hcache)
			return NULL;
	}
	struct hslot *s = &hcache[h % HCACHE];
	if (s->used && s->v6 == v6 && memcmp(s->a, a, alen) == 0)
		return s->name[0] ? s->name : NULL;
	s->used = 1;
	s->v6 = (uint8_t)v6;
	memcpy(s->a, a, alen);
	s->name[0] = 0;
	if (v6) {
		struct sockaddr_in6 sin6;
		memset(&sin6, 0, sizeof sin6);
		sin6.sin6_family = AF_INET6;
		memcpy(&sin6.sin6_addr, a, 16);
		if (getnameinfo((struct sockaddr *)&sin6, sizeof sin6, s->name, sizeof s->name, NULL, 0,
				NI_NAMEREQD) != 0)
			s->name[0] = 0;
	} else {
		struct sockaddr_in sin;
		memset(&sin, 0, sizeof sin);
		sin.sin_family = AF_INET;
		memcpy(&sin.sin_addr, a, 4);
		if (getnameinfo((struct sockaddr *)&sin, sizeof sin, s->name, sizeof s->name, NULL, 0,
				NI_NAMEREQD) != 0)
			s->name[0] = 0;
	}
	return s->name[0] ? s->name : NULL;
}

void nd_ipaddr(struct nd *nd, const uint8_t *p)
{
	uint8_t a[4];
	GET_CPY(nd, a, p, 4);
	if (nd->o->nflag == 0) {
		const char *name = host_lookup(a, 0);
		if (name) {
			ND_STR(nd, name);
			return;
		}
	}
	/* Straight into the output buffer: this is on every IPv4 packet's path. */
	char *b = out_reserve(nd->out, 16);
	size_t n = 0;
	for (int i = 0; i < 4; i++) {
		unsigned v = a[i];
		if (i)
			b[n++] = '.';
		if (v >= 100) {
			b[n++] = (char)('0' + v / 100);
			b[n++] = (char)('0' + v / 10 % 10);
		} else if (v >= 10) {
			b[n++] = (char)('0' + v / 10);
		}
		b[n++] = (char)('0' + v % 10);
	}
	nd->out->len += n;
}

void nd_ip6addr(struct nd *nd, const uint8_t *p)
{
	uint8_t a[16];
	GET_CPY(nd, a, p, 16);
	if (nd->o->nflag == 0) {
		const char *name = host_lookup(a, 1);
		if (name) {
			ND_STR(nd, name);
			return;
		}
	}
	char buf[INET6_ADDRSTRLEN];
	size_t n = fmt_ip6(buf, sizeof buf, a);
	out_mem(nd->out, buf, n);
}

void nd_etheraddr(struct nd *nd, const uint8_t *p)
{
	static const char hx[] = "0123456789abcdef";
	uint8_t a[6];
	if (p && p == nd->src_alias)
		memcpy(a, nd->src_alias_addr, 6);
	else
		GET_CPY(nd, a, p, 6);
	if (!nd->o->nflag && (a[0] & a[1] & a[2] & a[3] & a[4] & a[5]) == 0xff) {
		ND_STR(nd, "Broadcast"); /* tcpdump's one built-in Ethernet name */
		return;
	}
	char *b = out_reserve(nd->out, 17);
	for (int i = 0; i < 6; i++) {
		if (i)
			*b++ = ':';
		*b++ = hx[a[i] >> 4];
		*b++ = hx[a[i] & 15];
	}
	nd->out->len += 17;
	if (!nd->o->nflag) {
		/* tcpdump adds the vendor (OUI) name when names are resolved */
		const char *v = tok_find(oui_names, (uint32_t)a[0] << 16 | (uint32_t)a[1] << 8 | a[2]);
		ND_STR(nd, " (oui ");
		ND_STR(nd, v ? v : "Unknown");
		ND_CHR(nd, ')');
	}
}

/* Port names from /etc/services, loaded on first use (only without -nn). */
static char **tcp_names, **udp_names;
static int services_loaded;

static void services_load(void)
{
	services_loaded = 1;
	tcp_names = calloc(65536, sizeof *tcp_names);
	udp_names = calloc(65536, sizeof *udp_names);
	if (!tcp_names || !udp_names)
		return;
	FILE *f = fopen("/etc/services", "r");
	if (!f)
		return;
	char line[512];
	while (fgets(line, sizeof line, f)) {
		char *hash = strchr(line, '#');
		if (hash)
			*hash = 0;
		char name[128], portproto[64];
		if (sscanf(line, "%127s %63s", name, portproto) != 2)
			continue;
		char *slash = strchr(portproto, '/');
		if (!slash)
			continue;
		*slash = 0;
		char *end;
		long port = strtol(portproto, &end, 10);
		if (*end || port < 0 || port > 65535)
			continue;
		char **tab = strcmp(slash + 1, "tcp") == 0 ? tcp_names
			     : strcmp(slash + 1, "udp") == 0 ? udp_names : NULL;
		if (!tab || tab[port])
			continue;
		tab[port] = strdup(name);
	}
	fclose(f);
}

void nd_port(struct nd *nd, uint16_t port, int is_udp)
{
	if (!nd->o->nflag) { /* tcpdump 4.99: a single -n already keeps port numbers */
		if (!services_loaded)
			services_load();
		char **tab = is_udp ? udp_names : tcp_names;
		if (tab && tab[port]) {
			ND_STR(nd, tab[port]);
			return;
		}
	}
	ND_U(nd, port);
}
