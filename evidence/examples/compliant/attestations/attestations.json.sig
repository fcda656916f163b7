{
 "signature_version": 1,
 "signatures": [
  {
   "algorithm": "ed25519",
   "key_id": "ed25519:1f7c436a3c63a404",
   "role": "party_a",
   "sha256": "a9528c29e62dca095c3b984067e46ea7bb3259a9e9e91ac93abfdcb812cbe7ad",
   "signature": "LDkwNBAJJVprlRf7L03VI2k6WFT2hEezjE0d8IhrKXSSWynKW/x/cHzrHsGkzgnmCCn3r/X3uGY4uotGkkD5Cg==",
   "signed_at": "2026-09-03T00:00:00+08:00"
  },
  {
   "algorithm": "ed25519",
   "key_id": "ed25519:3cfab890f7281327",
   "role": "party_b",
   "sha256": "a9528c29e62dca095c3b984067e46ea7bb3259a9e9e91ac93abfdcb812cbe7ad",
   "signature": "p2H2Ciy7Y2VxypIMotExXjoUQaGjxJTi4hbNUVaXpSJkWCTaJM8lP/6NJpXfNKtFtEvi7os65TOD5+CwbDxKAA==",
   "signed_at": "2026-09-03T00:00:00+08:00"
  }
 ]
}
