/*
 * snmp.c - SNMP v1/v2c/v3 (RFC 1157, 1905, 3412, 3414), UDP ports 161/162 and
 * -T snmp, printed as tcpdump 4.99 does when built without libsmi: a small BER
 * walker, PDUs, traps, the v3 header, USM and scoped PDU, and tcpdump's
 * bracketed messages for malformed BER ("[len5<asnlen9]", "[!init SEQ]", ...).
 *
 *   Message ::= SEQUENCE { version INTEGER, community OCTET STRING, data PDU }
 *   PDU     ::= [n] IMPLICIT SEQUENCE { request-id, error-status, error-index,
 *                                       SEQUENCE OF SEQUENCE { name OID, value ANY } }
 *   BER item: tag (class:2 form:1 id:5, id 31 = more bytes) | length | value
 *
 * Object identifiers are named through tcpdump's small compiled-in MIB
 * (print/snmp_mib.c), or numbers with -n.  Truncation
 * inside a value is reported where tcpdump reports it ("[|snmp]" and the
 * walk stops); a truncated tag or length byte ends the line at once.
 */
#include "nd.h"
#include "svc.h"
#include "snmp_mib.h"

#include <string.h>

enum be_type {
	BE_ANY, BE_NULL, BE_OCTET, BE_OID, BE_INT, BE_UNS, BE_STR, BE_SEQ, BE_INETADDR, BE_PDU,
	BE_UNS64, BE_NOSUCHOBJECT, BE_NOSUCHINST, BE_ENDOFMIBVIEW
};

/* One decoded BER item; value points into the packet. */
struct be {
	uint32_t asnlen;
	enum be_type type;
	uint32_t id;
	const uint8_t *value;
	int32_t integer;
	uint32_t uns;
	uint64_t uns64;
};

enum { CL_UNIVERSAL, CL_APPLICATION, CL_CONTEXT, CL_PRIVATE };
enum { PDU_GET, PDU_GETNEXT, PDU_RESPONSE, PDU_SET, PDU_TRAP, PDU_GETBULK, PDU_INFORM, PDU_V2TRAP,
       PDU_REPORT };

static const char *const universal_names[] = {
	"U-0", "Boolean", "Integer", "Bitstring", "String", "Null", "ObjID", "ObjectDes", "U-8",
	"U-9", "U-10", "U-11", "U-12", "U-13", "U-14", "U-15", "Sequence", "Set",
};
static const char *const application_names[] = {
	"IpAddress", "Counter", "Gauge", "TimeTicks", "Opaque", "C-5", "Counter64",
};
static const char *const context_names[] = {
	"GetRequest", "GetNextRequest", "GetResponse", "SetRequest", "Trap", "GetBulk", "Inform",
	"V2Trap", "Report",
};
static const char *const private_names[] = {"P-0"};
static const char *const exception_names[] = {"noSuchObject", "noSuchInstance", "endOfMibView"};

/* tcpdump names every class "x" in its messages (its table macro does not stringize). */
static const struct {
	const char *const *ids;
	uint32_t n;
} asn_classes[] = {
	{universal_names, 18}, {application_names, 7}, {context_names, 9}, {private_names, 1},
};

static const char *const error_status_names[] = {
	"noError", "tooBig", "noSuchName", "badValue", "readOnly", "genErr", "noAccess",
	"wrongType", "wrongLength", "wrongEncoding", "wrongValue", "noCreation",
	"inconsistentValue", "resourceUnavailable", "commitFailed", "undoFailed",
	"authorizationError", "notWritable", "inconsistentName",
};
static const char *const generic_trap_names[] = {
	"coldStart", "warmStart", "linkDown", "linkUp", "authenticationFailure", "egpNeighborLoss",
	"enterpriseSpecific",
};
static const char *const version_names[] = {"SNMPv1", "SNMPv2c", "SNMPv2u", "SNMPv3"};

/* A value runs past the captured bytes: tcpdump marks it and stops the walk. */
static int snmp_soft_trunc(struct nd *nd)
{
	nd_print_trunc(nd);
	return -1;
}

