#!/usr/bin/env python3
"""Generate the deterministic input for Benchmarks/import.sh.

Writes N items as JSONL (one object per line):

    {"id": "item-0000001", "text": "...", "source": "bench", "n": 123}

and the same rows (id, text) as an RFC 4180 CSV with header ``id,text``
(CRLF line endings, fields quoted only when needed, quotes doubled).

Texts are about 200 bytes of UTF-8 drawn from a fixed vocabulary of English
words, with occasional punctuation (commas, periods, and a "quoted" word) so
that both JSON escaping and CSV quoting are exercised. Roughly 10% of items
also contain non-ASCII words: Korean Hangul, accented Latin, or an emoji.
Every text is distinct. The RNG is seeded, so the output is byte-identical
on every run (for a given N and seed).

With --pairwise each JSONL line is an item for judging instead: a generated text
as the prompt and two more as the responses of two named models,

    {"id": "item-0000001", "prompt": "...", "responses": [{"model": "atlas-7b", "text": "..."},
     {"model": "borealis-13b", "text": "..."}]}

(the CSV then holds the prompts).

Python 3 standard library only. Usage:

    python3 generate.py --n 1000000 --jsonl bench.jsonl --csv bench.csv
    python3 generate.py --n 1000000 --pairwise --jsonl pairs.jsonl --csv /dev/null
"""

import argparse
import csv
import hashlib
import json
import random
import sys
import time

SEED = 20240601

# Fixed English vocabulary. No character here needs escaping in JSON or CSV;
# quotes and commas are added deliberately by make_text().
ENGLISH = """
a able about above across act add after again against age ago agree air all
almost alone along already also always among an and animal another answer any
appear apple area arm around art as ask at away baby back bad bag ball bank
base be bear beat beautiful because bed been before began begin behind being
believe below best better between big bird black blood blue board boat body
bone book born both bottom box boy bread break bright bring broad brother
brown build burn busy but buy by call came camp can capital captain car card
care carry case cat catch cause cell center certain chair chance change
character charge chart check chief child choose church circle city class clean
clear climb clock close cloth cloud coast cold color column come common
company compare complete condition consider contain continue control cook
cool copy corn corner correct cost cotton could count country course cover
cow create crop cross crowd cry current cut dance dark day dead deal dear
decide deep degree depend describe desert design determine develop dictionary
did differ difficult direct discuss distant divide do doctor does dog dollar
done door double down draw dream dress drink drive drop dry during duck each
early earth ease east eat edge effect egg eight either electric element else
end enemy energy engine enough enter equal even evening event ever every
exact example except excite exercise expect experience experiment eye face
fact fair fall family famous far farm fast father favor fear feed feel feet
fell few field fig fight figure fill final find fine finger finish fire first
fish fit five flat floor flow flower fly follow food foot for force forest
form forward found four free fresh friend from front fruit full game garden
gas gather gave general gentle get girl give glad glass go gold gone good got
govern grand grass gray great green grew ground group grow guess guide gun
hair half hand happen happy hard has hat have he head hear heard heart heat
heavy held help her here high hill him his history hit hold hole home hope
horse hot hour house how huge human hundred hunt hurry ice idea if imagine in
inch include indicate industry insect instant instrument interest invent iron
is island it job join joy jump just keep kept key kill kind king knew know
lady lake land language large last late laugh law lay lead learn least leave
led left leg length less let letter level lie life lift light like line liquid
list listen little live locate log lone long look lost lot loud love low
machine made magnet main major make man many map mark market mass master match
material matter may me mean measure meat meet melody memory metal method
middle might mile milk million mind mine minute miss modern molecule moment
money month moon more morning most mother motion mount mountain mouth move
much multiply music must my name nation natural nature near necessary neck
need neighbor never new next night nine no noise noon nor north nose note
nothing notice noun now number numeral object observe occur ocean of off offer
office often oil old on once one only open operate opposite or order organ
original other our out over own oxygen page paint pair paper paragraph parent
part particular party pass past path pattern pay people perhaps period person
phrase pick picture piece pitch place plain plan plane planet plant play
please plural poem point poor populate port pose position possible post pound
power practice prepare present press pretty print probable problem process
produce product proper property protect prove provide pull push put quart
question quick quiet quite quotient race radio rail rain raise ran range
rather reach read ready real reason receive record red region remember repeat
reply represent require rest result rich ride right ring rise river road rock
roll room root rope rose round row rub rule run safe said sail salt same sand
sat save saw say scale school science score sea search season seat second
section see seed seem segment select self sell send sense sentence separate
serve set settle seven several shall shape share sharp she sheet shell shine
ship shoe shop shore short should shoulder shout show side sight sign silent
silver similar simple since sing single sister sit six size skill skin sky
sleep slip slow small smell smile snow so soft soil soldier solution solve
some son song soon sound south space speak special speech speed spell spend
spoke spot spread spring square stand star start state station stay stead
steam steel step stick still stone stood stop store story straight strange
stream street stretch string strong student study subject substance subtract
success such sudden suffix sugar suggest suit summer sun supply support sure
surface surprise swim syllable symbol system table tail take talk tall teach
team teeth tell temperature ten term test than thank that the their them then
there these they thick thin thing think third this those though thought
thousand three through throw thus tie time tiny tire to together told tone
too took tool top total touch toward town track trade train travel tree
triangle trip trouble truck true try tube turn twenty two type under unit
until up upon us use usual valley value vary verb very view village visit
voice vowel wait walk wall want war warm was wash watch water wave way we wear
weather week weight well went were west what wheel when where whether which
while white who whole whose why wide wife wild will win wind window wing
winter wire wish with woman women wonder wood word work world would write
written wrong yard year yellow yes yet you young your
""".split()

