/*
 * tags.c - what the tracker found, in words: the per-packet tag names
 * (--analyze text and NDJSON, named as Wireshark's tcp.analysis fields where
 * one exists), the Zeek-style connection state and history letters.
 */
#include "track_int.h"
#include "../util/community_id.h"

#include <stdio.h>

/* Zeek's history letters (S syn, H syn-ack, A pure ack, D data, F fin, R rst,
 * T retransmission, W zero window, G gap: content not captured), upper case
 * for the client, lower for the server, each recorded once: history_add()
 * (track_int.h) calls this for a letter not yet recorded. */
void history_record(struct conn *c, char letter, int resp, unsigned bit)
{
	c->hist_seen |= bit;
	if (c->hlen + 1 < sizeof c->history) {
		c->history[c->hlen++] = resp ? (char)(letter - 'A' + 'a') : letter;
		c->history[c->hlen] = 0;
	}
}

static const struct {
	uint32_t tag;
	const char *name;
} tag_names[] = {
	{TAG_PORT_REUSE, "port reused"},
	{TAG_SYN, "syn"},
	{TAG_SYNACK, "syn-ack"},
	{TAG_HS_ACK, "handshake ack"},
	{TAG_WSCALE_UNKNOWN, "handshake not seen, window scale unknown"},
	{TAG_SPURIOUS, "spurious retransmission"},
	{TAG_FAST_RETRANS, "fast retransmission"},
	{TAG_RETRANS, "retransmission"},
	{TAG_OUT_OF_ORDER, "out-of-order"},
	{TAG_LOST_SEGMENT, "previous segment not captured"},
	{TAG_ACKED_UNSEEN, "ack of unseen segment"},
	{TAG_BAD_ACK, "bogus ack"},
	{TAG_OUT_OF_WINDOW, "out of window"},
	{TAG_ZW_PROBE, "zero window probe"},
	{TAG_ZW_PROBE_ACK, "zero window probe ack"},
	{TAG_ZERO_WINDOW, "zero window"},
	{TAG_WINDOW_FULL, "window full"},
	{TAG_WINDOW_UPDATE, "window update"},
	{TAG_KEEPALIVE, "keep-alive"},
	{TAG_KEEPALIVE_ACK, "keep-alive ack"},
};

size_t tcp_tags_format(const struct tcp_result *r, char *buf, size_t n)
{
	size_t off = 0;
	if (n == 0)
		return 0;
	buf[0] = 0;
#define PUT(...)                                                                  \
	do {                                                                      \
		int k_ = snprintf(buf + off, n - off, __VA_ARGS__);               \
		if (k_ > 0)                                                       \
			off = (size_t)k_ < n - off ? off + (size_t)k_ : n - 1;     \
	} while (0)
	for (size_t i = 0; i < sizeof tag_names / sizeof tag_names[0]; i++) {
		uint32_t tg = tag_names[i].tag;
		if (!(r->tags & tg))
			continue;
		if ((tg == TAG_SYN || tg == TAG_SYNACK) && (r->tags & TAG_SYN_RETRANS))
			PUT(" [%s retransmission, attempt %d, +%.3fs]", tg == TAG_SYN ? "syn" : "syn-ack",
			    r->syn_attempt, r->syn_interval);
		else if (tg == TAG_RETRANS && (r->tags & TAG_SYN_RETRANS))
			continue;
		else
			PUT(" [%s]", tag_names[i].name);
	}
	if (r->tags & TAG_DUP_ACK)
		PUT(" [dup ack #%u]", r->dupack_num);
	if (r->tags & TAG_RST)
		PUT(" [rst by %s]", r->rst_by == 0 ? "client" : "server");
#undef PUT
	return off;
}

/* Zeek's endpoint states, derived from what each side sent. */
enum ep_state { EP_INACTIVE, EP_PARTIAL, EP_SYN_SENT, EP_SYN_ACK_SENT, EP_ESTABLISHED, EP_CLOSED, EP_RESET };

static enum ep_state ep_state(const struct conn *c, int d)
{
	const struct half *h = &c->h[d];
	if (h->rst)
		return EP_RESET;
	if (h->fin)
		return EP_CLOSED;
	if (c->established)
		return EP_ESTABLISHED;
	if (d == 0 && c->syn_count)
		return EP_SYN_SENT;
	if (d == 1 && c->synack_count)
		return EP_SYN_ACK_SENT;
	return h->seen ? EP_PARTIAL : EP_INACTIVE;
}

