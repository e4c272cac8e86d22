/*
 * diag_int.h - what the files of src/diag/ share among themselves (not an API).
 */
#ifndef SYNACK_DIAG_INT_H
#define SYNACK_DIAG_INT_H

#include <stddef.h>

enum sev { SEV_INFO = 0, SEV_WARNING = 1, SEV_ERROR = 2, SEV_CRITICAL = 3 };
extern const char *const diag_sev_name[];


/* Copies tpl to dst with %SERVER%, %CLIENT% and %PORT% replaced. */
void diag_expand(char *dst, size_t n, const char *tpl, const char *server, const char *client, unsigned port);

#endif
