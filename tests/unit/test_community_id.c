/*
 * Unit tests for util/sha1.c (FIPS 180 example vectors) and
 * util/community_id.c (the community-id-spec's published baseline values:
 * TCP, UDP, SCTP, ICMP and ICMPv6, IPv4 and IPv6, seeds 0 and 1).
 */
#include <arpa/inet.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "util/community_id.h"
#include "util/sha1.h"

static const char *hex(const uint8_t *d, size_t n)
{
	static char b[64];
	for (size_t i = 0; i < n; i++)
		snprintf(b + 2 * i, 3, "%02x", d[i]);
	return b;
}

static const char *sha_hex(const char *msg)
{
	uint8_t h[SHA1_LEN];
	sha1(msg, strlen(msg), h);
	return hex(h, sizeof h);
}

struct vec {
	uint8_t proto;
	const char *src, *dst;
	uint16_t sport, dport;
	const char *seed0, *seed1;
};

/* community-id-spec baseline (tuples as published, and each one reversed where the spec lists the reverse). */
static const struct vec vecs[] = {
	{1, "192.168.0.89", "192.168.0.1", 8, 0, "1:X0snYXpgwiv9TZtqg64sgzUn6Dk=", "1:03g6IloqVBdcZlPyX8r0hgoE7kA="},
	{1, "192.168.0.1", "192.168.0.89", 0, 8, "1:X0snYXpgwiv9TZtqg64sgzUn6Dk=", "1:03g6IloqVBdcZlPyX8r0hgoE7kA="},
	{1, "192.168.0.89", "192.168.0.1", 20, 0, "1:3o2RFccXzUgjl7zDpqmY7yJi8rI=", "1:lCXHHxavE1Vq3oX9NH5ladQg02o="},
	{1, "192.168.0.89", "192.168.0.1", 20, 1, "1:tz/fHIDUHs19NkixVVoOZywde+I=", "1:Ie3wmFyxiEyikbsbcO03d2nh+PM="},
	{1, "192.168.0.1", "192.168.0.89", 0, 20, "1:X0snYXpgwiv9TZtqg64sgzUn6Dk=", "1:03g6IloqVBdcZlPyX8r0hgoE7kA="},
	{58, "fe80::200:86ff:fe05:80da", "fe80::260:97ff:fe07:69ea", 135, 0, "1:dGHyGvjMfljg6Bppwm3bg0LO8TY=",
	 "1:kHa1FhMYIT6Ym2Vm2AOtoOARDzY="},
	{58, "fe80::260:97ff:fe07:69ea", "fe80::200:86ff:fe05:80da", 136, 0, "1:dGHyGvjMfljg6Bppwm3bg0LO8TY=",
	 "1:kHa1FhMYIT6Ym2Vm2AOtoOARDzY="},
	{58, "3ffe:507:0:1:260:97ff:fe07:69ea", "3ffe:507:0:1:200:86ff:fe05:80da", 3, 0, "1:NdobDX8PQNJbAyfkWxhtL2Pqp5w=",
	 "1:OlOWx9psIbBFi7lOCw/4MhlKR9M="},
	{58, "3ffe:507:0:1:200:86ff:fe05:80da", "3ffe:507:0:1:260:97ff:fe07:69ea", 3, 0, "1:/OGBt9BN1ofenrmSPWYicpij2Vc=",
	 "1:Ij4ZxnC87/MXzhOjvH2vHu7LRmE="},
	{58, "fe80:1:203:405:607:809:a0b:c0d", "fe80:1011:1213:1415:1617:1819:1a1b:1c1d", 128, 0,
	 "1:0bf7hyMJUwt3fMED7z8LIfRpBeo=", "1:IO27GQzPuCtNnwFvjWALMHu5tJE="},
	{132, "192.168.170.8", "192.168.170.56", 7, 80, "1:jQgCxbku+pNGw8WPbEc/TS/uTpQ=", "1:Y1/0jQg6e+I3ZwZZ9LP65DNbTXU="},
	{132, "192.168.170.56", "192.168.170.8", 80, 7, "1:jQgCxbku+pNGw8WPbEc/TS/uTpQ=", "1:Y1/0jQg6e+I3ZwZZ9LP65DNbTXU="},
	{6, "128.232.110.120", "66.35.250.204", 34855, 80, "1:LQU9qZlK+B5F3KDmev6m5PMibrg=", "1:3V71V58M3Ksw/yuFALMcW0LAHvc="},
	{6, "66.35.250.204", "128.232.110.120", 80, 34855, "1:LQU9qZlK+B5F3KDmev6m5PMibrg=", "1:3V71V58M3Ksw/yuFALMcW0LAHvc="},
	{6, "1.2.3.4", "5.6.7.8", 1122, 3344, "1:wCb3OG7yAFWelaUydu0D+125CLM=", "1:HhA1B+6CoLbiKPEs5nhNYN4XWfk="},
	{17, "192.168.1.52", "8.8.8.8", 54585, 53, "1:d/FP5EW3wiY1vCndhwleRRKHowQ=", "1:Q9We8WO3piVF8yEQBNJF4uiSVrI="},
	{17, "8.8.8.8", "192.168.1.52", 53, 54585, "1:d/FP5EW3wiY1vCndhwleRRKHowQ=", "1:Q9We8WO3piVF8yEQBNJF4uiSVrI="},
	{17, "1.2.3.4", "5.6.7.8", 1122, 3344, "1:0Mu9InQx6z4ZiCZM/7HXi2WMhOg=", "1:OShq+iKDAMVouh/4bMxB9Sz4amw="},
	{1, "1.2.3.4", "5.6.7.8", 8, 0, "1:crodRHL2FEsHjbv3UkRrfbs4bZ0=", "1:9pr4ZGTICiuZoIh90RRYE2RyXpU="},
	/* a protocol without ports (RSVP): addresses and protocol only */
	{46, "1.2.3.4", "5.6.7.8", 0, 0, "1:ikv3kmf89luf73WPz1jOs49S768=", NULL},
};

