"""The signature interface: one algorithm per module, chosen by name.

An algorithm turns a private key (PEM, PKCS#8) and a message into a signature, and a
public key (text, as written in the trust file) plus message and signature into yes/no.
Ed25519 (`cryptography`) is the one implemented (ed25519.py); SM2 with SM3 (the Chinese
government standard, GB/T 32918) would be a second module with the same four functions.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

from checker.errors import CloudpactError


class TrustError(CloudpactError):
    """A key, a signature file or the trust file cannot be used (exit 2)."""

    hint = "see README.md, 'Trust model'"


class Algorithm(ABC):
    name: str

    @abstractmethod
    def generate(self) -> tuple[bytes, str]:
        """A new key pair: (private key PEM, public key text for the trust file)."""

    @abstractmethod
    def load_private(self, pem: bytes) -> Any:
        """The private key object of a PEM file; TrustError when it is not this algorithm."""

    @abstractmethod
    def public_text(self, private: Any) -> str:
        """The public key text of a loaded private key."""

    @abstractmethod
    def sign(self, private: Any, message: bytes) -> bytes: ...

    @abstractmethod
    def verify(self, public: str, message: bytes, signature: bytes) -> bool:
        """True only when the signature is valid; never raises for a bad signature."""


def algorithms() -> dict[str, Algorithm]:
    from checker.trust.ed25519 import Ed25519

    return {a.name: a for a in (Ed25519(),)}


def algorithm(name: str) -> Algorithm:
    found = algorithms().get(name)
    if found is None:
        raise TrustError(f"unknown signature algorithm {name!r}",
                         hint="supported: " + ", ".join(sorted(algorithms())))
    return found
