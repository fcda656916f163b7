package contract.confidentiality.publicity_test

import data.contract.confidentiality.publicity as policy

params := {"timezone": "Asia/Shanghai", "period": {"start": "2025-09-03T00:00:00+08:00", "end": "2026-09-03T00:00:00+08:00", "months": 12}}

sig := "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

draft := "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"

consent(org, at) := {"ref": "CONS-1", "organisation_role": org, "role": "publicity officer", "signed_at": at, "signature": {"method": "seal", "reference": "letters/CONS-1.pdf", "sha256": sig}}

item(published, names, c) := {
	"item_id": "PUB-1", "channel": "website", "title": "Case study: city grid platform on government cloud",
	"published_at": published, "names_party_a": names, "content_sha256": draft,
	"consent": c, "consented_content_sha256": draft,
}

ev(items) := {"publicity": [{"path": "pub.json", "data": {"kind": "publicity", "as_of": "2026-10-01T00:00:00+08:00", "items": items}}]}

test_success_not_applicable_when_no_item_names_party_a if {
	policy.not_applicable with input.evidence as ev([item("2026-05-01T09:00:00+08:00", false, null)]) with data.params as params
}

test_success_consent_signed_at_the_publication_instant if {
	count(policy.deny) == 0 with input.evidence as ev([item("2026-05-01T09:00:00+08:00", true, consent("party_a", "2026-05-01T09:00:00+08:00"))]) with data.params as params
}

test_fail_consent_one_second_after_publication if {
	policy.deny == {{"msg": "website item PUB-1 \"Case study: city grid platform on government cloud\" published at 2026-05-01T09:00:00+08:00 names Party A: Party A's consent CONS-1 was signed at 2026-05-01T09:00:01+08:00, after the publication [11.2]", "evidence": "pub.json#/items/0"}} with input.evidence as ev([item("2026-05-01T09:00:00+08:00", true, consent("party_a", "2026-05-01T09:00:01+08:00"))]) with data.params as params
}

test_fail_no_consent_or_consent_of_party_b if {
	none := item("2026-05-01T09:00:00+08:00", true, null)
	own := object.union(item("2026-05-01T09:00:00+08:00", true, consent("party_b", "2026-04-20T09:00:00+08:00")), {"item_id": "PUB-2"})
	policy.deny == {
		{"msg": "website item PUB-1 \"Case study: city grid platform on government cloud\" published at 2026-05-01T09:00:00+08:00 names Party A: no written consent of Party A: there is none [11.2]", "evidence": "pub.json#/items/0"},
		{"msg": "website item PUB-2 \"Case study: city grid platform on government cloud\" published at 2026-05-01T09:00:00+08:00 names Party A: no written consent of Party A: CONS-1 is signed by party_b, not party_a [11.2]", "evidence": "pub.json#/items/1"},
	} with input.evidence as ev([none, own]) with data.params as params
}

test_fail_published_content_differs_from_the_consented_draft if {
	i := object.union(item("2026-05-01T09:00:00+08:00", true, consent("party_a", "2026-04-20T09:00:00+08:00")), {"content_sha256": "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"})
	policy.deny == {{"msg": "website item PUB-1 \"Case study: city grid platform on government cloud\" published at 2026-05-01T09:00:00+08:00 names Party A: the content published is not the draft Party A consented to in CONS-1 [11.2]", "evidence": "pub.json#/items/0"}} with input.evidence as ev([i]) with data.params as params
}

test_success_items_outside_the_period_are_not_judged if {
	policy.not_applicable with input.evidence as ev([item("2026-09-03T00:00:00+08:00", true, null)]) with data.params as params
}
