{
 "signature_version": 1,
 "signatures": [
  {
   "algorithm": "ed25519",
   "key_id": "ed25519:3cfab890f7281327",
   "role": "party_b",
   "sha256": "5aaad6bfa377d8a1f849767ba64c292e59fa83f9e0e82ce36678a03c4c46422f",
   "signature": "oec/f7y+mCoEXrCWObIUiaTiuLYm5Oh2BKpyCIvn0W6kIaqgmm69C8B/iX0GG7orEDZgKHdvZ7DDPRQKgLQoAA==",
   "signed_at": "2026-09-03T00:00:00+08:00"
  }
 ]
}
