"""The matcher's TF-IDF features, computed without sklearn's per-call input validation."""

from __future__ import annotations

import itertools
import math
from typing import TYPE_CHECKING

from simulator.lazy_import import lazy

if TYPE_CHECKING:
    from sklearn.feature_extraction.text import TfidfVectorizer

np = lazy("numpy")  # imported on first use (simulator/lazy_import.py)
sp = lazy("scipy.sparse")


class Features:
    """A fitted TfidfVectorizer's transform, without sklearn's per-call input validation.

    sklearn checks its input on every call (a third of a step's understanding time); the arithmetic
    here is the vectorizer's own: its analyzer, raw counts, 1 + log(tf), times idf, L2 per row.
    A test checks the two agree on every example phrase and held-out utterance.
    """

    def __init__(self, vectorizer: TfidfVectorizer):
        self.analyze = vectorizer.build_analyzer()
        self.vocabulary = vectorizer.vocabulary_
        self.idf = np.asarray(vectorizer.idf_, dtype=np.float64)

    def transform(self, docs: list[str]) -> sp.csr_matrix:
        indptr, indices, counts = [0], [], []
        for doc in docs:
            row: dict[int, int] = {}
            for feature in self.analyze(doc):
                column = self.vocabulary.get(feature)
                if column is not None:
                    row[column] = row.get(column, 0) + 1
            columns = sorted(row)
            indices += columns
            counts += [row[c] for c in columns]
            indptr.append(len(indices))
        columns = np.asarray(indices, dtype=np.int32)
        data = np.log(np.asarray(counts, dtype=np.float64)) + 1.0
        data *= self.idf[columns]
        for start, end in itertools.pairwise(
            indptr
        ):  # summed in order, as sklearn's L2 normalize does
            norm = math.sqrt(sum(v * v for v in data[start:end].tolist()))
            if norm > 0:
                data[start:end] /= norm
        return sp.csr_matrix(
            (data, columns, np.asarray(indptr, dtype=np.int32)), shape=(len(docs), len(self.idf))
        )
