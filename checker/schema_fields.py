"""Static check: every `input.evidence` field a policy reads is defined by that kind's schema.

A policy that reads a field its kind's schema does not define never sees a value: the rule
silently stays undefined, so a fine never fires or a check never bites (issue 12: 12.6 read
fields the payments schema lacked). This module follows the evidence through the policies'
syntax trees (regorus `Engine.get_ast_as_json()`), without running them:

- `input.evidence.<kind>` (also reached as `object.get(input.evidence, kind, ...)` through
  `lib.files(kind)` and `evidence.records(kind, field)`) is the kind's list of files, a file
  is `{path, data}`, and `data` is the root of the kind's schema;
- a field read (`x.f`, `x["f"]`, `object.get(x, "f", d)`) on a value known to be at a schema
  path must be a property of that path (through `$ref`, `allOf`/`oneOf`/`anyOf`, `items`,
  `additionalProperties` / `patternProperties` given as schemas); iterating (`some v in x`,
  `x[i]`) steps into the items;
- values flow through variables, object and collection literals, comprehensions, rules of
  any package and user functions (analysed per call with the arguments' values, so the
  string constants given to `lib.files` or `evidence.records` name the kind and field).

What it cannot follow (a value computed by a builtin other than the few that pass values
through) is not checked: the check has no false alarms by design, not full coverage.
It runs when a check loads the policies (a finding refuses the policy set, exit 2) and as a
test over every policy (tests/test_schema_fields.py). Findings already known and owned by
another change are listed in policies/known_schema_gaps.yaml, each with the issue it cites.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import regorus
import yaml

from checker import paths
from checker.errors import ConfigError
from checker.policies import PolicyFile

KNOWN_GAPS = paths.POLICIES / "known_schema_gaps.yaml"

Abs = tuple[Any, ...]  # an abstract value (see the module docstring)
Vals = frozenset[Abs]
EMPTY: Vals = frozenset()
INPUT: Abs = ("input",)
EVIDENCE: Abs = ("ev",)
ITEMS = "[]"

# builtins whose result holds (some of) the values of their arguments
_PASS_ALL = {"array.concat", "union", "object.union", "object.union_n"}
_PASS_FIRST = {"sort", "array.slice", "array.reverse", "object.remove", "object.filter", "json.remove", "json.filter"}


@dataclass(frozen=True, order=True)
class Finding:
    file: str  # policy file, relative to the policies folder
    kind: str
    field: str  # dotted path in the kind's data, "[]" for array items

    def __str__(self) -> str:
        return f"{self.file} reads {self.kind}.{self.field}, which the {self.kind} schema does not define"


# ---- schemas ---------------------------------------------------------------------------
@cache
def _schema_doc(name: str) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads((paths.EVIDENCE_SCHEMAS / name).read_text(encoding="utf-8"))
    return doc


def _kinds() -> set[str]:
    return {p.name.removesuffix(".schema.json") for p in paths.EVIDENCE_SCHEMAS.glob("*.schema.json")} - {"common"}


def _resolve(node: Any, doc: str, depth: int = 0) -> Iterator[tuple[dict[str, Any], str]]:
    """The concrete subschemas a node stands for ($ref and combinators followed)."""
    if not isinstance(node, dict) or depth > 20:
        return
    yield node, doc
    ref = node.get("$ref")
    if isinstance(ref, str):
        target_doc, _, pointer = ref.partition("#")
        target_doc = target_doc.rsplit("/", 1)[-1] or doc
        target: Any = _schema_doc(target_doc)
        for part in [p for p in pointer.split("/") if p]:
            target = target.get(part.replace("~1", "/").replace("~0", "~"), {}) if isinstance(target, dict) else {}
        yield from _resolve(target, target_doc, depth + 1)
    for key in ("allOf", "oneOf", "anyOf"):
        for sub in node.get(key, []) or []:
            yield from _resolve(sub, doc, depth + 1)


def _step(nodes: list[tuple[dict[str, Any], str]], segment: str) -> list[tuple[dict[str, Any], str]]:
    out: list[tuple[dict[str, Any], str]] = []
    for node, doc in nodes:
        children: list[Any] = []
        if segment == ITEMS:
            items = node.get("items")
            if isinstance(items, dict):
                children.append(items)
            children.extend(node.get("prefixItems", []) or [])
            children.extend((node.get("patternProperties") or {}).values())
            if isinstance(node.get("additionalProperties"), dict):
                children.append(node["additionalProperties"])
        else:
            props = node.get("properties") or {}
            if segment in props:
                children.append(props[segment])
            for pattern, sub in (node.get("patternProperties") or {}).items():
                if re.search(pattern, segment):
                    children.append(sub)
            if isinstance(node.get("additionalProperties"), dict):
                children.append(node["additionalProperties"])
        for child in children:
            out.extend(_resolve(child, doc))
    return out


@cache
def _defined(kind: str, path: tuple[str, ...]) -> bool:
    nodes = list(_resolve(_schema_doc(f"{kind}.schema.json"), f"{kind}.schema.json"))
    for segment in path:
        nodes = _step(nodes, segment)
        if not nodes:
            return False
    return True


def _dotted(path: tuple[str, ...]) -> str:
    return ".".join(path).replace(".[]", "[]")


# ---- policies --------------------------------------------------------------------------
@dataclass
class _Rule:
    file: str
    package: str  # "contract.lib"
    name: str
    spec: dict[str, Any]
    source: str


def _segments(node: Any) -> list[Any] | None:
    """A plain reference (Var, RefDot, RefBrack with a string index) as its segments."""
    if not isinstance(node, dict) or len(node) != 1:
        return None
    (tag, body), = node.items()
    if tag == "Var":
        return [body["value"]]
    if tag == "RefDot":
        base = _segments(body["refr"])
        return None if base is None else [*base, body["field"][1]]
    if tag == "RefBrack":
        base = _segments(body["refr"])
        index = body["index"]
        if base is not None and isinstance(index, dict) and "String" in index:
            return [*base, index["String"]["value"]]
    return None


def _span_text(source: str, span: Any) -> str:
    return source.encode("utf-8")[span["start"] : span["end"]].decode("utf-8")


class _Analysis:
    def __init__(self, files: Iterable[PolicyFile]) -> None:
        self.rules: dict[str, list[_Rule]] = {}  # "contract.lib.files" -> definitions
        self.packages: set[str] = set()
        self.imports: dict[str, dict[str, list[str]]] = {}  # package -> alias -> data path
        self.file_rules: dict[str, list[_Rule]] = {}
        self.kinds = _kinds()
        for f in files:
            self._index(f)
        self.findings: set[Finding] = set()
        self.reads: set[Finding] = set()  # the defined fields read, for tests
        self.current = ""
        self._memo: dict[Any, Vals] = {}

    def _index(self, f: PolicyFile) -> None:
        engine = regorus.Engine()
        engine.add_policy(f.path, f.source)
        module = json.loads(engine.get_ast_as_json())[0]["ast"]
        package = ".".join(str(s) for s in (_segments(module["package"]["refr"]) or []))
        self.packages.add(package)
        aliases = self.imports.setdefault(package, {})
        for imp in module.get("imports", []):
            path = [str(s) for s in (_segments(imp["refr"]) or [])]
            alias = _span_text(f.source, imp["as"]) if imp.get("as") else path[-1]
            aliases[alias] = path
        for rule in module.get("rules", []):
            spec = rule.get("Spec")
            if spec is None:
                continue
            head = next(iter(spec["head"].values()))
            name_segments = _segments(head["refr"]) or []
            if isinstance(head["refr"], dict) and "RefBrack" in head["refr"]:
                name_segments = _segments(head["refr"]["RefBrack"]["refr"]) or []
            if not name_segments:
                continue
            r = _Rule(f.path, package, str(name_segments[0]), spec, f.source)
            self.rules.setdefault(f"{package}.{r.name}", []).append(r)
            self.file_rules.setdefault(f.path, []).append(r)

    # -- driving --
    def run(self) -> set[Finding]:
        for file, rules in self.file_rules.items():
            self.current = file
            self._memo = {}
            for r in rules:
                if "Func" not in r.spec["head"]:
                    self._rule_value(f"{r.package}.{r.name}")
        return self.findings

    # -- values --
    def _read(self, vals: Vals, name: str) -> Vals:
        out: set[Abs] = set()
        for v in vals:
            tag = v[0]
            if tag == "input" and name == "evidence":
                out.add(EVIDENCE)
            elif tag == "ev":
                if name in self.kinds:
                    out.add(("files", name))
                else:
                    self.findings.add(Finding(self.current, name, "(no schema of this kind)"))
            elif tag == "files":
                out.add(("file", v[1]))
            elif tag == "file" and name == "data":
                out.add(("data", v[1], ()))
            elif tag == "data":
                path = (*v[2], name)
                if _defined(v[1], path):
                    out.add(("data", v[1], path))
                    self.reads.add(Finding(self.current, v[1], _dotted(path)))
                else:
                    self.findings.add(Finding(self.current, v[1], _dotted(path)))
            elif tag == "obj":
                out.update(dict(v[1]).get(name, EMPTY))
            elif tag == "coll":
                out.update(v[1])
        return frozenset(out)

    def _iterate(self, vals: Vals) -> Vals:
        out: set[Abs] = set()
        for v in vals:
            tag = v[0]
            if tag == "files":
                out.add(("file", v[1]))
            elif tag == "data":
                path = (*v[2], ITEMS)
                if _defined(v[1], path):
                    out.add(("data", v[1], path))
            elif tag == "obj":
                for _, vs in v[1]:
                    out.update(vs)
            elif tag == "coll":
                out.update(v[1])
        return frozenset(out)

    def _index_vals(self, vals: Vals, index: Vals) -> Vals:
        names = {i[1] for i in index if i[0] == "str"}
        out: set[Abs] = set()
        for name in names:
            out |= self._read(frozenset(v for v in vals if v[0] != "coll" and v[0] != "files"), name)
        if not names:
            out |= self._iterate(vals)
        else:
            out |= self._iterate(frozenset(v for v in vals if v[0] in ("coll", "files")))
        return frozenset(out)

    # -- references --
    def _lookup(self, segments: list[Any], env: dict[str, Vals], package: str) -> Vals | None:
        base = str(segments[0])
        rest = segments[1:]
        if base in env:
            vals = env[base]
        elif base == "input":
            vals = frozenset({INPUT})
        else:
            full = self._data_path(base, package)
            if full is None:
                return None
            full = full + [str(s) for s in rest]
            for cut in range(len(full), 1, -1):
                name = ".".join(full[1:cut])
                if name in self.rules:
                    vals = self._rule_value(name)
                    rest = full[cut:]
                    break
            else:
                return EMPTY
        for s in rest:
            vals = self._read(vals, str(s))
        return vals

    def _data_path(self, base: str, package: str) -> list[str] | None:
        if base == "data":
            return ["data"]
        aliases = self.imports.get(package, {})
        if base in aliases:
            return list(aliases[base])
        if f"{package}.{base}" in self.rules:
            return ["data", *package.split("."), base]
        return None

    def _rule_value(self, name: str) -> Vals:
        key = ("rule", name)
        if key in self._memo:
            return self._memo[key]
        self._memo[key] = EMPTY  # recursion guard
        out: set[Abs] = set()
        for r in self.rules.get(name, []):
            kind, head = next(iter(r.spec["head"].items()))
            if kind == "Func":
                continue
            members = self._definition(r, head, {})
            if kind == "Compr" and "RefBrack" not in head["refr"]:
                out |= members
            elif kind == "Set" and "RefBrack" in head["refr"]:  # a[k] contains v: sets by key
                out.add(("coll", frozenset({("coll", members)})))
            else:  # a partial set or object: its members
                out.add(("coll", members))
        result = frozenset(out)
        self._memo[key] = result
        return result

    def _definition(self, r: _Rule, head: dict[str, Any], env: dict[str, Vals]) -> Vals:
        """The values of one definition's head (its key for `contains`)."""
        out: set[Abs] = set()
        bodies = r.spec.get("bodies") or [{"assign": None, "query": {"stmts": []}}]
        for body in bodies:
            scope = dict(env)
            self._query(body["query"], scope, r)
            assign = body.get("assign") or head.get("assign")
            if assign is not None:
                out |= self._expr(assign["value"], scope, r)
            elif head.get("key") is not None:
                out |= self._expr(head["key"], scope, r)
            if "RefBrack" in head.get("refr", {}):
                self._expr(head["refr"]["RefBrack"]["index"], scope, r)
        return frozenset(out)

    def _call_function(self, name: str, args: list[Vals]) -> Vals:
        key = ("fn", name, tuple(args))
        if key in self._memo:
            return self._memo[key]
        self._memo[key] = EMPTY
        out: set[Abs] = set()
        for r in self.rules.get(name, []):
            head = r.spec["head"].get("Func")
            if head is None:
                continue
            env: dict[str, Vals] = {}
            for pattern, vals in zip(head["args"], args, strict=False):
                if isinstance(pattern, dict) and "Var" in pattern:
                    env[pattern["Var"]["value"]] = vals
            out |= self._definition(r, head, env)
        result = frozenset(out)
        self._memo[key] = result
        return result

    # -- queries and expressions --
    def _query(self, query: dict[str, Any], env: dict[str, Vals], r: _Rule) -> None:
        for stmt in query.get("stmts", []):
            literal = stmt.get("literal", {})
            for tag, body in literal.items():
                if tag == "SomeIn":
                    coll = self._iterate(self._expr(body["collection"], env, r))
                    self._bind(body["value"], coll, env, r)
                    if body.get("key") is not None:
                        self._bind(body["key"], EMPTY, env, r)
                elif tag in ("Expr", "NotExpr"):
                    self._expr(body["expr"], env, r)
                elif tag == "Every":
                    scope = dict(env)
                    name = _span_text(r.source, body["value"]) if body.get("value") else None
                    domain = self._iterate(self._expr(body["domain"], env, r))
                    if name:
                        scope[name] = domain
                    self._query(body["query"], scope, r)
                else:
                    self._walk(body, env, r)
            for mod in stmt.get("with_mods", []) or []:
                self._walk(mod, env, r)

    def _bind(self, pattern: Any, vals: Vals, env: dict[str, Vals], r: _Rule) -> None:
        if isinstance(pattern, dict) and "Var" in pattern:
            name = pattern["Var"]["value"]
            if name != "_":
                env[name] = env.get(name, EMPTY) | vals if name in env else vals
        elif isinstance(pattern, dict) and "Array" in pattern:
            for item in pattern["Array"]["items"]:
                self._bind(item, self._iterate(vals), env, r)
        elif isinstance(pattern, dict) and "Object" in pattern:
            for *_, key, value in pattern["Object"]["fields"]:
                names = self._expr(key, env, r)
                for n in names:
                    if n[0] == "str":
                        self._bind(value, self._read(vals, n[1]), env, r)

    def _expr(self, node: Any, env: dict[str, Vals], r: _Rule) -> Vals:
        if not isinstance(node, dict) or len(node) != 1:
            return EMPTY
        (tag, body), = node.items()
        if tag in ("Var", "RefDot", "RefBrack"):
            segments = _segments(node)
            if segments is not None:
                found = self._lookup(segments, env, r.package)
                if found is not None:
                    return found
                return EMPTY
            if tag == "RefDot":
                return self._read(self._expr(body["refr"], env, r), body["field"][1])
            if tag == "RefBrack":
                base = self._expr(body["refr"], env, r)
                index = self._expr(body["index"], env, r)
                return self._index_vals(base, index)
            return EMPTY
        if tag in ("String", "RawString"):
            return frozenset({("str", body["value"])})
        if tag in ("Number", "Null", "Bool"):
            return EMPTY
        if tag == "Object":
            fields: list[tuple[str, Vals]] = []
            for *_, key, value in body["fields"]:
                keys = self._expr(key, env, r)
                vals = self._expr(value, env, r)
                fields.extend((k[1], vals) for k in keys if k[0] == "str")
            return frozenset({("obj", tuple(sorted(fields, key=lambda kv: kv[0])))})
        if tag in ("Array", "Set"):
            items: set[Abs] = set()
            for item in body["items"]:
                items |= self._expr(item, env, r)
            return frozenset({("coll", frozenset(items))})
        if tag in ("ArrayCompr", "SetCompr"):
            scope = dict(env)
            self._query(body["query"], scope, r)
            return frozenset({("coll", self._expr(body["term"], scope, r))})
        if tag == "ObjectCompr":
            scope = dict(env)
            self._query(body["query"], scope, r)
            self._expr(body["key"], scope, r)
            return frozenset({("coll", self._expr(body["value"], scope, r))})
        if tag == "AssignExpr":
            rhs = self._expr(body["rhs"], env, r)
            lhs = body["lhs"]
            if body["op"] == "Eq" and isinstance(body["rhs"], dict) and "Var" in body["rhs"] and body["rhs"]["Var"]["value"] not in env:
                self._bind(body["rhs"], self._expr(lhs, env, r), env, r)
            elif isinstance(lhs, dict) and ("Var" in lhs or "Array" in lhs or "Object" in lhs):
                self._bind(lhs, rhs, env, r)
            else:
                self._expr(lhs, env, r)
            return EMPTY
        if tag == "BinExpr":
            return self._expr(body["lhs"], env, r) | self._expr(body["rhs"], env, r)
        if tag == "Membership":
            for part in ("key", "value", "collection"):
                if body.get(part) is not None:
                    self._expr(body[part], env, r)
            return EMPTY
        if tag == "Call":
            return self._call(body, env, r)
        self._walk(body, env, r)
        return EMPTY

    def _call(self, body: dict[str, Any], env: dict[str, Vals], r: _Rule) -> Vals:
        args = [self._expr(p, env, r) for p in body.get("params", [])]
        segments = _segments(body["fcn"]) or []
        name = ".".join(str(s) for s in segments)
        if segments:
            full = self._data_path(str(segments[0]), r.package)
            if full is not None:
                target = ".".join([*full[1:], *[str(s) for s in segments[1:]]])
                if target in self.rules:
                    return self._call_function(target, args)
        if name == "object.get" and len(args) == 3:
            out: set[Abs] = set(args[2])
            for key in args[1]:
                if key[0] == "str":
                    out |= self._read(args[0], key[1])
            return frozenset(out)
        if name in _PASS_ALL:
            return frozenset().union(*args) if args else EMPTY
        if name in _PASS_FIRST and args:
            return args[0]
        return EMPTY

    def _walk(self, node: Any, env: dict[str, Vals], r: _Rule) -> None:
        """Evaluate every expression under a node of an unknown shape (for its reads)."""
        if isinstance(node, dict):
            if len(node) == 1 and next(iter(node))[0].isupper():
                self._expr(node, env, r)
                return
            for value in node.values():
                self._walk(value, env, r)
        elif isinstance(node, list):
            for value in node:
                self._walk(value, env, r)


