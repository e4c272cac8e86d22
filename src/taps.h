/*
 * taps.h - the taps every mode is built from (see pipeline.h):
 *
 *   writer   -w FILE with rotation (src/writer.c)
 *   print    tcpdump-format lines (src/print/), with --analyze tags
 *   analyze  --analyze --json: one NDJSON object of tags per TCP packet
 *   conns    synack conns (src/report/conns.c)
 *   diag     synack diagnose (src/diag/)
 *
 * Each tap_X struct is owned by the caller (main.c keeps them static); its
 * tap_X_ops is handed to pipeline_add together with the struct.
 */
#ifndef SYNACK_TAPS_H
#define SYNACK_TAPS_H

#include "diag/diag.h"
#include "opts.h"
#include "pipeline.h"
#include "util/out.h"
#include "print/print.h"
#include "report/conns.h"
#include "writer.h"

struct tap_writer {
	struct writer w;
	int failed;             /* a write failed: err says why */
	int limit;              /* -W file limit reached */
	char err[ERRBUF];
};
extern const struct tap_ops tap_writer_ops;

struct tap_print {
	struct printer pr;
	struct out *out;
	int tags;               /* --analyze: append the tracker's tags */
	int flush_each;         /* -l / -U: flush after every packet */
};
extern const struct tap_ops tap_print_ops;

struct tap_analyze_json {
	struct out *out;
};
extern const struct tap_ops tap_analyze_json_ops;

struct tap_conns {
	struct conns_report *report;
};
extern const struct tap_ops tap_conns_ops;

struct tap_diag {
	struct diag *diag;
};
extern const struct tap_ops tap_diag_ops;

/* What diagnose is told about the capture itself: the pipeline's recognised
 * duplicates, and kernel drops (known = 0 when the source has none). */
void tap_capture_info(struct diag_capture_info *ci, const struct pipeline *pl, int known, uint64_t recv,
		      uint64_t drops);

#endif
