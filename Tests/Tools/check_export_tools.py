"""Check Gloss's export formats in the real tools that read them.

    python check_export_tools.py ROOT

ROOT holds one directory per format and task (`jsonl-classify`, `hf-spans`, ...), all written
from the same records (ExportToolsTests in GlossCoreTests writes them). The `jsonl` export is
the reference every other format is compared with, item by item. Needs fasttext, datasets,
spacy and label-studio-sdk; exits non-zero on the first failed check.
"""
import importlib.metadata as metadata
import json
import pathlib
import sys
import tempfile

ROOT = pathlib.Path(sys.argv[1])
TASKS = ["classify", "multilabel", "spans"]
SPLITS = ["train", "validation", "test"]


def check(condition, message):
    if not condition:
        print(f"FAILED: {message}")
        sys.exit(1)


def reference(task):
    """The jsonl export's records by id."""
    lines = (ROOT / f"jsonl-{task}" / "data.jsonl").read_text(encoding="utf-8").splitlines()
    return {r["id"]: r for r in map(json.loads, lines)}


def names(record):
    if "label" in record:
        return [record["label"]]
    if "labels" in record:
        return record["labels"]
    return sorted({s["label"] for s in record["spans"]})


def token_spans(spans):
    """The spans token formats keep: earlier-starting, then longer; overlaps dropped."""
    kept = []
    for s in sorted(spans, key=lambda s: (s["start"], -s["end"], s["label"])):
        if not kept or s["start"] >= kept[-1]["end"]:
            kept.append(s)
    return [(s["start"], s["end"], s["label"]) for s in kept]


def check_fasttext():
    import fasttext

    for task in TASKS:
        ref = reference(task)
        folder = ROOT / f"fasttext-{task}"
        train = folder / "train.txt"
        expected = [r for r in ref.values() if r["split"] == "train" and names(r)]
        check(len(train.read_text(encoding="utf-8").splitlines()) == len(expected), f"fasttext {task}: train.txt lines")
        model = fasttext.train_supervised(input=str(train), epoch=25, lr=0.5 if task == "classify" else 0.1, verbose=0,
                                          loss="ova" if task != "classify" else "softmax")
        wanted = {"__label__" + n.replace(" ", "_") for r in expected for n in names(r)}
        check(set(model.labels) == wanted, f"fasttext {task}: labels {model.labels} != {wanted}")
        n, precision, recall = model.test(str(folder / "validation.txt"))
        validation = [r for r in ref.values() if r["split"] == "validation" and names(r)]
        check(n == len(validation), f"fasttext {task}: tested {n} lines, expected {len(validation)}")
        print(f"fasttext {task}: trained on {len(expected)} lines, {len(model.labels)} labels; "
              f"validation n={n} P@1={precision:.2f} R@1={recall:.2f}")
        if task == "classify":
            check(precision > 0.6, f"fasttext classify learned nothing (P@1 {precision})")


def check_hf():
    from datasets import load_dataset

    for task in TASKS:
        ref = reference(task)
        folder = ROOT / f"hf-{task}"
        label_names = json.loads((folder / "label_names.json").read_text(encoding="utf-8"))
        ds = load_dataset(str(folder))
        check(sorted(ds.keys()) == sorted(SPLITS), f"hf {task}: splits {list(ds.keys())}")
        total = sum(len(ds[s]) for s in SPLITS)
        check(total == len(ref), f"hf {task}: {total} rows, expected {len(ref)}")
        features = ds["train"].features
        if task == "classify":
            check(features["label"].names == label_names, f"hf classify: names {features['label'].names}")
        elif task == "multilabel":
            check(features["labels"].feature.names == label_names, f"hf multilabel: names {features['labels']}")
        else:
            check(features["ner_tags"].feature.names == label_names, f"hf spans: names {features['ner_tags']}")
            check(label_names[0] == "O", "hf spans: O is not tag 0")
        for split in SPLITS:
            for row in ds[split]:
                record = ref[row["id"]]
                check(record["split"] == split, f"hf {task}: {row['id']} in {split}, jsonl says {record['split']}")
                if task == "classify":
                    check(label_names[row["label"]] == record["label"], f"hf classify: {row['id']} label")
                elif task == "multilabel":
                    check([label_names[i] for i in row["labels"]] == record["labels"], f"hf multilabel: {row['id']}")
                else:
                    check(decode_tags(record["text"], row["tokens"], [label_names[i] for i in row["ner_tags"]])
                          == token_spans(record["spans"]), f"hf spans: {row['id']} tags disagree with the spans")
        print(f"datasets {task}: {total} rows in {', '.join(f'{s}={len(ds[s])}' for s in SPLITS)}; "
              f"features {features}")

    partial = load_dataset(str(ROOT / "hf-partial"))
    check(sorted(partial.keys()) == ["train", "validation"], f"hf partial: splits {list(partial.keys())}")
    print(f"datasets: an export whose test split is empty loads as {dict(partial.num_rows)}")


