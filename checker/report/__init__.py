"""How a report is written. Unknown format names are refused with the list of known ones."""

from __future__ import annotations

from enum import StrEnum
from typing import Any, assert_never

from checker.report.interface import Renderer


class Format(StrEnum):
    TEXT = "text"
    JSON = "json"
    JUNIT = "junit"
    MARKDOWN = "markdown"
    SARIF = "sarif"
    HTML = "html"
    OSCAL = "oscal"

    def to_renderer(self, *, lang: str = "en", color: bool = False, **options: Any) -> Renderer:
        if self is Format.TEXT:
            from checker.report.text import TextRenderer

            return TextRenderer(lang=lang, color=color, **options)
        if self is Format.JSON:
            from checker.report.json import JsonRenderer

            return JsonRenderer(lang=lang, color=color, **options)
        if self is Format.JUNIT:
            from checker.report.junit import JunitRenderer

            return JunitRenderer(lang=lang, color=color, **options)
        if self is Format.MARKDOWN:
            from checker.report.markdown import MarkdownRenderer

            return MarkdownRenderer(lang=lang, color=color, **options)
        if self is Format.SARIF:
            from checker.report.sarif import SarifRenderer

            return SarifRenderer(lang=lang, color=color, **options)
        if self is Format.HTML:
            from checker.report.html import HtmlRenderer

            return HtmlRenderer(lang=lang, color=color, **options)
        if self is Format.OSCAL:
            from checker.report.oscal import OscalRenderer

            return OscalRenderer(lang=lang, color=color, **options)
        assert_never(self)


__all__ = ["Format", "Renderer"]
