/*
 * detect.c - packet-level detectors for diagnose (see detect.h).
 * Stub: finds nothing yet.
 */
#include "detect.h"

#include <stdlib.h>

struct det {
	int unused;
};

struct det *det_new(void)
{
	return calloc(1, sizeof(struct det));
}

void det_packet(struct det *d, const struct pkt *pk, const uint8_t *data, uint32_t caplen)
{
	(void)d;
	(void)pk;
	(void)data;
	(void)caplen;
}

int det_events(struct det *d, void (*cb)(void *user, const struct det_event *ev), void *user)
{
	(void)d;
	(void)cb;
	(void)user;
	return 0;
}

void det_free(struct det *d)
{
	free(d);
}
