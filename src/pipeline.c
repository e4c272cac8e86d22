/* pipeline.c - source -> packet context -> taps (see pipeline.h). */
#include "pipeline.h"

#include <string.h>

void pipeline_init(struct pipeline *pl, int nano)
{
	memset(pl, 0, sizeof *pl);
	pl->nano = nano;
}

int pipeline_add(struct pipeline *pl, const struct tap_ops *ops, void *self)
{
	if (pl->ntaps >= PIPELINE_MAX_TAPS)
		return -1;
	pl->taps[pl->ntaps].ops = ops;
	pl->taps[pl->ntaps].self = self;
	pl->ntaps++;
	return 0;
}

/* The tracker's done callback: every tap that wants connections gets it. */
static void on_conn_done(void *user, const struct conn *c)
{
	struct pipeline *pl = user;
	for (int i = 0; i < pl->ntaps; i++)
		if (pl->taps[i].ops->conn)
			pl->taps[i].ops->conn(pl->taps[i].self, c);
}

int pipeline_track(struct pipeline *pl, const struct tracker_cfg *cfg)
{
	if (pl->trk)
		return 0;
	pl->trk = tracker_new(cfg, on_conn_done, pl);
	return pl->trk ? 0 : -1;
}

void pipeline_decode(struct pipeline *pl)
{
	pl->decode = 1;
}

int pipeline_dedup(struct pipeline *pl)
{
	if (!pl->dedup)
		pl->dedup = dedup_new();
	return pl->dedup ? 0 : -1;
}

void pipeline_packet(struct pipeline *pl, int linktype, const struct pcap_pkthdr *h, const uint8_t *bytes)
{
	struct pkt_ctx px = {h, bytes, linktype, ++pl->count, NULL, NULL, 0, pl->trk};
	if (pl->trk || pl->decode) {
		pl->pk.num = px.num;
		pl->pk.ts_sec = h->ts.tv_sec;
		pl->pk.ts_frac = (uint32_t)h->ts.tv_usec;
		pl->pk.ts_nano = pl->nano;
		decode_packet(&pl->pk, linktype, bytes, h->caplen, h->len);
		px.pk = &pl->pk;
	}
	if (pl->trk) {
		if (pl->dedup)
			px.dup = (int)dedup_packet(pl->dedup, &pl->pk, bytes, h->caplen, pl->trk);
		if (px.dup == DEDUP_NONE) {
			tracker_packet(pl->trk, &pl->pk, &pl->res);
			px.res = &pl->res;
		}
	}
	for (int i = 0; i < pl->ntaps; i++)
		if (pl->taps[i].ops->packet(pl->taps[i].self, &px)) {
			pl->stopped = 1;
			break;
		}
}

void pipeline_tick(struct pipeline *pl, double now)
{
	if (pl->trk)
		tracker_tick(pl->trk, now);
}

int pipeline_finish(struct pipeline *pl, const char *reason)
{
	if (pl->finished)
		return 0;
	pl->finished = 1;
	for (int i = 0; i < pl->ntaps; i++)
		if (pl->taps[i].ops->stop)
			pl->taps[i].ops->stop(pl->taps[i].self);
	if (pl->trk)
		tracker_finish(pl->trk, reason);
	int found = 0;
	for (int i = 0; i < pl->ntaps; i++)
		if (pl->taps[i].ops->finish)
			found += pl->taps[i].ops->finish(pl->taps[i].self, pl);
	return found;
}

void pipeline_free(struct pipeline *pl)
{
	for (int i = 0; i < pl->ntaps; i++)
		if (pl->taps[i].ops->release)
			pl->taps[i].ops->release(pl->taps[i].self);
	pl->ntaps = 0;
	if (pl->trk)
		tracker_free(pl->trk);
	pl->trk = NULL;
	if (pl->dedup)
		dedup_free(pl->dedup);
	pl->dedup = NULL;
}
