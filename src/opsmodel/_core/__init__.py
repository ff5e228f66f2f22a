"""The ground floor: the error family, field converters and validators, atomic files.

Imports nothing else of opsmodel; every other layer may import it.
"""