static int be_primitive(struct nd *nd, const uint8_t *p, unsigned cls, uint32_t id, struct be *e)
{
	e->value = p;
	if (cls == CL_UNIVERSAL) {
		if (id == 4) {
			e->type = BE_STR;
		} else if (id == 2) {
			if (e->asnlen == 0) {
				ND_STR(nd, "[asnlen=0]");
				return -1;
			}
			uint32_t v = (GET_U8(nd, p) & 0x80) ? 0xffffffffu : 0;
			for (uint32_t i = 0; i < e->asnlen; i++)
				v = (v << 8) | GET_U8(nd, p + i);
			e->type = BE_INT;
			e->integer = (int32_t)v;
		} else if (id == 6) {
			e->type = BE_OID;
		} else if (id == 5) {
			e->type = BE_NULL;
		} else {
			e->type = BE_OCTET;
			out_fmt(nd->out, "[P/U/%s]", universal_names[id]);
		}
	} else if (cls == CL_APPLICATION) {
		if (id == 0) {
			e->type = BE_INETADDR;
		} else if (id >= 1 && id <= 3) {
			uint32_t v = 0;
			for (uint32_t i = 0; i < e->asnlen; i++)
				v = (v << 8) + GET_U8(nd, p + i);
			e->type = BE_UNS;
			e->uns = v;
		} else if (id == 6) {
			uint64_t v = 0;
			for (uint32_t i = 0; i < e->asnlen; i++)
				v = (v << 8) + GET_U8(nd, p + i);
			e->type = BE_UNS64;
			e->uns64 = v;
		} else {
			e->type = BE_OCTET;
			out_fmt(nd->out, "[P/A/%s]", application_names[id]);
		}
	} else if (cls == CL_CONTEXT) {
		if (id == 0)
			e->type = BE_NOSUCHOBJECT;
		else if (id == 1)
			e->type = BE_NOSUCHINST;
		else if (id == 2)
			e->type = BE_ENDOFMIBVIEW;
	} else {
		out_fmt(nd->out, "[P/x/%s]", asn_classes[cls].ids[id]);
		e->type = BE_OCTET;
	}
	return 0;
}

/* Decode the BER item at p (len bytes left); bytes used, or -1 after a message. */
static int asn1_parse(struct nd *nd, const uint8_t *p, uint32_t len, struct be *e)
{
	e->asnlen = 0;
	e->type = BE_ANY;
	if (len < 1) {
		ND_STR(nd, "[nothing to parse]");
		return -1;
	}
	uint8_t tag = GET_U8(nd, p);
	uint32_t id = tag & 0x1f;
	unsigned form = (tag & 0x20) >> 5, cls = (tag & 0xc0) >> 6;
	uint32_t hdr = 1;
	p++;
	len--;
	if (id == 0x1f) {
		/* tcpdump keeps the id in a byte: only the low 8 bits survive */
		uint8_t x = 0;
		while (GET_U8(nd, p) & 0x80) {
			if (len < 1) {
				ND_STR(nd, "[Xtagfield?]");
				return -1;
			}
			x = (uint8_t)((x << 7) | (GET_U8(nd, p) & 0x7f));
			len--;
			hdr++;
			p++;
		}
		if (len < 1) {
			ND_STR(nd, "[Xtagfield?]");
			return -1;
		}
		x = (uint8_t)((x << 7) | GET_U8(nd, p));
		id = x;
		len--;
		hdr++;
		p++;
	}
	e->id = id;
	if (len < 1) {
		ND_STR(nd, "[no asnlen]");
		return -1;
	}
	e->asnlen = GET_U8(nd, p);
	p++;
	len--;
	hdr++;
	if (e->asnlen & 0x80) {
		uint32_t noct = e->asnlen % 0x80;
		e->asnlen = 0;
		if (len < noct) {
			out_fmt(nd->out, "[asnlen? %d<%d]", (int)len, (int)noct);
			return -1;
		}
		if (!nd_ok(nd, p, noct))
			return snmp_soft_trunc(nd);
		for (; noct != 0; len--, hdr++, noct--, p++)
			e->asnlen = (e->asnlen << 8) | GET_U8(nd, p);
	}
	if (len < e->asnlen) {
		out_fmt(nd->out, "[len%d<asnlen%u]", (int)len, e->asnlen);
		return -1;
	}
	if (id >= asn_classes[cls].n) {
		out_fmt(nd->out, "[id?%c/x/%d]", form ? 'C' : 'P', (int)id);
		return -1;
	}
	if (!nd_ok(nd, p, e->asnlen))
		return snmp_soft_trunc(nd);
	e->value = p;
	if (form == 0) {
		if (be_primitive(nd, p, cls, id, e) < 0)
			return -1;
	} else if (cls == CL_UNIVERSAL) {
		if (id == 16) {
			e->type = BE_SEQ;
		} else {
			e->type = BE_OCTET;
			out_fmt(nd->out, "C/U/%s", universal_names[id]);
		}
	} else if (cls == CL_CONTEXT) {
		e->type = BE_PDU;
	} else {
		e->type = BE_OCTET;
		out_fmt(nd->out, "C/x/%s", asn_classes[cls].ids[id]);
	}
	return (int)(e->asnlen + hdr);
}

