{
 "signature_version": 1,
 "signatures": [
  {
   "algorithm": "ed25519",
   "key_id": "ed25519:1f7c436a3c63a404",
   "role": "party_a",
   "sha256": "1f982727a93b8433d583e7f49030b719b16a0f452bb41b9c03ede942d0169e38",
   "signature": "8R/VPOIBQ/Mji9htp9MK32b0pbF5kSR20ROs0nbFEClYquqp8OtR1ouDeGyrNp4ae5kTVz0li9oh5UtHOzCfDQ==",
   "signed_at": "2026-09-03T00:00:00+08:00"
  }
 ]
}
