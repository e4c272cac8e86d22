/*
 * esp_decrypt.h - the security associations of -E and the ciphers that decrypt
 * ESP with them (OpenSSL's EVP API), as tcpdump 4.99 takes them.
 *
 * esp_sa_setup() parses the -E text once, before the sandbox: it reads a
 * "file NAME", looks the ciphers up, loads OpenSSL's legacy provider when a
 * cipher needs it and keys one cipher context per association, so that the
 * sandboxed printer only sets an IV and decrypts.  tcpdump parses -E when the
 * first ESP packet is printed and reports its complaints then; setup keeps them
 * and esp_sa_report() says them at that same moment (and, for the two fatal
 * ones - a key file that cannot be opened, a bad hex digit - ends the run with
 * tcpdump's exit status after the unfinished line).
 *
 * The module owns everything it allocates; nothing is freed before exit.
 */
#ifndef SYNACK_ESP_DECRYPT_H
#define SYNACK_ESP_DECRYPT_H

#include <stddef.h>
#include <stdint.h>

#include "../util/out.h"

struct esp_sa;

/* Parse tcpdump's -E text (NULL: no decryption).  Never fails: see above. */
void esp_sa_setup(const char *spec);

/* At an ESP packet: the first time, print the kept warnings on stderr (and on a
 * fatal one flush out, say it, exit).  Returns 1 when there are associations. */
int esp_sa_ready(struct out *out);

/* The association for this SPI and destination (af 4 or 6, dst 4 or 16 bytes),
 * else the default one (an entry without spi@address), else NULL. */
const struct esp_sa *esp_sa_find(uint32_t spi, int af, const uint8_t *dst);

/* The "ikev2" association for a message's SPIs, sent by the initiator (1) or not. */
const struct esp_sa *esp_sa_find_ikev2(int initiator, const uint8_t spii[8], const uint8_t spir[8]);

/* Bytes of IV before the ciphertext, bytes of ICV after it ("-hmac96": 12). */
unsigned esp_sa_ivlen(const struct esp_sa *sa);
unsigned esp_sa_authlen(const struct esp_sa *sa);

/* Decrypt n bytes of ct (IV at iv) into pt (room for n bytes).  0, or -1 after
 * tcpdump's warning on stderr (ciphertext not a multiple of the block size...). */
int esp_sa_decrypt(const struct esp_sa *sa, const uint8_t *iv, const uint8_t *ct, size_t n, uint8_t *pt);
/* The same, the warnings naming who (tcpdump's caller: "esp_print", ...). */
int esp_sa_decrypt_by(const struct esp_sa *sa, const char *who, const uint8_t *iv, const uint8_t *ct, size_t n,
		      uint8_t *pt);

/* Three scratch buffers of ESP_BUF_SIZE bytes, made by setup; NULL without -E: 0 and 1
 * for ESP (ESP in ESP), 2 for an IKEv2 Encrypted payload. */
#define ESP_BUF_SIZE (64 + 262144)
uint8_t *esp_sa_buffer(int depth);

#endif
