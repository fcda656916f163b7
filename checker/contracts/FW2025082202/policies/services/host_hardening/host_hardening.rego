# METADATA
# title: Host security hardenings delivered
# description: >-
#   主机安全加固 (第二条 2(1) 第8项): harden the OS according to the scan results,
#   the contracted number of times. A hardening counts only when it cites a scan
#   (scan_id) of the same host that itself counts for 2.2.1.7 (host in the inventory
#   and in service, started inside the period, finished), it was performed inside the
#   period after that scan finished, and every finding of that scan whose severity is
#   in close_severities (high, critical) is fixed or justified in its items. It counts
#   once per scan however many hardenings cite that scan.
# custom:
#   clause: "2.2.1.8"
#   evidence: [hardening, vuln_scan, host_inventory]
#   severity: high
package contract.services.host_hardening

import data.contract.lib

clause := "2.2.1.8"

close_severities := {s | some s in data.params.services[clause].close_severities}

hardenings contains {"h": h, "at": at} if {
	some f in lib.files("hardening")
	some i, h in f.data.hardenings
	at := lib.pointer(f.path, ["hardenings", i])
}

scans contains s if {
	some f in lib.files("vuln_scan")
	some s in f.data.scans
}

# a scan that counts for 2.2.1.7
_scan_counts(s) if {
	lib.in_service(s.host_id)
	lib.in_period(s.started_at)
	lib.ns(s.finished_at) >= lib.ns(s.started_at)
}

_closed(h) := {it.finding_id | some it in h.items; it.outcome in {"fixed", "justified"}}

# open_findings: findings of the cited scan that must be closed and are not
open_findings(h, s) := [f.finding_id |
	some f in s.findings
	f.severity in close_severities
	not f.finding_id in _closed(h)
]

# _reason walks the scans once per hardening: the scans it cites, then those of its host.
_reason(h) := "not tied to a scan (scan_id is null)" if {
	object.get(h, "scan_id", null) == null
} else := r if {
	r := _reason_cited(h, [s | some s in scans; s.scan_id == h.scan_id])
}

_reason_cited(h, cited) := sprintf("cites scan %s, which is not in the scan evidence", [h.scan_id]) if {
	count(cited) == 0
} else := r if {
	r := _reason_same_host(h, [s | some s in cited; s.host_id == h.host_id])
}

_reason_same_host(h, same) := sprintf("cites scan %s of another host", [h.scan_id]) if {
	count(same) == 0
} else := sprintf("cites scan %s, which does not count for 2.2.1.7 (host or period)", [h.scan_id]) if {
	not _scan_counts(same[0])
} else := "performed outside the service period" if {
	not lib.in_period(h.performed_at)
} else := sprintf("performed before scan %s finished", [h.scan_id]) if {
	lib.ns(h.performed_at) < lib.ns(same[0].finished_at)
} else := sprintf("findings of scan %s neither fixed nor justified: %s", [h.scan_id, concat(", ", open)]) if {
	open := open_findings(h, same[0])
	count(open) > 0
}

# verdict: evidence pointer -> why the hardening there does not count (computed once)
verdict[e.at] := reason if {
	some e in hardenings
	reason := _reason(e.h)
}

excluded contains {"evidence": at, "reason": reason} if {
	some at, reason in verdict
}

# once per scan
counted contains [e.h.host_id, e.h.scan_id] if {
	some e in hardenings
	not verdict[e.at]
}

_eligible := count([1 | some e in hardenings; not verdict[e.at]])

deny contains v if {
	f := lib.files("hardening")[0]
	v := lib.shortfall(clause, count(counted), lib.pointer(f.path, ["hardenings"]))
}

measure := object.union(lib.measure(clause, count(counted)), {
	"excluded": count(excluded),
	"repeat_hardenings_of_a_scan": _eligible - count(counted),
})
