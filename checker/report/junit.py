"""--format junit: one test case per clause, one suite per article of the contract."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from itertools import groupby

from checker.model import Report, Status
from checker.report.interface import Renderer


class JunitRenderer(Renderer):
    extension = "xml"

    def render(self, report: Report) -> str:
        root = ET.Element("testsuites", name=f"cloudpact {report.contract_id}")
        totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
        for article, group in groupby(report.results, key=lambda r: r.clause.article):
            results = list(group)
            suite = ET.SubElement(root, "testsuite", name=article)
            run_props = ET.SubElement(suite, "properties")  # what the run was made from
            for key, value in [("manifest_sha256", report.manifest_sha256), *sorted(report.inputs.items())]:
                ET.SubElement(run_props, "property", name=key, value=value)
            counts = {"tests": len(results), "failures": 0, "errors": 0, "skipped": 0}
            for r in results:
                case = ET.SubElement(
                    suite, "testcase", name=f"{r.clause.id} {r.clause.title.en}",
                    classname=f"{report.contract_id}.{article}",
                )
                ET.SubElement(case, "properties")
                props = case.find("properties")
                assert props is not None
                for name, prop in (("clause", r.clause.id), ("status", r.status.value),
                                   ("citation", r.clause.citation), ("title_zh", r.clause.title.zh)):
                    ET.SubElement(props, "property", name=name, value=prop)
                lines = [f"{r.clause.citation}: {r.clause.text}"]
                if r.expected is not None:
                    lines.append(f"expected {r.expected}, actual {r.actual} {r.unit or ''}".strip())
                lines += [f"- {v.message} [{v.evidence}]" + (f" (waived by {v.waiver})" if v.waiver else "")
                          for v in r.violations]
                lines += [f"  not counted: {x.evidence} — {x.reason}" for x in r.excluded]
                if r.reason:
                    lines.append(r.reason)
                text = "\n".join(lines)
                if r.status is Status.FAIL:
                    counts["failures"] += 1
                    el = ET.SubElement(case, "failure", type="fail",
                                       message=f"{r.clause.id} {r.status.value}: {len(r.violations)} violation(s)")
                    el.text = text
                elif r.status in (Status.MISSING, Status.INVALID, Status.ERROR):
                    counts["errors"] += 1
                    el = ET.SubElement(case, "error", type=r.status.value,
                                       message=f"{r.clause.id} {r.status.value}: {r.reason}")
                    el.text = text
                elif r.status is Status.WAIVED:
                    counts["skipped"] += 1
                    el = ET.SubElement(case, "skipped", message=f"waived by {', '.join(r.waivers)}")
                    el.text = text
                elif r.status in (Status.MANUAL, Status.NOT_APPLICABLE):
                    counts["skipped"] += 1
                    ET.SubElement(case, "skipped", message=f"{r.status.value}: {r.reason}")
            for key, value in counts.items():
                suite.set(key, str(value))
                totals[key] += value
        if report.waivers:  # expired waivers fail the run (exit 1), so they fail here too
            suite = ET.SubElement(root, "testsuite", name="waivers")
            counts = {"tests": len(report.waivers), "failures": 0, "errors": 0, "skipped": 0}
            for w in report.waivers:
                case = ET.SubElement(suite, "testcase", name=f"waiver {w.id} ({w.clause})",
                                     classname=f"{report.contract_id}.waivers")
                if w.state == "expired":
                    counts["failures"] += 1
                    el = ET.SubElement(case, "failure", type="expired",
                                       message=f"waiver {w.id} expired on {w.expires}: ignored")
                    el.text = f"{w.reason} ({w.approver_role}, {w.approval_ref})"
            for key, value in counts.items():
                suite.set(key, str(value))
                totals[key] += value
        for key, value in totals.items():
            root.set(key, str(value))
        ET.indent(root)
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
