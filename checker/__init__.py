"""cloudpact: checks evidence bundles against contract FW2025082202, clause by clause."""

__version__ = "0.1.0"
