package contract.duties.platform_drills_test

import data.contract.duties.platform_drills as policy

params := {"timezone": "Asia/Shanghai", "period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00", "months": 12}}

a := {"organisation_role": "party_a", "role": "information office"}

perm(by, written, at) := {"granted_by": by, "written": written, "granted_at": at, "reference": "PERM-1"}

drill(id, p) := {"drill_id": id, "title": "failover drill", "started_at": "2026-04-10T09:00:00+08:00", "ended_at": "2026-04-10T13:00:00+08:00", "permission": p}

ev(ds) := {"platform_drills": [{"path": "pd.json", "data": {"kind": "platform_drills", "as_of": "2026-09-03T00:00:00+08:00", "drills": ds}}]}

test_success_not_applicable_without_drills if {
	policy.not_applicable with input.evidence as ev([]) with data.params as params
}

test_success_permission_one_second_before_the_drill if {
	count(policy.deny) == 0 with input.evidence as ev([drill("PD-1", perm(a, true, "2026-04-10T08:59:59+08:00"))]) with data.params as params
	policy.measure.actual == 1 with input.evidence as ev([drill("PD-1", perm(a, true, "2026-04-10T08:59:59+08:00"))]) with data.params as params
}

test_fail_permission_at_the_start_or_after_is_not_prior if {
	policy.deny == {
		{"msg": "platform drill PD-1 started 2026-04-10T09:00:00+08:00: the permission is dated 2026-04-10T09:00:00+08:00, not before the drill started [10.2.2]", "evidence": "pd.json#/drills/0/permission", "drill_id": "PD-1"},
		{"msg": "platform drill PD-2 started 2026-04-10T09:00:00+08:00: the permission is dated 2026-04-10T09:00:01+08:00, not before the drill started [10.2.2]", "evidence": "pd.json#/drills/1/permission", "drill_id": "PD-2"},
	} with input.evidence as ev([drill("PD-1", perm(a, true, "2026-04-10T09:00:00+08:00")), drill("PD-2", perm(a, true, "2026-04-10T09:00:01+08:00"))]) with data.params as params
}

test_fail_no_permission_oral_or_not_from_party_a if {
	b := {"organisation_role": "party_b", "role": "ops director"}
	ds := [drill("PD-1", null), drill("PD-2", perm(a, false, "2026-04-01T09:00:00+08:00")), drill("PD-3", perm(b, true, "2026-04-01T09:00:00+08:00"))]
	{v.msg | some v in policy.deny} == {
		"platform drill PD-1 started 2026-04-10T09:00:00+08:00: no permission [10.2.2]",
		"platform drill PD-2 started 2026-04-10T09:00:00+08:00: the permission was not in writing [10.2.2]",
		"platform drill PD-3 started 2026-04-10T09:00:00+08:00: the permission was granted by party_b, not Party A [10.2.2]",
	} with input.evidence as ev(ds) with data.params as params
}

test_fail_party_a_system_drill_not_supported if {
	e := object.union(ev([]), {"drills": [{"path": "drills.json", "data": {"kind": "drills", "plans": [], "drills": [{"drill_id": "DR-1", "plan_id": "EP-1", "title": "t", "organised_by_role": "party_a", "started_at": "2026-03-01T09:00:00+08:00", "ended_at": "2026-03-01T12:00:00+08:00", "status": "cancelled"}]}}]})
	policy.deny == {{"msg": "Party A's system drill DR-1 was not completed with Party B's support (cancelled) [10.2.2]", "evidence": "drills.json#/drills/0", "drill_id": "DR-1"}} with input.evidence as e with data.params as params
	not policy.not_applicable with input.evidence as e with data.params as params
}
