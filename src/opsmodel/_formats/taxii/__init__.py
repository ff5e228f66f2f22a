"""TAXII 2.1 publishing and reading, on taxii2-client (the ``opsmodel-io[taxii]`` extra)."""
