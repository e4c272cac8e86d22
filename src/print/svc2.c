/*
 * svc2.c - the UDP port dispatch for the printers of svc2.h, in tcpdump's
 * order among themselves (OLSR, LMP, LWRES, RX, AHCP, HNCP, SIP).
 */
#include "svc2.h"
#include "lan.h"
#include "tunnel.h"

int svc2_udp_print(struct nd *nd, const uint8_t *p, uint32_t len, uint16_t sport, uint16_t dport,
		   const struct ipctx *ip)
{
#define PORT(x) (sport == (x) || dport == (x))
	if (PORT(698))
		olsr_print(nd, p, len, ip->v6);
	else if (PORT(701))
		lmp_print(nd, p, len);
	else if (PORT(921))
		lwres_print(nd, p, len);
	else if ((sport >= 7000 && sport <= 7009) || (dport >= 7000 && dport <= 7009))
		rx_print(nd, p, len, sport, dport, ip);
	else if (PORT(5359))
		ahcp_print(nd, p, len);
	else if (PORT(8231))
		hncp_print(nd, p, len);
	else if (PORT(5060))
		sip_print(nd, p, len);
	else
		return 0;
#undef PORT
	return 1;
}

void svc2_udp_forced(struct nd *nd, const uint8_t *p, uint32_t len, const struct ipctx *ip)
{
	switch (nd->o->packettype) {
	case PT_LMP:
		lmp_print(nd, p, len);
		break;
	case PT_AODV:
		aodv_print(nd, p, len, ip->v6);
		break;
	case PT_RADIUS:
		radius_print(nd, p, len);
		break;
	case PT_PGM:
	case PT_PGM_ZMTP1:
		pgm_print(nd, p, len, ip);
		break;
	case PT_PTP:
		ptp_print(nd, p, len);
		break;
	default:
		break;
	}
}
