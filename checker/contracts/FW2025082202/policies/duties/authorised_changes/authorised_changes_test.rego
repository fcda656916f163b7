package contract.duties.authorised_changes_test

import data.contract.duties.authorised_changes as policy

params := {"period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00"}}

auth(ref, role, at, written) := {"ref": ref, "authorised_by_role": role, "authorised_at": at, "written": written}

change(id, at, a) := {"change_id": id, "system_id": "S1", "type": "data_change", "performed_at": at, "performed_by_role": "party_b_ops", "authorisation": a}

evidence(changes) := {"change_records": [{"path": "chg.json", "data": {"kind": "change_records", "as_of": "2026-09-10T00:00:00+08:00", "changes": changes}}]}

test_success_every_change_authorised_in_writing_beforehand if {
	ev := evidence([change("C1", "2025-10-01T10:00:00+08:00", auth("WO-1", "party_a", "2025-09-30T10:00:00+08:00", true))])
	count(policy.deny) == 0 with input.evidence as ev with data.params as params
}

test_fail_missing_oral_late_and_wrong_role if {
	ev := evidence([
		change("C1", "2025-10-01T10:00:00+08:00", null),
		change("C2", "2025-10-01T10:00:00+08:00", auth("TEL-2", "party_a", "2025-09-30T10:00:00+08:00", false)),
		change("C3", "2025-10-01T10:00:00+08:00", auth("WO-3", "party_a", "2025-10-01T11:00:00+08:00", true)),
		change("C4", "2025-10-01T10:00:00+08:00", auth("WO-4", "party_b_manager", "2025-09-30T10:00:00+08:00", true)),
		change("C5", "2025-09-01T10:00:00+08:00", null),
	])
	policy.deny == {
		{"msg": "data_change C1 on S1 at 2025-10-01T10:00:00+08:00 has no authorisation [9.6]", "evidence": "chg.json#/changes/0"},
		{"msg": "data_change C2 on S1 at 2025-10-01T10:00:00+08:00 authorisation TEL-2 is not written [9.6]", "evidence": "chg.json#/changes/1"},
		{"msg": "data_change C3 on S1 at 2025-10-01T10:00:00+08:00 authorisation WO-3 came at 2025-10-01T11:00:00+08:00, after the change [9.6]", "evidence": "chg.json#/changes/2"},
		{"msg": "data_change C4 on S1 at 2025-10-01T10:00:00+08:00 is authorised by party_b_manager, not Party A [9.6]", "evidence": "chg.json#/changes/3"},
	} with input.evidence as ev with data.params as params
}
