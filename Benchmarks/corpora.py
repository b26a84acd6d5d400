#!/usr/bin/env python3
"""Builds the classifier's robustness suite from public packages, outside the repo.

    python3 Benchmarks/corpora.py --out DIR [--cache DIR] [--only NAME,...]

Each corpus becomes DIR/NAME.train.jsonl and DIR/NAME.test.jsonl (one
{"text", "label"} object a line) and a line in DIR/MANIFEST.json. Sources
(fetched by name with the ordinary clients into --cache; nothing is committed):

  fortunes      Debian `fortunes` + `fortunes-min` 1:1.99.1-7.3: one fortune a text,
                its file (art, computers, zippy, ...) the label. English, many
                imbalanced classes (largest/smallest > 100), multi-line.
  man_language  Debian `manpages-{cs,de,es,fr,pl,ru,uk}` 4.18.1-1: one translated
                man page a text (roff markup stripped, first 20,000 characters),
                its language the label: long multi-line documents in Latin scripts
                with diacritics and in Cyrillic.
  man_section   the same pages, the manual section (1-8) the label.
  man_names     the NAME line of each page of `manpages`, `manpages-dev` and the
                seven translations ("ls - list directory contents"), the section
                the label: very short technical texts, imbalanced.
  chatterbot    PyPI `chatterbot-corpus==1.3.3` (BSD-3): every statement of the
                dialog files of all 28 languages (Hangul, Cyrillic, Han, Devanagari,
                Hebrew, Thai, Latin, ...), the file's topic the label: very short.

and generated shapes (a seeded generator, no download):

  gen_one_per_class  100 classes with one training example each.
  gen_100_classes    100 classes, 60 training examples each, overlapping vocabularies.
  gen_long           6 classes of 50,000-character documents mixing Latin, Cyrillic
                     and Hangul words.

The split is the one of ../shared/bench (see its README): exact duplicate texts
dropped (first kept); a text is in test when int(sha1(utf8 text)[:8], 16) % 5 == 0;
within a split, lines are ordered by that sha1. It depends on the text alone, never
on the label, and the same packages give the same bytes.
"""
import argparse
import glob
import gzip
import hashlib
import json
import os
import random
import re
import subprocess
import sys
import zipfile

DEBIAN = {
    "fortunes": "1:1.99.1-7.3", "fortunes-min": "1:1.99.1-7.3",
    "manpages": None, "manpages-dev": None,
}
MAN_LANGUAGES = ["cs", "de", "es", "fr", "pl", "ru", "uk"]
CHATTERBOT = "chatterbot-corpus==1.3.3"
MAX_MAN_CHARS = 20000


def fetch_deb(cache, package):
    """Extracts a Debian package (apt-get download) under cache/deb/PACKAGE; returns that root."""
    root = os.path.join(cache, "deb", package)
    if os.path.isdir(root):
        return root
    debs = os.path.join(cache, "debs")
    os.makedirs(debs, exist_ok=True)
    found = glob.glob(os.path.join(debs, f"{package}_*.deb"))
    if not found:
        subprocess.run(["apt-get", "download", package], cwd=debs, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        found = glob.glob(os.path.join(debs, f"{package}_*.deb"))
    if not found:
        sys.exit(f"corpora.py: apt-get download {package} gave no .deb (run apt-get update first)")
    os.makedirs(root + ".tmp", exist_ok=True)
    subprocess.run(["dpkg-deb", "-x", found[0], root + ".tmp"], check=True)
    os.rename(root + ".tmp", root)
    return root


def fetch_wheel(cache, requirement):
    wheels = os.path.join(cache, "wheels")
    name = requirement.split("==")[0].replace("-", "_")
    found = glob.glob(os.path.join(wheels, f"{name}-*.whl"))
    if not found:
        subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "-d", wheels, requirement], check=True)
        found = glob.glob(os.path.join(wheels, f"{name}-*.whl"))
    return found[0]


ROFF_ESCAPES = [(re.compile(r"\\f(\[[^]]*\]|\(..|.)"), ""), (re.compile(r"\\\(em|\\\(en"), "-"),
                (re.compile(r"\\[-&/,:|^ ]"), lambda m: {"\\-": "-", "\\ ": " "}.get(m.group(0), "")),
                (re.compile(r"\\\*\(..|\\\*."), ""), (re.compile(r"\\\((..)"), ""), (re.compile(r"\\e"), lambda m: "\\")]