# Non-ASCII words: Korean Hangul, accented Latin, and emoji (4-byte UTF-8).
NON_ASCII = [
    # Korean
    "한국어", "안녕하세요", "사랑", "바다", "하늘", "서울", "학교", "친구",
    "음악", "시간", "도서관", "컴퓨터", "커피", "나무", "고양이", "감사합니다",
    # Accented Latin
    "café", "naïve", "résumé", "façade", "déjà", "jalapeño", "crème",
    "brûlée", "fiancée", "coöperate", "über", "smörgåsbord", "piñata",
    "São", "Zürich", "Ångström", "señor", "élan",
    # Emoji
    "🎉", "🚀", "🌍", "🙂", "📚", "☕",
]

NON_ASCII_FRACTION = 0.10
TARGET_MIN = 185  # target text length in bytes, drawn per item from
TARGET_MAX = 215  # [TARGET_MIN, TARGET_MAX]; average about 200
WORDS_PER_DRAW = 48  # about 280 bytes on average; topped up if short


def _check_vocabulary():
    assert len(set(ENGLISH)) == len(ENGLISH), "duplicate English words"
    bad = set('",\\\r\n\t')
    for w in ENGLISH + NON_ASCII:
        assert w and not (set(w) & bad) and " " not in w, repr(w)
        assert all(ord(c) >= 0x20 for c in w), repr(w)
    for w in ENGLISH:
        assert w.isascii(), w
    for w in NON_ASCII:
        assert not w.isascii(), w


def make_text(rng):
    """Return (text, has_non_ascii). Uses only rng.random()-based draws."""
    rand = rng.random
    words = rng.choices(ENGLISH, k=WORDS_PER_DRAW)
    words[0] = words[0].capitalize()

    non_ascii = rand() < NON_ASCII_FRACTION
    if non_ascii:
        # 1-3 non-ASCII words, placed early enough to survive truncation.
        for _ in range(1 + int(rand() * 3)):
            pos = 1 + int(rand() * 20)
            words[pos] = NON_ASCII[int(rand() * len(NON_ASCII))]

    # Punctuation: a comma in about half the texts (forces CSV quoting), a
    # mid-text full stop sometimes, and a "quoted" word in ~5% (forces JSON
    # \" escaping and CSV "" doubling).
    if rand() < 0.5:
        pos = 2 + int(rand() * 20)
        words[pos] = words[pos] + ","
    if rand() < 0.3:
        pos = 5 + int(rand() * 15)
        words[pos] = words[pos] + "."
        words[pos + 1] = words[pos + 1].capitalize()
    if rand() < 0.05:
        pos = 1 + int(rand() * 20)
        words[pos] = '"' + words[pos] + '"'

    text = " ".join(words)
    while len(text) <= TARGET_MAX:  # rare: a draw of mostly short words
        words.extend(rng.choices(ENGLISH, k=8))
        text = " ".join(words)
    target = TARGET_MIN + int(rand() * (TARGET_MAX - TARGET_MIN + 1))
    if non_ascii:
        # Measure in bytes; cut on a word boundary at or before the target.
        raw = text.encode("utf-8")
        cut = raw.rfind(b" ", 0, target)
        text = raw[:cut].decode("utf-8")
    else:
        cut = text.rfind(" ", 0, target)
        text = text[:cut]
    text = text.rstrip(",.") + "."
    return text, non_ascii


