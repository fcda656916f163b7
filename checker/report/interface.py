"""The report interface: every format renders the one canonical Report."""

from __future__ import annotations

from abc import ABC, abstractmethod

from checker.model import Report


class Renderer(ABC):
    #: file extension used when several formats go into an output folder
    extension: str

    def __init__(self, *, lang: str = "en", color: bool = False) -> None:
        self.lang = lang
        self.color = color

    @abstractmethod
    def render(self, report: Report) -> str:
        """The whole document as text (written atomically by the caller)."""
