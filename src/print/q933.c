/*
 * q933.c - ITU-T Q.933 / ANSI T1.617 Annex D signalling and LMI over Frame
 * Relay (NLPID 0x08), as tcpdump 4.99 prints it.
 *
 *   | 0000 | call ref len | call ref ... | message type | IEs ...
 *   IE: single octet (bit 7 set; 0x9x = codeset shift) or code, length, value.
 */
#include "rest.h"

static const struct tok q933_msg_names[] = {
	{0x00, "ESC to National"}, {0x01, "Alert"}, {0x02, "Call proceeding"}, {0x07, "Connect"},
	{0x0f, "Connect ACK"}, {0x03, "Progress"}, {0x05, "Setup"}, {0x45, "Disconnect"},
	{0x4d, "Release"}, {0x5a, "Release Complete"}, {0x46, "Restart"}, {0x4e, "Restart ACK"},
	{0x7d, "Status Reply"}, {0x75, "Status Enquiry"}, {0, NULL},
};
static const struct tok q933_ie_names[] = {
	{0x01, "ANSI Report Type"}, {0x19, "ANSI Link Verify"}, {0x03, "ANSI Link Verify"},
	{0x07, "ANSI PVC Status"}, {0x51, "CCITT Report Type"}, {0x53, "CCITT Link Verify"},
	{0x57, "CCITT PVC Status"}, {0, NULL},
};
static const struct tok q933_report_names[] = {
	{0, "Full Status"}, {1, "Link verify"}, {2, "Async PVC Status"}, {0, NULL},
};

#define IE_IS_SHIFT(c) (((c) & 0xf0) == 0x90)
#define IE_SHIFT_LOCKING(c) (!((c) & 0x08))

static int q933_pvc_bad(const uint8_t *v, unsigned n)
{
	if (n < 3 || n > 5 || (v[0] & 0x80) || !(v[n - 1] & 0x80))
		return 1;
	if (n == 3)
		return !(v[1] & 0x80);
	if (n == 4)
		return (v[1] & 0x80) || !(v[2] & 0x80);
	return (v[1] & 0x80) || (v[2] & 0x80) || !(v[3] & 0x80);
}

/* Codesets 0 and 5: 1 when the IE is known (and printed). */
static int q933_ie_print(struct nd *nd, unsigned code, unsigned n, const uint8_t *p)
{
	uint8_t v[5];
	switch (code) {
	case 0x01:
	case 0x51:
		if (n < 1) { /* cannot happen: a zero length ends the IEs first */
			if (!nd->o->vflag)
				ND_STR(nd, ", ");
			ND_STR(nd, "Invalid REPORT TYPE IE");
			return 1;
		}
		if (nd->o->vflag) {
			uint8_t t = GET_U8(nd, p);
			nd_tok(nd, q933_report_names, "unknown", t);
			out_fmt(nd->out, " (%u)", t);
		}
		return 1;
	case 0x03:
	case 0x53:
	case 0x19:
		if (!nd->o->vflag)
			ND_STR(nd, ", ");
		if (n < 2) {
			ND_STR(nd, "Invalid LINK VERIFY IE");
			return 1;
		}
		out_fmt(nd->out, "TX Seq: %3d, RX Seq: %3d", GET_U8(nd, p), GET_U8(nd, p + 1));
		return 1;
	case 0x07:
	case 0x57: {
		if (!nd->o->vflag)
			ND_STR(nd, ", ");
		unsigned k = n < 5 ? n : 5;
		GET_CPY(nd, v, p, k);
		if (q933_pvc_bad(v, n)) {
			ND_STR(nd, "Invalid DLCI in PVC STATUS IE");
			return 1;
		}
		unsigned dlci = ((unsigned)(v[0] & 0x3f) << 4) | ((v[1] & 0x78) >> 3);
		if (n == 4)
			dlci = (dlci << 6) | ((v[2] & 0x7e) >> 1);
		else if (n == 5)
			dlci = (dlci << 13) | (v[2] & 0x7f) | ((v[3] & 0x7e) >> 1);
		out_fmt(nd->out, "DLCI %u: status %s%s", dlci, v[n - 1] & 0x8 ? "New, " : "",
			v[n - 1] & 0x2 ? "Active" : "Inactive");
		return 1;
	}
	default:
		return 0;
	}
}

static void q933_trunc(struct nd *nd)
{
	nd->protocol = "q.933";
	nd_print_trunc(nd);
}