def roff_text(source):
    """The readable text of a man page: comments and requests dropped, macro arguments kept."""
    lines = []
    for line in source.splitlines():
        if line.startswith(('.\\"', "'\\\"")) or line.startswith(".TH") or line.startswith(".so"):
            continue
        if line.startswith((".", "'")):
            parts = line.split(None, 1)
            if len(parts) < 2:
                continue
            line = parts[1].replace('"', "")
        for pattern, replacement in ROFF_ESCAPES:
            line = pattern.sub(replacement, line)
        lines.append(line)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def man_pages(root, language):
    """(section, text) for each page of one language in an extracted manpages package."""
    base = os.path.join(root, "usr/share/man", language) if language else os.path.join(root, "usr/share/man")
    for path in sorted(glob.glob(os.path.join(base, "man[1-8]", "*.gz"))):
        section = os.path.basename(os.path.dirname(path))[3:]
        with gzip.open(path, "rt", encoding="utf-8", errors="replace") as f:
            source = f.read()
        if source.lstrip().startswith(".so"):
            continue  # a link to another page
        yield section, source


def name_line(source):
    """The NAME section's text of a man page ("ls - list directory contents"), or None."""
    match = re.search(r"^\.SH[^\n]*\n(.*?)(?=^\.S[HS])", source, re.S | re.M)
    if not match:
        return None
    text = " ".join(roff_text(match.group(1)).split())
    return text if 3 <= len(text) <= 300 else None


def build_fortunes(cache):
    rows = []
    for package in ("fortunes", "fortunes-min"):
        root = fetch_deb(cache, package)
        for path in sorted(glob.glob(os.path.join(root, "usr/share/games/fortunes/*"))):
            if os.path.splitext(path)[1] in (".dat", ".u8") or os.path.isdir(path):
                continue
            with open(path, encoding="utf-8", errors="replace") as f:
                for text in f.read().split("\n%\n"):
                    text = text.strip("\n%")
                    if text.strip():
                        rows.append((text, os.path.basename(path)))
    return rows


def build_man(cache):
    language_rows, section_rows, name_rows = [], [], []
    for language in MAN_LANGUAGES:
        root = fetch_deb(cache, f"manpages-{language}")
        for section, source in man_pages(root, language):
            text = roff_text(source)[:MAX_MAN_CHARS]
            if len(text) >= 200:
                language_rows.append((text, language))
                section_rows.append((text, section))
            name = name_line(source)
            if name:
                name_rows.append((name, section))
    for package in ("manpages", "manpages-dev"):
        for section, source in man_pages(fetch_deb(cache, package), None):
            name = name_line(source)
            if name:
                name_rows.append((name, section))
    return {"man_language": language_rows, "man_section": section_rows, "man_names": name_rows}


def build_chatterbot(cache):
    rows = []
    with zipfile.ZipFile(fetch_wheel(cache, CHATTERBOT)) as wheel:
        for name in sorted(wheel.namelist()):
            match = re.match(r"chatterbot_corpus/data/[^/]+/([^/]+)\.yml$", name)
            if not match:
                continue
            for line in wheel.read(name).decode("utf-8", "replace").splitlines():
                statement = re.match(r"^\s*-\s+(?:-\s+)?(.+)$", line)
                if statement and not line.startswith("categories"):
                    text = statement.group(1).strip().strip("'\"")
                    if text:
                        rows.append((text, match.group(1)))
    return rows


WORDS = ("data", "model", "river", "stone", "light", "garden", "market", "signal", "engine", "paper", "music",
         "winter", "harbor", "forest", "number", "letter", "window", "bridge", "planet", "silver")


