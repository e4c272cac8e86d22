/*
 * ladder.c - the ladder diagram of one connection (see ladder.h).
 */
#include "ladder.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MID 62

struct ladder {
	size_t n;
	uint64_t dropped;
	struct ladder_row row[LADDER_MAX];
};

struct ladder *ladder_new(void)
{
	return calloc(1, sizeof(struct ladder));
}

void ladder_free(struct ladder *l)
{
	free(l);
}

void ladder_add(struct ladder *l, const struct ladder_row *r)
{
	if (l->n < LADDER_MAX)
		l->row[l->n++] = *r;
	else
		l->dropped++;
}

static double row_time(const struct ladder_row *r)
{
	return r->have_send ? r->t_send : r->t_recv;
}

static int cmp_row(const void *a, const void *b)
{
	double x = row_time(a), y = row_time(b);
	return x < y ? -1 : x > y;
}

static const char *status_name(int s)
{
	static const char *const n[] = {"", "lost", "unexpected", "duplicate", "reordered", "capture missed it"};
	return s >= 0 && s <= LADDER_MISSED ? n[s] : "";
}

/* The middle column: the label and an arrow from sender to receiver. */
static void draw(char *m, const struct ladder_row *r)
{
	char text[64];
	if (r->tcp)
		snprintf(text, sizeof text, "%s %s seq %u ack %u len %u", r->kind, r->flags, r->seq, r->ack, r->len);
	else
		snprintf(text, sizeof text, "%s len %u", r->kind, r->len);
	size_t tl = strlen(text);
	if (tl > MID - 8)
		tl = MID - 8;
	memset(m, ' ', MID);
	m[MID] = 0;
	size_t arrow = MID - tl - 1; /* dashes + head */
	if (r->from_client) {
		memcpy(m, text, tl);
		size_t a0 = tl + 1;
		for (size_t i = 0; i < arrow; i++)
			m[a0 + i] = '-';
		m[MID - 1] = '>';
		if (r->status == LADDER_LOST) {
			size_t x = a0 + arrow / 2;
			m[x] = 'X';
			for (size_t i = x + 1; i < MID; i++)
				m[i] = ' ';
		} else if (!r->have_send) {
			m[a0] = '?';
		}
	} else {
		memcpy(m + MID - tl, text, tl);
		m[0] = '<';
		for (size_t i = 1; i < arrow; i++)
			m[i] = '-';
		if (r->status == LADDER_LOST) {
			size_t x = arrow / 2;
			for (size_t i = 0; i < x; i++)
				m[i] = ' ';
			m[x] = 'X';
		} else if (!r->have_send) {
			m[arrow - 1] = '?';
		}
	}
}

void ladder_print(struct ladder *l, struct out *o, const char *label, int conn_id, const char *client_file,
		  const char *server_file, int json)
{
	if (!label) {
		if (!json)
			out_str(o, "\nladder: no such connection\n");
		return;
	}
	qsort(l->row, l->n, sizeof l->row[0], cmp_row);
	double t0 = l->n ? row_time(&l->row[0]) : 0;
	if (json) {
		for (size_t i = 0; i < l->n; i++) {
			const struct ladder_row *r = &l->row[i];
			out_fmt(o, "{\"ladder\":%d,\"from\":\"%s\",\"kind\":\"%s\",\"tcp_flags\":\"%s\",\"seq\":%u,\"ack\":%u,\"len\":%u",
				conn_id, r->from_client ? "client" : "server", r->kind, r->flags, r->seq, r->ack, r->len);
			if (r->have_send)
				out_fmt(o, ",\"sent\":%.6f,\"sender_packet\":%llu", r->t_send - t0, (unsigned long long)r->num_send);
			if (r->have_recv)
				out_fmt(o, ",\"received\":%.6f,\"receiver_packet\":%llu", r->t_recv - t0,
					(unsigned long long)r->num_recv);
			if (r->status)
				out_fmt(o, ",\"status\":\"%s\"", status_name(r->status));
			out_str(o, ",\"type\":\"ladder_step\"}\n");
		}
		return;
	}
	out_fmt(o, "\nladder of connection %d: %s\n", conn_id, label);
	out_str(o, "(seconds from the first packet, client-side clock; server times corrected for the offset)\n");
	out_fmt(o, "%10s  %-*s  %s\n", "client", MID, client_file, "server");
	out_fmt(o, "%10s  %*s  %s\n", "", MID, server_file, "");
	char m[MID + 1];
	for (size_t i = 0; i < l->n; i++) {
		const struct ladder_row *r = &l->row[i];
		int have_c = r->from_client ? r->have_send : r->have_recv;
		int have_s = r->from_client ? r->have_recv : r->have_send;
		double tc = r->from_client ? r->t_send : r->t_recv;
		double ts = r->from_client ? r->t_recv : r->t_send;
		draw(m, r);
		if (have_c)
			out_fmt(o, "%10.6f  ", tc - t0);
		else
			out_str(o, "            ");
		out_str(o, m);
		if (have_s)
			out_fmt(o, "  %.6f", ts - t0);
		else
			out_str(o, "          ");
		if (r->status)
			out_fmt(o, "  %s", status_name(r->status));
		out_char(o, '\n');
	}
	if (l->dropped)
		out_fmt(o, "(%llu more packets not drawn)\n", (unsigned long long)l->dropped);
}
