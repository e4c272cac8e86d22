/*
 * route.h - printers of routing and MPLS control protocols (OSPFv3, IS-IS,
 * EIGRP, BFD, ...), called from the IP / LLC / UDP dispatchers.
 * p points at the protocol header, len = bytes on the wire; all reads go
 * through the GET_* accessors of nd.h.
 */
#ifndef SYNACK_PRINT_ROUTE_H
#define SYNACK_PRINT_ROUTE_H

#include "nd.h"

/* OSPFv2 (RFC 2328), IPv4 protocol 89 */
void ospf_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* Grace (RFC 3623) and traffic engineering (RFC 3630) LSA bodies, shared
 * by OSPFv2 and OSPFv3; -1 when the LSA walk must stop */
int ospf_grace_tlvs(struct nd *nd, const uint8_t *p, unsigned len);
int ospf_te_tlvs(struct nd *nd, const uint8_t *p, unsigned len);
/* OSPFv3 (RFC 5340), IPv6 next header 89 */
void ospf6_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* OSI network layer by NLPID (CLNP, ES-IS, IS-IS, ...): LLC SAP 0xfe,
 * Cisco HDLC, Frame Relay, GRE; p at the NLPID byte */
void isoclns_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* tcpdump's isonsap_string of len bytes at p (checked) */
void osi_nsap(struct nd *nd, const uint8_t *p, unsigned len);
extern const struct tok osi_nlpid_names[];
/* EIGRP (RFC 7868), IP protocol 88 */
void eigrp_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* BFD (RFC 5880), port = UDP destination port */
void bfd_print(struct nd *nd, const uint8_t *p, uint32_t len, unsigned port);
/* UDP ports of the routing/MPLS group (BFD, LSP ping, LDP, LMP); 1 when printed */
int route_udp_print(struct nd *nd, const uint8_t *p, uint32_t len, uint16_t sport, uint16_t dport);
/* LDP (RFC 5036), TCP and UDP port 646 */
void ldp_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* address family and pseudowire type names (print/ldp.c) */
extern const struct tok route_af_names[];
extern const struct tok route_pw_types[];
/* tcpdump's decode_prefix4/6 into buf: bytes used, -1 bad length, -2 past itemlen */
int route_prefix(struct nd *nd, const uint8_t *p, unsigned itemlen, int v6, char *buf, size_t cap);
/* MPLS LSP ping (RFC 8029), UDP port 3503 */
void lspping_print(struct nd *nd, const uint8_t *p, uint32_t len);
/* IPsec AH (RFC 4302): prints "AH(...): ", returns the header length or 0 */
unsigned ah_print(struct nd *nd, const uint8_t *p);

/* text then an IPv4/IPv6 address, as one tcpdump ND_PRINT: nothing is printed
 * when the address is not captured (the accessor jumps first). */
static inline void rt_ip4(struct nd *nd, const char *text, const uint8_t *a)
{
	nd_need(nd, a, 4);
	ND_STR(nd, text);
	nd_ipaddr(nd, a);
}
static inline void rt_ip6(struct nd *nd, const char *text, const uint8_t *a)
{
	nd_need(nd, a, 16);
	ND_STR(nd, text);
	nd_ip6addr(nd, a);
}

#endif