static int asn1_print_octets(struct nd *nd, const struct be *e)
{
	if (!nd_ok(nd, e->value, e->asnlen))
		return snmp_soft_trunc(nd);
	for (uint32_t i = 0; i < e->asnlen; i++) {
		ND_CHR(nd, '_');
		out_hex(nd->out, GET_U8(nd, e->value + i), 2);
	}
	return 0;
}

static int asn1_print_string(struct nd *nd, const struct be *e)
{
	if (!nd_ok(nd, e->value, e->asnlen))
		return snmp_soft_trunc(nd);
	int printable = 1;
	for (uint32_t i = 0; printable && i < e->asnlen; i++) {
		uint8_t c = GET_U8(nd, e->value + i);
		printable = c >= 0x20 && c < 0x7f;
	}
	if (printable) {
		ND_CHR(nd, '"');
		out_mem(nd->out, (const char *)e->value, e->asnlen);
		ND_CHR(nd, '"');
		return 0;
	}
	for (uint32_t i = 0; i < e->asnlen; i++) {
		if (i)
			ND_CHR(nd, '_');
		out_hex(nd->out, GET_U8(nd, e->value + i), 2);
	}
	return 0;
}

/* The abbreviations tcpdump uses without -n, with their encoded prefixes. */
static const struct {
	const char *prefix;
	const unsigned *node;
	uint8_t len, oid[5];
} oid_abbrevs[] = {
	{"", &snmp_mib_mib, 5, {43, 6, 1, 2, 1}},
	{"E:", &snmp_mib_enterprises, 5, {43, 6, 1, 4, 1}},
	{"X:", &snmp_mib_experimental, 4, {43, 6, 1, 3}},
	{"S:", &snmp_mib_snmpModules, 5, {43, 6, 1, 6, 3}},
};

/* One sub-identifier: its name while the walk is inside the MIB tree, else the number. */
static void oid_component(struct nd *nd, uint32_t o, int nodot, int *level_first, int *level_n)
{
	int found = -1;
	for (int k = 0; k < *level_n; k++)
		if (snmp_mib[*level_first + k].subid == o) {
			found = *level_first + k;
			break;
		}
	if (!nodot)
		ND_CHR(nd, '.');
	if (found < 0) {
		*level_n = 0;
		ND_U(nd, o);
		return;
	}
	ND_STR(nd, snmp_mib[found].name);
	*level_first = snmp_mib[found].first;
	*level_n = snmp_mib[found].nchildren;
}

/* Sub-identifiers as ".1.3.6.1..." (-n), or named through tcpdump's MIB:
 * "system.sysDescr.0", "E:cisco.9.1" (the first byte holds two of them). */
static void asn1_print_oid(struct nd *nd, const struct be *e)
{
	const uint8_t *p = e->value;
	uint32_t i = e->asnlen, o = 0;
	int first = -1, level_first = 0, level_n = 0;
	if (!nd->o->nflag && i > 2) {
		for (size_t a = 0; a < sizeof oid_abbrevs / sizeof oid_abbrevs[0]; a++) {
			uint8_t len = oid_abbrevs[a].len;
			if (i < len || !nd_ok(nd, p, len) || memcmp(p, oid_abbrevs[a].oid, len) != 0)
				continue;
			const struct snmp_mib_node *n = &snmp_mib[*oid_abbrevs[a].node];
			level_first = n->first;
			level_n = n->nchildren;
			i -= len;
			p += len;
			ND_STR(nd, oid_abbrevs[a].prefix);
			first = 1;
			break;
		}
	}
	for (; i != 0; p++, i--) {
		uint8_t b = GET_U8(nd, p);
		o = (o << 7) + (b & 0x7f);
		if (b & 0x80)
			continue;
		if (first < 0) {
			if (!nd->o->nflag) {
				level_first = 0;
				level_n = (int)snmp_mib_roots;
			}
			first = 0;
			uint32_t s = o / 40;
			if (s > 2)
				s = 2;
			oid_component(nd, s, 0, &level_first, &level_n);
			o -= s * 40;
		}
		oid_component(nd, o, first > 0, &level_first, &level_n);
		if (--first < 0)
			first = 0;
		o = 0;
	}
}

