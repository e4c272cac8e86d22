/*
 * m3ua.c - SS7 MTP3 User Adaptation (M3UA, RFC 4666) messages carried in SCTP
 * DATA chunks with PPID 3, printed as tcpdump 4.99 does with -vv.
 *
 *   common header: version(1) reserved(1) class(1) type(1) length(4)
 *   parameters:    tag(2) length(2) value..., each padded to 4 bytes
 *
 * tcpdump names the class and type, then each parameter; for Network
 * Appearance, Routing Context and Correlation ID it shows 32 bits read from
 * the parameter's start (its tag and length: tcpdump's reading, kept so the
 * output agrees), for the others the parameter's length.
 */
#include "nd.h"

#define M3UA_HDR   8
#define PARAM_HDR  4

static const struct tok mgmt_types[] = {{0, "Error"}, {1, "Notify"}, {0, NULL}};
static const struct tok transfer_types[] = {{1, "Data"}, {0, NULL}};
static const struct tok ssnm_types[] = {
	{1, "Destination Unavailable"}, {2, "Destination Available"},
	{3, "Destination State Audit"}, {4, "Signalling Congestion"},
	{5, "Destination User Part Unavailable"}, {6, "Destination Restricted"}, {0, NULL},
};
static const struct tok aspsm_types[] = {
	{1, "Up"}, {2, "Down"}, {3, "Heartbeat"}, {4, "Up Acknowledgement"},
	{5, "Down Acknowledgement"}, {6, "Heartbeat Acknowledgement"}, {0, NULL},
};
static const struct tok asptm_types[] = {
	{1, "Active"}, {2, "Inactive"}, {3, "Active Acknowledgement"},
	{4, "Inactive Acknowledgement"}, {0, NULL},
};
static const struct tok rkm_types[] = {
	{1, "Registration Request"}, {2, "Registration Response"},
	{3, "Deregistration Request"}, {4, "Deregistration Response"}, {0, NULL},
};

static const struct tok param_names[] = {
	{0x0004, "INFO String"}, {0x0006, "Routing Context"}, {0x0007, "Diagnostic Info"},
	{0x0009, "Heartbeat Data"}, {0x000b, "Traffic Mode Type"}, {0x000c, "Error Code"},
	{0x000d, "Status"}, {0x0011, "ASP Identifier"}, {0x0012, "Affected Point Code"},
	{0x0013, "Correlation ID"}, {0x0200, "Network Appearance"}, {0x0204, "User/Cause"},
	{0x0205, "Congestion Indications"}, {0x0206, "Concerned Destination"},
	{0x0207, "Routing Key"}, {0x0208, "Registration Result"},
	{0x0209, "Deregistration Result"}, {0x020a, "Local Routing Key Identifier"},
	{0x020b, "Destination Point Code"}, {0x020c, "Service Indicators"},
	{0x020e, "Originating Point Code List"}, {0x0210, "Protocol Data"},
	{0x0212, "Registration Status"}, {0x0213, "Deregistration Status"}, {0, NULL},
};

static const struct {
	uint8_t cls;
	const char *name;
	const struct tok *types;
} classes[] = {
	{0, "Management", mgmt_types}, {1, "Transfer", transfer_types},
	{2, "SS7", ssnm_types}, {3, "ASP", aspsm_types}, {4, "ASP", asptm_types},
	{9, "Routing Key Management", rkm_types},
};

/* One parameter's value; 0 when its length is too short for it. */
static int m3ua_value(struct nd *nd, const uint8_t *param, uint16_t tag, uint16_t vlen)
{
	switch (tag) {
	case 0x0200: /* Network Appearance */
	case 0x0006: /* Routing Context */
	case 0x0013: /* Correlation ID */
		if (vlen < 4)
			return 0;
		nd_need(nd, param, vlen);
		out_fmt(nd->out, "0x%08x", GET_BE32(nd, param));
		return 1;
	default:
		nd_need(nd, param, vlen);
		out_fmt(nd->out, "(length %u)", vlen + PARAM_HDR);
		return 1;
	}
}

static void m3ua_params(struct nd *nd, const uint8_t *bp, uint32_t size)
{
	uint32_t off = 0;

	while (off < size) {
		const uint8_t *p = bp + off;
		uint16_t tag, plen;

		if (size - off < PARAM_HDR)
			break;
		tag = GET_BE16(nd, p);
		ND_STR(nd, "\n\t\t\t");
		nd_tok(nd, param_names, "Unknown Parameter (0x%04x)", tag);
		ND_STR(nd, ": ");
		plen = GET_BE16(nd, p + 2);
		if (plen < PARAM_HDR || !m3ua_value(nd, p, tag, (uint16_t)(plen - PARAM_HDR)))
			break;
		off += plen;
		off += (4 - off % 4) % 4;
	}
	if (off < size) {
		nd_print_invalid(nd);
		nd_need(nd, bp, size);
	}
}

void m3ua_print(struct nd *nd, const uint8_t *bp, uint32_t size)
{
	uint8_t cls, type;
	uint32_t mlen;
	size_t i;

	nd->protocol = "m3ua";
	if (size < M3UA_HDR) {
		nd_print_invalid(nd);
		return;
	}
	if (GET_U8(nd, bp) != 1)
		return;
	cls = GET_U8(nd, bp + 2);
	type = GET_U8(nd, bp + 3);
	ND_STR(nd, "\n\t\t");
	for (i = 0; i < sizeof classes / sizeof classes[0]; i++)
		if (classes[i].cls == cls)
			break;
	if (i == sizeof classes / sizeof classes[0]) {
		out_fmt(nd->out, "Unknown message class %u", cls);
	} else {
		ND_STR(nd, classes[i].name);
		ND_CHR(nd, ' ');
		nd_tok(nd, classes[i].types, "Unknown (0x%02x)", type);
		ND_STR(nd, " Message");
	}
	mlen = GET_BE32(nd, bp + 4);
	if (mlen != size)
		out_fmt(nd->out, "\n\t\t\t@@@@@@ Corrupted length %u of message @@@@@@", mlen);
	else
		m3ua_params(nd, bp + M3UA_HDR, size - M3UA_HDR);
}
