{
 "signature_version": 1,
 "signatures": [
  {
   "algorithm": "ed25519",
   "key_id": "ed25519:3cfab890f7281327",
   "role": "party_b",
   "sha256": "bba3893baa64d62be23901a6c61e69bd3fbbb24a7881888a6c04c74d68893047",
   "signature": "QwGyC6MfLIshW2hjtXehBfdVMmhK+c5IZLXEGuNVWYdDji25M4LGiN9fyrZ0v5/76CBTSEawzLogphUv1tvQAg==",
   "signed_at": "2026-09-03T00:00:00+08:00"
  }
 ]
}
