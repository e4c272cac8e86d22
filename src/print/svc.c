/*
 * svc.c - how udp.c reaches the classic UDP service printers of svc.h: by -T,
 * and by port in the order tcpdump 4.99's udp_print() tests them.  A port
 * that tcpdump tests earlier (DNS, BOOTP, ISAKMP, ...) wins, so such a
 * packet is left to the rest of udp.c's dispatch.
 */
#include "nd.h"
#include "svc.h"

static int any_port(uint16_t sport, uint16_t dport, const uint16_t *ports, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (sport == ports[i] || dport == ports[i])
			return 1;
	return 0;
}

#define ANY(...) any_port(sport, dport, (const uint16_t[]){__VA_ARGS__}, \
			  sizeof((const uint16_t[]){__VA_ARGS__}) / sizeof(uint16_t))

int svc_udp_print(struct nd *nd, const uint8_t *p, uint32_t len, uint16_t sport, uint16_t dport)
{
	/* tcpdump's order: domain 53, mdns 5353, timed 525, tftp 69, bootp 67/68, rip 520,
	 * aodv 654, isakmp 500/4500/7500/8500, snmp 161/162, ntp, kerberos, l2tp,
	 * netbios 137/138, vat (dst 3456), zephyr 2103/2104, rx 7000-7009, ripng 521,
	 * dhcp6 546/547, ahcp 5359, babel 6696/6697, hncp 8231, wb (dst 4567) */
	if (ANY(53, 5353, 525))
		return 0;
	if (ANY(69)) {
		tftp_print(nd, p, len);
		return 1;
	}
	if (ANY(67, 68))
		return 0;
	if (ANY(520)) {
		rip_print(nd, p, len);
		return 1;
	}
	if (ANY(654, 500, 4500, 7500, 8500))
		return 0;
	if (ANY(161, 162)) {
		snmp_print(nd, p, len);
		return 1;
	}
	if (ANY(123, 88, 750, 1701, 137, 138))
		return 0;
	if (dport == 3456) {
		vat_print(nd, p, len);
		return 1;
	}
	if (ANY(2103, 2104) || (sport >= 7000 && sport <= 7009) || (dport >= 7000 && dport <= 7009))
		return 0;
	if (ANY(521)) {
		ripng_print(nd, p, len);
		return 1;
	}
	if (ANY(546, 547, 5359, 6696, 6697, 8231))
		return 0;
	if (dport == 4567) {
		wb_print(nd, p, len);
		return 1;
	}
	return 0;
}

int svc_udp_forced(struct nd *nd, const uint8_t *p, uint32_t len)
{
	switch (nd->o->packettype) {
	case PT_SNMP:
		snmp_print(nd, p, len);
		return 1;
	case PT_TFTP:
		tftp_print(nd, p, len);
		return 1;
	case PT_CNFP:
		cnfp_print(nd, p);
		return 1;
	case PT_RTP:
		rtp_print(nd, p, len);
		return 1;
	case PT_RTCP:
		rtcp_print(nd, p, len);
		return 1;
	case PT_VAT:
		vat_print(nd, p, len);
		return 1;
	case PT_WB:
		wb_print(nd, p, len);
		return 1;
	}
	return 0;
}
