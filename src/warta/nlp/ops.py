"""Matrix products through numpy's BLAS (OpenBLAS) instead of thinc's bundled blis.

On the machines warta was measured on, OpenBLAS's single-thread sgemm is about twice as
fast as blis for the NER's layer shapes (benchmarks/results/ner_speed.json); the results
are the same up to float rounding.  ``use_blas_ops(nlp)`` switches one pipeline's models,
leaving thinc's process-wide default alone.
"""

from __future__ import annotations

import numpy
from spacy.language import Language
from thinc.api import NumpyOps


class BlasOps(NumpyOps):
    """NumpyOps whose ``gemm`` is ``numpy.matmul``, and whose ``gather_add`` (the hash
    embeddings' sum of rows) adds whole columns of rows with numpy where thinc's makes a
    blis call per row and hash (its generic reference kernel here), twice as slow.  The
    rows are added in the same order from zero, so the sums are the same to the bit."""

    name = "numpy"

    def gather_add(self, table, indices):
        out = numpy.zeros((indices.shape[0], table.shape[1]), dtype=table.dtype)
        for column in numpy.ascontiguousarray(indices.T):
            out += table.take(column, axis=0)
        return out

    def gemm(self, x, y, out=None, trans1=False, trans2=False):
        a = x.T if trans1 else x
        b = y.T if trans2 else y
        if out is None:
            return numpy.matmul(a, b)
        numpy.matmul(a, b, out=out)
        return out


def use_blas_ops(nlp: Language) -> Language:
    """Give every model node of ``nlp``'s trainable components :class:`BlasOps`."""
    ops = BlasOps()
    for _, pipe in nlp.pipeline:
        model = getattr(pipe, "model", None)
        if model is not None and hasattr(model, "walk"):
            for node in model.walk():
                node.ops = ops
    return nlp
