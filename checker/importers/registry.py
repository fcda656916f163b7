"""Which importer reads which tool: one enum member per `cloudpact import TOOL`."""

from __future__ import annotations

from enum import StrEnum
from typing import assert_never

from checker.importers.clamav import ClamavImporter
from checker.importers.gvm import GvmImporter
from checker.importers.interface import Importer, ImporterError
from checker.importers.lynis import LynisImporter
from checker.importers.nessus import NessusImporter
from checker.importers.openscap import OpenscapImporter
from checker.importers.prometheus import PrometheusImporter
from checker.importers.trivy import TrivyImporter


class Tool(StrEnum):
    NESSUS = "nessus"
    GVM = "gvm"
    TRIVY = "trivy"
    OPENSCAP = "openscap"
    LYNIS = "lynis"
    CLAMAV = "clamav"
    PROMETHEUS = "prometheus"

    @classmethod
    def parse(cls, name: str) -> Tool:
        """The tool named on the command line; never a silent default."""
        try:
            return cls(name.strip().lower())
        except ValueError:
            raise ImporterError(
                name, "unknown tool", hint="known tools: " + ", ".join(t.value for t in cls)
            ) from None

    def importer(self) -> Importer:
        match self:
            case Tool.NESSUS:
                return NessusImporter()
            case Tool.GVM:
                return GvmImporter()
            case Tool.TRIVY:
                return TrivyImporter()
            case Tool.OPENSCAP:
                return OpenscapImporter()
            case Tool.LYNIS:
                return LynisImporter()
            case Tool.CLAMAV:
                return ClamavImporter()
            case Tool.PROMETHEUS:
                return PrometheusImporter()
            case _:
                assert_never(self)
