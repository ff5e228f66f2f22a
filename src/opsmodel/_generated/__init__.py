"""Vocabularies generated from data files kept in the repository (``nox -s vocabularies``); do not edit."""
