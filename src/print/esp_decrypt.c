/*
 * esp_decrypt.c - tcpdump's -E: security associations and ESP decryption with
 * OpenSSL (EVP).  See esp_decrypt.h for when what happens.
 *
 * The -E text (tcpdump(8)), entries separated by commas or newlines:
 *   [SPI@ADDRESS ]ALGO:SECRET     ALGO as OpenSSL names a cipher, "-cbc" and a
 *                                 "-hmac96" suffix (a 12-byte ICV) cut off;
 *                                 SECRET ASCII or 0xHEX.  Without SPI@ADDRESS the
 *                                 entry applies to every ESP packet.
 *   file NAME                     one entry per line ('#' comments)
 *   ikev2 I|R 0xICOOKIE 0xRCOOKIE AUTH:KEY ENC:KEY
 *                                 IKEv2 keys for the Encrypted payload of the
 *                                 messages with these SPIs sent by the (I)nitiator
 *                                 or the (R)esponder (print/isakmp.c); AUTH "sha1"
 *                                 or "md5" means a 12-byte checksum after it.
 * Every complaint is worded as tcpdump 4.99.3 words it.  Where tcpdump cannot
 * decrypt at all synack goes further: "none" (RFC 2410 NULL encryption),
 * "cast128" (CAST5), and the ciphers OpenSSL 3 keeps in its legacy provider
 * (DES, Blowfish, CAST5 ...), which it loads when one is asked for; tcpdump
 * crashes on those.
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/provider.h>

#include "esp_decrypt.h"

#define SECRET_MAX 256      /* tcpdump's key buffer: longer ASCII is cut, longer hex refused */
#define HMAC96_LEN 12
#define FILE_DEPTH_MAX 8    /* "file" inside a file inside ... (tcpdump recurses forever) */
#define ERR_OPEN_FILE 13    /* tcpdump's exit statuses (S_ERR_ND_OPEN_FILE, S_ERR_ND_ESP_SECRET) */
#define ERR_ESP_SECRET 15

struct esp_sa {
	struct esp_sa *next;    /* newer entries first: tcpdump searches them so */
	uint32_t spi;
	int af;                 /* 4 or 6; 0 for a default entry */
	uint8_t daddr[16];
	EVP_CIPHER_CTX *ctx;    /* keyed once; NULL for "none" or when the key did not take */
	int null_cipher;
	unsigned ivlen, authlen, blocksize;
	int ikev2, initiator;   /* an "ikev2" entry: found by its SPIs, never for ESP */
	uint8_t spii[8], spir[8];
};

static struct {
	int on;                 /* -E was given */
	int reported;           /* the first ESP packet was seen */
	struct esp_sa *head, *def;
	char *msgs;             /* the warnings, each a whole stderr line */
	size_t nmsgs, capmsgs;
	int fatal_status;       /* 0, or tcpdump's exit status */
	char fatal[4200];       /* the message (a file name up to PATH_MAX) */
	int providers_loaded;
	uint8_t *buf[3];
} esp;

/* ---- complaints, kept for the first ESP packet ---- */

static void keep(const char *line, size_t n)
{
	if (esp.nmsgs + n > esp.capmsgs) {
		size_t cap = (esp.capmsgs ? esp.capmsgs * 2 : 512) + n;
		char *m = realloc(esp.msgs, cap);
		if (!m)
			return;
		esp.msgs = m;
		esp.capmsgs = cap;
	}
	memcpy(esp.msgs + esp.nmsgs, line, n);
	esp.nmsgs += n;
}

/* "synack: WARNING: text\n" in a new string (tcpdump's warning(): a newline added unless
 * the text ends with one); NULL when out of memory.  Texts may hold a whole -E argument. */
static char *format_warning(const char *fmt, va_list ap)
{
	static const char prefix[] = "synack: WARNING: ";
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		return NULL;
	size_t size = sizeof prefix + (size_t)n + 1;
	char *line = malloc(size);
	if (!line)
		return NULL;
	memcpy(line, prefix, sizeof prefix - 1);
	vsnprintf(line + sizeof prefix - 1, size - (sizeof prefix - 1), fmt, ap);
	size_t len = strlen(line);
	if (line[len - 1] != '\n') {
		line[len] = '\n';
		line[len + 1] = '\0';
	}
	return line;
}

__attribute__((format(printf, 1, 2))) static void warn_later(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *line = format_warning(fmt, ap);
	va_end(ap);
	if (line)
		keep(line, strlen(line));
	free(line);
}