int main(void)
{
	/* FIPS 180 examples (and the classic one-million-'a' message) */
	CHECK_STR(sha_hex("abc"), "a9993e364706816aba3e25717850c26c9cd0d89d");
	CHECK_STR(sha_hex(""), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
	CHECK_STR(sha_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
		  "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
	CHECK_STR(sha_hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"),
		  "a49b2446a02c645bf419f995b67091253a04a259");
	{
		struct sha1 s;
		uint8_t h[SHA1_LEN], a[1000];
		memset(a, 'a', sizeof a);
		sha1_init(&s);
		for (int i = 0; i < 1000; i++)
			sha1_update(&s, a, sizeof a);
		sha1_final(&s, h);
		CHECK_STR(hex(h, sizeof h), "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
	}
	/* message lengths around the padding boundary, fed in odd pieces: same as in one piece */
	for (size_t len = 50; len < 140; len++) {
		uint8_t m[140], h1[SHA1_LEN], h2[SHA1_LEN];
		for (size_t i = 0; i < len; i++)
			m[i] = (uint8_t)(i * 7 + 1);
		sha1(m, len, h1);
		struct sha1 s;
		sha1_init(&s);
		for (size_t i = 0; i < len; i += 13)
			sha1_update(&s, m + i, len - i < 13 ? len - i : 13);
		sha1_final(&s, h2);
		CHECK(memcmp(h1, h2, sizeof h1) == 0);
	}

	char b[64];
	CHECK(base64_encode(b, sizeof b, (const uint8_t *)"foob", 4) == 8);
	CHECK_STR(b, "Zm9vYg==");
	base64_encode(b, sizeof b, (const uint8_t *)"fooba", 5);
	CHECK_STR(b, "Zm9vYmE=");
	base64_encode(b, sizeof b, (const uint8_t *)"foobar", 6);
	CHECK_STR(b, "Zm9vYmFy");
	CHECK(base64_encode(b, 8, (const uint8_t *)"foobar", 6) == 0); /* no room for the NUL */

	for (size_t i = 0; i < sizeof vecs / sizeof vecs[0]; i++) {
		const struct vec *v = &vecs[i];
		int v6 = strchr(v->src, ':') != NULL;
		uint8_t s[16], d[16];
		CHECK(inet_pton(v6 ? AF_INET6 : AF_INET, v->src, s) == 1);
		CHECK(inet_pton(v6 ? AF_INET6 : AF_INET, v->dst, d) == 1);
		char id[COMMUNITY_ID_LEN];
		CHECK(community_id_v1(id, sizeof id, 0, v6, s, d, v->proto, v->sport, v->dport) == 30);
		CHECK_STR(id, v->seed0);
		if (v->seed1) {
			community_id_v1(id, sizeof id, 1, v6, s, d, v->proto, v->sport, v->dport);
			CHECK_STR(id, v->seed1);
		}
	}

	/* the TCP helpers use the process-wide seed; labels as diagnose writes them */
	char id[COMMUNITY_ID_LEN];
	community_id_set_seed(0);
	CHECK(community_id_label(id, sizeof id, "128.232.110.120:34855 -> 66.35.250.204:80") == 30);
	CHECK_STR(id, "1:LQU9qZlK+B5F3KDmev6m5PMibrg=");
	community_id_set_seed(1);
	community_id_label(id, sizeof id, "66.35.250.204:80 -> 128.232.110.120:34855");
	CHECK_STR(id, "1:3V71V58M3Ksw/yuFALMcW0LAHvc=");
	community_id_set_seed(0);
	CHECK(community_id_label(id, sizeof id, "port summary") == 0);
	CHECK_STR(id, "");
	CHECK(community_id_label(id, sizeof id, "10.0.0.1:99999 -> 10.0.0.2:80") == 0);
	CHECK(community_id_label(id, sizeof id, "[::1]:5 -> 10.0.0.2:80") == 0);
	CHECK(community_id_label(id, sizeof id, "[fe80::200:86ff:fe05:80da]:1 -> [fe80::1]:2") == 30);
	CHECK(community_id_v1(id, 10, 0, 0, (const uint8_t *)"\1\2\3\4", (const uint8_t *)"\5\6\7\10", 6, 1, 2) == 0);
	return check_done("test_community_id");
}
