package contract.sla.holiday_duty_test

import data.contract.sla.holiday_duty as policy

params := {
	"timezone": "Asia/Shanghai",
	"period": {"start": "2025-09-03T00:00:00+08:00", "end": "2025-10-03T00:00:00+08:00", "months": 1},
	"baseline": {"reinforced_min_staff": 2},
}

member(id) := {"staff_id": id, "role": "operations engineer", "organisation_role": "party_b", "security_registration": {"registered_at": "2025-08-01T00:00:00+08:00", "reference": "R"}}

shift(id, start, end, who) := {"shift_id": id, "start": start, "end": end, "staff_ids": who}

calendar := {"holidays": [{"date": "2025-10-01", "name": "National Day", "start": "2025-10-01T00:00:00+08:00", "end": "2025-10-02T00:00:00+08:00"}]}

event(by) := {"event_id": "E1", "title": "city marathon", "start": "2025-09-20T06:00:00+08:00", "end": "2025-09-20T14:00:00+08:00", "declared_by": {"organisation_role": by, "role": "operations director"}, "declared_at": "2025-09-10T10:00:00+08:00"}

good_shifts := [
	shift("h1", "2025-10-01T00:00:00+08:00", "2025-10-01T12:00:00+08:00", ["B1", "B2"]),
	shift("h2", "2025-10-01T12:00:00+08:00", "2025-10-02T00:00:00+08:00", ["B1", "B2", "B3"]),
	shift("e1", "2025-09-20T00:00:00+08:00", "2025-09-21T00:00:00+08:00", ["B2", "B3"]),
]

evidence(shifts, events) := {
	"duty_roster": [{"path": "roster.json", "data": {"kind": "duty_roster", "staff": [member("B1"), member("B2"), member("B3")], "shifts": shifts}}],
	"major_events": [{"path": "events.json", "data": {"kind": "major_events", "events": events}}],
}

test_success_holiday_and_event_reinforced if {
	count(policy.deny) == 0 with input.evidence as evidence(good_shifts, [event("party_a")]) with data.calendar as calendar with data.params as params
	policy.measure == {"expected": 2, "actual": 2, "unit": "occasion", "ignored_events": 0} with input.evidence as evidence(good_shifts, [event("party_a")]) with data.calendar as calendar with data.params as params
}

test_fail_holiday_afternoon_with_one_person if {
	shifts := [good_shifts[0], shift("h2", "2025-10-01T12:00:00+08:00", "2025-10-02T00:00:00+08:00", ["B1"]), good_shifts[2]]
	policy.deny == {{
		"msg": "public holiday 2025-10-01 (National Day): fewer than 2 registered staff on duty for 720 minutes, first from 2025-10-01T12:00:00+08:00 to 2025-10-02T00:00:00+08:00 [3.9]",
		"evidence": "roster.json#/shifts",
		"occasion": "public holiday 2025-10-01 (National Day)", "minutes": 720,
	}} with input.evidence as evidence(shifts, [event("party_a")]) with data.calendar as calendar with data.params as params
}

test_fail_declared_event_without_reinforcement if {
	shifts := array.slice(good_shifts, 0, 2)
	policy.deny == {{
		"msg": "major event E1 (city marathon): fewer than 2 registered staff on duty for 480 minutes, first from 2025-09-20T06:00:00+08:00 to 2025-09-20T14:00:00+08:00 [3.9]",
		"evidence": "events.json#/events/0",
		"occasion": "major event E1 (city marathon)", "minutes": 480,
	}} with input.evidence as evidence(shifts, [event("party_a")]) with data.calendar as calendar with data.params as params
}

test_success_event_declared_by_party_b_does_not_oblige if {
	shifts := array.slice(good_shifts, 0, 2)
	count(policy.deny) == 0 with input.evidence as evidence(shifts, [event("party_b")]) with data.calendar as calendar with data.params as params
	policy.measure.ignored_events == 1 with input.evidence as evidence(shifts, [event("party_b")]) with data.calendar as calendar with data.params as params
}

test_fail_calendar_does_not_know_the_years if {
	policy.deny == {{"msg": "no public-holiday calendar for the period: chinese-calendar does not know its years [3.9]", "evidence": ""}} with input.evidence as evidence(good_shifts, []) with data.params as params with data.calendar as {"holidays": null}
}
