#ifndef GLOSS_FUZZ_DRIVER_H
#define GLOSS_FUZZ_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (in the runtime that `-sanitize=fuzzer` links). SwiftPM renames an
/// executable's `main`, so libFuzzer's own `main` never runs: each target calls this instead.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