static int asn1_print(struct nd *nd, const struct be *e)
{
	switch (e->type) {
	case BE_OCTET:
		return asn1_print_octets(nd, e);
	case BE_NULL:
		break;
	case BE_OID:
		asn1_print_oid(nd, e);
		break;
	case BE_INT:
		out_i64(nd->out, e->integer);
		break;
	case BE_UNS:
		ND_U(nd, e->uns);
		break;
	case BE_UNS64:
		ND_U(nd, e->uns64);
		break;
	case BE_STR:
		return asn1_print_string(nd, e);
	case BE_SEQ:
		out_fmt(nd->out, "Seq(%u)", e->asnlen);
		break;
	case BE_INETADDR:
		if (e->asnlen != 4)
			ND_STR(nd, "[inetaddr len!=4]");
		if (!nd_ok(nd, e->value, e->asnlen))
			return snmp_soft_trunc(nd);
		for (uint32_t i = 0; i < e->asnlen; i++) {
			if (i)
				ND_CHR(nd, '.');
			ND_U(nd, GET_U8(nd, e->value + i));
		}
		break;
	case BE_NOSUCHOBJECT:
	case BE_NOSUCHINST:
	case BE_ENDOFMIBVIEW:
		ND_CHR(nd, '[');
		ND_STR(nd, exception_names[e->id]);
		ND_CHR(nd, ']');
		break;
	case BE_PDU:
		out_fmt(nd->out, "%s(%u)", context_names[e->id], e->asnlen);
		break;
	case BE_ANY:
		ND_STR(nd, "[BE_ANY!?]");
		break;
	}
	return 0;
}

/* Parse the next item and require a type: on a mismatch print "[what]" and the item. */
static int asn1_expect(struct nd *nd, const uint8_t *p, uint32_t len, struct be *e, enum be_type t,
		       const char *what)
{
	int n = asn1_parse(nd, p, len, e);
	if (n < 0)
		return -1;
	if (e->type != t) {
		ND_CHR(nd, '[');
		ND_STR(nd, what);
		ND_CHR(nd, ']');
		asn1_print(nd, e);
		return -1;
	}
	return n;
}

static void error_status_print(struct nd *nd, int32_t v)
{
	if (v >= 0 && (size_t)v < sizeof error_status_names / sizeof error_status_names[0])
		ND_STR(nd, error_status_names[v]);
	else
		out_fmt(nd->out, "err=%u", (uint32_t)v);
}

static int pdu_is_read(uint32_t id)
{
	return id == PDU_GET || id == PDU_GETNEXT || id == PDU_GETBULK;
}

static void varbind_print(struct nd *nd, uint32_t pduid, const uint8_t *np, uint32_t length)
{
	struct be e;
	int n = asn1_expect(nd, np, length, &e, BE_SEQ, "!SEQ of varbind");
	if (n < 0)
		return;
	if ((uint32_t)n < length)
		out_fmt(nd->out, "[%d extra after SEQ of varbind]", (int)(length - (uint32_t)n));
	length = e.asnlen;
	np = e.value;
	while (length) {
		ND_CHR(nd, ' ');
		if ((n = asn1_expect(nd, np, length, &e, BE_SEQ, "!varbind")) < 0)
			return;
		const uint8_t *vbend = np + n;
		uint32_t vblength = length - (uint32_t)n;
		length = e.asnlen;
		np = e.value;
		if ((n = asn1_expect(nd, np, length, &e, BE_OID, "objName!=OID")) < 0)
			return;
		if (asn1_print(nd, &e) < 0)
			return;
		length -= (uint32_t)n;
		np += n;
		if (!pdu_is_read(pduid))
			ND_CHR(nd, '=');
		if ((n = asn1_parse(nd, np, length, &e)) < 0)
			return;
		if (pdu_is_read(pduid)) {
			if (e.type != BE_NULL) {
				ND_STR(nd, "[objVal!=NULL]");
				if (asn1_print(nd, &e) < 0)
					return;
			}
		} else if (e.type != BE_NULL && asn1_print(nd, &e) < 0) {
			return;
		}
		length = vblength;
		np = vbend;
	}
}

