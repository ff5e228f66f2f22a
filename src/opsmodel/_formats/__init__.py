"""Readers and writers, one package per format (``json``, ``stix``).

Formats import the model and the core, never each other's internals, validation or the CLI.
"""