__attribute__((format(printf, 1, 2))) static void warn_now(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *line = format_warning(fmt, ap);
	va_end(ap);
	if (line)
		fputs(line, stderr);
	free(line);
}

__attribute__((format(printf, 2, 3))) static void fatal_later(int status, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(esp.fatal, sizeof esp.fatal, fmt, ap);
	va_end(ap);
	esp.fatal_status = status;
}

/* ---- ciphers ---- */

/* A cipher by tcpdump's name (OpenSSL's names, plus its "3des"); *null for "none". */
static const EVP_CIPHER *cipher_by_name(const char *name, int *null)
{
	static const struct { const char *name, *openssl; } alias[] = {
		{"3des", "des-ede3-cbc"}, /* the alias tcpdump adds */
		{"cast128", "cast5-cbc"}, /* tcpdump's man page; OpenSSL says cast5 */
	};
	*null = 0;
	if (strcmp(name, "none") == 0) {
		*null = 1;
		return NULL;
	}
	for (size_t i = 0; i < sizeof alias / sizeof alias[0]; i++)
		if (strcmp(name, alias[i].name) == 0)
			return EVP_get_cipherbyname(alias[i].openssl);
	return EVP_get_cipherbyname(name);
}

/* The provider's implementation; DES, Blowfish, CAST5 ... live in the legacy provider. */
static EVP_CIPHER *cipher_fetch(const EVP_CIPHER *c)
{
	EVP_CIPHER *f = EVP_CIPHER_fetch(NULL, EVP_CIPHER_get0_name(c), NULL);
	if (!f && !esp.providers_loaded) {
		esp.providers_loaded = 1;
		/* loading one provider by hand stops the default one loading by itself */
		OSSL_PROVIDER_load(NULL, "default");
		OSSL_PROVIDER_load(NULL, "legacy");
		f = EVP_CIPHER_fetch(NULL, EVP_CIPHER_get0_name(c), NULL);
	}
	ERR_clear_error();
	return f;
}

/* A context keyed with the secret (zero-padded, cut to the cipher's key length). */
static EVP_CIPHER_CTX *cipher_key(const EVP_CIPHER *c, const uint8_t secret[SECRET_MAX])
{
	EVP_CIPHER *f = cipher_fetch(c);
	if (!f)
		return NULL;
	EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
	if (ctx && (!EVP_DecryptInit_ex(ctx, f, NULL, secret, NULL) || !EVP_CIPHER_CTX_set_padding(ctx, 0))) {
		EVP_CIPHER_CTX_free(ctx);
		ctx = NULL;
	}
	EVP_CIPHER_free(f); /* the context holds its own reference */
	ERR_clear_error();
	return ctx;
}

/* ---- parsing ---- */

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	fatal_later(ERR_ESP_SECRET, "invalid hex digit %c in espsecret", c);
	return -1;
}

/* Hex pairs into out (a lone last digit is ignored); bytes decoded, 0 on trouble. */
static size_t decode_hex(uint8_t *out, size_t size, const char *hex)
{
	size_t len = strlen(hex) / 2;
	if (len > size) {
		warn_later("secret is too big: %zu\n", len);
		return 0;
	}
	size_t i = 0;
	for (; hex[0] && hex[1]; hex += 2, i++) {
		int hi = hex_value(hex[0]);
		if (hi < 0)
			return 0;
		int lo = hex_value(hex[1]);
		if (lo < 0)
			return 0;
		out[i] = (uint8_t)(hi << 4 | lo);
	}
	return i;
}

/* s ends with suffix (and is longer): cut s at suffix's first occurrence, as tcpdump does. */
static int cut_suffix(char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	if (n <= k || strcmp(s + n - k, suffix) != 0)
		return 0;
	*strstr(s, suffix) = '\0';
	return 1;
}

