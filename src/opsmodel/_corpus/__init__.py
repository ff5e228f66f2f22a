"""Many reports as one body of evidence: the corpus, its clusters, queries and tables.

A layer above the formats and validation (it reads files through the format registry only)
and below the public modules; :mod:`opsmodel.corpus` re-exports it.
"""
