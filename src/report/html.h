/*
 * html.h - `synack report` (one self-contained HTML file) and `synack graph`
 * (one SVG file).
 *
 *   synack report -r FILE [-r FILE2 ...] [--merge] [-o report.html] [filter]
 *   synack report -V FILELIST [-o report.html] [filter]
 *   synack graph tsg|throughput|rtt|inflight|ladder -r FILE --conn N [-o out.svg] [filter]
 *   synack graph KIND (--merge -r FILE -r FILE2 ... | -V FILELIST) --conn N ...
 *
 * N is the connection number as `synack conns` numbers them: 1, 2, 3 ... in
 * order of each connection's first packet.  -o - (or no -o for graph) writes
 * to standard output.
 *
 * The report is built from one pass over each capture with these taps on the
 * pipeline: the series tap (series.h), the diag tap writing NDJSON findings
 * into a memory file, and a packet-list tap that prints tcpdump -nn lines with
 * the tracker's tags into a memory file - for large captures only the slices
 * that matter (the first REPORT_HEAD_PACKETS packets, then packets with
 * analysis tags or that are not TCP), at most REPORT_MAX_ROWS rows.  With
 * several -r files each capture gets its own section (two vantage points of the
 * same traffic: a section on the path between them first); with --merge or -V
 * the files are one capture (a -C/-G ring), read merged by time
 * (capture_loop_merged) in one pass, one section.
 *
 * Safety: every string that comes from a packet or a file name is escaped
 * (svg_esc); the findings JSON is embedded with every '<' written as \u003c;
 * the page carries a Content-Security-Policy with default-src 'none' and a
 * per-file nonce for its one inline script and style block, so nothing remote
 * is ever loaded and no injected markup can run.
 */
#ifndef SYNACK_HTML_H
#define SYNACK_HTML_H

#define REPORT_HEAD_PACKETS 1000
#define REPORT_MAX_ROWS 5000
/* Connections table: the first REPORT_HEAD_CONNS, then only unwell ones
 * (retransmissions, zero windows, state not SF), at most REPORT_MAX_TABLE_ROWS. */
#define REPORT_HEAD_CONNS 500
#define REPORT_MAX_TABLE_ROWS 1500

/* argv[0] is "report" or "graph".  Returns the exit status (report: 0 no
 * problems, 1 problems found, 2 errors; graph: 0 or 2). */
int report_cli(int argc, char **argv);

#endif
