package contract.duties.restart_requests_test

import data.contract.duties.restart_requests as policy

params := {"timezone": "Asia/Shanghai", "period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00"}, "duties": {"restart_within_minutes": 30}}

req(id, role, at, channel) := {"request_id": id, "host_id": "h1", "requested_by_role": role, "received_at": at, "channel": channel}

restart(id, at, request_id) := {"restart_id": id, "host_id": "h1", "performed_at": at, "request_id": request_id}

evidence(requests, restarts) := {"restart_records": [{"path": "rs.json", "data": {"kind": "restart_records", "as_of": "2026-09-10T00:00:00+08:00", "requests": requests, "restarts": restarts}}]}

test_success_written_and_phoned_requests_carried_out_in_30_minutes if {
	ev := evidence(
		[req("RQ-1", "party_a", "2025-10-01T09:00:00+08:00", "written"), req("RQ-2", "party_a", "2025-10-02T09:00:00+08:00", "phone")],
		[restart("X1", "2025-10-01T09:30:00+08:00", "RQ-1"), restart("X2", "2025-10-02T09:10:00+08:00", "RQ-2")],
	)
	count(policy.deny) == 0 with input.evidence as ev with data.params as params
}

test_fail_restart_one_minute_over_the_limit if {
	ev := evidence([req("RQ-1", "party_a", "2025-10-01T09:00:00+08:00", "written")], [restart("X1", "2025-10-01T09:31:00+08:00", "RQ-1")])
	policy.deny == {{"msg": "request RQ-1 to restart h1 (written) carried out 31 minutes after 2025-10-01T09:00:00+08:00, limit 30 [9.9]", "evidence": "rs.json#/requests/0", "minutes": 31}} with input.evidence as ev with data.params as params
}

test_success_clock_starts_at_the_proof_party_b_asked_for if {
	q := object.union(req("RQ-1", "party_a", "2025-10-01T09:00:00+08:00", "phone"), {"proof_asked_at": "2025-10-01T09:02:00+08:00", "proof_received_at": "2025-10-01T11:00:00+08:00"})
	ev := evidence([q], [restart("X1", "2025-10-01T11:30:00+08:00", "RQ-1")])
	count(policy.deny) == 0 with input.evidence as ev with data.params as params
}

test_success_no_restart_owed_when_the_asked_proof_never_came if {
	q := object.union(req("RQ-1", "party_a", "2025-10-01T09:00:00+08:00", "phone"), {"proof_asked_at": "2025-10-01T09:02:00+08:00", "proof_received_at": null})
	count(policy.deny) == 0 with input.evidence as evidence([q], []) with data.params as params
}

test_fail_request_never_carried_out if {
	ev := evidence([req("RQ-1", "party_a", "2025-10-01T09:00:00+08:00", "phone")], [])
	policy.deny == {{"msg": "request RQ-1 to restart h1 (phone, from 2025-10-01T09:00:00+08:00) was not carried out [9.9]", "evidence": "rs.json#/requests/0"}} with input.evidence as ev with data.params as params
}

test_fail_restarts_without_a_request_of_party_a if {
	ev := evidence(
		[req("RQ-2", "party_b", "2025-10-02T09:00:00+08:00", "ticket"), req("RQ-3", "party_a", "2025-10-03T09:00:00+08:00", "written")],
		[
			restart("X1", "2025-10-01T10:00:00+08:00", null),
			restart("X2", "2025-10-02T10:00:00+08:00", "RQ-2"),
			restart("X3", "2025-10-03T08:50:00+08:00", "RQ-3"),
			restart("X4", "2025-10-03T09:20:00+08:00", "RQ-9"),
		],
	)
	policy.deny == {
		{"msg": "restart X1 of h1 at 2025-10-01T10:00:00+08:00 has no request from Party A [9.9]", "evidence": "rs.json#/restarts/0"},
		{"msg": "restart X2 of h1 at 2025-10-02T10:00:00+08:00 cites request RQ-2 made by party_b, not Party A [9.9]", "evidence": "rs.json#/restarts/1"},
		{"msg": "restart X3 of h1 at 2025-10-03T08:50:00+08:00 came before request RQ-3 was received at 2025-10-03T09:00:00+08:00 [9.9]", "evidence": "rs.json#/restarts/2"},
		{"msg": "restart X4 of h1 at 2025-10-03T09:20:00+08:00 cites request RQ-9, which the register does not hold [9.9]", "evidence": "rs.json#/restarts/3"},
		{"msg": "request RQ-3 to restart h1 (written, from 2025-10-03T09:00:00+08:00) was not carried out [9.9]", "evidence": "rs.json#/requests/1"},
	} with input.evidence as ev with data.params as params
}

# the indexes by request id (issue 17): several restarts citing one request, the earliest
# at or after its receipt counts; one before it is a violation of its own
test_success_the_earliest_restart_after_the_request_counts if {
	ev := evidence(
		[req("RQ-1", "party_a", "2025-10-01T09:00:00+08:00", "written")],
		[
			restart("X1", "2025-10-01T08:59:00+08:00", "RQ-1"),
			restart("X2", "2025-10-01T09:50:00+08:00", "RQ-1"),
			restart("X3", "2025-10-01T09:10:00+08:00", "RQ-1"),
		],
	)
	policy.deny == {{"msg": "restart X1 of h1 at 2025-10-01T08:59:00+08:00 came before request RQ-1 was received at 2025-10-01T09:00:00+08:00 [9.9]", "evidence": "rs.json#/restarts/0"}} with input.evidence as ev with data.params as params
}

test_fail_request_not_carried_out_when_no_restart_cites_any_request if {
	ev := evidence([req("RQ-1", "party_a", "2025-10-01T09:00:00+08:00", "phone")], [restart("X1", "2025-10-01T09:10:00+08:00", null)])
	policy.deny == {
		{"msg": "restart X1 of h1 at 2025-10-01T09:10:00+08:00 has no request from Party A [9.9]", "evidence": "rs.json#/restarts/0"},
		{"msg": "request RQ-1 to restart h1 (phone, from 2025-10-01T09:00:00+08:00) was not carried out [9.9]", "evidence": "rs.json#/requests/0"},
	} with input.evidence as ev with data.params as params
}
