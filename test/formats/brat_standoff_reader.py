"""Reads a brat collection the way brat's server does, with Python's standard library only.

Usage: brat_standoff_reader.py FOLDER  ->  prints JSON: per document its text-bound annotations,
attributes and notes, and every problem brat would report.

Follows brat's standoff format (brat.nlplab.org/standoff.html) and its reader (nlplab/brat
server/src/annotation.py): files are opened with codecs.open(..., encoding='utf8'), which reads bytes
and decodes them (no newline translation: a CRLF is two characters) and splits .ann lines as
str.splitlines() does; a line is ID<TAB>DATA[<TAB>TAIL]; a T line's DATA is "TYPE START END[;START
END...]" and its text is the next (sum of fragment lengths + one separator a gap) characters of the
tail, which must equal the fragments' texts joined by a space (DISCONT_SEP). Offsets index the
decoded str, so they count code points.
"""
import codecs
import json
import os
import sys

DISCONT_SEP = " "


def read_conf(path):
    sections = {}
    current = None
    with codecs.open(path, "r", encoding="utf8") as conf:
        for line in conf:
            line = line.rstrip("\r\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if line.startswith("[") and line.endswith("]"):
                current = line[1:-1]
                sections[current] = []
            else:
                sections.setdefault(current, []).append(line)
    attributes = {}
    attribute_targets = {}
    for line in sections.get("attributes", []):
        name, args = line.split(None, 1)
        values = []
        for arg in args.split(","):
            key, value = arg.strip().split(":", 1)
            if key == "Value":
                values = value.split("|")
            elif key == "Arg":
                attribute_targets[name] = value.split("|")
        attributes[name] = values
    # [relations]: TYPE<whitespace>Role:Type|Type, Role:Type, <REL-TYPE>:symmetric (brat's projectconfig).
    relations = {}
    for line in sections.get("relations", []):
        name, args = line.split(None, 1)
        roles, flags = {}, []
        for arg in args.split(","):
            key, value = arg.strip().split(":", 1)
            if key == "<REL-TYPE>":
                flags = value.split("-")
            else:
                roles[key] = value.split("|")
        relations[name] = {"roles": roles, "flags": flags}
    return {"sections": sorted(sections), "entities": sections.get("entities", []), "attributes": attributes, "attribute_targets": attribute_targets, "relations": relations}


def read_document(txt_path, ann_path, conf):
    with codecs.open(txt_path, "r", encoding="utf8") as txt:
        text = txt.read()
    problems, textbounds, attributes, notes, relations = [], [], [], [], []
    with codecs.open(ann_path, "r", encoding="utf8") as ann:
        for number, line in enumerate(ann, 1):
            line = line.rstrip("\r\n")
            ann_id, id_tail = line.split("\t", 1)
            if "\t" in id_tail:
                data, data_tail = id_tail[: id_tail.index("\t")], id_tail[id_tail.index("\t"):]
            else:
                data, data_tail = id_tail, ""
            if ann_id.startswith("T"):
                ann_type, rest = data.split(" ", 1)
                spans = []
                for span in rest.split(";"):
                    start, end = span.split(" ")
                    spans.append((int(start), int(end)))
                for start, end in spans:
                    if not 0 <= start < end <= len(text):
                        problems.append("%d: span %d..%d outside the text" % (number, start, end))
                spanlen = sum(end - start for start, end in spans) + (len(spans) - 1) * len(DISCONT_SEP)
                written = data_tail[1: spanlen + 1]
                reference = DISCONT_SEP.join(text[start:end] for start, end in spans)
                if not data_tail.startswith("\t") or written != reference:
                    problems.append("%d: text %r does not match %r" % (number, written, reference))
                if ann_type not in conf["entities"]:
                    problems.append("%d: type %s not in annotation.conf" % (number, ann_type))
                textbounds.append({"id": ann_id, "type": ann_type, "spans": spans, "text": written})
            elif ann_id.startswith("A"):
                name, target, value = data.split()
                if value not in conf["attributes"].get(name, []):
                    problems.append("%d: attribute %s=%s not in annotation.conf" % (number, name, value))
                attributes.append({"id": ann_id, "name": name, "target": target, "value": value})
            elif ann_id.startswith("R"):
                # brat's _parse_relation_annotation: "TYPE Arg1:ID Arg2:ID", each argument ROLE:ID.
                rel_type, args = data.split(" ", 1)
                roles = dict(arg.split(":", 1) for arg in args.split(" "))
                if rel_type not in conf["relations"]:
                    problems.append("%d: relation type %s not in annotation.conf" % (number, rel_type))
                relations.append({"id": ann_id, "type": rel_type, "args": roles, "line": number})
            elif ann_id.startswith("#"):
                note_type, target = data.split()
                notes.append({"id": ann_id, "type": note_type, "target": target, "note": data_tail[1:]})
            else:
                problems.append("%d: unexpected annotation %s" % (number, ann_id))
    types = {textbound["id"]: textbound["type"] for textbound in textbounds}
    relation_ids = {relation["id"] for relation in relations}
    for other in attributes + notes:
        if other["target"] not in types and other["target"] not in relation_ids:
            problems.append("%s refers to a missing %s" % (other["id"], other["target"]))
    for attribute in attributes:
        allowed = conf["attribute_targets"].get(attribute["name"], [])
        kind = "<RELATION>" if attribute["target"] in relation_ids else "<ENTITY>"
        if kind not in allowed:
            problems.append("%s: attribute %s is not declared for %s" % (attribute["id"], attribute["name"], kind))
    for relation in relations:
        declared = conf["relations"].get(relation["type"])
        for role, target in relation["args"].items():
            if target not in types:
                problems.append("%s: %s refers to a missing %s" % (relation["id"], role, target))
            elif declared is not None:
                allowed = declared["roles"].get(role)
                if allowed is None or not ("<ENTITY>" in allowed or types[target] in allowed):
                    problems.append("%s: %s %s (%s) is not allowed by annotation.conf" % (relation["id"], role, target, types[target]))
        relation["args"] = [[role, target, types.get(target)] for role, target in sorted(relation["args"].items())]
    return {"textbounds": textbounds, "attributes": attributes, "notes": notes, "relations": relations, "problems": problems}


def main(folder):
    conf = read_conf(os.path.join(folder, "annotation.conf"))
    documents = {}
    for root, _, files in os.walk(folder):
        for name in sorted(files):
            if name.endswith(".ann"):
                ann_path = os.path.join(root, name)
                relative = os.path.relpath(ann_path, folder).replace(os.sep, "/")
                documents[relative[: -len(".ann")] + ".txt"] = read_document(ann_path[: -len(".ann")] + ".txt", ann_path, conf)
    print(json.dumps({"conf": conf, "documents": documents}))


if __name__ == "__main__":
    main(sys.argv[1])
