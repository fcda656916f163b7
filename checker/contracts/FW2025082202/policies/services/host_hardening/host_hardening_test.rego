package contract.services.host_hardening_test

import data.contract.services.host_hardening as policy

params := {
	"timezone": "Asia/Shanghai",
	"period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00"},
	"services": {"2.2.1.8": {"quantity": 2, "unit": "host-hardening", "close_severities": ["critical", "high"], "rounds_per_host": 2}},
}

host(id) := {"host_id": id, "hostname": id, "ip": "10.0.0.1", "system_id": "S1", "os": {"name": "UOS", "version": "20", "family": "commercial"}, "in_service_from": "2025-09-03T00:00:00+08:00"}

finding(id, severity) := {"finding_id": id, "severity": severity, "title": id}

scan(id, host_id, started) := {
	"scan_id": id, "round": "R1", "host_id": host_id, "started_at": started,
	"finished_at": "2025-10-01T12:00:00+08:00", "tool": {"name": "Nessus"},
	"findings": [finding("F1", "critical"), finding("F2", "high"), finding("F3", "medium")],
}

item(id, outcome) := {"finding_id": id, "outcome": outcome, "justification": "compensating control"}

hardening(id, host_id, scan_id, items) := {"hardening_id": id, "host_id": host_id, "scan_id": scan_id, "performed_at": "2025-10-05T10:00:00+08:00", "items": items}

closed := [item("F1", "fixed"), item("F2", "justified")]

good_scans := [scan("s1", "h1", "2025-10-01T09:00:00+08:00"), scan("s2", "h2", "2025-10-01T09:00:00+08:00")]

evidence(scans, hardenings) := {
	"host_inventory": [{"path": "hosts.json", "data": {"kind": "host_inventory", "hosts": [host("h1"), host("h2")]}}],
	"vuln_scan": [{"path": "scans.json", "data": {"kind": "vuln_scan", "scans": scans}}],
	"hardening": [{"path": "hard.json", "data": {"kind": "hardening", "hardenings": hardenings}}],
}

test_success_each_scan_hardened_with_high_findings_closed if {
	hs := [hardening("a", "h1", "s1", closed), hardening("b", "h2", "s2", closed)]
	count(policy.deny) == 0 with input.evidence as evidence(good_scans, hs) with data.params as params
	policy.measure == {"expected": 2, "actual": 2, "unit": "host-hardening", "excluded": 0, "repeat_hardenings_of_a_scan": 0, "beyond_schedule": 0, "rounds_per_host": 2} with input.evidence as evidence(good_scans, hs) with data.params as params
}

test_fail_open_high_finding_does_not_count if {
	hs := [hardening("a", "h1", "s1", closed), hardening("b", "h2", "s2", [item("F1", "fixed"), item("F2", "open")])]
	policy.deny == {{"msg": "delivered 1 host-hardening, contracted 2 (shortfall 1) [2.2.1.8]", "evidence": "hard.json#/hardenings"}} with input.evidence as evidence(good_scans, hs) with data.params as params
	policy.excluded == {{"evidence": "hard.json#/hardenings/1", "reason": "findings of scan s2 neither fixed nor justified: F2"}} with input.evidence as evidence(good_scans, hs) with data.params as params
}

test_fail_second_hardening_of_one_scan_counts_once if {
	hs := [hardening("a", "h1", "s1", closed), hardening("b", "h1", "s1", closed)]
	policy.measure == {"expected": 2, "actual": 1, "unit": "host-hardening", "excluded": 0, "repeat_hardenings_of_a_scan": 1, "beyond_schedule": 0, "rounds_per_host": 2} with input.evidence as evidence(good_scans, hs) with data.params as params
	count(policy.deny) == 1 with input.evidence as evidence(good_scans, hs) with data.params as params
}

test_fail_untied_foreign_missing_and_early_hardenings_do_not_count if {
	early := object.union(hardening("e", "h1", "s1", closed), {"performed_at": "2025-10-01T10:00:00+08:00"})
	late_scan := scan("s3", "h2", "2026-09-03T01:00:00+08:00")
	hs := [
		hardening("n", "h1", null, closed),
		hardening("f", "h2", "s1", closed),
		hardening("m", "h1", "s9", closed),
		early,
		hardening("l", "h2", "s3", closed),
	]
	policy.excluded == {
		{"evidence": "hard.json#/hardenings/0", "reason": "not tied to a scan or an MLPS evaluation finding (scan_id is null, no evaluation_finding)"},
		{"evidence": "hard.json#/hardenings/1", "reason": "cites scan s1 of another host"},
		{"evidence": "hard.json#/hardenings/2", "reason": "cites scan s9, which is not in the scan evidence"},
		{"evidence": "hard.json#/hardenings/3", "reason": "performed before scan s1 finished"},
		{"evidence": "hard.json#/hardenings/4", "reason": "cites scan s3, which does not count for 2.2.1.7 (host or period)"},
	} with input.evidence as evidence(array.concat(good_scans, [late_scan]), hs) with data.params as params
}

