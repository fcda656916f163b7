package contract.confidentiality.end_of_term_test

import data.contract.confidentiality.end_of_term as policy

params(days) := {"timezone": "Asia/Shanghai", "period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00", "months": 12}, "duties": {"end_of_term_handling_days": days}}

whole_term := {"period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00"}}

half_term := {"period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-03-03T00:00:00+08:00"}}

sig := "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

by(org, ref, at) := {"ref": ref, "organisation_role": org, "role": "security officer", "signed_at": at, "signature": {"method": "seal", "reference": concat("", ["letters/", ref, ".pdf"]), "sha256": sig}}

instr(action, due, org) := {"instruction_id": "EI-1", "action": action, "scope": "ops documents, account lists and local backups", "due_on": due, "approval": by(org, "EI-1", "2026-09-10T10:00:00+08:00")}

disp(id, action, at, conf) := {"disposal_id": "DS-1", "instruction_id": id, "action": action, "performed_at": at, "method": "NIST SP 800-88 purge", "confirmation": conf}

ok_disp(at) := disp("EI-1", "destroyed", at, by("party_a", "CF-1", at))

ev(as_of, ended, is, ds) := {"confidential_disposal": [{"path": "cd.json", "data": {"kind": "confidential_disposal", "as_of": as_of, "ops_work_ended_on": ended, "instructions": is, "disposals": ds}}]}

after := "2026-11-16T00:00:00+08:00"

test_success_not_applicable_before_the_end if {
	policy.not_applicable with input.evidence as ev("2026-09-02T23:59:59+08:00", null, [], []) with input.bundle as whole_term with data.params as params(null)
}

test_success_not_applicable_when_the_bundle_ends_before_the_term if {
	# a half-year bundle, even exported late, cannot show the end-of-term handling
	e := ev(after, null, [instr("destroy", "2026-09-20", "party_a")], [])
	policy.not_applicable with input.evidence as e with input.bundle as half_term with data.params as params(null)
}

test_success_instruction_carried_out_on_its_due_day_and_confirmed if {
	e := ev(after, null, [instr("destroy", "2026-09-20", "party_a")], [ok_disp("2026-09-20T23:59:59+08:00")])
	count(policy.deny) == 0 with input.evidence as e with input.bundle as whole_term with data.params as params(null)
	not policy.not_applicable with input.evidence as e with input.bundle as whole_term with data.params as params(null)
	policy.measure.ended_on == "2026-09-02" with input.evidence as e with input.bundle as whole_term with data.params as params(null)
}

test_fail_carried_out_the_day_after_its_due_day if {
	e := ev(after, null, [instr("destroy", "2026-09-20", "party_a")], [ok_disp("2026-09-21T00:00:00+08:00")])
	policy.deny == {{"msg": "Party A's instruction EI-1 (destroy) was carried out on 2026-09-21, after its due day 2026-09-20 [A4.6.1]", "evidence": "cd.json#/disposals/0", "due": "2026-09-20"}} with input.evidence as e with input.bundle as whole_term with data.params as params(null)
}

test_fail_instruction_never_carried_out if {
	e := ev(after, null, [instr("hand_back", "2026-09-20", "party_a")], [])
	policy.deny == {{"msg": "Party A's instruction EI-1 (hand_back: ops documents, account lists and local backups) has no disposal record; due 2026-09-20 [A4.6.1]", "evidence": "cd.json#/instructions/0"}} with input.evidence as e with input.bundle as whole_term with data.params as params(null)
}

test_success_no_due_day_no_parameter_is_pending if {
	e := ev(after, null, [instr("hand_back", null, "party_a")], [])
	count(policy.deny) == 0 with input.evidence as e with input.bundle as whole_term with data.params as params(null)
}

test_fail_no_due_day_parameter_days_exceeded if {
	# instruction signed 2026-09-10 + 5 days = 2026-09-15; done on the 16th
	e := ev(after, null, [instr("destroy", null, "party_a")], [ok_disp("2026-09-16T10:00:00+08:00")])
	count(policy.deny) == 1 with input.evidence as e with input.bundle as whole_term with data.params as params(5)
	count(policy.deny) == 0 with input.evidence as ev(after, null, [instr("destroy", null, "party_a")], [ok_disp("2026-09-15T10:00:00+08:00")]) with input.bundle as whole_term with data.params as params(5)
}

test_fail_discarded_without_permission_even_during_the_term if {
	e := ev("2026-03-01T00:00:00+08:00", null, [], [disp(null, "discarded", "2026-02-01T10:00:00+08:00", null)])
	policy.deny == {{"msg": "confidential information discarded (DS-1 at 2026-02-01T10:00:00+08:00) without Party A's written permission: the record cites no instruction of Party A [A4.6.1]", "evidence": "cd.json#/disposals/0"}} with input.evidence as e with input.bundle as whole_term with data.params as params(null)
}

test_fail_instruction_of_party_b_or_wrong_action_or_unconfirmed if {
	own := ev(after, null, [instr("destroy", "2026-09-20", "party_b")], [ok_disp("2026-09-15T10:00:00+08:00")])
	policy.deny == {{"msg": "confidential information destroyed (DS-1 at 2026-09-15T10:00:00+08:00) without Party A's written permission: the record cites EI-1, which is not a signed instruction of Party A [A4.6.1]", "evidence": "cd.json#/disposals/0"}} with input.evidence as own with input.bundle as whole_term with data.params as params(null)
	wrong := ev(after, null, [instr("hand_back", "2026-09-20", "party_a")], [ok_disp("2026-09-15T10:00:00+08:00")])
	policy.deny == {
		{"msg": "confidential information destroyed (DS-1 at 2026-09-15T10:00:00+08:00) without Party A's written permission: the record instruction EI-1 asked to hand_back, not destroyed [A4.6.1]", "evidence": "cd.json#/disposals/0"},
		{"msg": "Party A's instruction EI-1 (hand_back: ops documents, account lists and local backups) has no disposal record; due 2026-09-20 [A4.6.1]", "evidence": "cd.json#/instructions/0"},
	} with input.evidence as wrong with input.bundle as whole_term with data.params as params(null)
	unconfirmed := ev(after, null, [instr("destroy", "2026-09-20", "party_a")], [disp("EI-1", "destroyed", "2026-09-15T10:00:00+08:00", null)])
	policy.deny == {{"msg": "disposal DS-1 carrying out instruction EI-1 is not confirmed by Party A: there is none [A4.6.1]", "evidence": "cd.json#/disposals/0"}} with input.evidence as unconfirmed with input.bundle as whole_term with data.params as params(null)
}

test_fail_disposal_before_the_instruction_was_signed if {
	e := ev(after, null, [instr("destroy", "2026-09-20", "party_a")], [ok_disp("2026-09-10T09:59:59+08:00")])
	count(policy.deny) == 2 with input.evidence as e with input.bundle as whole_term with data.params as params(null)
}

test_success_early_end_is_the_end_of_the_work if {
	e := ev("2026-05-01T00:00:00+08:00", "2026-03-31", [instr("destroy", "2026-04-20", "party_a")], [ok_disp("2026-04-01T10:00:00+08:00")])
	# only the end is checked here (the fixture instruction is signed after this disposal)
	policy.measure.ended_on == "2026-03-31" with input.evidence as e with input.bundle as half_term with data.params as params(null)
}