def decode_tags(text, tokens, tags):
    """Character spans from IOB2 tags, locating each token in the text in order."""
    spans, position, current = [], 0, None
    for token, tag in zip(tokens, tags):
        start = text.index(token, position)
        end = position = start + len(token)
        if tag.startswith("I-") and current and current[2] == tag[2:]:
            current = (current[0], end, current[2])
            continue
        if current:
            spans.append(current)
            current = None
        if tag != "O":
            current = (start, end, tag[2:])
    if current:
        spans.append(current)
    return spans


def check_conll():
    ref = reference("spans")
    folder = ROOT / "conll-spans"
    by_split = {}
    for r in ref.values():
        by_split.setdefault(r["split"], []).append(r)
    for split in SPLITS:
        text = (folder / f"{split}.conll").read_text(encoding="utf-8")
        check(text.startswith("-DOCSTART- O\n\n"), f"conll {split}: no -DOCSTART- line")
        blocks = [b for b in text[len("-DOCSTART- O\n\n"):].split("\n\n") if b.strip()]
        records = by_split.get(split, [])  # the jsonl export's order: the items' order in the store, as in conll
        check(len(blocks) == len(records), f"conll {split}: {len(blocks)} items, expected {len(records)}")
        for block, record in zip(blocks, records):
            pairs = [line.split(" ") for line in block.split("\n")]
            check(all(len(p) == 2 for p in pairs), f"conll {split}: a line without two columns in {record['id']}")
            tags = [t.replace("_", " ") for _, t in pairs]
            check(decode_tags(record["text"], [w for w, _ in pairs], tags) == token_spans(record["spans"]),
                  f"conll {split}: {record['id']} tags disagree with the spans")
    print(f"conll: {len(ref)} items, tags decode to the spans")


def check_spacy():
    sys.path.insert(0, str(pathlib.Path(__file__).parent))
    import spacy
    from spacy.tokens import DocBin
    from spacy_docbin import convert

    nlp = spacy.blank("xx")
    for task in TASKS:
        ref = reference(task)
        folder = ROOT / f"spacy-{task}"
        total = 0
        for split in SPLITS:
            path = folder / f"{split}.jsonl"
            with tempfile.TemporaryDirectory() as tmp:
                out = pathlib.Path(tmp) / f"{split}.spacy"
                n = convert(path, out, nlp)
                docs = list(DocBin().from_disk(out).get_docs(nlp.vocab))
            items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
            check(len(docs) == n == len(items), f"spacy {task} {split}: {len(docs)} docs for {len(items)} lines")
            for doc, item in zip(docs, items):
                record = ref[item["id"]]
                check(doc.text == record["text"], f"spacy {task}: {item['id']} Doc text differs from the item's")
                if task == "spans":
                    got = sorted((s.start_char, s.end_char, s.label_, s.text) for s in doc.spans["sc"])
                    want = sorted((s["start"], s["end"], s["label"], s["text"]) for s in record["spans"])
                    check(got == want, f"spacy spans: {item['id']} {got} != {want}")
                    check([(e.start_char, e.end_char, e.label_) for e in doc.ents] == token_spans(record["spans"]),
                          f"spacy spans: {item['id']} ents")
                else:
                    chosen = {k for k, v in doc.cats.items() if v == 1}
                    check(chosen == set(names(record)), f"spacy {task}: {item['id']} cats {doc.cats}")
            total += len(docs)
        check(total == len(ref), f"spacy {task}: {total} docs, expected {len(ref)}")
        what = "every span aligned (strict)" if task == "spans" else "cats as exported"
        print(f"spacy {task}: {total} Docs rebuilt, saved and reloaded as DocBin; {what}")