# ---- scans per host on the agreed schedule (reading rule 3) ----------------------
# defect: four hardenings of one host (four scans) filled the quantity
test_fail_one_host_cannot_fill_the_quantity if {
	ss := [scan("s1", "h1", "2025-10-01T09:00:00+08:00"), scan("s2", "h1", "2025-10-01T09:30:00+08:00"), scan("s3", "h1", "2025-10-01T10:00:00+08:00")]
	hs := [hardening("a", "h1", "s1", closed), hardening("b", "h1", "s2", closed), hardening("c", "h1", "s3", closed)]
	p1 := json.patch(params, [{"op": "replace", "path": "/services/2.2.1.8/quantity", "value": 3}])
	policy.measure.actual == 2 with input.evidence as evidence(ss, hs) with data.params as p1
	policy.measure.beyond_schedule == 1 with input.evidence as evidence(ss, hs) with data.params as p1
	count(policy.deny) == 1 with input.evidence as evidence(ss, hs) with data.params as p1
}

# ---- hardening on MLPS evaluation findings (针对漏扫或等级测评结果) --------------
cert(id, issuer) := {"cert_id": id, "type": "mlps_evaluation", "level": 3, "scope": "tenant_system", "issuer_role": issuer, "issued_on": "2025-11-20", "valid_from": "2025-11-20", "valid_until": "2026-11-19", "conclusion": "basic_pass"}

on_eval(id, host_id, eval_id, finding_id, outcome, at) := {"hardening_id": id, "host_id": host_id, "scan_id": null, "performed_at": at, "evaluation_finding": {"evaluation_id": eval_id, "finding_id": finding_id}, "items": [item(finding_id, outcome)]}

with_certs(ev, certs) := object.union(ev, {"certifications": [{"path": "certs.json", "data": {"kind": "certifications", "as_of": "2026-09-03T00:00:00+08:00", "certificates": certs}}]})

# defect: a hardening made on an MLPS evaluation finding did not count at all
test_success_hardening_on_an_mlps_evaluation_finding_counts if {
	hs := [hardening("a", "h1", "s1", closed), on_eval("b", "h2", "EV-1", "MLPS-7", "fixed", "2025-12-01T10:00:00+08:00")]
	ev := with_certs(evidence(good_scans, hs), [cert("EV-1", "mlps_evaluation_agency")])
	count(policy.deny) == 0 with input.evidence as ev with data.params as params
	policy.measure.actual == 2 with input.evidence as ev with data.params as params
}

test_fail_evaluation_hardening_without_a_verifiable_evaluation if {
	hs := [
		hardening("a", "h1", "s1", closed),
		on_eval("b", "h2", "EV-9", "MLPS-7", "fixed", "2025-12-01T10:00:00+08:00"),
		on_eval("c", "h2", "EV-B", "MLPS-7", "fixed", "2025-12-01T10:00:00+08:00"),
		on_eval("d", "h2", "EV-1", "MLPS-7", "open", "2025-12-01T10:00:00+08:00"),
		on_eval("e", "h2", "EV-1", "MLPS-7", "fixed", "2025-11-19T23:59:59+08:00"),
	]
	ev := with_certs(evidence(good_scans, hs), [cert("EV-1", "mlps_evaluation_agency"), cert("EV-B", "party_b")])
	policy.excluded == {
		{"evidence": "hard.json#/hardenings/1", "reason": "cites MLPS evaluation EV-9, which is not in the certifications evidence"},
		{"evidence": "hard.json#/hardenings/2", "reason": "MLPS evaluation EV-B was issued by Party B itself, not by an evaluation body"},
		{"evidence": "hard.json#/hardenings/3", "reason": "evaluation finding MLPS-7 neither fixed nor justified"},
		{"evidence": "hard.json#/hardenings/4", "reason": "performed before MLPS evaluation EV-1 was issued"},
	} with input.evidence as ev with data.params as params
	policy.measure.actual == 1 with input.evidence as ev with data.params as params
}

# boundary: performed on the day the evaluation was issued (at) counts, the day before
# (below) does not, the day after (above) counts
eval_ev(at) := with_certs(evidence(good_scans, [hardening("a", "h1", "s1", closed), on_eval("b", "h2", "EV-1", "MLPS-7", "fixed", at)]), [cert("EV-1", "mlps_evaluation_agency")])

test_fail_evaluation_issue_day_boundary if {
	policy.measure.actual == 2 with input.evidence as eval_ev("2025-11-20T00:00:00+08:00") with data.params as params
	policy.measure.actual == 1 with input.evidence as eval_ev("2025-11-19T23:59:59+08:00") with data.params as params
	policy.measure.actual == 2 with input.evidence as eval_ev("2025-11-21T00:00:00+08:00") with data.params as params
}

test_fail_two_hardenings_on_one_evaluation_of_a_host_count_once if {
	hs := [on_eval("a", "h2", "EV-1", "MLPS-7", "fixed", "2025-12-01T10:00:00+08:00"), on_eval("b", "h2", "EV-1", "MLPS-8", "fixed", "2025-12-02T10:00:00+08:00")]
	ev := with_certs(evidence(good_scans, hs), [cert("EV-1", "mlps_evaluation_agency")])
	policy.measure.actual == 1 with input.evidence as ev with data.params as params
}
