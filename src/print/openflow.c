/* openflow.c - stub: OpenFlow, called for TCP ports 6633 and 6653. */
#include "nd.h"

void openflow_print(struct nd *nd, const uint8_t *p, uint32_t len)
{
	(void)p;
	(void)len;
	ND_STR(nd, ": OpenFlow");
}
