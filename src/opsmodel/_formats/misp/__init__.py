"""MISP events in the MISP core JSON format: the export (``event``) and the import (``reader``)."""
