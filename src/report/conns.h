/*
 * conns.h - `synack conns`: one line (or one NDJSON object) per TCP connection.
 *
 * Records arrive from the tracker as connections finish.  For files they are
 * printed in start order: a finished record waits (as formatted text, a few
 * hundred bytes) until every connection that started before it is done, in a
 * window of CONNS_PENDING_MAX records; if a long-lived connection holds the
 * window full, the waiting records are printed and the late one follows when
 * it ends (memory stays bounded).  Live captures print each record at once.
 */
#ifndef SYNACK_CONNS_H
#define SYNACK_CONNS_H

#include "../util/out.h"
#include "../tcp/track.h"

#define CONNS_PENDING_MAX 16384

struct conns_report;
enum { CONNS_TEXT, CONNS_JSON, CONNS_ZEEK };
/* format: CONNS_TEXT (table), CONNS_JSON (NDJSON, docs/json.md), CONNS_ZEEK (Zeek conn.log TSV) */
struct conns_report *conns_report_new(struct out *o, int format, int live, int nano);
void conns_report_add(struct conns_report *r, const struct conn *c);
/* Prints what is still waiting, and the header-less footer (overflow counts). */
void conns_report_finish(struct conns_report *r, uint64_t seen, uint64_t overflow);
void conns_report_free(struct conns_report *r);


#endif
