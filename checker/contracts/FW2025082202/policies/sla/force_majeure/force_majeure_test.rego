package contract.sla.force_majeure_test

import data.contract.sla.force_majeure as policy

params := {
	"timezone": "Asia/Shanghai",
	"period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00", "months": 12},
	"force_majeure": {"notice_within_hours": 24, "proof_within_days": 15, "proof_issuer_kinds": ["government", "notary"], "written_forms": ["letter", "email", "fax"]},
	"systems": [{"id": "S1"}],
}

# China's official calendar, September-October 2025 (chinese-calendar): 1-8 October
# National Day, 28 September and 11 October adjusted working days
calendar := {"first_day": "2025-01-01", "last_day": "2025-12-31", "working_days": [
	"2025-09-01", "2025-09-02", "2025-09-03", "2025-09-04", "2025-09-05", "2025-09-08", "2025-09-09", "2025-09-10",
	"2025-09-11", "2025-09-12", "2025-09-15", "2025-09-16", "2025-09-17", "2025-09-18", "2025-09-19", "2025-09-22",
	"2025-09-23", "2025-09-24", "2025-09-25", "2025-09-26", "2025-09-28", "2025-09-29", "2025-09-30", "2025-10-09",
	"2025-10-10", "2025-10-11", "2025-10-13", "2025-10-14", "2025-10-15", "2025-10-16", "2025-10-17", "2025-10-20",
	"2025-10-21", "2025-10-22", "2025-10-23", "2025-10-24", "2025-10-27", "2025-10-28", "2025-10-29", "2025-10-30",
	"2025-10-31",
]}

claim(occurred, notice_at, proof_at) := {
	"claim_id": "FM-1", "claimed_by_role": "party_b",
	"event": {"type": "flood", "occurred_at": occurred, "description": "rainstorm flooded the machine-room district"},
	"notice": {"delivered_at": notice_at, "to_role": "party_a", "form": "letter", "reference": "N-1"},
	"proof": {"issuer_kind": "government", "issuer_role": "district emergency management bureau", "issued_on": substring(proof_at, 0, 10), "delivered_at": proof_at, "reference": "P-1"},
}

ev(claims, as_of) := {
	"force_majeure": [{"path": "fm.json", "data": {"kind": "force_majeure", "as_of": as_of, "claims": claims}}],
	"outages": [{"path": "o.json", "data": {"kind": "outages", "as_of": as_of, "outages": [{"outage_id": "f1", "system_ids": ["S1"], "started_at": "2025-10-08T10:00:00+08:00", "ended_at": "2025-10-08T15:00:00+08:00", "cause": "force_majeure", "planned": false, "force_majeure_id": "FM-1"}]}}],
	"incidents": [{"path": "i.json", "data": {"kind": "incidents", "as_of": as_of, "incidents": []}}],
}

end := "2026-09-10T00:00:00+08:00"

# 2025-10-08 + 15 天 = 2025-10-23 (a Thursday, a working day)
oct8(proof_at) := claim("2025-10-08T09:55:00+08:00", "2025-10-08T11:00:00+08:00", proof_at)

test_success_proof_on_the_last_day if {
	e := ev([oct8("2025-10-23T23:59:59+08:00")], end)
	count(policy.deny) == 0 with input.evidence as e with data.params as params with data.calendar as calendar
	policy.measure.excused_outages == ["f1"] with input.evidence as e with data.params as params with data.calendar as calendar
	policy.measure.deadlines == {"FM-1": "2025-10-23"} with input.evidence as e with data.params as params with data.calendar as calendar
}

test_success_proof_a_day_before_the_last_day if {
	count(policy.deny) == 0 with input.evidence as ev([oct8("2025-10-22T10:00:00+08:00")], end) with data.params as params with data.calendar as calendar
}

test_fail_proof_a_day_after_the_last_day if {
	e := ev([oct8("2025-10-24T00:00:00+08:00")], end)
	policy.deny == {{
		"msg": "force-majeure claim FM-1 (flood, 2025-10-08T09:55:00+08:00): proof delivered on 2025-10-24, after the deadline 2025-10-23; not excused [14.3]",
		"evidence": "fm.json#/claims/0", "claim_id": "FM-1", "problems": ["proof delivered on 2025-10-24, after the deadline 2025-10-23"],
	}} with input.evidence as e with data.params as params with data.calendar as calendar
	policy.measure.excused_outages == [] with input.evidence as e with data.params as params with data.calendar as calendar
}

# 2025-09-16 + 15 = 2025-10-01, National Day: the period ends on 2025-10-09
sep16(proof_at) := claim("2025-09-16T08:00:00+08:00", "2025-09-16T12:00:00+08:00", proof_at)

test_success_last_day_on_a_public_holiday_moves_to_the_next_working_day if {
	e := ev([sep16("2025-10-09T18:00:00+08:00")], end)
	count(policy.deny) == 0 with input.evidence as e with data.params as params with data.calendar as calendar
	policy.measure.deadlines == {"FM-1": "2025-10-09"} with input.evidence as e with data.params as params with data.calendar as calendar
}

test_fail_a_day_after_the_moved_deadline if {
	{v.claim_id | some v in policy.deny} == {"FM-1"} with input.evidence as ev([sep16("2025-10-10T09:00:00+08:00")], end) with data.params as params with data.calendar as calendar
}

