#!/usr/bin/env python3
"""Gloss's value check (GlossCore ValueCheck) of each argument, one signed integer a line.

The check is the first half (h1) of MurmurHash3 x64-128 (seed 0) of the value's UTF-8 bytes,
as a signed 64-bit integer: what `annotations.value_check` holds beside `annotations.value`.
Benchmarks that write decisions with SQL use it so that export's verification passes.

    python3 Benchmarks/value_check.py '{"label":"positive"}'
"""
import sys

MASK = (1 << 64) - 1
C1, C2 = 0x87C37B91114253D5, 0x4CF5AD432745937F


def rotl(x, r):
    return ((x << r) | (x >> (64 - r))) & MASK


def fmix(k):
    k ^= k >> 33
    k = (k * 0xFF51AFD7ED558CCD) & MASK
    k ^= k >> 33
    k = (k * 0xC4CEB9FE1A85EC53) & MASK
    return k ^ (k >> 33)


def murmur3_h1(data: bytes) -> int:
    h1 = h2 = 0
    blocks = len(data) // 16
    for i in range(blocks):
        k1 = int.from_bytes(data[i * 16:i * 16 + 8], "little")
        k2 = int.from_bytes(data[i * 16 + 8:i * 16 + 16], "little")
        k1 = (rotl((k1 * C1) & MASK, 31) * C2) & MASK
        h1 = (((rotl(h1 ^ k1, 27) + h2) & MASK) * 5 + 0x52DCE729) & MASK
        k2 = (rotl((k2 * C2) & MASK, 33) * C1) & MASK
        h2 = (((rotl(h2 ^ k2, 31) + h1) & MASK) * 5 + 0x38495AB5) & MASK
    tail = data[blocks * 16:]
    if len(tail) > 8:
        k2 = int.from_bytes(tail[8:], "little")
        h2 ^= (rotl((k2 * C2) & MASK, 33) * C1) & MASK
    if tail:
        k1 = int.from_bytes(tail[:8], "little")
        h1 ^= (rotl((k1 * C1) & MASK, 31) * C2) & MASK
    h1 ^= len(data)
    h2 ^= len(data)
    h1 = (h1 + h2) & MASK
    h2 = (h2 + h1) & MASK
    h1, h2 = fmix(h1), fmix(h2)
    h1 = (h1 + h2) & MASK
    return h1 - (1 << 64) if h1 >= 1 << 63 else h1


if __name__ == "__main__":
    for value in sys.argv[1:]:
        print(murmur3_h1(value.encode("utf-8")))
