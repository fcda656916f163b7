# METADATA
# title: Publicity naming Party A only after its prior written consent
# description: >-
#   双方在对外宣传……时，如有涉及对方的内容，应提前通知对方，在取得对方书面同意后方可发布信息
#   (第十一条 2): every item of Party B's publicity published in the service period that names
#   Party A has Party A's written consent (lib/approval.rego), signed at or before the
#   publication, for the content published (the consented draft's digest is the published
#   content's digest). Not applicable when no item names Party A.
# custom:
#   clause: "11.2"
#   evidence: [publicity]
#   severity: low
package contract.confidentiality.publicity

import data.contract.lib
import data.contract.lib.approval
import data.contract.lib.evidence

clause := "11.2"

_items := {e | some e in evidence.records("publicity", "items"); lib.in_period(e.r.published_at); e.r.names_party_a == true}

not_applicable if count(_items) == 0

_problem(i) := sprintf("no written consent of Party A: %s", [approval.why_not(i.consent, "party_a")]) if {
	not approval.by_party_a(i.consent)
} else := sprintf("Party A's consent %s was signed at %s, after the publication", [i.consent.ref, i.consent.signed_at]) if {
	approval.at(i.consent) > lib.ns(i.published_at)
} else := sprintf("the content published is not the draft Party A consented to in %s", [i.consent.ref]) if {
	i.consented_content_sha256 != i.content_sha256
}

deny contains v if {
	some e in _items
	problem := _problem(e.r)
	v := lib.violation(sprintf("%s item %s \"%s\" published at %s names Party A: %s [%s]", [e.r.channel, e.r.item_id, e.r.title, e.r.published_at, problem, clause]), e.at)
}

measure := {"items_naming_party_a": count(_items)}
