"""The fuzz driver runs as a program (nox -s fuzz), not as tests."""

collect_ignore = ["driver.py"]
