#ifndef GLOSS_SHA256_H
#define GLOSS_SHA256_H

#include <stddef.h>
#include <stdint.h>

/// 1 when this CPU has the x86 SHA extensions (SHA-NI), else 0.
int gloss_sha256_hardware_available(void);

/// Runs SHA-256's compression function over `blocks` 64-byte blocks at `data` with the SHA-NI
/// instructions, updating `state` (the eight working words, as FIPS 180-4 numbers them).
/// Call only when gloss_sha256_hardware_available() is 1.
void gloss_sha256_hardware_compress(uint32_t state[8], const uint8_t *data, size_t blocks);

#endif
