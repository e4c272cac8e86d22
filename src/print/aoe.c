/*
 * aoe.c - ATA over Ethernet (AoE r11), ethertype 0x88a2, as tcpdump 4.99
 * prints it: version and flags, the header and command argument from -v.
 *
 *   | ver/flags | error | major (2) | minor | command | tag (4) | argument |
 */
#include "svc2.h"

static const struct tok aoe_cmds[] = {
	{0, "Issue ATA Command"}, {1, "Query Config Information"}, {2, "MAC Mask List"},
	{3, "Reserve/Release"}, {0, NULL},
};
static const struct tok aoe_flags[] = {
	{0x08, "Response"}, {0x04, "Error"}, {0x02, "MBZ-1"}, {0x01, "MBZ-0"}, {0, NULL},
};
static const struct tok aoe_errors[] = {
	{1, "Unrecognized command code"}, {2, "Bad argument parameter"}, {3, "Device unavailable"},
	{4, "Config string present"}, {5, "Unsupported version"}, {6, "Target is reserved"}, {0, NULL},
};
static const struct tok aoe_aflags[] = {
	{0x80, "MBZ-7"}, {0x40, "Ext48"}, {0x20, "MBZ-5"}, {0x10, "Device"}, {0x08, "MBZ-3"},
	{0x04, "MBZ-2"}, {0x02, "Async"}, {0x01, "Write"}, {0, NULL},
};
static const struct tok aoe_ccmds[] = {
	{0, "read config string"}, {1, "test config string"}, {2, "test config string prefix"},
	{3, "set config string"}, {4, "force set config string"}, {0, NULL},
};
static const struct tok aoe_mcmds[] = {{0, "Read Mac Mask List"}, {1, "Edit Mac Mask List"}, {0, NULL}};
static const struct tok aoe_merrors[] = {
	{1, "Unspecified Error"}, {2, "Bad DCmd directive"}, {3, "Mask list full"}, {0, NULL},
};
static const struct tok aoe_dcmds[] = {
	{0, "No Directive"}, {1, "Add mac address to mask list"},
	{2, "Delete mac address from mask list"}, {0, NULL},
};
static const struct tok aoe_rcmds[] = {
	{0, "Read reserve list"}, {1, "Set reserve list"}, {2, "Force set reserve list"}, {0, NULL},
};

static void aoe_invalid(struct nd *nd, const uint8_t *p, unsigned n)
{
	nd_print_invalid(nd);
	nd_need(nd, p, n);
}

static void aoe_issue(struct nd *nd, const uint8_t *p, unsigned n)
{
	if (n < 12) {
		aoe_invalid(nd, p, n);
		return;
	}
	uint8_t af = GET_U8(nd, p);
	ND_STR(nd, "\n\tAFlags: [");
	nd_bits(nd, aoe_aflags, af, ", ");
	out_fmt(nd->out, "], Err/Feature: %u", GET_U8(nd, p + 1));
	out_fmt(nd->out, ", Sector Count: %u", GET_U8(nd, p + 2));
	out_fmt(nd->out, ", Cmd/Status: %u", GET_U8(nd, p + 3));
	out_fmt(nd->out, "\n\tlba0: %u", GET_U8(nd, p + 4));
	for (int i = 1; i < 6; i++)
		out_fmt(nd->out, ", lba%d: %u", i, GET_U8(nd, p + 4 + i));
	nd_need(nd, p + 10, 2);
	if (n > 12)
		out_fmt(nd->out, "\n\tData: %u bytes", n - 12);
}

static void aoe_query(struct nd *nd, const uint8_t *p, unsigned n)
{
	if (n < 8) {
		aoe_invalid(nd, p, n);
		return;
	}
	out_fmt(nd->out, "\n\tBuffer Count: %u", GET_BE16(nd, p));
	out_fmt(nd->out, ", Firmware Version: %u", GET_BE16(nd, p + 2));
	out_fmt(nd->out, ", Sector Count: %u", GET_U8(nd, p + 4));
	uint8_t c = GET_U8(nd, p + 5);
	out_fmt(nd->out, ", AoE: %u, CCmd: ", c >> 4);
	/* tcpdump's format here lacks its '%': the text is printed as is */
	nd_tok(nd, aoe_ccmds, "Unknown (0x02x)", c & 15);
	unsigned cs = GET_BE16(nd, p + 6);
	p += 8;
	n -= 8;
	if (cs > 1024 || cs > n) {
		aoe_invalid(nd, p, n);
		return;
	}
	if (cs) {
		out_fmt(nd->out, "\n\tConfig String (length %u): ", cs);
		nd_printjn(nd, p, cs);
	}
}

