"""Ed25519 (RFC 8032) through `cryptography`. Deterministic: the same key and message
always give the same signature, so signed examples regenerate byte for byte.
Public keys are written as base64 of the 32 raw bytes."""

from __future__ import annotations

import base64
import binascii
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from checker.trust.interface import Algorithm, TrustError


class Ed25519(Algorithm):
    name = "ed25519"

    def generate(self) -> tuple[bytes, str]:
        key = Ed25519PrivateKey.generate()
        pem = key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        return pem, self.public_text(key)

    def load_private(self, pem: bytes) -> Any:
        try:
            key = serialization.load_pem_private_key(pem, password=None)
        except (ValueError, TypeError) as exc:
            raise TrustError(f"not an unencrypted PEM private key ({exc})") from None
        if not isinstance(key, Ed25519PrivateKey):
            raise TrustError("the private key is not an Ed25519 key")
        return key

    def public_text(self, private: Any) -> str:
        raw = private.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
        return base64.b64encode(raw).decode()

    def sign(self, private: Any, message: bytes) -> bytes:
        return bytes(private.sign(message))

    def verify(self, public: str, message: bytes, signature: bytes) -> bool:
        try:
            raw = base64.b64decode(public, validate=True)
            Ed25519PublicKey.from_public_bytes(raw).verify(signature, message)
        except (InvalidSignature, ValueError, binascii.Error):
            return False
        return True
