/*
 * svg.h - the graphs of a connection (series.h) drawn as SVG from C:
 *
 *   tsg         time-sequence, tcptrace style, for the direction that carried
 *               more data: segments as vertical bars seq..seq+len, the ACK
 *               line and the receive-window line (ACK + window) of the other
 *               direction, SACK blocks, and event markers, each kind in its own
 *               colour AND shape (legend below the plot).  Markers of packets
 *               sent the other way (e.g. a retransmitted FIN of the receiver)
 *               sit on the ACK line, drawn hollow.
 *   throughput  throughput and goodput (not retransmitted bytes), each direction, Mbit/s
 *   rtt         RTT samples (Karn-clean, from the tracker) over time, ms
 *   inflight    bytes in flight of the data direction against the receive window
 *   ladder      the first SERIES_LADDER packets as arrows between client and
 *               server, with time, flags, seq/ack/len, packet number and tags
 *               (one capture point: the arrows' slope is drawn, not measured)
 *
 * The plot area is a nested <svg class="plot"> whose viewBox the report's
 * script changes to zoom and pan; every tick label carries data-px (its pixel
 * position) so the script can relabel it.  Markers are <g class="mk ..."
 * data-pkt="N"> so the report can find and highlight them.
 * Every string written into the SVG goes through svg_esc().
 */
#ifndef SYNACK_SVG_H
#define SYNACK_SVG_H

#include "../util/out.h"
#include "series.h"

enum graph_kind { GRAPH_TSG, GRAPH_THROUGHPUT, GRAPH_RTT, GRAPH_INFLIGHT, GRAPH_LADDER };

/* "tsg", "throughput", "rtt", "inflight", "ladder" -> kind, or -1. */
int graph_kind_from_name(const char *name);
/* One <svg> element.  standalone: a complete SVG file (XML declaration, namespace). */
void svg_graph(struct out *o, const struct series_conn *c, enum graph_kind k, int standalone);
/* Escapes & < > " ' and drops control characters: safe in HTML/SVG text and attributes. */
void svg_esc(struct out *o, const char *s, size_t n);
#define svg_escs(o, s) svg_esc((o), (s), strlen(s))

#endif
