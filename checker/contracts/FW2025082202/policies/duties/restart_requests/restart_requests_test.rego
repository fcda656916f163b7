package contract.duties.restart_requests_test

import data.contract.duties.restart_requests as policy

params := {"period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00"}}

req(ref, role, at, written, verified) := {"ref": ref, "received_at": at, "requested_by_role": role, "written": written, "identity_verified": verified}

restart(id, at, r) := {"restart_id": id, "host_id": "h1", "performed_at": at, "request": r}

evidence(restarts) := {"restart_records": [{"path": "rs.json", "data": {"kind": "restart_records", "as_of": "2026-09-10T00:00:00+08:00", "restarts": restarts}}]}

test_success_written_or_verified_requests_beforehand if {
	ev := evidence([
		restart("X1", "2025-10-01T10:00:00+08:00", req("RQ-1", "party_a", "2025-10-01T09:00:00+08:00", true, false)),
		restart("X2", "2025-10-02T10:00:00+08:00", req("RQ-2", "party_a", "2025-10-02T09:00:00+08:00", false, true)),
	])
	count(policy.deny) == 0 with input.evidence as ev with data.params as params
}

test_fail_no_request_unverified_late_and_wrong_role if {
	ev := evidence([
		restart("X1", "2025-10-01T10:00:00+08:00", null),
		restart("X2", "2025-10-01T10:00:00+08:00", req("RQ-2", "party_a", "2025-10-01T09:00:00+08:00", false, false)),
		restart("X3", "2025-10-01T10:00:00+08:00", req("RQ-3", "party_a", "2025-10-01T10:30:00+08:00", true, false)),
		restart("X4", "2025-10-01T10:00:00+08:00", req("RQ-4", "party_b_ops", "2025-10-01T09:00:00+08:00", true, false)),
	])
	policy.deny == {
		{"msg": "restart X1 of h1 at 2025-10-01T10:00:00+08:00 has no request [9.9]", "evidence": "rs.json#/restarts/0"},
		{"msg": "restart X2 of h1 at 2025-10-01T10:00:00+08:00 request RQ-2 is neither written nor identity-verified [9.9]", "evidence": "rs.json#/restarts/1"},
		{"msg": "restart X3 of h1 at 2025-10-01T10:00:00+08:00 request RQ-3 arrived at 2025-10-01T10:30:00+08:00, after the restart [9.9]", "evidence": "rs.json#/restarts/2"},
		{"msg": "restart X4 of h1 at 2025-10-01T10:00:00+08:00 was requested by party_b_ops, not Party A [9.9]", "evidence": "rs.json#/restarts/3"},
	} with input.evidence as ev with data.params as params
}