def generated(seed=7):
    """The generated shapes; every text and label comes from one seeded generator."""
    rng = random.Random(seed)
    syllables = ["ka", "lo", "mi", "ne", "su", "ta", "ri", "vo", "de", "ba", "ze", "po", "gu", "fi", "ja", "wu"]
    cyrillic = ["да", "ло", "ми", "не", "су", "та", "ри", "во", "жи", "бы"]
    hangul = ["가", "나", "다", "라", "마", "바", "사", "아", "자", "하", "한", "국"]
    vocabulary = sorted({"".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))) for _ in range(4000)})
    vocabulary += sorted({"".join(rng.choice(cyrillic) for _ in range(3)) for _ in range(600)})
    vocabulary += sorted({"".join(rng.choice(hangul) for _ in range(2)) for _ in range(120)})

    def classes(count, own):
        return [rng.sample(vocabulary, own) for _ in range(count)]

    def text(own_words, length, share):
        words = [rng.choice(own_words) if rng.random() < share else rng.choice(vocabulary) for _ in range(length)]
        return " ".join(words)

    out = {}
    one = classes(100, 12)
    rows = [(text(one[c], 12, 0.5), f"c{c:03d}") for c in range(100)]
    rows += [(text(one[c], 12, 0.5), f"c{c:03d}") for c in range(100) for _ in range(30)]
    out["gen_one_per_class"] = rows
    many = classes(100, 40)
    out["gen_100_classes"] = [(text(many[c], rng.randint(8, 40), 0.25), f"c{c:03d}") for c in range(100) for _ in range(75)]
    long_classes = classes(6, 300)
    rows = []
    for c in range(6):
        for _ in range(60):
            words, length = [], 0
            while length < 50000:
                words.append(rng.choice(long_classes[c]) if rng.random() < 0.03 else rng.choice(vocabulary))
                length += len(words[-1]) + 1
                if rng.random() < 0.02:
                    words.append("\n")
                    length += 2
            rows.append((" ".join(words)[:50000], f"topic{c}"))
    out["gen_long"] = rows
    return out


def split_rows(rows):
    """Exact duplicates dropped (first kept), test by sha1 of the text, each split sorted by sha1."""
    seen, train, test = set(), [], []
    for text, label in rows:
        if text in seen:
            continue
        seen.add(text)
        digest = hashlib.sha1(text.encode("utf-8")).hexdigest()
        (test if int(digest[:8], 16) % 5 == 0 else train).append((digest, text, label))
    return sorted(train), sorted(test)


def write(out_dir, name, rows, manifest, split=True):
    train, test = split_rows(rows)
    if name == "gen_one_per_class":
        # One example per class in train by construction: the first text of each class.
        firsts = {}
        for text, label in rows:
            firsts.setdefault(label, text)
        keep = set(firsts.values())
        pool = [r for r in train + test if r[1] not in keep]
        train = sorted((hashlib.sha1(t.encode()).hexdigest(), t, l) for l, t in firsts.items())
        test = sorted(pool)
    entry = {}
    for split_name, part in (("train", train), ("test", test)):
        path = os.path.join(out_dir, f"{name}.{split_name}.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            for _, text, label in part:
                f.write(json.dumps({"text": text, "label": label}, ensure_ascii=False) + "\n")
        counts = {}
        for _, _, label in part:
            counts[label] = counts.get(label, 0) + 1
        with open(path, "rb") as f:
            entry[split_name] = {"items": len(part), "labels": len(counts), "sha256": hashlib.sha256(f.read()).hexdigest(),
                                 "largest_class": max(counts.values()), "smallest_class": min(counts.values())}
    entry["max_chars"] = max(len(t) for _, t, _ in train + test)
    manifest[name] = entry
    print(f"{name}: train {entry['train']['items']} test {entry['test']['items']} "
          f"labels {entry['train']['labels']} longest {entry['max_chars']} chars", file=sys.stderr)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", required=True)
    parser.add_argument("--cache", default=os.path.expanduser("~/.cache/gloss-corpora"))
    parser.add_argument("--only", default="")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    os.makedirs(args.cache, exist_ok=True)
    only = set(filter(None, args.only.split(",")))
    wanted = lambda name: not only or name in only  # noqa: E731
    manifest_path = os.path.join(args.out, "MANIFEST.json")
    manifest = json.load(open(manifest_path)) if os.path.exists(manifest_path) else {}
    if wanted("fortunes"):
        write(args.out, "fortunes", build_fortunes(args.cache), manifest)
    if any(wanted(n) for n in ("man_language", "man_section", "man_names")):
        for name, rows in build_man(args.cache).items():
            if wanted(name):
                write(args.out, name, rows, manifest)
    if wanted("chatterbot"):
        write(args.out, "chatterbot", build_chatterbot(args.cache), manifest)
    for name, rows in generated().items():
        if wanted(name):
            write(args.out, name, rows, manifest)
    with open(manifest_path, "w") as f:
        json.dump(manifest, f, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
