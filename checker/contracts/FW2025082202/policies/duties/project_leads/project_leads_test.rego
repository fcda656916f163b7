package contract.duties.project_leads_test

import data.contract.duties.project_leads as policy

params := {"timezone": "Asia/Shanghai", "period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00", "months": 12}}

start := "2025-09-03T00:00:00+08:00"

d(id, party, ref, from, to) := {"designation_id": id, "party": party, "role": "project manager", "staff_ref": ref, "from": from, "to": to, "designated_by": {"organisation_role": party, "role": "director"}, "document_ref": sprintf("L-%s", [id])}

notice(id, did, to, at) := {"notice_id": id, "designation_id": did, "written": true, "notified_to": to, "notified_at": at}

ev(ds, ns) := {"project_leads": [{"path": "leads.json", "data": {"kind": "project_leads", "as_of": "2026-09-03T00:00:00+08:00", "designations": ds, "change_notices": ns}}]}

change := "2026-02-01T00:00:00+08:00"

ds := [
	d("D-A1", "party_a", "A-PM-001", "2025-08-20T00:00:00+08:00", null),
	d("D-B1", "party_b", "B-PM-001", "2025-08-20T00:00:00+08:00", change),
	d("D-B2", "party_b", "B-PM-002", change, null),
]

test_success_one_lead_each_change_notified_on_the_day if {
	count(policy.deny) == 0 with input.evidence as ev(ds, [notice("N1", "D-B2", "party_a", change)]) with data.params as params
	policy.measure.leads == {"party_a": ["A-PM-001"], "party_b": ["B-PM-001", "B-PM-002"]} with input.evidence as ev(ds, [notice("N1", "D-B2", "party_a", change)]) with data.params as params
}

test_fail_change_notified_one_second_late if {
	policy.deny == {{"msg": "party_b lead changed to B-PM-002 (D-B2) on 2026-02-01T00:00:00+08:00 without a written notice to party_a by then [4.1]", "evidence": "leads.json#/designations/2"}} with input.evidence as ev(ds, [notice("N1", "D-B2", "party_a", "2026-02-01T00:00:01+08:00")]) with data.params as params
}

test_fail_oral_notice_does_not_count if {
	n := object.union(notice("N1", "D-B2", "party_a", change), {"written": false})
	count(policy.deny) == 1 with input.evidence as ev(ds, [n]) with data.params as params
}

test_fail_a_lead_missing_for_a_day_and_two_leads_at_once if {
	gap := [
		d("D-A1", "party_a", "A-PM-001", start, "2026-03-01T00:00:00+08:00"),
		d("D-A2", "party_a", "A-PM-002", "2026-03-02T00:00:00+08:00", null),
		d("D-B1", "party_b", "B-PM-001", start, null),
		d("D-B2", "party_b", "B-PM-002", "2026-05-01T00:00:00+08:00", "2026-05-02T00:00:00+08:00"),
	]
	notes := [notice("N1", "D-A2", "party_b", "2026-02-20T00:00:00+08:00"), notice("N2", "D-B2", "party_a", "2026-04-20T00:00:00+08:00")]
	policy.deny == {
		{"msg": "no party_a project lead in force from 2026-03-01T00:00:00+08:00 to 2026-03-02T00:00:00+08:00 [4.1]", "evidence": "leads.json#/designations", "party": "party_a", "from": "2026-03-01T00:00:00+08:00", "to": "2026-03-02T00:00:00+08:00"},
		{"msg": "party_b has two project leads (D-B1, D-B2) from 2026-05-01T00:00:00+08:00 to 2026-05-02T00:00:00+08:00 [4.1]", "evidence": "leads.json#/designations/3"},
	} with input.evidence as ev(gap, notes) with data.params as params
}

test_fail_a_lead_named_by_the_other_party_does_not_count if {
	bad := [object.union(d("D-A1", "party_a", "A-PM-001", start, null), {"designated_by": {"organisation_role": "party_b", "role": "pm"}}), d("D-B1", "party_b", "B-PM-001", start, null)]
	{v.msg | some v in policy.deny} == {
		"designation D-A1 of a party_a lead was made by party_b, not by that party [4.1]",
		"no party_a project lead in force from 2025-09-03T00:00:00+08:00 to 2026-09-03T00:00:00+08:00 [4.1]",
	} with input.evidence as ev(bad, []) with data.params as params
}
