/*
 * md5.h - MD5 (RFC 1321), for checking TCP-MD5 signatures (RFC 2385, -M).
 * Not for anything that needs a secure hash.
 */
#ifndef SYNACK_MD5_H
#define SYNACK_MD5_H

#include <stddef.h>
#include <stdint.h>

struct md5 {
	uint32_t h[4];
	uint64_t len;           /* bytes hashed so far */
	unsigned char buf[64];  /* a partial block */
};

void md5_init(struct md5 *m);
void md5_update(struct md5 *m, const void *data, size_t n);
void md5_final(struct md5 *m, unsigned char out[16]);

#endif
