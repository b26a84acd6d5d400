#!/usr/bin/env python3
"""Derive the training rows and the search queries of Benchmarks/scale.sh from
the items generate.py wrote.

  train   The first M items of ITEMS, each with a reference label that its
          words decide (each English word belongs to one of three groups by
          the CRC-32 of its lower-case form; the label is the group with the
          most words, ties to the earlier group): positive, negative, neutral
          as in guides/sentiment.md. Writes them as JSONL ("label" field, for
          `gloss import --label-field label`) and in fastText's format (the
          cleaning of classifier_peers.py: lower case, punctuation split off).

  search  Picks the queries the labeler's `/` is timed with and prints them as
          JSON: a word no text holds (nothing found: the whole dataset is
          looked at), and six words of the item nine tenths of the way in
          (found there, unless an earlier item has them all: the scan below
          finds the first item that does, with the labeler's rule that each
          query word matches the start of a word, case ignored). Also the
          first item's id and the start of its text, which the labeler shows
          first.

Python 3 standard library only. Usage:

  python3 scale_prep.py train --items items.jsonl --count 100000 --jsonl train.jsonl --fasttext train.txt
  python3 scale_prep.py search --items items.jsonl --count 1000000
"""

import argparse
import json
import re
import sys
import zlib

LABELS = ["positive", "negative", "neutral"]
WORD = re.compile(r"\w+")


def label_of(text):
    counts = [0, 0, 0]
    for word in WORD.findall(text.lower()):
        counts[zlib.crc32(word.encode()) % 3] += 1
    return LABELS[counts.index(max(counts))]


def clean(text):
    return " ".join(re.findall(r"\w+|[^\w\s]", text.lower()))


def train(args):
    with open(args.items, encoding="utf-8") as items, open(args.jsonl, "w", encoding="utf-8") as out, \
            open(args.fasttext, "w", encoding="utf-8") as ft:
        for n, line in enumerate(items):
            if n == args.count:
                break
            record = json.loads(line)
            label = label_of(record["text"])
            out.write(json.dumps({"id": record["id"], "text": record["text"], "label": label}, ensure_ascii=False) + "\n")
            ft.write(f"__label__{label} {clean(record['text'])}\n")
        else:
            sys.exit(f"scale_prep.py: {args.items} has only {n + 1} items, fewer than {args.count}")


def words_of(text):
    return WORD.findall(text.lower())


def search(args):
    target_at = args.count * 9 // 10
    first = target = None
    with open(args.items, encoding="utf-8") as items:
        for n, line in enumerate(items):
            if n == 0:
                first = json.loads(line)
            if n == target_at:
                target = json.loads(line)
                break
    if target is None:
        sys.exit(f"scale_prep.py: {args.items} has fewer than {target_at + 1} items")
    chosen = []
    for word in words_of(target["text"]):
        if word.isascii() and len(word) >= 4 and word not in chosen:
            chosen.append(word)
        if len(chosen) == 6:
            break
    # The first item after the first one with every chosen word at the start of one of its words.
    found = None
    with open(args.items, encoding="utf-8") as items:
        for n, line in enumerate(items):
            if n == 0:
                continue
            lower = line.lower()
            if all(word in lower for word in chosen):
                text = json.loads(line)["text"]
                have = words_of(text)
                if all(any(h.startswith(word) for h in have) for word in chosen):
                    found = text
                    break
    absent = "zyzzyva"
    print(json.dumps({
        "first_id": first["id"], "first": first["text"][:16],
        "absent": absent,
        "query": " ".join(chosen), "found": found[:16],
    }))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    t = sub.add_parser("train")
    t.add_argument("--items", required=True)
    t.add_argument("--count", type=int, required=True)
    t.add_argument("--jsonl", required=True)
    t.add_argument("--fasttext", required=True)
    s = sub.add_parser("search")
    s.add_argument("--items", required=True)
    s.add_argument("--count", type=int, required=True)
    args = parser.parse_args(argv)
    train(args) if args.command == "train" else search(args)


if __name__ == "__main__":
    main()