/* Zeek's conn_state(), on the same endpoint states (base/protocols/conn/main.zeek). */
const char *conn_state(const struct conn *c)
{
	enum ep_state os = ep_state(c, 0), rs = ep_state(c, 1);
	int o_inactive = os == EP_INACTIVE || os == EP_PARTIAL;
	int r_inactive = rs == EP_INACTIVE || rs == EP_PARTIAL;
	if (rs == EP_RESET) {
		if (os == EP_SYN_SENT || os == EP_SYN_ACK_SENT || (os == EP_RESET && !c->h[0].bytes && !c->h[1].bytes))
			return "REJ";
		return o_inactive ? "RSTRH" : "RSTR";
	}
	if (os == EP_RESET) {
		if (r_inactive)
			return c->syn_count && !c->synack_count && !c->h[0].bytes ? "RSTOS0" : "OTH";
		return "RSTO";
	}
	if (rs == EP_CLOSED && os == EP_CLOSED)
		return "SF";
	if (os == EP_CLOSED)
		return r_inactive ? "SH" : "S2";
	if (rs == EP_CLOSED)
		return o_inactive ? "SHR" : "S3";
	if (os == EP_SYN_SENT && rs == EP_INACTIVE)
		return "S0";
	if (os == EP_ESTABLISHED && rs == EP_ESTABLISHED)
		return "S1";
	return "OTH";
}

/* Names as in Wireshark's tcp.analysis.* fields where one exists. */
static const struct {
	uint32_t tag;
	const char *name;
} json_names[] = {
	{TAG_RETRANS, "retransmission"},
	{TAG_FAST_RETRANS, "fast_retransmission"},
	{TAG_SPURIOUS, "spurious_retransmission"},
	{TAG_OUT_OF_ORDER, "out_of_order"},
	{TAG_LOST_SEGMENT, "lost_segment"},
	{TAG_ACKED_UNSEEN, "ack_lost_segment"},
	{TAG_DUP_ACK, "duplicate_ack"},
	{TAG_ZERO_WINDOW, "zero_window"},
	{TAG_ZW_PROBE, "zero_window_probe"},
	{TAG_ZW_PROBE_ACK, "zero_window_probe_ack"},
	{TAG_WINDOW_FULL, "window_full"},
	{TAG_WINDOW_UPDATE, "window_update"},
	{TAG_KEEPALIVE, "keep_alive"},
	{TAG_KEEPALIVE_ACK, "keep_alive_ack"},
	{TAG_PORT_REUSE, "reused_ports"},
	{TAG_SYN, "syn"},
	{TAG_SYNACK, "syn_ack"},
	{TAG_HS_ACK, "handshake_ack"},
	{TAG_SYN_RETRANS, "syn_retransmission"},
	{TAG_RST, "rst"},
	{TAG_FIN, "fin"},
	{TAG_BAD_ACK, "bogus_ack"},
	{TAG_OUT_OF_WINDOW, "out_of_window"},
	{TAG_WSCALE_UNKNOWN, "handshake_not_seen"},
};

size_t tcp_tags_json(const struct tcp_result *r, uint64_t pkt, char *buf, size_t n)
{
	size_t off = 0;
	int k = snprintf(buf, n, "{\"packet\":%llu,\"tags\":[", (unsigned long long)pkt);
	if (k < 0 || (size_t)k >= n)
		return 0;
	off = (size_t)k;
	int first = 1;
	for (size_t i = 0; i < sizeof json_names / sizeof json_names[0]; i++) {
		if (!(r->tags & json_names[i].tag))
			continue;
		k = snprintf(buf + off, n - off, "%s\"%s\"", first ? "" : ",", json_names[i].name);
		if (k < 0 || (size_t)k >= n - off)
			return 0;
		off += (size_t)k;
		first = 0;
	}
	k = snprintf(buf + off, n - off, "]");
	off += k > 0 ? (size_t)k : 0;
	if (r->tags & TAG_DUP_ACK) {
		k = snprintf(buf + off, n - off, ",\"dup_ack_num\":%u", r->dupack_num);
		off += k > 0 && (size_t)k < n - off ? (size_t)k : 0;
	}
	if (r->tags & TAG_SYN_RETRANS) {
		k = snprintf(buf + off, n - off, ",\"attempt\":%d,\"interval\":%.6f", r->syn_attempt, r->syn_interval);
		off += k > 0 && (size_t)k < n - off ? (size_t)k : 0;
	}
	if (r->ack_rtt >= 0) {
		k = snprintf(buf + off, n - off, ",\"ack_rtt\":%.6f", r->ack_rtt);
		off += k > 0 && (size_t)k < n - off ? (size_t)k : 0;
	}
	if (r->conn) {
		char cid[COMMUNITY_ID_LEN];
		const struct conn *c = r->conn;
		community_id_tcp(cid, sizeof cid, c->v6, c->cli, c->cport, c->srv, c->sport);
		k = snprintf(buf + off, n - off, ",\"conn\":%llu,\"dir\":\"%s\",\"community_id\":\"%s\"",
			     (unsigned long long)c->id, r->dir ? "s>c" : "c>s", cid);
		off += k > 0 && (size_t)k < n - off ? (size_t)k : 0;
	}
	k = snprintf(buf + off, n - off, ",\"type\":\"packet\"}\n");
	off += k > 0 && (size_t)k < n - off ? (size_t)k : 0;
	return off;
}
