# METADATA
# title: Host security hardenings delivered
# description: >-
#   主机安全加固 (第二条 2(1) 第8项, 针对漏扫或等级测评结果对操作系统进行安全加固): harden
#   the OS on the results of a vulnerability scan or of an MLPS evaluation (等级测评), the
#   contracted number of times. A hardening on a scan counts when it cites a scan
#   (scan_id) of the same host that was made in the period while the host was in
#   service and finished, it was performed inside the period after that scan finished,
#   and every finding of that scan whose severity is in close_severities is fixed or
#   justified in its items. A hardening on an evaluation counts when its
#   evaluation_finding cites an MLPS evaluation of the certifications kind issued by a
#   role other than Party B (reading rule 6), no later than the hardening, which was
#   performed inside the period while the host was in service, and the cited finding is
#   fixed or justified in its items. Work counted per occasion (reading rule 3): once
#   per host and scan or evaluation, at most rounds_per_host per host.
# custom:
#   clause: "2.2.1.8"
#   evidence: [hardening, vuln_scan, host_inventory]
#   severity: high
package contract.services.host_hardening

import data.contract.lib
import data.contract.lib.calendar as cal

clause := "2.2.1.8"

close_severities := {s | some s in data.params.services[clause].close_severities}

rounds_per_host := data.params.services[clause].rounds_per_host

# scans_by_id: scan_id -> the scan records with that id (indexed by key once)
scans_by_id[s.scan_id] contains s if {
	some f in lib.files("vuln_scan")
	some s in f.data.scans
}

# evaluations: cert_id -> MLPS evaluation records (等级测评) of the certifications kind
evaluations[c.cert_id] contains c if {
	some f in lib.files("certifications")
	some c in f.data.certificates
	c.type == "mlps_evaluation"
}

# (regorus 0.13 leaves a multi-value partial rule with no entries undefined, not {}:
# read it through the complete rule below, which is also bound once)
_scans_by_id := x if {
	# scan ids unique (the usual case): one comprehension, no partial rule of thousands
	# of keys (OPA builds those in more than linear time) nor sets of whole scans to order
	all := [s | some f in lib.files("vuln_scan"); some s in f.data.scans]
	count({s.scan_id | some s in all}) == count(all)
	x := {s.scan_id: {s} | some s in all}
} else := x if {
	x := scans_by_id
} else := {}

_evaluations := x if {
	x := evaluations
} else := {}

# a scan made in the period while its host was in service, finished (the host is in
# service and the scan is real: the conditions 2.2.1.7 puts on the scan itself)
# (lib.in_period and lib.ns inlined, the period bounds ps, pe bound once by _reasons:
# this runs per hardening)
_scan_counts(s, sps, ps, pe) if {
	t := time.parse_rfc3339_ns(s.started_at)
	t >= ps
	t < pe
	_in_service(sps, s.host_id, t)
	time.parse_rfc3339_ns(s.finished_at) >= t
}

# lib.in_period(ts), with the period bounds bound once
_in_period(ts, ps, pe) if {
	t := time.parse_rfc3339_ns(ts)
	t >= ps
	t < pe
}

_closed(h) := {it.finding_id | some it in h.items; it.outcome in {"fixed", "justified"}}

# open_findings: findings of the cited scan that must be closed and are not
open_findings(h, s) := [f.finding_id |
	closed := _closed(h)
	cs := close_severities # bound once
	some f in s.findings
	f.severity in cs
	not f.finding_id in closed
]

_evaluation(h) := object.get(h, "evaluation_finding", null)

# spans: inventory host -> its time in service (once per host, not per hardening)
_spans := data.contract.inventory.spans # lib.host_spans of every inventory host, once per query

# in_service(sps, host_id, t): host_vuln_scan's in_host_service(host_id, t), with the hosts'
# spans (sps) computed once instead of per call
_in_service(sps, host_id, t) if {
	some sp in object.get(sps, host_id, set())
	sp[0] <= t
	t < sp[1]
}

_reason(h, by_id, evals, sps, ps, pe) := "not tied to a scan or an MLPS evaluation finding (scan_id is null, no evaluation_finding)" if {
	object.get(h, "scan_id", null) == null
	_evaluation(h) == null
} else := r if {
	object.get(h, "scan_id", null) == null
	r := _reason_evaluation(h, object.get(evals, _evaluation(h).evaluation_id, set()), sps, ps, pe)
} else := r if {
	object.get(h, "scan_id", null) != null
	r := _reason_cited(h, [s | some s in object.get(by_id, h.scan_id, set())], sps, ps, pe)
}

