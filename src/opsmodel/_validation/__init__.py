"""Validation: the engine, the rules and the checks of raw documents.

Imports the model, the formats (to read raw documents) and the taxonomy (to check techniques).
"""
