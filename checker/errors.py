"""One error base for everything a user can cause; the CLI catches it once.

Every error carries a one-line reason and a hint saying what to do next
(sigstore-python's ``Error.diagnostics()`` habit).
"""

from __future__ import annotations


class CloudpactError(Exception):
    """The checker could not run. Exit code 2; no traceback is shown."""

    hint: str = ""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        if hint is not None:
            self.hint = hint

    def diagnostics(self) -> str:
        text = str(self)
        if self.hint:
            text += f" ({self.hint})"
        return text


class BundleError(CloudpactError):
    """The bundle itself cannot be used: manifest missing or malformed, a path escapes it,
    an unknown evidence kind."""

    hint = "fix the bundle's manifest.json, then run `cloudpact validate BUNDLE`"


class StoreError(CloudpactError):
    """Where the evidence lives could not be read or written."""


class EngineError(CloudpactError):
    """The Rego engine could not load or evaluate the policies."""

    hint = "run the policy tests with `pytest tests/test_policies.py` to see the failing policy"


class ConfigError(CloudpactError):
    """Contract parameters, catalogue or another configuration file is wrong."""
