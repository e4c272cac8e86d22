/*
 * ssh.c - SSH identification string (RFC 4253 section 4.2), TCP port 22.
 *
 *   "SSH-protoversion-softwareversion SP comments" CR LF
 *
 * Only the version banner is decoded, as tcpdump does: a line that starts
 * with "SSH-" and holds only printable ASCII up to its LF (or CR LF) is
 * printed as ": SSH: <line>".  Anything else (binary packets, a line split
 * across segments) prints nothing.
 */
#include "nd.h"

void ssh_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	static const char magic[4] = {'S', 'S', 'H', '-'};
	nd->protocol = "ssh";
	uint32_t i;
	for (i = 0; i < 4; i++)
		if (GET_U8(nd, p + i) != (uint8_t)magic[i])
			return;
	for (; i < len; i++) {
		uint8_t c = GET_U8(nd, p + i);
		if (c == '\n')
			break;
		if (c == '\r') {
			/* only CR LF ends the line; CR + anything else is binary */
			if (i + 1 >= len || GET_U8(nd, p + i + 1) != '\n')
				return;
			break;
		}
		if (c < 0x20 || c > 0x7e)
			return;
	}
	if (i >= len)
		return; /* no end of line in this segment */
	ND_STR(nd, ": SSH: ");
	out_mem(nd->out, (const char *)p, i);
}
