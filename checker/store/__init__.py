"""Where evidence bundles live. One module per store, chosen by the URL."""

from __future__ import annotations

from checker.store.interface import Store, StoreNotFound


def open_store(location: str, *, endpoint_url: str | None = None) -> Store:
    """Open the store for BUNDLE: `s3://bucket/prefix` or a local folder path."""
    if location.startswith("s3://"):
        from checker.store.s3 import S3Store  # imported lazily: boto3 is slow to import

        return S3Store.from_url(location, endpoint_url=endpoint_url)
    from checker.store.local import LocalStore

    return LocalStore(location)


__all__ = ["Store", "StoreNotFound", "open_store"]
