"""Reads a CoNLL file with NLTK's ConllCorpusReader and prints, as JSON, each sentence's tokens and
chunks (label, first token, last token + 1), as NLTK sees them.

Usage: conll_nltk.py FOLDER FILE. The file has two columns, "token tag"; NLTK's reader insists on a
part-of-speech column to build chunks, so the tag column is read as the second column and NLTK's own
IOB reader (nltk.chunk.conlltags2tree, which reads IOB1 and IOB2) turns it into chunks. NLTK drops the
-DOCSTART- line, leaving an empty sentence where each document starts.
"""
import json
import sys

from nltk.chunk import conlltags2tree
from nltk.corpus.reader import ConllCorpusReader
from nltk.tree import Tree

folder, file_name = sys.argv[1], sys.argv[2]
reader = ConllCorpusReader(folder, [file_name], columntypes=("words", "pos"), encoding="utf-8")
sentences = []
for tagged in reader.tagged_sents():
    tokens = [word for word, _ in tagged]
    chunks = []
    position = 0
    for node in conlltags2tree([(word, "_", tag) for word, tag in tagged]):
        if isinstance(node, Tree):
            chunks.append([node.label(), position, position + len(node)])
            position += len(node)
        else:
            position += 1
    sentences.append({"tokens": tokens, "chunks": chunks})
json.dump(sentences, sys.stdout, ensure_ascii=False)