LS_CONFIGS = {
    "classify": '<View><Text name="text" value="$text"/><Choices name="label" toName="text">{}</Choices></View>',
    "multilabel": '<View><Text name="text" value="$text"/>'
                  '<Choices name="label" toName="text" choice="multiple">{}</Choices></View>',
    "spans": '<View><Labels name="label" toName="text">{}</Labels><Text name="text" value="$text"/></View>',
}


def check_label_studio():
    from label_studio_sdk.converter import Converter
    from label_studio_sdk.label_interface import LabelInterface

    for task in TASKS:
        ref = reference(task)
        tasks = json.loads((ROOT / f"label-studio-{task}" / "tasks.json").read_text(encoding="utf-8"))
        check(isinstance(tasks, list) and len(tasks) == len(ref), f"label-studio {task}: not one array of every item")
        # Every label of the guide (the hf export's label names; any annotator's decision may use one).
        guide = json.loads((ROOT / f"hf-{task}" / "label_names.json").read_text(encoding="utf-8"))
        guide = {n[2:] if n[:2] in ("B-", "I-") else n for n in guide if n != "O"}
        labels = sorted({n for r in ref.values() for n in names(r)} | guide)
        tag = "Label" if task == "spans" else "Choice"
        config = LS_CONFIGS[task].format("".join(f'<{tag} value="{n}"/>' for n in labels))
        interface = LabelInterface(config)
        annotations = predictions = cancelled = 0
        for item in tasks:
            record = ref[item["data"]["id"]]
            check(item["data"]["text"] == record["text"], f"label-studio {task}: data.text of {record['id']}")
            for annotation in item["annotations"]:
                errors = interface.validate_prediction(annotation, return_errors=True)
                check(not errors, f"label-studio {task}: annotation of {record['id']}: {errors}")
                if "completed_by" in annotation:  # the server resolves a dict by its email, or an int id
                    check(isinstance(annotation["completed_by"], dict) and "email" in annotation["completed_by"],
                          f"label-studio {task}: completed_by {annotation['completed_by']}")
                cancelled += annotation.get("was_cancelled", False)
                for result in annotation["result"]:
                    value = result["value"]
                    if "start" in value:
                        check(record["text"][value["start"]:value["end"]] == value["text"],
                              f"label-studio spans: {record['id']} offsets do not slice {value['text']!r}")
                annotations += 1
            for prediction in item.get("predictions", []):
                errors = interface.validate_prediction(prediction, return_errors=True)
                check(not errors, f"label-studio {task}: prediction of {record['id']}: {errors}")
                predictions += 1
        with tempfile.TemporaryDirectory() as tmp:
            converter = Converter(config, project_dir=None, download_resources=False)
            converter.convert(str(ROOT / f"label-studio-{task}" / "tasks.json"), tmp, "JSON_MIN", is_dir=False)
            converted = json.loads((pathlib.Path(tmp) / "result.json").read_text(encoding="utf-8"))
            if task == "spans":
                converter.convert(str(ROOT / f"label-studio-{task}" / "tasks.json"), tmp, "CONLL2003", is_dir=False)
        check(len(converted) > 0, f"label-studio {task}: the converter read nothing")
        print(f"label-studio {task}: {len(tasks)} tasks, {annotations} annotations ({cancelled} cancelled), "
              f"{predictions} predictions valid for LabelInterface; Converter JSON_MIN read {len(converted)} results")


if __name__ == "__main__":
    for package in ["fasttext-wheel", "datasets", "pyarrow", "spacy", "label-studio-sdk"]:
        print(f"{package} {metadata.version(package)}")
    check_fasttext()
    check_hf()
    check_conll()
    check_spacy()
    check_label_studio()
    print("all checks passed")