static int pdu_no_error_expected(uint32_t id)
{
	return id == PDU_GET || id == PDU_GETNEXT || id == PDU_SET || id == PDU_INFORM ||
	       id == PDU_V2TRAP || id == PDU_REPORT;
}

static void snmppdu_print(struct nd *nd, uint32_t pduid, const uint8_t *np, uint32_t length)
{
	struct be e;
	int n = asn1_expect(nd, np, length, &e, BE_INT, "reqId!=INT");
	if (n < 0)
		return;
	if (nd->o->vflag)
		out_fmt(nd->out, "R=%d ", e.integer);
	length -= (uint32_t)n;
	np += n;
	if ((n = asn1_expect(nd, np, length, &e, BE_INT, "errorStatus!=INT")) < 0)
		return;
	int32_t error_status = 0;
	if (pdu_no_error_expected(pduid) && e.integer != 0) {
		ND_STR(nd, "[errorStatus(");
		error_status_print(nd, e.integer);
		ND_STR(nd, ")!=0]");
	} else if (pduid == PDU_GETBULK) {
		out_fmt(nd->out, " N=%d", e.integer);
	} else if (e.integer != 0) {
		ND_CHR(nd, ' ');
		error_status_print(nd, e.integer);
		error_status = e.integer;
	}
	length -= (uint32_t)n;
	np += n;
	if ((n = asn1_expect(nd, np, length, &e, BE_INT, "errorIndex!=INT")) < 0)
		return;
	if (pdu_no_error_expected(pduid) && e.integer != 0)
		out_fmt(nd->out, "[errorIndex(%d)!=0]", e.integer);
	else if (pduid == PDU_GETBULK)
		out_fmt(nd->out, " M=%d", e.integer);
	else if (e.integer != 0) {
		if (!error_status)
			out_fmt(nd->out, "[errorIndex(%d) w/o errorStatus]", e.integer);
		else
			out_fmt(nd->out, "@%d", e.integer);
	} else if (error_status) {
		ND_STR(nd, "[errorIndex==0]");
	}
	length -= (uint32_t)n;
	np += n;
	varbind_print(nd, pduid, np, length);
}

static void trappdu_print(struct nd *nd, const uint8_t *np, uint32_t length)
{
	struct be e;
	int n;
	ND_CHR(nd, ' ');
	if ((n = asn1_expect(nd, np, length, &e, BE_OID, "enterprise!=OID")) < 0 || asn1_print(nd, &e) < 0)
		return;
	length -= (uint32_t)n;
	np += n;
	ND_CHR(nd, ' ');
	if ((n = asn1_expect(nd, np, length, &e, BE_INETADDR, "agent-addr!=INETADDR")) < 0 ||
	    asn1_print(nd, &e) < 0)
		return;
	length -= (uint32_t)n;
	np += n;
	if ((n = asn1_expect(nd, np, length, &e, BE_INT, "generic-trap!=INT")) < 0)
		return;
	int32_t generic = e.integer;
	ND_CHR(nd, ' ');
	if (generic >= 0 && (size_t)generic < sizeof generic_trap_names / sizeof generic_trap_names[0])
		ND_STR(nd, generic_trap_names[generic]);
	else
		out_fmt(nd->out, "gt=%d", generic);
	length -= (uint32_t)n;
	np += n;
	if ((n = asn1_expect(nd, np, length, &e, BE_INT, "specific-trap!=INT")) < 0)
		return;
	if (generic != 6) {
		if (e.integer != 0)
			out_fmt(nd->out, "[specific-trap(%d)!=0]", e.integer);
	} else {
		out_fmt(nd->out, " s=%d", e.integer);
	}
	length -= (uint32_t)n;
	np += n;
	ND_CHR(nd, ' ');
	if ((n = asn1_expect(nd, np, length, &e, BE_UNS, "time-stamp!=TIMETICKS")) < 0 ||
	    asn1_print(nd, &e) < 0)
		return;
	length -= (uint32_t)n;
	np += n;
	varbind_print(nd, PDU_TRAP, np, length);
}