static void aoe_mac(struct nd *nd, const uint8_t *p, unsigned n)
{
	if (n < 4) {
		aoe_invalid(nd, p, n);
		return;
	}
	uint8_t mc = GET_U8(nd, p + 1);
	ND_STR(nd, "\n\tMCmd: ");
	nd_tok(nd, aoe_mcmds, "Unknown (0x%02x)", mc);
	uint8_t me = GET_U8(nd, p + 2);
	ND_STR(nd, ", MError: ");
	nd_tok(nd, aoe_merrors, "Unknown (0x%02x)", me);
	unsigned dc = GET_U8(nd, p + 3);
	out_fmt(nd->out, ", Dir Count: %u", dc);
	p += 4;
	n -= 4;
	if (dc * 8 > n) {
		aoe_invalid(nd, p, n);
		return;
	}
	for (unsigned i = 0; i < dc; i++, p += 8) {
		uint8_t dc1 = GET_U8(nd, p + 1);
		ND_STR(nd, "\n\t DCmd: ");
		nd_tok(nd, aoe_dcmds, "Unknown (0x%02x)", dc1);
		nd_need(nd, p + 2, 6);
		ND_STR(nd, ", Ethernet Address: ");
		nd_etheraddr(nd, p + 2);
	}
}

static void aoe_reserve(struct nd *nd, const uint8_t *p, unsigned n)
{
	if (n < 2 || (n - 2) % 6) {
		aoe_invalid(nd, p, n);
		return;
	}
	uint8_t rc = GET_U8(nd, p);
	ND_STR(nd, "\n\tRCmd: ");
	nd_tok(nd, aoe_rcmds, "Unknown (0x%02x)", rc);
	unsigned nm = GET_U8(nd, p + 1);
	out_fmt(nd->out, ", NMacs: %u", nm);
	p += 2;
	n -= 2;
	if (nm * 6 != n) {
		aoe_invalid(nd, p, n);
		return;
	}
	for (unsigned i = 0; i < nm; i++, p += 6) {
		nd_need(nd, p, 6);
		out_fmt(nd->out, "\n\tEthernet Address %u: ", i);
		nd_etheraddr(nd, p);
	}
}

static void aoe_v1(struct nd *nd, const uint8_t *p, unsigned n)
{
	if (n < 10) {
		aoe_invalid(nd, p, n);
		return;
	}
	uint8_t flags = GET_U8(nd, p) & 15;
	ND_STR(nd, ", Flags: [");
	nd_bits(nd, aoe_flags, flags, ", ");
	ND_CHR(nd, ']');
	if (!nd->o->vflag)
		return;
	if (flags & 4) {
		uint8_t err = GET_U8(nd, p + 1);
		ND_STR(nd, "\n\tError: ");
		nd_tok(nd, aoe_errors, "Invalid (%u)", err);
	}
	out_fmt(nd->out, "\n\tMajor: 0x%04x", GET_BE16(nd, p + 2));
	out_fmt(nd->out, ", Minor: 0x%02x", GET_U8(nd, p + 4));
	uint8_t cmd = GET_U8(nd, p + 5);
	ND_STR(nd, ", Command: ");
	nd_tok(nd, aoe_cmds, "Unknown (0x%02x)", cmd);
	out_fmt(nd->out, ", Tag: 0x%08x", GET_BE32(nd, p + 6));
	p += 10;
	n -= 10;
	switch (cmd) {
	case 0:
		aoe_issue(nd, p, n);
		break;
	case 1:
		aoe_query(nd, p, n);
		break;
	case 2:
		aoe_mac(nd, p, n);
		break;
	case 3:
		aoe_reserve(nd, p, n);
		break;
	}
}

void aoe_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	nd->protocol = "aoe";
	out_fmt(nd->out, "AoE length %u", len);
	if (len < 1) {
		aoe_invalid(nd, p, len);
		return;
	}
	unsigned ver = GET_U8(nd, p) >> 4;
	out_fmt(nd->out, ", Ver %u", ver);
	if (ver == 1)
		aoe_v1(nd, p, len);
}
