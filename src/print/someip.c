/* someip.c - stub: SOME/IP, UDP/TCP port 30490. */
#include "nd.h"

void someip_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	(void)p;
	(void)len;
	ND_STR(nd, "SOMEIP");
}
