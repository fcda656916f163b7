#!/usr/bin/env bash
# Rewrite evidence/examples/ from the generator (after changing a generator or schema).
set -euo pipefail
cd "$(dirname "$0")/.."
CLOUDPACT=${CLOUDPACT:-cloudpact}
rm -rf evidence/examples/compliant evidence/examples/breaches
"$CLOUDPACT" generate evidence/examples/compliant --seed 2025
"$CLOUDPACT" generate evidence/examples/breaches --seed 2025 --breaches
