"""Where the data files are: the built-in contract pack (policies, catalogue, evidence
schemas, parameters) and, in a checkout, the example bundles.

The built-in pack FW2025082202 is package data under checker/contracts/ (a plain
`pip install` carries it; found through importlib.resources, so no checkout is needed).
Other contracts are packs of their own, found by checker/packs.py. CLOUDPACT_HOME names
another folder laid out like the built-in pack (pack.yaml, params.yaml, policies/,
schemas/), e.g. a modified copy under test.
"""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path

PACKAGE = Path(str(files("checker")))
CONTRACTS = PACKAGE / "contracts"  # the built-in contract packs (checker/packs.py)
BUILTIN = Path(os.environ.get("CLOUDPACT_HOME") or CONTRACTS / "FW2025082202")
POLICIES = BUILTIN / "policies"
SCHEMAS = BUILTIN / "schemas"
EVIDENCE_SCHEMAS = SCHEMAS / "evidence"
MANIFEST_SCHEMA = SCHEMAS / "bundle" / "manifest.schema.json"
PARAMS = BUILTIN / "params.yaml"  # the built-in pack's parameters
PARAMS_SCHEMA = SCHEMAS / "parameters.schema.json"
CATALOGUE = POLICIES / "catalogue.yaml"
CATALOGUE_SCHEMA = SCHEMAS / "catalogue.schema.json"
# the checkout (tests, examples, docs); in an installed wheel these do not exist
ROOT = PACKAGE.parent
EXAMPLES = ROOT / "evidence" / "examples"