# 2025-10-03 + 15 = 2025-10-18, a Saturday (rest day): moves to Monday 2025-10-20
test_success_last_day_on_a_weekend_moves_to_monday if {
	c := claim("2025-10-03T08:00:00+08:00", "2025-10-03T12:00:00+08:00", "2025-10-20T17:00:00+08:00")
	count(policy.deny) == 0 with input.evidence as ev([c], end) with data.params as params with data.calendar as calendar
}

test_fail_tuesday_after_a_weekend_deadline if {
	c := claim("2025-10-03T08:00:00+08:00", "2025-10-03T12:00:00+08:00", "2025-10-21T09:00:00+08:00")
	{v.claim_id | some v in policy.deny} == {"FM-1"} with input.evidence as ev([c], end) with data.params as params with data.calendar as calendar
}

# 立即: the written notice within notice_within_hours (24 h, boundary included)
test_success_notice_exactly_24_hours_after if {
	c := claim("2025-10-08T09:55:00+08:00", "2025-10-09T09:55:00+08:00", "2025-10-20T10:00:00+08:00")
	count(policy.deny) == 0 with input.evidence as ev([c], end) with data.params as params with data.calendar as calendar
}

test_success_notice_a_second_under_24_hours if {
	c := claim("2025-10-08T09:55:00+08:00", "2025-10-09T09:54:59+08:00", "2025-10-20T10:00:00+08:00")
	count(policy.deny) == 0 with input.evidence as ev([c], end) with data.params as params with data.calendar as calendar
}

test_fail_notice_a_second_over_24_hours if {
	c := claim("2025-10-08T09:55:00+08:00", "2025-10-09T09:55:01+08:00", "2025-10-20T10:00:00+08:00")
	[v.problems | some v in policy.deny] == [["written notice 1440.02 min after the event, at once means within 24 h"]] with input.evidence as ev([c], end) with data.params as params with data.calendar as calendar
}

test_fail_notice_by_phone_and_proof_by_party_b if {
	base := oct8("2025-10-20T10:00:00+08:00")
	c := object.union(base, {"notice": object.union(base.notice, {"form": "phone"}), "proof": object.union(base.proof, {"issuer_kind": "party_b"})})
	[v.problems | some v in policy.deny] == [[
		"notice by phone is not written (书面)",
		"proof issued by party_b (district emergency management bureau), not a government body or notary",
	]] with input.evidence as ev([c], end) with data.params as params with data.calendar as calendar
}

test_fail_no_notice_and_no_proof_after_the_deadline if {
	c := object.union(oct8("2025-10-20T10:00:00+08:00"), {"notice": null, "proof": null})
	[v.problems | some v in policy.deny] == [["no proof delivered by 2025-10-23 (15 天 from the event)", "no written notice"]] with input.evidence as ev([c], end) with data.params as params with data.calendar as calendar
}

test_success_proof_not_yet_due_is_pending_not_excused if {
	c := object.union(oct8("2025-10-20T10:00:00+08:00"), {"proof": null})
	e := ev([c], "2025-10-15T00:00:00+08:00")
	count(policy.deny) == 0 with input.evidence as e with data.params as params with data.calendar as calendar
	policy.measure.pending == ["FM-1"] with input.evidence as e with data.params as params with data.calendar as calendar
	policy.measure.excused_outages == [] with input.evidence as e with data.params as params with data.calendar as calendar
}

test_fail_outage_and_incident_recorded_as_force_majeure_without_a_claim if {
	inc := {"incident_id": "INC-9", "category": "service_interruption", "occurred_at": "2025-10-08T10:00:00+08:00", "ended_at": null, "system_ids": ["S1"], "provider_responsible": false, "force_majeure": true, "force_majeure_id": "FM-7", "major_impact": false}
	e := object.union(ev([], end), {"incidents": [{"path": "i.json", "data": {"kind": "incidents", "as_of": end, "incidents": [inc]}}]})
	policy.deny == {
		{"msg": "outage f1 is recorded as force majeure but its claim FM-1 is not in the bundle; not excused [14.3]", "evidence": "o.json#/outages/0", "outage_id": "f1"},
		{"msg": "incident INC-9 is recorded as force majeure but its claim FM-7 is not in the bundle; not excused [14.3]", "evidence": "i.json#/incidents/0", "incident_id": "INC-9"},
	} with input.evidence as e with data.params as params with data.calendar as calendar
}

test_fail_deadline_past_the_known_calendar if {
	c := claim("2025-12-20T08:00:00+08:00", "2025-12-20T12:00:00+08:00", "2026-01-02T10:00:00+08:00")
	[v.problems | some v in policy.deny] == [["the calendar does not know 2026-01-04: the proof deadline cannot be worked out"]] with input.evidence as ev([c], end) with data.params as params with data.calendar as calendar
}

test_success_nothing_claimed_is_not_applicable if {
	e := {"force_majeure": [{"path": "fm.json", "data": {"kind": "force_majeure", "as_of": end, "claims": []}}], "outages": [{"path": "o.json", "data": {"kind": "outages", "as_of": end, "outages": []}}]}
	policy.not_applicable with input.evidence as e with data.params as params with data.calendar as calendar
}
