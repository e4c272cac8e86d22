/*
 * ladder.h - `synack compare --ladder`: one connection drawn as a ladder
 * diagram, the client-side capture on the left, the server-side one on the
 * right, each packet an arrow from its sender to its receiver.  Rows are kept
 * (at most LADDER_MAX) as pass 2 matches packets and printed in time order.
 */
#ifndef SYNACK_LADDER_H
#define SYNACK_LADDER_H

#include <stdint.h>

#include "../util/out.h"

#define LADDER_MAX 4000

/* LADDER_MISSED: arrived, but the receiver's capture missed it (capture loss) */
enum { LADDER_OK, LADDER_LOST, LADDER_UNEXPECTED, LADDER_DUP, LADDER_REORDERED, LADDER_MISSED };

struct ladder_row {
	double t_send, t_recv;  /* reference clock; valid when have_send / have_recv */
	int have_send, have_recv;
	uint64_t num_send, num_recv;
	int from_client;
	int status;
	int tcp;
	char flags[12];
	char kind[12];
	uint32_t seq, ack, len;
};

struct ladder;
struct ladder *ladder_new(void);
void ladder_add(struct ladder *l, const struct ladder_row *r);
/* conn_id is 1-based (0: no connection selected). */
void ladder_print(struct ladder *l, struct out *o, const char *label, int conn_id, const char *client_file,
		  const char *server_file, int json);
void ladder_free(struct ladder *l);

#endif
