"""Where the project's data files are: policies, schemas, parameters, catalogue.

cloudpact is installed editable from its checkout (README), so the data lives beside the
package. CLOUDPACT_HOME overrides the root (e.g. a copy with next year's parameters).
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(os.environ.get("CLOUDPACT_HOME") or Path(__file__).resolve().parent.parent)
POLICIES = ROOT / "policies"
SCHEMAS = ROOT / "schemas"
EVIDENCE_SCHEMAS = SCHEMAS / "evidence"
MANIFEST_SCHEMA = SCHEMAS / "bundle" / "manifest.schema.json"
PACKS = ROOT / "packs"  # the built-in contract packs (checker/packs.py)
PARAMS = PACKS / "FW2025082202" / "params.yaml"  # the built-in pack's parameters
PARAMS_SCHEMA = SCHEMAS / "parameters.schema.json"
CATALOGUE = POLICIES / "catalogue.yaml"
CATALOGUE_SCHEMA = SCHEMAS / "catalogue.schema.json"
EXAMPLES = ROOT / "evidence" / "examples"
