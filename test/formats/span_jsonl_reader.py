"""Reads a spaCy/Prodigy or doccano JSONL file as Python tools do, with the standard library only.

Usage: span_jsonl_reader.py spacy|doccano FILE  ->  prints JSON: per line, its spans as
[label, start, end, text[start:end]] and the problems found.

Each line is read with json.loads, as Prodigy's JSONL loader and doccano's importer do, and each
span's offsets index the decoded str, so they count code points. spaCy users build Docs from these
records with Doc.char_span(start, end, label), over the same str indexes. A spaCy/Prodigy span that
carries its "text" must slice the document to it; a doccano span is [start, end, label].
"""
import json
import sys


def spans_of(kind, record):
    if kind == "spacy":
        return [(span["label"], span["start"], span["end"], span.get("text")) for span in record.get("spans", [])]
    return [(label, start, end, None) for start, end, label in record.get("label", [])]


def main(kind, path):
    documents = []
    # newline="": the file's own line breaks only ("\n"); a CR inside a record is escaped JSON.
    with open(path, encoding="utf-8", newline="") as lines:
        for number, line in enumerate(lines, 1):
            record = json.loads(line)
            text = record["text"]
            problems, spans = [], []
            for label, start, end, claimed in spans_of(kind, record):
                if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
                    problems.append("%d: span %r..%r outside the text" % (number, start, end))
                    continue
                if claimed is not None and text[start:end] != claimed:
                    problems.append("%d: %r does not slice to %r" % (number, claimed, text[start:end]))
                spans.append([label, start, end, text[start:end]])
            documents.append({"line": number, "spans": spans, "problems": problems, "record": sorted(record)})
    print(json.dumps(documents))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
