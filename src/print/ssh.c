/* ssh.c - stub: SSH version banner (RFC 4253), TCP port 22. */
#include "nd.h"

void ssh_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	(void)p;
	(void)len;
	(void)nd;
}
