/*
 * top.h - `synack top`: a live, full-screen view of TCP health (ncurses),
 * built as a tap of the pipeline (src/pipeline.h) next to the diagnose tap,
 * whose live findings it shows in its header.  Without a terminal (or with
 * --batch) it prints one plain-text snapshot per interval.
 *
 * Memory: at most --max-conns rows (default 1000, also the tracker's cap),
 * each with a ring of its packets of the last --ring-seconds (default 60),
 * at most --ring packets (default 64) of at most --ring-snap bytes each
 * (default 256): 16 KiB of packet bytes per row at the defaults.
 */
#ifndef SYNACK_TOP_H
#define SYNACK_TOP_H

/* argv[0] is "top".  Returns the exit status. */
int top_main(int argc, char **argv);

#endif