/* " , length N" then the truncation mark, as tcpdump ends a short header. */
static void q933_short(struct nd *nd, uint32_t olen)
{
	if (!nd->o->eflag)
		ND_STR(nd, ", ");
	out_fmt(nd->out, "length %u", olen);
	q933_trunc(nd);
}

void q933_print(struct nd *nd, const uint8_t *p, uint32_t length)
{
	if (!nd->o->eflag)
		ND_STR(nd, "Q.933");
	uint32_t olen = length;
	if (length == 0 || !nd_ok(nd, p, 1)) {
		q933_short(nd, length);
		return;
	}
	unsigned crlen = GET_U8(nd, p) & 0x0f;
	uint8_t cref[15];
	p++;
	length--;
	for (unsigned i = 0; i < crlen; i++) {
		if (length == 0 || !nd_ok(nd, p, 1)) {
			q933_short(nd, olen);
			return;
		}
		cref[i] = GET_U8(nd, p++);
		length--;
	}
	if (length == 0 || !nd_ok(nd, p, 1)) {
		q933_short(nd, olen);
		return;
	}
	uint8_t msgtype = GET_U8(nd, p++);
	length--;
	unsigned codeset = 0, unshift = 0, nls = 0;
	int ansi = 0;
	if (length != 0) {
		if (!nd_ok(nd, p, 1)) {
			q933_short(nd, olen);
			return;
		}
		uint8_t c = GET_U8(nd, p);
		if (IE_IS_SHIFT(c)) {
			p++;
			length--;
			codeset = c & 7;
			if (IE_SHIFT_LOCKING(c)) {
				if (codeset == 5)
					ansi = 1;
			} else {
				nls = 1;
				unshift = 0;
			}
		}
	}
	if (!nd->o->eflag)
		ND_STR(nd, ", ");
	out_fmt(nd->out, "%s, codeset %u", ansi ? "ANSI" : "CCITT", codeset);
	if (crlen != 0) {
		/* tcpdump looks at the byte after the message type only for a
		 * one-byte call reference (linkb: a longer one prints at the end) */
		nd->protocol = "q.933";
		if (crlen > 1 || GET_U8(nd, p) != 0) {
			ND_STR(nd, ", Call Ref: 0x");
			for (unsigned i = 0; i < crlen; i++)
				out_fmt(nd->out, "%02x", cref[i]);
		}
	}
	if (nd->o->vflag) {
		ND_STR(nd, ", ");
		nd_tok(nd, q933_msg_names, "unknown message", msgtype);
		out_fmt(nd->out, " (0x%02x), length %u", msgtype, olen);
	} else {
		ND_STR(nd, ", ");
		nd_tok(nd, q933_msg_names, "unknown message 0x%02x", msgtype);
	}
	while (length != 0) {
		if (nls == 1) {
			nls = 2;
		} else if (nls == 2) {
			codeset = unshift;
			nls = 0;
		}
		if (!nd_ok(nd, p, 1))
			goto trunc;
		uint8_t code = GET_U8(nd, p++);
		length--;
		if (code & 0x80) {
			if (IE_IS_SHIFT(code)) {
				if (IE_SHIFT_LOCKING(code)) {
					nls = 0;
				} else {
					nls = 1;
					unshift = codeset;
				}
				codeset = code & 7;
			}
			continue;
		}
		if (length == 0 || !nd_ok(nd, p, 1))
			goto trunc;
		unsigned ielen = GET_U8(nd, p++);
		length--;
		const struct tok *names = (codeset == 0 || codeset == 5) ? q933_ie_names : NULL;
		if (nd->o->vflag) {
			const char *name = names ? tok_find(names, code) : NULL;
			out_fmt(nd->out, "\n\t%s IE (0x%02x), length %u: ", name ? name : "unknown", code, ielen);
		}
		if (code == 0 || ielen == 0)
			return;
		if (length < ielen || !nd_ok(nd, p, ielen))
			goto trunc;
		int known = names ? q933_ie_print(nd, code, ielen, p) : 0;
		if (known) {
			if (nd->o->vflag > 1)
				nd_print_unknown_data(nd, p, "\n\t  ", ielen);
		} else if (nd->o->vflag) {
			nd_print_unknown_data(nd, p, "\n\t", ielen);
		}
		length -= ielen;
		p += ielen;
	}
	if (!nd->o->vflag)
		out_fmt(nd->out, ", length %u", olen);
	return;
trunc:
	if (!nd->o->vflag)
		out_fmt(nd->out, ", length %u", olen);
	q933_trunc(nd);
}