static void pdu_print(struct nd *nd, const uint8_t *np, uint32_t length, int version)
{
	struct be pdu;
	int n = asn1_parse(nd, np, length, &pdu);
	if (n < 0)
		return;
	if (pdu.type != BE_PDU) {
		ND_STR(nd, "[no PDU]");
		return;
	}
	if ((uint32_t)n < length)
		out_fmt(nd->out, "[%d extra after PDU]", (int)(length - (uint32_t)n));
	if (nd->o->vflag)
		ND_STR(nd, "{ ");
	if (asn1_print(nd, &pdu) < 0)
		return;
	ND_CHR(nd, ' ');
	if (version == 0 && (pdu.id == PDU_GETBULK || pdu.id == PDU_INFORM || pdu.id == PDU_V2TRAP ||
			     pdu.id == PDU_REPORT)) {
		ND_STR(nd, "[v2 PDU in v1 message]");
		return;
	}
	if (version == 1 && pdu.id == PDU_TRAP) {
		ND_STR(nd, "[v1 PDU in v2 message]");
		return;
	}
	if (pdu.id == PDU_TRAP)
		trappdu_print(nd, pdu.value, pdu.asnlen);
	else
		snmppdu_print(nd, pdu.id, pdu.value, pdu.asnlen);
	if (nd->o->vflag)
		ND_STR(nd, " } ");
}

static void scopedpdu_print(struct nd *nd, const uint8_t *np, uint32_t length, int version)
{
	struct be e;
	int n = asn1_expect(nd, np, length, &e, BE_SEQ, "!scoped PDU");
	if (n < 0)
		return;
	length = e.asnlen;
	np = e.value;
	if ((n = asn1_expect(nd, np, length, &e, BE_STR, "contextEngineID!=STR")) < 0)
		return;
	length -= (uint32_t)n;
	np += n;
	ND_STR(nd, "E=");
	if (asn1_print_octets(nd, &e) < 0)
		return;
	ND_CHR(nd, ' ');
	if ((n = asn1_expect(nd, np, length, &e, BE_STR, "contextName!=STR")) < 0)
		return;
	length -= (uint32_t)n;
	np += n;
	ND_STR(nd, "C=");
	if (asn1_print_string(nd, &e) < 0)
		return;
	ND_CHR(nd, ' ');
	pdu_print(nd, np, length, version);
}

static void community_print(struct nd *nd, const uint8_t *np, uint32_t length, int version)
{
	struct be e;
	int n = asn1_expect(nd, np, length, &e, BE_STR, "comm!=STR");
	if (n < 0)
		return;
	if (!(e.asnlen == 6 && memcmp(e.value, "public", 6) == 0)) {
		ND_STR(nd, "C=");
		if (asn1_print_string(nd, &e) < 0)
			return;
		ND_CHR(nd, ' ');
	}
	pdu_print(nd, np + n, length - (uint32_t)n, version);
}

/* The USM security parameters (RFC 3414), inside an OCTET STRING. */
static void usm_print(struct nd *nd, const uint8_t *np, uint32_t length)
{
	struct be e;
	int n = asn1_expect(nd, np, length, &e, BE_SEQ, "!usm");
	if (n < 0)
		return;
	length = e.asnlen;
	np = e.value;
	if ((n = asn1_expect(nd, np, length, &e, BE_STR, "msgAuthoritativeEngineID!=STR")) < 0)
		return;
	length -= (uint32_t)n;
	np += n;
	if ((n = asn1_expect(nd, np, length, &e, BE_INT, "msgAuthoritativeEngineBoots!=INT")) < 0)
		return;
	if (nd->o->vflag)
		out_fmt(nd->out, "B=%d ", e.integer);
	length -= (uint32_t)n;
	np += n;
	if ((n = asn1_expect(nd, np, length, &e, BE_INT, "msgAuthoritativeEngineTime!=INT")) < 0)
		return;
	if (nd->o->vflag)
		out_fmt(nd->out, "T=%d ", e.integer);
	length -= (uint32_t)n;
	np += n;
	if ((n = asn1_expect(nd, np, length, &e, BE_STR, "msgUserName!=STR")) < 0)
		return;
	length -= (uint32_t)n;
	np += n;
	ND_STR(nd, "U=");
	if (asn1_print_string(nd, &e) < 0)
		return;
	ND_CHR(nd, ' ');
	if ((n = asn1_expect(nd, np, length, &e, BE_STR, "msgAuthenticationParameters!=STR")) < 0)
		return;
	length -= (uint32_t)n;
	np += n;
	if ((n = asn1_expect(nd, np, length, &e, BE_STR, "msgPrivacyParameters!=STR")) < 0)
		return;
	length -= (uint32_t)n;
	if ((uint32_t)n < length)
		out_fmt(nd->out, "[%d extra after usm SEQ]", (int)(length - (uint32_t)n));
}

