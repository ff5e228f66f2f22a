"""The model: immutable attrs classes for operations, dates, counts, places, languages,
platforms, techniques and breakout ratings, and the parsers of the wordings reports use.

Imports only :mod:`opsmodel._core`; no format, taxonomy or validation code.
"""
