# METADATA
# title: Whose word a written approval is
# description: >-
#   Approvals, written consents, permissions, instructions and receipts count only when
#   signed by the role that owns them (OBLIGATIONS.md reading rule 6). Every policy asks
#   this one predicate, once per record (common.schema.json#/$defs/written_approval), so
#   real signature verification is wired here and nowhere else. Today it checks the
#   record names the organisation, a signatory role, a signing time and the signed
#   original (reference + sha256); the trust work replaces the body with a verification
#   of the signature against a key Party B does not hold.
package contract.lib.approval

import data.contract.lib

# signed_by(a, org): the written approval a is signed by organisation org
# (party_a, party_b, cloud_management_unit, supervision_provider).
signed_by(a, org) if {
	a.organisation_role == org
	count(a.role) > 0
	count(a.signature.reference) > 0
	regex.match(`^[0-9a-f]{64}$`, a.signature.sha256)
	lib.ns(a.signed_at)
}

# by_party_a(a): Party A's word (甲方书面同意 / 许可 / 要求 / 签收).
by_party_a(a) if signed_by(a, "party_a")

# why_not(a, org): why a is not org's signed word, for messages; undefined when it is.
why_not(a, org) := "there is none" if {
	a == null
} else := sprintf("%s is signed by %s, not %s", [a.ref, a.organisation_role, org]) if {
	a.organisation_role != org
} else := sprintf("%s carries no verifiable signature of %s", [object.get(a, "ref", "?"), org]) if {
	not signed_by(a, org)
}

# at(a): when a was signed, in ns
at(a) := lib.ns(a.signed_at)
