"""The report interface: every format renders the one canonical Report."""

from __future__ import annotations

from abc import ABC, abstractmethod

from checker.i18n import Translator
from checker.model import Report


class Renderer(ABC):
    #: file extension used when several formats go into an output folder
    extension: str

    def __init__(self, *, lang: str = "en", color: bool = False, width: int | None = None,
                 only_failing: bool = False, quiet: bool = False, passes: bool = False) -> None:
        self.lang = lang
        self.color = color
        self.width = width  # text: the terminal's columns (None: 100)
        self.only_failing = only_failing  # text, markdown: leave passing clauses out
        self.quiet = quiet  # text: the summary line only
        self.passes = passes  # sarif: passing clauses as results of kind "pass"
        self.tr = Translator(lang)

    @abstractmethod
    def render(self, report: Report) -> str:
        """The whole document as text (written atomically by the caller)."""