def generate(n, jsonl_path, csv_path, seed=SEED, pairwise=False):
    _check_vocabulary()
    rng = random.Random(seed)
    width = max(7, len(str(n)))
    seen = set()  # 8-byte BLAKE2 digests of texts, to guarantee distinctness
    stats = {"items": 0, "non_ascii": 0, "text_bytes": 0, "retries": 0}
    dumps = json.JSONEncoder(ensure_ascii=False).encode
    blake = hashlib.blake2b

    chunk = 10000
    with open(jsonl_path, "w", encoding="utf-8", newline="") as jf, \
            open(csv_path, "w", encoding="utf-8", newline="") as cf:
        writer = csv.writer(cf, dialect="excel", lineterminator="\r\n",
                            quoting=csv.QUOTE_MINIMAL)
        writer.writerow(("id", "text"))
        jlines = []
        crows = []
        for i in range(1, n + 1):
            while True:
                text, non_ascii = make_text(rng)
                digest = blake(text.encode("utf-8"), digest_size=8).digest()
                if digest not in seen:
                    seen.add(digest)
                    break
                stats["retries"] += 1
            ident = f"item-{i:0{width}d}"
            num = int(rng.random() * 1000)
            if pairwise:
                left, right = make_text(rng)[0], make_text(rng)[0]
                jlines.append(
                    f'{{"id": "{ident}", "prompt": {dumps(text)}, "responses": ['
                    f'{{"model": "atlas-7b", "text": {dumps(left)}}}, '
                    f'{{"model": "borealis-13b", "text": {dumps(right)}}}]}}\n'
                )
            else:
                jlines.append(
                    f'{{"id": "{ident}", "text": {dumps(text)}, '
                    f'"source": "bench", "n": {num}}}\n'
                )
            crows.append((ident, text))
            stats["non_ascii"] += non_ascii
            stats["text_bytes"] += len(text.encode("utf-8")) if non_ascii else len(text)
            if len(jlines) >= chunk:
                jf.write("".join(jlines))
                writer.writerows(crows)
                jlines.clear()
                crows.clear()
        jf.write("".join(jlines))
        writer.writerows(crows)
    stats["items"] = n
    return stats


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--n", type=int, default=1_000_000, help="number of items")
    p.add_argument("--jsonl", required=True, help="output JSONL path")
    p.add_argument("--csv", required=True, help="output CSV path")
    p.add_argument("--seed", type=int, default=SEED, help="RNG seed")
    p.add_argument("--pairwise", action="store_true", help="items for judging: a prompt and two responses")
    args = p.parse_args(argv)
    if args.n < 1:
        p.error("--n must be at least 1")

    start = time.monotonic()
    stats = generate(args.n, args.jsonl, args.csv, args.seed, args.pairwise)
    elapsed = time.monotonic() - start
    n = stats["items"]
    print(
        f"generated {n} items in {elapsed:.1f} s: "
        f"avg text {stats['text_bytes'] / n:.0f} bytes, "
        f"{stats['non_ascii']} ({100.0 * stats['non_ascii'] / n:.1f}%) non-ASCII, "
        f"{stats['retries']} duplicate draws redrawn",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