_reason_cited(h, cited, sps, ps, pe) := sprintf("cites scan %s, which is not in the scan evidence", [h.scan_id]) if {
	count(cited) == 0
} else := r if {
	r := _reason_same_host(h, [s | some s in cited; s.host_id == h.host_id], sps, ps, pe)
}

_reason_same_host(h, same, sps, ps, pe) := sprintf("cites scan %s of another host", [h.scan_id]) if {
	count(same) == 0
} else := sprintf("cites scan %s, which does not count for 2.2.1.7 (host or period)", [h.scan_id]) if {
	not _scan_counts(same[0], sps, ps, pe)
} else := "performed outside the service period" if {
	not _in_period(h.performed_at, ps, pe)
} else := sprintf("performed before scan %s finished", [h.scan_id]) if {
	time.parse_rfc3339_ns(h.performed_at) < time.parse_rfc3339_ns(same[0].finished_at)
} else := sprintf("findings of scan %s neither fixed nor justified: %s", [h.scan_id, concat(", ", open)]) if {
	open := open_findings(h, same[0])
	count(open) > 0
}

_reason_evaluation(h, evals, sps, ps, pe) := sprintf("cites MLPS evaluation %s, which is not in the certifications evidence", [_evaluation(h).evaluation_id]) if {
	count(evals) == 0
} else := sprintf("MLPS evaluation %s was issued by Party B itself, not by an evaluation body", [_evaluation(h).evaluation_id]) if {
	every c in evals {
		c.issuer_role == "party_b"
	}
} else := "performed outside the service period" if {
	not _in_period(h.performed_at, ps, pe)
} else := "host not in service when the hardening was performed" if {
	not _in_service(sps, h.host_id, time.parse_rfc3339_ns(h.performed_at))
} else := sprintf("performed before MLPS evaluation %s was issued", [_evaluation(h).evaluation_id]) if {
	every c in evals {
		cal.date_of(h.performed_at) < c.issued_on
	}
} else := sprintf("evaluation finding %s neither fixed nor justified", [_evaluation(h).finding_id]) if {
	not _evaluation(h).finding_id in _closed(h)
}

# reasons: [file index, hardening index] -> why the hardening there does not count
# (computed once per record, read from the files; pointers only for those in verdict)
_reasons := {[j, i]: reason |
	by_id := _scans_by_id
	evals := _evaluations
	sps := _spans
	ps := lib.period_start
	pe := lib.period_end
	some j, f in lib.files("hardening")
	some i, h in f.data.hardenings
	reason := _reason(h, by_id, evals, sps, ps, pe)
}

# verdict: evidence pointer -> why the hardening there does not count
verdict := {at: reason |
	fs := lib.files("hardening")
	some k, reason in _reasons
	at := lib.pointer(fs[k[0]].path, ["hardenings", k[1]])
}

# the hardenings that count
_counted := [h |
	rs := _reasons
	some j, f in lib.files("hardening")
	some i, h in f.data.hardenings
	not rs[[j, i]]
]

excluded contains {"evidence": at, "reason": reason} if {
	some at, reason in verdict
}

_basis(h) := sprintf("scan:%s", [h.scan_id]) if {
	object.get(h, "scan_id", null) != null
} else := sprintf("mlps:%s", [h.evaluation_finding.evaluation_id])

# bases: host -> the scans and evaluations its counted hardenings answer (indexed once)
bases[h.host_id] contains _basis(h) if {
	some h in _counted
}

per_host[host_id] := min({count(b), rounds_per_host}) if {
	some host_id, b in bases
}

delivered := sum([n | some _, n in per_host])

_eligible := count(_counted)

_bases := sum([count(b) | some _, b in bases])

deny contains v if {
	f := lib.files("hardening")[0]
	v := lib.shortfall(clause, delivered, lib.pointer(f.path, ["hardenings"]))
}

measure := object.union(lib.measure(clause, delivered), {
	"excluded": count(excluded),
	"repeat_hardenings_of_a_scan": _eligible - _bases,
	"beyond_schedule": _bases - delivered,
	"rounds_per_host": rounds_per_host,
})
