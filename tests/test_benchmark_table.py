"""benchmarks/year_scale.py (issue 17): the per-package table shows a package that grows
faster than the data first, with its exponent, so the next regression is visible."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_PATH = Path(__file__).resolve().parent.parent / "benchmarks" / "year_scale.py"


def _year_scale():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("year_scale", _PATH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_package_table_ranks_by_the_last_scale_and_gives_each_exponent() -> None:
    table = _year_scale().package_table(
        (1, {"contract.linear": 0.100, "contract.quadratic": 0.010, "contract.tiny": 0.0}),
        (16, {"contract.linear": 1.600, "contract.quadratic": 2.560, "contract.tiny": 0.001}),
    )
    lines = [line for line in table if "contract." in line]
    assert [line.split()[-1] for line in lines] == ["contract.quadratic", "contract.linear", "contract.tiny"]
    assert "exponent  2.00" in lines[0] and "exponent  1.00" in lines[1]
    assert "exponent     -" in lines[2]  # too small at the first scale to say


def test_package_table_of_one_scale_gives_no_exponent() -> None:
    (header, line) = [x for x in _year_scale().package_table((1, {"contract.a": 0.1}), None) if x.strip()]
    assert "scale 1" in header and line.split()[-1] == "contract.a" and "exponent     -" in line
