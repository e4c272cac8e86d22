/*
 * lan.c - the SNAP dispatch of the LAN control printers: which OUI/PID pairs
 * carry a protocol of this group (the payload follows the 5-byte SNAP header).
 */
#include "lan.h"

#define OUI_CISCO 0x00000c
#define OUI_BRIDGED 0x0080c2

int lan_snap_print(struct nd *nd, uint32_t oui, uint16_t pid, const uint8_t *p, uint32_t len)
{
	if (oui == OUI_CISCO) {
		switch (pid) {
		case 0x2000:
			cdp_print(nd, p, len);
			return 1;
		case 0x2004:
			dtp_print(nd, p, len);
			return 1;
		case 0x0111:
			udld_print(nd, p, len);
			return 1;
		case 0x010b: /* PVST */
		case 0x010c: /* VLAN bridge */
			stp_print(nd, p, len);
			return 1;
		default:
			return 0;
		}
	}
	if (oui == OUI_BRIDGED && pid == 0x000e) { /* RFC 2684 bridged BPDU */
		stp_print(nd, p, len);
		return 1;
	}
	return 0;
}
