"""Framework catalogues (DISARM, Meta's kill chain): the catalogue, its loaders, release
crosswalks, Navigator layers and downloads of the published files.

Imports the model and the core; the model knows nothing of catalogues.
"""
