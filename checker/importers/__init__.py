"""Importers: the outputs of the tools providers really run, turned into evidence records.

`cloudpact import TOOL FILE... --into BUNDLE [--hosts HOSTMAP]` calls
`checker.importers.apply.import_files`; one module per tool, chosen by `registry.Tool`.
"""

from checker.importers.interface import Importer, ImporterError, ImportResult, Unit
from checker.importers.registry import Tool

__all__ = ["ImportResult", "Importer", "ImporterError", "Tool", "Unit"]
