/* test_md5.c - MD5 against RFC 1321's test suite (appendix A.5) and lengths around the padding. */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "util/md5.h"

static void hex(const unsigned char *d, char *out)
{
	for (int i = 0; i < 16; i++)
		snprintf(out + 2 * i, 3, "%02x", d[i]);
}

static void one(const char *msg, const char *want)
{
	struct md5 m;
	unsigned char d[16];
	char got[33];
	md5_init(&m);
	md5_update(&m, msg, strlen(msg));
	md5_final(&m, d);
	hex(d, got);
	CHECK_STR(got, want);
}

int main(void)
{
	one("", "d41d8cd98f00b204e9800998ecf8427e");
	one("a", "0cc175b9c0f1b6a831c399e269772661");
	one("abc", "900150983cd24fb0d6963f7d28e17f72");
	one("message digest", "f96b697d7cb7938d525a2f31aaf161d0");
	one("abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b");
	one("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "d174ab98d277d9f5a5611c2c9f419d9f");
	one("12345678901234567890123456789012345678901234567890123456789012345678901234567890",
	    "57edf4a22be3c955ac49da2e2107b67a");
	/* fed in pieces of every size: the same digest as in one go */
	const char *msg = "12345678901234567890123456789012345678901234567890123456789012345678901234567890";
	for (size_t step = 1; step <= 80; step++) {
		struct md5 m;
		unsigned char d[16];
		char got[33];
		md5_init(&m);
		for (size_t off = 0; off < 80; off += step)
			md5_update(&m, msg + off, 80 - off < step ? 80 - off : step);
		md5_final(&m, d);
		hex(d, got);
		CHECK_STR(got, "57edf4a22be3c955ac49da2e2107b67a");
	}
	return check_done("md5");
}
