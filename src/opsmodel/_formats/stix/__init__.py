"""STIX 2.1: ids and markings, the extension codec, export, import, bundles and the extension schema."""
