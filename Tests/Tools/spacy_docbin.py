"""Turn a Gloss `spacy` export into spaCy DocBin files.

    python spacy_docbin.py EXPORT_DIR [LANG]

Every `*.jsonl` file of the export (train, validation, test, or data) becomes a `.spacy` file
beside it. Span lines rebuild the Doc from Gloss's tokens, so every span aligns; all spans go
to doc.spans["sc"] (spancat) and, without overlaps (the earlier-starting, then longer span
wins), to doc.ents (ner). Classification lines set doc.cats. LANG (default "xx") picks the
blank pipeline whose vocab the Docs use.
"""
import json
import pathlib
import sys

import spacy
from spacy.tokens import Doc, DocBin


def convert(jsonl_path, out_path, nlp):
    """Writes the DocBin of one export file and returns how many Docs it holds."""
    docs = DocBin(store_user_data=False)
    count = 0
    with open(jsonl_path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            item = json.loads(line)
            if "tokens" in item:
                tokens = item["tokens"]
                doc = Doc(nlp.vocab, words=[t["text"] for t in tokens], spaces=[t["ws"] for t in tokens])
                spans = []
                for s in item["spans"]:
                    span = doc.char_span(s["start"], s["end"], label=s["label"], alignment_mode="strict")
                    if span is None:
                        raise ValueError(f"{jsonl_path}:{number}: span {s} does not fall on token boundaries")
                    spans.append(span)
                doc.spans["sc"] = spans
                ents, end = [], 0
                for span in sorted(spans, key=lambda s: (s.start, -s.end)):
                    if span.start >= end:
                        ents.append(span)
                        end = span.end
                doc.ents = ents
            else:
                doc = nlp.make_doc(item["text"])
                doc.cats = item["cats"]
            docs.add(doc)
            count += 1
    docs.to_disk(out_path)
    return count


if __name__ == "__main__":
    export_dir = pathlib.Path(sys.argv[1])
    nlp = spacy.blank(sys.argv[2] if len(sys.argv) > 2 else "xx")
    for path in sorted(export_dir.glob("*.jsonl")):
        n = convert(path, path.with_suffix(".spacy"), nlp)
        print(f"{path.with_suffix('.spacy')}: {n} docs")
