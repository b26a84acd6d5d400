#!/usr/bin/env python3
"""Writes a trimmed copy of Foundation's ICU data package for the packaged gloss.

usage: icu-data-trim.py FULL.dat TRIMMED.dat

Foundation links ICU statically with its whole data package (34 MB, the `icudtNN_dat`
array), nearly all of it for the world's locales. Gloss reaches ICU only through
Foundation's date formatters, calendars and time zones with the en_US_POSIX locale (GRDB
stores dates with one, Gloss prints them with fixed patterns), number formatters (Yams)
and regular expressions (Yams, GRDB). So the copy it ships keeps, of the locale items,
only root, en, en_US and en_US_POSIX, with the data they share (pool.res), and of the rest
what those services read: supplemental, calendar and time-zone data, likely subtags,
keyword types, numbering systems, plural rules, day periods, currency data (without it
CoreFoundation's date formatter fails to open, and GRDB crashes storing a date),
converter aliases, normalization and the character and word break rules. It drops
collation (ICU then compares without a locale), display names of languages, regions,
units and zones, spell-out rules, transliterators, legacy converters, word-break dictionaries,
character names, string preparation and spoof-check data. Under another locale ICU falls
back to root; an ICU service whose data is gone fails, which Foundation turns into a
plain fallback or a crash, so the command tests run against the packaged binary in CI.

The package is ICU's common data format ("CmnD"): a header, a table of contents sorted by
item name (ICU searches it by bisection) and the items, each aligned to 16 bytes. icupkg
would do this, but Debian's (ICU 72) refuses this package's long table of names.
"""
import re
import struct
import sys

KEPT_LOCALES = {"root", "en", "en_US", "en_US_POSIX"}
LOCALE = re.compile(r"^(root|[a-z]{2,3}(_[A-Za-z0-9]+)*)$")
# Trees of locale data that only display names, spell-out, collation or transliteration read.
# (curr stays: CoreFoundation's date formatter fails to open without the currency data.)
DROPPED_TREES = {"coll", "lang", "region", "unit", "zone", "rbnf", "translit"}
# Files in no tree, or in brkitr, that Gloss's ICU services never open.
DROPPED_FILES = {"unames.icu", "confusables.cfu", "confusablesWholeScript.cfu", "ulayout.icu", "langInfo.res",
                 "windowsZones.res", "units.res", "genderList.res", "grammaticalFeatures.res"}
KEPT_BREAK_RULES = {"char.brk", "word.brk", "word_POSIX.brk", "sent.brk", "title.brk"}


def keep(name: str) -> bool:
    path = name.split("/", 1)[1] if "/" in name else name  # without the "icudt76l/" prefix
    tree, _, file = path.rpartition("/")
    base, _, extension = file.rpartition(".")
    if tree in DROPPED_TREES or file in DROPPED_FILES or extension in ("cnv", "dict", "spp"):
        return False
    if tree == "brkitr" and extension == "brk":
        return file in KEPT_BREAK_RULES
    if extension == "res" and base != "res_index" and LOCALE.match(base):  # res_index lists the locales
        return base in KEPT_LOCALES
    return True


def read_package(data: bytes):
    header_size, magic1, magic2 = struct.unpack_from("<HBB", data, 0)
    if (magic1, magic2) != (0xDA, 0x27) or data[12:16] != b"CmnD":
        sys.exit("not an ICU common data package (little-endian CmnD)")
    toc = header_size
    (count,) = struct.unpack_from("<I", data, toc)
    entries = [struct.unpack_from("<II", data, toc + 4 + 8 * i) for i in range(count)]
    items = []
    for i, (name_offset, data_offset) in enumerate(entries):
        name_start = toc + name_offset
        name = data[name_start:data.index(b"\0", name_start)].decode("ascii")
        end = entries[i + 1][1] if i + 1 < count else len(data) - toc
        items.append((name, data[toc + data_offset:toc + end]))
    return data[:header_size], items


def pad16(length: int) -> int:
    return (16 - length % 16) % 16


def write_package(header: bytes, items) -> bytes:
    names = b"".join(name.encode("ascii") + b"\0" for name, _ in items)
    table_size = 4 + 8 * len(items)
    first_item = table_size + len(names)
    first_item += pad16(len(header) + first_item)
    table, body = struct.pack("<I", len(items)), b""
    name_offset = table_size
    for name, item in items:
        table += struct.pack("<II", name_offset, first_item + len(body))
        name_offset += len(name) + 1
        body += item + b"\0" * pad16(len(item))
    gap = b"\0" * (first_item - table_size - len(names))
    return header + table + names + gap + body


def main():
    full, trimmed = sys.argv[1], sys.argv[2]
    header, items = read_package(open(full, "rb").read())
    kept = [(name, item) for name, item in items if keep(name)]
    open(trimmed, "wb").write(write_package(header, kept))
    print(f"ICU data: kept {len(kept)} of {len(items)} items, "
          f"{sum(len(i) for _, i in kept) // 1024} KiB of {sum(len(i) for _, i in items) // 1024} KiB")


if __name__ == "__main__":
    main()
