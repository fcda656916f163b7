"""Translations (gettext .po catalogues, Babel tooling) and locale formatting (Babel).

Catalogues: `checker/i18n/locale/<zh_CN|en>/LC_MESSAGES/cloudpact.po`, read directly with
Babel's `read_po` (no compiled .mo to keep in step). Two kinds of entries:

* interface strings (headers, statuses, units, attestation reasons): the msgid is the
  English text, `{name}` placeholders filled with `str.format`;
* policy messages: the msgid is a message id (`quantity.shortfall`, dotted, no spaces); its
  English msgstr is the message with `{param}` placeholders. A policy violation may carry
  `"id": <message id>, "params": {...}` beside `msg`; the report then renders the
  translation of the id with the params. A violation with only `msg` is matched against
  the English templates (the message id is recovered with its params) and falls back to
  `msg` as written when no template matches.

`python -m checker.i18n check` (and tests/test_i18n.py) fails when an id or string used has
no translation in either language.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import Any

from babel.dates import format_date, format_datetime
from babel.messages.pofile import read_po
from babel.numbers import format_currency, format_decimal

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "cloudpact"
LOCALES = {"en": "en", "zh": "zh_CN"}
MESSAGE_ID = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")
_CLAUSE_TAIL = re.compile(r"\s*\[([0-9A-Z][0-9A-Za-z.]*)\]\s*$")
_FIELD = re.compile(r"\{([a-z_][a-z0-9_]*)\}")


def po_path(locale: str) -> Path:
    return LOCALE_DIR / locale / "LC_MESSAGES" / f"{DOMAIN}.po"


@lru_cache(maxsize=4)
def catalogue(locale: str) -> dict[str, str]:
    """msgid -> msgstr of one locale (entries with an empty msgstr are left out)."""
    with po_path(locale).open("rb") as fh:
        cat = read_po(fh, locale=locale, domain=DOMAIN)
    return {str(m.id): str(m.string) for m in cat if m.id and isinstance(m.id, str) and m.string}


@lru_cache(maxsize=1)
def static_ids() -> dict[str, str]:
    """English text -> message id, for the policy messages without parameters."""
    return {text: msgid for msgid, text in catalogue("en").items()
            if MESSAGE_ID.match(msgid) and "{" not in text}


@lru_cache(maxsize=1)
def templates() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(message id, regex of its English text), most specific first, to recognise a
    policy's free-text `msg` as a message id with params."""
    out = []
    for msgid, text in catalogue("en").items():
        if not MESSAGE_ID.match(msgid) or "{" not in text:
            continue
        parts, pos = [], 0
        seen: set[str] = set()
        for m in _FIELD.finditer(text):
            parts.append(re.escape(text[pos:m.start()]))
            name = m.group(1)
            parts.append(f"(?P={name})" if name in seen else f"(?P<{name}>.+?)")
            seen.add(name)
            pos = m.end()
        parts.append(re.escape(text[pos:]))
        out.append((msgid, re.compile("^" + "".join(parts) + "$", re.S)))
    # a template that opens with literal text before one that opens with a placeholder (whose
    # first field could swallow an outer message: "{n} accounts ..." inside "control X ...,
    # first: {first}"), then the most literal text first
    out.sort(key=lambda x: (catalogue("en")[x[0]].startswith("{"),
                            -len(_FIELD.sub("", catalogue("en")[x[0]]))))
    return tuple(out)


class _Params(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        raise KeyError(key)


class Translator:
    """`tr("Status")`, `tr("{n} more", n=3)`, `tr.message(msg, details)`, `tr.money(x)`."""

    def __init__(self, lang: str = "en") -> None:
        self.lang = lang if lang in LOCALES else "en"
        self.locale = LOCALES[self.lang]
        self._cat = catalogue(self.locale)

    def __call__(self, msgid: str, **kw: Any) -> str:
        text = self._cat.get(msgid, msgid)
        return text.format(**kw) if kw else text

    def has(self, msgid: str) -> bool:
        return msgid in self._cat

    def word(self, value: Any) -> Any:
        """A parameter value translated when it is a known string (a unit, a reason)."""
        if isinstance(value, str) and value in self._cat:
            return self._cat[value]
        if isinstance(value, str):
            return self.message(value)
        return value

    def message(self, msg: str, details: Mapping[str, Any] | None = None) -> str:
        """A policy message in this language: its id + params when given, else the
        English text recognised against the templates, else `msg` unchanged."""
        details = details or {}
        mid, params = details.get("id"), details.get("params")
        if isinstance(mid, str) and mid in self._cat and isinstance(params, Mapping):
            try:
                return self._fill(mid, params)
            except (KeyError, IndexError, ValueError):
                return msg
        if self.lang == "en" or not msg:
            return msg
        if msg in self._cat:
            return self._cat[msg]
        tail = _CLAUSE_TAIL.search(msg)
        body = msg[: tail.start()] if tail else msg
        suffix = f" [{tail.group(1)}]" if tail else ""
        static = static_ids().get(body)
        if static and static in self._cat:
            return self._cat[static] + suffix
        for msgid, pattern in templates():
            m = pattern.match(body)
            if m and msgid in self._cat:
                try:
                    text = self._fill(msgid, m.groupdict())
                except (KeyError, IndexError, ValueError):
                    continue
                return text + suffix
        return msg

    def _fill(self, msgid: str, params: Mapping[str, Any]) -> str:
        return self._cat[msgid].format_map(_Params({k: self.word(v) for k, v in params.items()}))

    # ---- locale formatting (Babel) --------------------------------------------------------
    def number(self, value: Any) -> str:
        """A figure with the locale's separators, decimals kept as given."""
        try:
            d = Decimal(str(value))
        except (InvalidOperation, ValueError):
            return str(value)
        return format_decimal(d, locale=self.locale, decimal_quantization=False)

    def money(self, value: Any) -> str:
        """An amount in CNY with separators and two decimals (CN¥1,512,160.00 / ¥1,512,160.00)."""
        try:
            d = Decimal(str(value))
        except (InvalidOperation, ValueError):
            return str(value)
        return format_currency(d, "CNY", locale=self.locale)

    def amount(self, value: Any) -> str:
        """A CNY figure inside a formula: separators and two decimals, no currency sign."""
        try:
            d = Decimal(str(value))
        except (InvalidOperation, ValueError):
            return str(value)
        return format_decimal(d, format="#,##0.00", locale=self.locale)

    def day(self, value: str) -> str:
        """The date part of YYYY-MM-DD or RFC 3339, as the locale writes a date."""
        return self.date(str(value)[:10])

    def date(self, value: str) -> str:
        """YYYY-MM-DD or RFC 3339 as the locale writes a date (2026年1月31日 / Jan 31, 2026)."""
        try:
            if "T" in value:
                return format_datetime(datetime.fromisoformat(value), "medium", locale=self.locale)
            return format_date(date.fromisoformat(value), "medium", locale=self.locale)
        except (TypeError, ValueError):
            return value


def missing_translations(msgids: set[str]) -> dict[str, list[str]]:
    """locale -> msgids used that it does not translate."""
    return {
        loc: sorted(m for m in msgids if m not in catalogue(loc))
        for loc in LOCALES.values()
        if any(m not in catalogue(loc) for m in msgids)
    }