/* "ALGO:SECRET" into sa (cipher keyed); 0 when the entry is to be dropped. */
static int parse_algo(char *decode, struct esp_sa *sa)
{
	char *colon = strchr(decode, ':');
	if (!colon) {
		warn_later("failed to decode espsecret: %s\n", decode);
		return 0;
	}
	*colon = '\0';
	sa->authlen = cut_suffix(decode, "-hmac96") ? HMAC96_LEN : 0;
	cut_suffix(decode, "-cbc");
	const EVP_CIPHER *c = cipher_by_name(decode, &sa->null_cipher);
	if (!c && !sa->null_cipher) {
		warn_later("failed to find cipher algo %s\n", decode);
		return 0;
	}
	sa->ivlen = c ? (unsigned)EVP_CIPHER_get_iv_length(c) : 0;
	sa->blocksize = c ? (unsigned)EVP_CIPHER_get_block_size(c) : 1;
	if (sa->blocksize == 0)
		sa->blocksize = 1;

	uint8_t secret[SECRET_MAX] = {0};
	const char *s = colon + 1;
	if (s[0] == '0' && s[1] == 'x') {
		if (decode_hex(secret, sizeof secret, s + 2) == 0)
			return 0;
	} else {
		size_t n = strlen(s);
		memcpy(secret, s, n < sizeof secret ? n : sizeof secret);
	}
	if (c)
		sa->ctx = cipher_key(c, secret);
	memset(secret, 0, sizeof secret);
	return 1;
}

static void add_sa(const struct esp_sa *sa, int is_default);

/* "ikev2 I|R 0xICOOKIE 0xRCOOKIE AUTH:KEY ENC:KEY": checked as tcpdump checks it, then kept. */
static void parse_ikev2(char *line, const char *file, unsigned lineno)
{
	char *init = strsep(&line, " \t");
	char *icookie = strsep(&line, " \t");
	char *rcookie = strsep(&line, " \t");
	char *authkey = strsep(&line, " \t");
	char *enckey = strsep(&line, " \t");
	if (!init || !icookie || !rcookie || !authkey || !enckey) {
		warn_later("print_esp: failed to find all fields for ikev2 at %s:%u", file, lineno);
		return;
	}
	size_t ilen = strlen(icookie), rlen = strlen(rcookie);
	if ((init[0] != 'I' && init[0] != 'R') || icookie[0] != '0' || icookie[1] != 'x' || rcookie[0] != '0' ||
	    rcookie[1] != 'x' || ilen != 18 || rlen != 18) {
		warn_later("print_esp: line %s:%u improperly formatted.", file, lineno);
		warn_later("init=%s icookie=%s(%zu) rcookie=%s(%zu)", init, icookie, ilen, rcookie, rlen);
		return;
	}
	struct esp_sa sa = {0};
	sa.ikev2 = 1;
	sa.initiator = init[0] == 'I';
	if (decode_hex(sa.spii, sizeof sa.spii, icookie + 2) != 8 || decode_hex(sa.spir, sizeof sa.spir, rcookie + 2) != 8)
		return;
	if (!parse_algo(enckey, &sa))
		return;
	/* the integrity algorithm only sets the checksum's length, as in tcpdump */
	char *colon = strchr(authkey, ':');
	if (!colon) {
		warn_later("failed to decode espsecret: %s\n", authkey);
		EVP_CIPHER_CTX_free(sa.ctx);
		return;
	}
	*colon = '\0';
	if (strcasecmp(authkey, "sha1") == 0 || strcasecmp(authkey, "md5") == 0)
		sa.authlen = HMAC96_LEN;
	add_sa(&sa, 0);
}

static void add_sa(const struct esp_sa *sa, int is_default)
{
	struct esp_sa *n = malloc(sizeof *n);
	if (!n) {
		EVP_CIPHER_CTX_free(sa->ctx);
		return;
	}
	*n = *sa;
	n->next = esp.head;
	esp.head = n;
	if (is_default)
		esp.def = n;
}

static void parse_entry(char *line, const char *file, unsigned lineno, int depth);

static void parse_file(const char *name, int depth)
{
	FILE *f = fopen(name, "r");
	if (!f) {
		fatal_later(ERR_OPEN_FILE, "esp_print_decode_onesecret: can't open %s: %s", name, strerror(errno));
		return;
	}
	char line[1024];
	unsigned lineno = 0;
	/* tcpdump's fgets() size: a longer line is read as pieces of 1022 bytes */
	while (!esp.fatal_status && fgets(line, sizeof line - 1, f)) {
		lineno++;
		char *nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		if (depth < FILE_DEPTH_MAX)
			parse_entry(line, name, lineno, depth + 1);
	}
	fclose(f);
}