def findings(files: Iterable[PolicyFile]) -> list[Finding]:
    """Every evidence field a policy reads that its kind's schema does not define."""
    return sorted(_Analysis([f for f in files if not f.path.endswith("_test.rego")]).run())


def reads(files: Iterable[PolicyFile]) -> list[Finding]:
    """Every defined evidence field the analysis saw a policy read (what it covers)."""
    analysis = _Analysis([f for f in files if not f.path.endswith("_test.rego")])
    analysis.run()
    return sorted(analysis.reads)


def known_gaps(path: Path = KNOWN_GAPS) -> dict[Finding, str]:
    """Findings listed as known (each with the issue that owns it)."""
    if not path.is_file():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    out: dict[Finding, str] = {}
    for entry in data.get("known", []) or []:
        out[Finding(entry["file"], entry["kind"], entry["field"])] = str(entry.get("issue", ""))
    return out


def check(files: Iterable[PolicyFile]) -> None:
    """Refuse a policy set that reads an evidence field no schema of its kind defines.

    A policy set found clean is remembered by the digest of the policies, the evidence
    schemas and the known-gaps list (a marker file in the user's cache folder), so a check
    pays the analysis (about 0.2 s) only when one of them changed."""
    files = list(files)
    marker = _clean_marker(files)
    if marker is not None and marker.is_file():
        return
    known = known_gaps()
    new = [f for f in findings(files) if f not in known]
    if new:
        listed = "; ".join(str(f) for f in new[:5]) + (f" (and {len(new) - 5} more)" if len(new) > 5 else "")
        raise ConfigError(
            f"policy reads evidence fields no schema defines: {listed}",
            hint="define the field in schemas/evidence/<kind>.schema.json or fix the policy",
        )
    if marker is not None:
        try:
            marker.parent.mkdir(parents=True, exist_ok=True)
            marker.write_text("clean\n", encoding="utf-8")
        except OSError:  # a read-only home: the check simply runs every time
            pass


def _clean_marker(files: list[PolicyFile]) -> Path | None:
    base = os.environ.get("XDG_CACHE_HOME") or (str(Path.home() / ".cache") if Path.home() != Path("/") else "")
    if not base:
        return None
    h = hashlib.sha256(b"schema-fields 1\0")
    for f in sorted(files, key=lambda f: f.path):
        h.update(f.path.encode() + b"\0" + hashlib.sha256(f.source.encode()).digest())
    for path in sorted(paths.EVIDENCE_SCHEMAS.glob("*.schema.json")) + [KNOWN_GAPS]:
        h.update(path.name.encode() + b"\0" + (hashlib.sha256(path.read_bytes()).digest() if path.is_file() else b""))
    return Path(base) / "cloudpact" / f"schema-fields-{h.hexdigest()[:32]}.clean"