static void v3msg_print(struct nd *nd, const uint8_t *np, uint32_t length)
{
	struct be e;
	const uint8_t *xnp = np;
	uint32_t xlength = length;
	int n = asn1_expect(nd, np, length, &e, BE_SEQ, "!message");
	if (n < 0)
		return;
	length = e.asnlen;
	np = e.value;
	if (nd->o->vflag)
		ND_STR(nd, "{ ");
	if ((n = asn1_expect(nd, np, length, &e, BE_INT, "msgID!=INT")) < 0)
		return;
	length -= (uint32_t)n;
	np += n;
	if ((n = asn1_expect(nd, np, length, &e, BE_INT, "msgMaxSize!=INT")) < 0)
		return;
	length -= (uint32_t)n;
	np += n;
	if ((n = asn1_expect(nd, np, length, &e, BE_STR, "msgFlags!=STR")) < 0)
		return;
	if (e.asnlen != 1) {
		out_fmt(nd->out, "[msgFlags size %d]", (int)e.asnlen);
		return;
	}
	uint8_t flags = GET_U8(nd, e.value);
	if (flags != 0x00 && flags != 0x01 && flags != 0x03 && flags != 0x04 && flags != 0x05 &&
	    flags != 0x07) {
		out_fmt(nd->out, "[msgFlags=0x%02X]", flags);
		return;
	}
	length -= (uint32_t)n;
	np += n;
	ND_STR(nd, "F=");
	if (flags & 0x01)
		ND_CHR(nd, 'a');
	if (flags & 0x02)
		ND_CHR(nd, 'p');
	if (flags & 0x04)
		ND_CHR(nd, 'r');
	ND_CHR(nd, ' ');
	if ((n = asn1_expect(nd, np, length, &e, BE_INT, "msgSecurityModel!=INT")) < 0)
		return;
	int32_t model = e.integer;
	length -= (uint32_t)n;
	np += n;
	if ((uint32_t)n < length)
		out_fmt(nd->out, "[%d extra after message SEQ]", (int)(length - (uint32_t)n));
	if (nd->o->vflag)
		ND_STR(nd, "} ");
	if (model != 3) {
		out_fmt(nd->out, "[security model %d]", model);
		return;
	}
	if (nd->o->vflag)
		ND_STR(nd, "{ USM ");
	/* the security parameters follow the header SEQUENCE in the outer message */
	length = xlength - (uint32_t)(np - xnp);
	if ((n = asn1_expect(nd, np, length, &e, BE_STR, "msgSecurityParameters!=STR")) < 0)
		return;
	length -= (uint32_t)n;
	np += n;
	usm_print(nd, e.value, e.asnlen);
	if (nd->o->vflag)
		ND_STR(nd, "} ");
	if (nd->o->vflag)
		ND_STR(nd, "{ ScopedPDU ");
	scopedpdu_print(nd, np, length, 3);
	if (nd->o->vflag)
		ND_STR(nd, "} ");
}

void snmp_print(struct nd *nd, const uint8_t *np, uint32_t length)
{
	struct be e;
	nd->protocol = "snmp";
	ND_CHR(nd, ' ');
	int n = asn1_expect(nd, np, length, &e, BE_SEQ, "!init SEQ");
	if (n < 0)
		return;
	if ((uint32_t)n < length)
		out_fmt(nd->out, "[%d extra after iSEQ]", (int)(length - (uint32_t)n));
	length = e.asnlen;
	np = e.value;
	if ((n = asn1_expect(nd, np, length, &e, BE_INT, "version!=INT")) < 0)
		return;
	int32_t version = e.integer;
	if (version != 0 && version != 1 && version != 3) {
		out_fmt(nd->out, "SNMP [version = %d]", version);
		return;
	}
	if (nd->o->vflag) {
		ND_STR(nd, "{ ");
		ND_STR(nd, version_names[version]);
		ND_CHR(nd, ' ');
	}
	length -= (uint32_t)n;
	np += n;
	if (version == 3)
		v3msg_print(nd, np, length);
	else
		community_print(nd, np, length, version);
	if (nd->o->vflag)
		ND_STR(nd, "} ");
}