/* One entry: "ALGO:SECRET", "SPI@ADDR ALGO:SECRET", "file NAME", "ikev2 ...". */
static void parse_entry(char *line, const char *file, unsigned lineno, int depth)
{
	struct esp_sa sa = {0};
	char *first = strsep(&line, " \t");
	char *decode = line;
	int is_default = 0;
	if (!line) { /* one word: the algorithm and secret of the default entry */
		decode = first;
		first = NULL;
		is_default = 1;
	}
	if (first && strcasecmp(first, "file") == 0) {
		parse_file(line, depth);
		return;
	}
	if (first && strcasecmp(first, "ikev2") == 0) {
		parse_ikev2(line, file, lineno);
		return;
	}
	if (first) {
		char *spistr = strsep(&first, "@"), *end;
		unsigned long spi = strtoul(spistr, &end, 0);
		if (end == spistr || !first) {
			warn_later("print_esp: failed to decode spi# %s\n", end);
			return;
		}
		sa.spi = (uint32_t)spi;
		if (inet_pton(AF_INET6, first, sa.daddr) == 1) {
			sa.af = 6;
		} else if (inet_pton(AF_INET, first, sa.daddr) == 1) {
			sa.af = 4;
		} else {
			warn_later("print_esp: can not decode IP# %s\n", first);
			return;
		}
	}
	while (isspace((unsigned char)*decode))
		decode++;
	if (!parse_algo(decode, &sa))
		return;
	add_sa(&sa, is_default);
}

void esp_sa_setup(const char *spec)
{
	if (!spec)
		return;
	esp.on = 1;
	char *copy = strdup(spec), *p = copy;
	while (p && *p && !esp.fatal_status) {
		char *line = strsep(&p, "\n,");
		parse_entry(line, "cmdline", 0, 0);
	}
	free(copy);
	for (int i = 0; i < 3; i++)
		esp.buf[i] = malloc(ESP_BUF_SIZE);
}

int esp_sa_ready(struct out *out)
{
	if (!esp.on)
		return 0;
	if (!esp.reported) {
		esp.reported = 1;
		if (esp.nmsgs)
			fwrite(esp.msgs, 1, esp.nmsgs, stderr);
		if (esp.fatal_status) {
			/* tcpdump ends here, in the middle of the packet's line: so does synack */
			fprintf(stderr, "synack: %s\n", esp.fatal);
			out_flush(out);
			exit(esp.fatal_status);
		}
	}
	return esp.head != NULL;
}

const struct esp_sa *esp_sa_find(uint32_t spi, int af, const uint8_t *dst)
{
	for (const struct esp_sa *sa = esp.head; sa; sa = sa->next)
		if (!sa->ikev2 && sa->af == af && sa->spi == spi && memcmp(sa->daddr, dst, af == 6 ? 16 : 4) == 0)
			return sa;
	return esp.def;
}

const struct esp_sa *esp_sa_find_ikev2(int initiator, const uint8_t spii[8], const uint8_t spir[8])
{
	for (const struct esp_sa *sa = esp.head; sa; sa = sa->next)
		if (sa->ikev2 && sa->initiator == initiator && memcmp(sa->spii, spii, 8) == 0 &&
		    memcmp(sa->spir, spir, 8) == 0)
			return sa->null_cipher ? NULL : sa; /* tcpdump has no "none" */
	return NULL;
}

unsigned esp_sa_ivlen(const struct esp_sa *sa)
{
	return sa->ivlen;
}

unsigned esp_sa_authlen(const struct esp_sa *sa)
{
	return sa->authlen;
}

int esp_sa_decrypt(const struct esp_sa *sa, const uint8_t *iv, const uint8_t *ct, size_t n, uint8_t *pt)
{
	return esp_sa_decrypt_by(sa, "esp_print", iv, ct, n, pt);
}

int esp_sa_decrypt_by(const struct esp_sa *sa, const char *who, const uint8_t *iv, const uint8_t *ct, size_t n,
		      uint8_t *pt)
{
	if (sa->null_cipher) {
		memcpy(pt, ct, n);
		return 0;
	}
	if (!sa->ctx) {
		warn_now("%s: espkey init failed", who);
		return -1;
	}
	if (n % sa->blocksize) {
		warn_now("%s: ciphertext size %zu is not a multiple of the cipher block size %u", who, n,
			 sa->blocksize);
		return -1;
	}
	if (!EVP_DecryptInit_ex(sa->ctx, NULL, NULL, NULL, sa->ivlen ? iv : NULL)) {
		ERR_clear_error();
		warn_now("%s: IV init failed", who);
		return -1;
	}
	int outl = 0;
	if (n && !EVP_DecryptUpdate(sa->ctx, pt, &outl, ct, (int)n)) {
		ERR_clear_error();
		warn_now("%s: EVP_DecryptUpdate failed", who);
		return -1;
	}
	return 0;
}

uint8_t *esp_sa_buffer(int depth)
{
	return depth >= 0 && depth < 3 ? esp.buf[depth] : NULL;
}
