"""Spreadsheet intake (台账): templates for register-like evidence kinds and their import
(issue 18). The columns come from the kind's own JSON Schema, so a new field or kind needs
no code here.

A *register-like* kind is one whose schema holds at least one array of records (tickets,
shifts, payments, outages, drills...). Its workbook has one sheet per such array (named like
the array) and a `meta` sheet for the kind's top-level scalar fields (`as_of`...). Row 1 of
a sheet is the header: each cell holds the field name (`reported_at`, what the importer
reads), then its words in Chinese and English, its type and unit. Records start on row 2.

Cells are read the way people type them in Excel:
- datetimes: an Excel datetime or date cell, an Excel serial number, or text such as
  `2026/3/5 9:07`, `2026-03-05 09:07:05` or RFC 3339; a time without a zone is Asia/Shanghai
  (the contract's zone, stated in the template), a zone written in the cell wins;
- dates: a date cell, a serial number, `2026/3/5` or `2026-03-05`;
- booleans: Excel TRUE/FALSE (or the text true/false, 是/否);
- lists (of ids): one cell, items separated by `;` or `,`;
- anything nested (a record inside a record): one cell of JSON.
Every bad cell is reported as `sheet!C17: ...` and nothing is written until the whole
workbook is clean; the built document must then pass the kind's schema, whose errors are
mapped back to their cells.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from checker import paths, schemas
from checker.errors import CloudpactError, ConfigError
from checker.importers.timeutil import SHANGHAI, rfc3339

_EXCEL_EPOCH = datetime(1899, 12, 30)
_TEXT_DT = re.compile(
    r"^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?"
    r"\s*(Z|[+-]\d{2}:?\d{2})?$"
)
META = "meta"
#: kinds made by tools (importers) or too large for a cell, not offered as sheets
NOT_SHEETS = {"availability_samples", "vuln_scan", "hardening", "attestations"}

# words of field names -> Chinese, to name each column in both languages
_ZH = {
    "id": "编号", "ticket": "工单", "system": "系统", "host": "主机", "hosts": "主机",
    "ids": "编号", "priority": "优先级", "summary": "摘要", "cause": "原因", "reported": "报告",
    "at": "时间", "by": "由", "role": "角色", "responded": "响应", "handling": "处理",
    "started": "开始", "located": "定位", "resolved": "解决", "onsite": "现场",
    "required": "需要", "requested": "请求", "arrived": "到达", "progress": "进展",
    "updates": "更新", "closing": "结束", "report": "报告", "reports": "报告", "doc": "文档",
    "delivered": "交付", "title": "标题", "month": "月份", "as": "截至", "of": "", "staff": "人员",
    "shift": "班次", "shifts": "班次", "start": "开始", "end": "结束", "name": "名称",
    "payment": "付款", "payments": "付款", "invoice": "发票", "invoices": "发票",
    "amount": "金额", "cny": "人民币元", "paid": "支付", "issued": "开具", "instalment": "期款",
    "outage": "中断", "outages": "中断", "from": "自", "to": "至", "minutes": "分钟",
    "drill": "演练", "drills": "演练", "plan": "方案", "plans": "方案", "incident": "事件",
    "incidents": "事件", "level": "级别", "event": "活动", "events": "活动", "date": "日期",
    "note": "备注", "notes": "备注", "kind": "类型", "type": "类型", "status": "状态",
    "request": "请求", "requests": "请求", "completed": "完成", "approved": "批准",
    "approval": "批准", "ref": "编号", "reference": "编号", "sha256": "摘要",
    "received": "接收", "organised": "组织", "organiser": "组织方", "supported": "支持",
    "cancelled": "取消", "scope": "范围", "count": "数量", "number": "数量", "gb": "GB",
    "valid": "有效", "until": "至", "issuer": "签发方", "signed": "签署", "agreement": "协议",
    "return": "归还", "returned": "归还", "restart": "重启", "restarts": "重启",
    "change": "变更", "changes": "变更", "authorised": "授权", "authorisation": "授权",
    "document": "文档", "documents": "文档", "ip": "IP", "allocation": "分配",
    "acceptance": "验收", "round": "轮次", "rounds": "轮次", "passed": "通过", "result": "结果",
    "major": "重大", "declared": "宣布", "party": "方", "a": "甲", "b": "乙", "fee": "费用",
    "deduction": "扣减", "deductions": "扣减", "loss": "损失", "data": "数据", "backup": "备份",
    "restore": "恢复", "test": "测试", "tests": "测试", "checks": "检查", "check": "检查",
    "affected": "受影响", "people": "人数", "force": "不可抗力", "majeure": "",
    "notice": "通知", "proof": "证明", "duration": "时长", "important": "重要",
}
_FORMAT = {
    "datetime": ("日期时间，北京时间 Asia/Shanghai (+08:00)，如 2026/3/5 9:07",
                 "date-time, Asia/Shanghai (+08:00) unless the cell says otherwise, e.g. 2026/3/5 9:07"),
    "date": ("日期，如 2026/3/5", "date, e.g. 2026/3/5"),
    "month": ("月份 YYYY-MM", "month YYYY-MM"),
    "boolean": ("TRUE/FALSE", "TRUE/FALSE"),
    "integer": ("整数", "integer"),
    "number": ("数字", "number"),
    "list": ("多个值用 ; 分隔", "several values separated by ;"),
    "json": ("JSON", "JSON"),
    "string": ("文本", "text"),
}


class SheetError(CloudpactError):
    """A workbook that cannot become evidence: every bad cell, one per line."""

    hint = "fix the cells named above in the spreadsheet, then import it again; nothing was written"

    def __init__(self, source: str, problems: list[str]) -> None:
        shown = problems[:50] + ([f"... and {len(problems) - 50} more"] if len(problems) > 50 else [])
        super().__init__(f"{source}: {len(problems)} bad cell(s), nothing imported")
        self.problems = shown


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # datetime | date | month | boolean | integer | number | list | json | string
    required: bool
    nullable: bool
    enum: tuple[Any, ...] = ()
    description: str = ""

    def header(self) -> str:
        words = [w for w in self.name.split("_") if w]
        zh = "".join(_ZH.get(w, w) for w in words) or self.name
        en = " ".join(words)
        fzh, fen = _FORMAT[self.type]
        if self.enum:
            fzh = fen = " | ".join(str(e) for e in self.enum)
        need = "必填 required" if self.required else "选填 optional"
        fmt = fzh if fzh == fen else f"{fzh} / {fen}"
        return f"{self.name}\n{zh} / {en}\n{fmt}\n{need}"


@dataclass(frozen=True)
class Table:
    array: str  # the kind's array property, also the sheet name
    columns: tuple[Column, ...]
    required: bool


@dataclass
class Layout:
    kind: str
    tables: tuple[Table, ...]
    meta: tuple[Column, ...]  # top-level scalars, besides the `kind` constant
    schema: dict[str, Any] = field(repr=False, default_factory=dict)


def _rebase(node: Any, target: str) -> Any:
    """A part of schema file `target` with its local refs (`#/...`) made `target#/...`."""
    if isinstance(node, dict):
        return {k: (f"{target}{v}" if k == "$ref" and isinstance(v, str) and v.startswith("#")
                    else _rebase(v, target)) for k, v in node.items()}
    if isinstance(node, list):
        return [_rebase(v, target) for v in node]
    return node


def _resolve(node: Mapping[str, Any], root: Mapping[str, Any]) -> Mapping[str, Any]:
    ref = node.get("$ref")
    if not ref:
        return node
    target, _, pointer = ref.partition("#")
    doc: Any = root if not target else _rebase(json.loads(
        (paths.EVIDENCE_SCHEMAS / target).read_text(encoding="utf-8")), target)
    for part in [p for p in pointer.split("/") if p]:
        doc = doc[part]
    merged = {**doc, **{k: v for k, v in node.items() if k != "$ref"}}
    return _resolve(merged, root) if "$ref" in doc else merged


def _column(name: str, node: Mapping[str, Any], root: Mapping[str, Any], required: bool) -> Column:
    ref = node.get("$ref", "")
    node = _resolve(node, root)
    options = node.get("oneOf") or node.get("anyOf") or []
    others = [o for o in options if o.get("type") != "null"]
    if options and len(others) == 1 and len(options) == 2:  # "X or null"
        inner = _column(name, {**others[0], "description": node.get("description", "")},
                        root, required)
        return Column(inner.name, inner.type, required, True, inner.enum, inner.description)
    types = node.get("type")
    types = [types] if isinstance(types, str) else list(types or [])
    nullable = "null" in types or any(o.get("type") == "null" for o in node.get("oneOf", []))
    plain = [t for t in types if t != "null"]
    if ref.endswith("/timestamp") or ref.endswith("optional_timestamp") or node.get("format") == "date-time":
        kind = "datetime"
    elif ref.endswith("/date") or node.get("format") == "date":
        kind = "date"
    elif ref.endswith("/month"):
        kind = "month"
    elif "enum" in node:
        kind = "string"
    elif plain == ["boolean"]:
        kind = "boolean"
    elif plain == ["integer"]:
        kind = "integer"
    elif plain == ["number"] or plain == ["integer", "number"]:
        kind = "number"
    elif plain == ["array"] and _resolve(node.get("items", {}), root).get("type") in ("string", "integer"):
        kind = "list"
    elif plain == ["string"] or (not plain and "oneOf" not in node and "const" not in node and node):
        kind = "string" if plain == ["string"] else "json"
    else:
        kind = "json"
    if kind == "datetime" and any(o.get("type") == "null" for o in node.get("oneOf", [])):
        nullable = True
    enum = tuple(e for e in node.get("enum", ()) if e is not None)
    return Column(name, kind, required, nullable or None in node.get("enum", ()), enum,
                  str(node.get("description", "")))


def _object(node: Mapping[str, Any], root: Mapping[str, Any]) -> tuple[dict[str, Any], set[str]]:
    """Properties and required names of an object schema, `allOf` parts merged."""
    props: dict[str, Any] = {}
    required: set[str] = set()
    for part in [*(node.get("allOf") or []), node]:
        part = _resolve(part, root)
        if part is not node:
            sub, req = _object(part, root) if part.get("allOf") else (
                dict(part.get("properties") or {}), set(part.get("required") or []))
        else:
            sub, req = dict(part.get("properties") or {}), set(part.get("required") or [])
        props.update(sub)
        required |= req
    return props, required


def layout(kind: str) -> Layout:
    if kind not in schemas.known_kinds():
        raise ConfigError(f"unknown kind {kind!r}", hint="see `cloudpact template --list`")
    schema = schemas.kind_schema(kind)
    required = set(schema.get("required", []))
    tables, meta = [], []
    for name, prop in (schema.get("properties") or {}).items():
        node = _resolve(prop, schema)
        items = _resolve(node.get("items", {}), schema) if node.get("type") == "array" else {}
        if items.get("type") == "object":
            props, req = _object(items, schema)
            cols = tuple(_column(n, p, schema, n in req) for n, p in props.items())
            tables.append(Table(name, cols, name in required))
        elif name not in ("kind", "provenance"):
            meta.append(_column(name, prop, schema, name in required))
    return Layout(kind, tuple(tables), tuple(meta), schema)


def register_kinds() -> list[str]:
    """Kinds a spreadsheet can hold: an array of records, not tool-made, not too big."""
    return [k for k in schemas.known_kinds() if k not in NOT_SHEETS and layout(k).tables]


# ---- templates ---------------------------------------------------------------------------
def write_template(kind: str, fmt: str, out: Path, *, table: str | None = None,
                   rows: Mapping[str, list[list[Any]]] | None = None) -> None:
    """A template for `kind` at `out` (xlsx: every table and meta; csv: one table).
    `rows` (by table) fills records below the header (used by tests and exports)."""
    lay = layout(kind)
    if fmt == "xlsx":
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Font

        wb = Workbook()
        first = wb.active
        for i, t in enumerate(lay.tables):
            ws = first if i == 0 else wb.create_sheet()
            ws.title = t.array[:31]
            ws.append([c.header() for c in t.columns])
            for cell in ws[1]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                cell.font = Font(bold=True)
            ws.freeze_panes = "A2"
            for r in (rows or {}).get(t.array, []):
                ws.append(r)
        ws = wb.create_sheet(META)
        ws.append(["field\n字段 / field", "value\n值 / value", "format\n格式 / format"])
        ws.append(["kind", kind, "常量 / constant"])
        for c in lay.meta:
            meta_values: Mapping[str, Any] = (rows or {}).get(META) or {}  # type: ignore[assignment]
            ws.append([c.name, meta_values.get(c.name),
                       c.header().split("\n", 1)[1].replace("\n", " ")])
        ws.append(["timezone", "Asia/Shanghai", "无时区的时间按北京时间 / zone-less times are Asia/Shanghai"])
        _atomic_save(out, lambda f: wb.save(f))
    elif fmt == "csv":
        t = _table(lay, table)
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow([c.header().replace("\n", " | ") for c in t.columns])
        for r in (rows or {}).get(t.array, []):
            writer.writerow(["" if v is None else v for v in r])
        _atomic_save(out, lambda f: f.write(buf.getvalue().encode("utf-8-sig")))
    else:
        raise ConfigError(f"--format {fmt!r}: xlsx or csv")


def _table(lay: Layout, name: str | None) -> Table:
    if name is None:
        return next((t for t in lay.tables if t.required), lay.tables[0])
    for t in lay.tables:
        if t.array == name:
            return t
    raise ConfigError(f"kind {lay.kind} has no table {name!r}",
                      hint="tables: " + ", ".join(t.array for t in lay.tables))


def _atomic_save(out: Path, write: Any) -> None:
    import os
    import tempfile

    if out.exists() or out.is_symlink():
        raise ConfigError(f"{out} exists; not overwritten", hint="name a new file with -o")
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".cloudpact-", dir=out.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            write(f)
        os.link(tmp, out)
    except FileExistsError:
        raise ConfigError(f"{out} exists; not overwritten") from None
    finally:
        os.unlink(tmp)


# ---- reading cells -------------------------------------------------------------------------
def _col_letter(i: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(i + 1))


def _from_serial(value: float) -> datetime:
    return _EXCEL_EPOCH + timedelta(days=float(value))


def _datetime(value: Any) -> str:
    if isinstance(value, datetime):
        dt = value if value.tzinfo else value.replace(tzinfo=SHANGHAI)
        return rfc3339(dt)
    if isinstance(value, date):
        return rfc3339(datetime.combine(value, time(), tzinfo=SHANGHAI))
    if isinstance(value, int | float) and not isinstance(value, bool):
        return rfc3339(_from_serial(value).replace(tzinfo=SHANGHAI))
    text = str(value).strip()
    m = _TEXT_DT.match(text)
    if not m:
        raise ValueError(f"{text!r} is not a date-time (e.g. 2026/3/5 9:07)")
    y, mo, d, h, mi, s, frac, zone = m.groups()
    dt = datetime(int(y), int(mo), int(d), int(h or 0), int(mi or 0), int(s or 0),
                  int(round(float(frac) * 1_000_000)) if frac else 0)
    if zone:
        z = "+00:00" if zone == "Z" else (zone if ":" in zone else f"{zone[:3]}:{zone[3:]}")
        return rfc3339(datetime.fromisoformat(dt.isoformat() + z))
    return rfc3339(dt.replace(tzinfo=SHANGHAI))


def _date(value: Any) -> str:
    if isinstance(value, datetime):
        if value.time() != time():
            raise ValueError(f"{value} has a time of day; a date is expected")
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _from_serial(value).date().isoformat()
    m = _TEXT_DT.match(str(value).strip())
    if not m or m.group(4):
        raise ValueError(f"{value!r} is not a date (e.g. 2026/3/5)")
    return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()


def _cell(col: Column, value: Any) -> Any:
    """The JSON value of one non-empty cell; ValueError says why it cannot be."""
    t = col.type
    if t == "datetime":
        return _datetime(value)
    if t == "date":
        return _date(value)
    if t == "month":
        if isinstance(value, datetime | date):
            return f"{value.year:04d}-{value.month:02d}"
        text = str(value).strip().replace("/", "-")
        m = re.match(r"^(\d{4})-(\d{1,2})$", text)
        if not m:
            raise ValueError(f"{value!r} is not a month (YYYY-MM)")
        return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}"
    if t == "boolean":
        if isinstance(value, bool):
            return value
        text = str(value).strip().casefold()
        if text in ("true", "1", "是", "yes"):
            return True
        if text in ("false", "0", "否", "no"):
            return False
        raise ValueError(f"{value!r} is not TRUE or FALSE")
    if t == "integer":
        if isinstance(value, bool):
            raise ValueError(f"{value!r} is not an integer")
        number = float(value) if not isinstance(value, int) else value
        if number != int(number):
            raise ValueError(f"{value!r} is not an integer")
        return int(number)
    if t == "number":
        if isinstance(value, bool):
            raise ValueError(f"{value!r} is not a number")
        number = float(value)
        return int(number) if number == int(number) and "." not in str(value) else number
    if t == "list":
        return [p.strip() for p in re.split(r"[;,，；]", str(value)) if p.strip()]
    if t == "json":
        try:
            return json.loads(value) if isinstance(value, str) else value
        except ValueError as exc:
            raise ValueError(f"not JSON ({exc.args[0]})") from None
    # string (or enum of strings)
    if isinstance(value, float) and value == int(value):
        value = int(value)
    text = value.isoformat() if isinstance(value, datetime | date) else str(value)
    return text


def _rows_xlsx(raw: bytes, source: str) -> dict[str, list[tuple[int, list[Any]]]]:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a broken or foreign file
        raise ConfigError(f"{source}: not an xlsx workbook ({type(exc).__name__})") from None
    out = {}
    for ws in wb.worksheets:
        out[ws.title] = [(i, list(r)) for i, r in enumerate(ws.iter_rows(values_only=True), 1)]
    wb.close()
    return out


def _rows_csv(raw: bytes, source: str, sheet: str) -> dict[str, list[tuple[int, list[Any]]]]:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("gb18030")  # Excel on a Chinese Windows saves CSV in GBK
        except UnicodeDecodeError:
            raise ConfigError(f"{source}: CSV is neither UTF-8 nor GB18030 text") from None
    rows = [(i, list(r)) for i, r in enumerate(csv.reader(io.StringIO(text)), 1)]
    return {sheet: rows}


def _header_names(row: list[Any]) -> list[str]:
    return [str(c).split("\n")[0].split(" | ")[0].strip() if c is not None else "" for c in row]


def read_workbook(raw: bytes, source: str, kind: str, *, fmt: str, table: str | None = None,
                  as_of: str | None = None) -> dict[str, Any]:
    """The evidence document the workbook holds; SheetError lists every bad cell."""
    lay = layout(kind)
    if fmt == "csv":
        sheets = _rows_csv(raw, source, _table(lay, table).array)
        label = lambda name, cell: cell  # noqa: E731 - CSV has one sheet: `E3`
    else:
        sheets = _rows_xlsx(raw, source)
        label = lambda name, cell: f"{name}!{cell}"  # noqa: E731
    problems: list[str] = []
    doc: dict[str, Any] = {"kind": kind}
    where: dict[tuple[str, int], tuple[str, int, dict[str, int]]] = {}
    for t in lay.tables:
        rows = sheets.get(t.array[:31])
        if rows is None:
            doc[t.array] = []
            continue
        if not rows:
            problems.append(f"{label(t.array, 'A1')}: the header row is missing")
            continue
        names = _header_names(rows[0][1])
        known = {c.name: c for c in t.columns}
        for j, n in enumerate(names):
            if n and n not in known:
                problems.append(f"{label(t.array, _col_letter(j) + '1')}: unknown column {n!r} "
                                f"(fields of {kind}.{t.array}: {', '.join(known)})")
        index = {n: j for j, n in enumerate(names) if n in known}
        for c in t.columns:
            if c.required and c.name not in index:
                problems.append(f"{label(t.array, 'A1')}: required column {c.name!r} is missing")
        records = []
        for rownum, row in rows[1:]:
            if all(v is None or (isinstance(v, str) and not v.strip()) for v in row):
                continue
            rec: dict[str, Any] = {}
            for c in t.columns:
                j = index.get(c.name)
                value = row[j] if j is not None and j < len(row) else None
                cell = label(t.array, f"{_col_letter(j or 0)}{rownum}")
                if value is None or (isinstance(value, str) and not value.strip()):
                    if c.type == "list" and c.required and j is not None:
                        rec[c.name] = []  # an empty list cell: no ids
                    elif c.required and not c.nullable:
                        problems.append(f"{cell}: {c.name} is required")
                    elif c.nullable and j is not None:
                        rec[c.name] = None  # the column is there, the value empty: null
                    continue
                try:
                    rec[c.name] = _cell(c, value)
                except (ValueError, TypeError) as exc:
                    problems.append(f"{cell}: {c.name}: {exc}")
                    continue
                if c.enum and rec[c.name] not in c.enum:
                    problems.append(f"{cell}: {c.name}: {rec[c.name]!r} is not one of "
                                    + ", ".join(map(str, c.enum)))
            where[(t.array, len(records))] = (t.array, rownum, index)
            records.append(rec)
        doc[t.array] = records
    meta_rows = {str(r[0]).strip(): r[1] for _, r in sheets.get(META, [])[1:] if r and r[0]}
    for c in lay.meta:
        value = meta_rows.get(c.name)
        if c.name == "as_of" and value is None:
            value = as_of
        if value is None or (isinstance(value, str) and not value.strip()):
            if c.nullable and (c.required or c.name in meta_rows):
                doc[c.name] = None
            elif c.required:
                problems.append(f"{label(META, 'B')}: {c.name} is required"
                                + (" (pass --as-of)" if c.name == "as_of" else ""))
            continue
        try:
            doc[c.name] = _cell(c, value)
        except (ValueError, TypeError) as exc:
            problems.append(f"{label(META, 'B')}: {c.name}: {exc}")
    if not problems:
        error = _schema_errors(kind, doc)
        for pointer, message in error:
            parts = pointer.strip("/").split("/")
            if len(parts) >= 2 and (parts[0], int(parts[1]) if parts[1].isdigit() else -1) in where:
                array, rownum, index = where[(parts[0], int(parts[1]))]
                col = index.get(parts[2], 0) if len(parts) > 2 else 0
                problems.append(f"{label(array, _col_letter(col) + str(rownum))}: {message}")
            else:
                problems.append(f"{pointer or '/'}: {message}")
    if problems:
        raise SheetError(source, problems)
    return doc


def _schema_errors(kind: str, doc: Mapping[str, Any]) -> list[tuple[str, str]]:
    validator = schemas.kind_validator(kind)
    compiled = validator._compiled  # noqa: SLF001 - one compiled schema, all its errors
    out = []
    for err in compiled.iter_errors(doc):
        out.append(("/" + "/".join(str(p) for p in err.instance_path), err.message))
    return out


def rows_from_records(kind: str, doc: Mapping[str, Any]) -> dict[str, Any]:
    """An evidence document back into sheet rows (the same columns as the template)."""
    lay = layout(kind)
    out: dict[str, Any] = {}
    for t in lay.tables:
        rows = []
        for rec in doc.get(t.array, []):
            row = []
            for c in t.columns:
                v = rec.get(c.name)
                if v is None:
                    row.append(None)
                elif c.type == "list":
                    row.append("; ".join(str(x) for x in v))
                elif c.type == "json" and not isinstance(v, str | int | float | bool):
                    row.append(json.dumps(v, ensure_ascii=False))
                else:
                    row.append(v)
            rows.append(row)
        out[t.array] = rows
    out[META] = {c.name: json.dumps(doc[c.name], ensure_ascii=False)
                 if isinstance(doc.get(c.name), dict | list) else doc.get(c.name)
                 for c in lay.meta if c.name in doc}
    return out


def import_sheet(source: Path, kind: str, bundle_dir: Path, *, table: str | None = None,
                 as_of: str | None = None) -> list[str]:
    """Read the sheet, then add it (kind `raw`, with its sha256) and the evidence record
    derived from it to the bundle at `bundle_dir` — a draft (`bundle init`) or a sealed
    local bundle (manifest rewritten atomically, as the tool importers do). All or nothing."""
    from checker import bundle as bundle_mod
    from checker.authoring import draft
    from checker.importers.apply import _write_all

    fmt = "csv" if source.suffix.lower() == ".csv" else "xlsx"
    try:
        raw = source.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{source}: cannot read ({exc.strerror})") from None
    doc = read_workbook(raw, str(source), kind, fmt=fmt, table=table, as_of=as_of)
    sha = bundle_mod.sha256_bytes(raw)
    safe = re.sub(r"[^A-Za-z0-9._-]+", "_", source.name) or f"sheet.{fmt}"
    raw_path = f"raw/sheet/{sha[:12]}-{safe}"
    record_path = f"imported/{kind}/sheet-{sha[:12]}.json"
    record = bundle_mod.dump_json(doc)
    counts = ", ".join(f"{len(doc.get(t.array, []))} {t.array}" for t in layout(kind).tables)
    if (bundle_dir / draft.DRAFT).exists():
        tmp_dir = Path(__import__("tempfile").mkdtemp(prefix="cloudpact-sheet-"))
        try:
            (tmp_dir / "record.json").write_bytes(record)
            lines = [draft.add(bundle_dir, source, "raw", as_path=raw_path)]
            try:
                lines.append(draft.add(bundle_dir, tmp_dir / "record.json", kind, as_path=record_path))
            except CloudpactError:
                raise
        finally:
            import shutil

            shutil.rmtree(tmp_dir, ignore_errors=True)
        return [f"{source}: {counts}", *lines]
    manifest_file = bundle_dir / bundle_mod.MANIFEST
    try:
        old = manifest_file.read_bytes()
    except OSError:
        raise ConfigError(f"{bundle_dir}: neither a bundle draft nor a bundle (no manifest.json)",
                          hint="`cloudpact bundle init DIR --contract ID` starts one") from None
    manifest = bundle_mod.parse_manifest(old, str(bundle_dir))
    listed = {f["path"] for f in manifest["files"]}
    for f in manifest["files"]:
        if f["sha256"] == sha and f["kind"] == "raw":
            raise ConfigError(f"{source}: already imported, kept as {f['path']}")
    for path in (raw_path, record_path):
        if path in listed or (bundle_dir / path).exists():
            raise ConfigError(f"{bundle_dir}/{path} already exists; not overwritten")
    manifest["files"] += [
        {"path": raw_path, "kind": "raw", "sha256": sha},
        {"path": record_path, "kind": kind, "sha256": bundle_mod.sha256_bytes(record),
         "derived_from": raw_path},
    ]
    new = bundle_mod.dump_json(manifest)
    bundle_mod.parse_manifest(new, str(bundle_dir))
    _write_all(bundle_dir, [(raw_path, raw), (record_path, record)], new, old)
    return [f"{source}: {counts}", f"{raw_path}: raw sheet kept (sha256 {sha[:12]}...)",
            f"{record_path}: {kind} record"]


def kinds_table(kinds: Iterable[str]) -> list[str]:
    return [f"{k:24} " + ", ".join(t.array for t in layout(k).tables) for k in kinds]
