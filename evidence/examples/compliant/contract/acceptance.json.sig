{
 "signature_version": 1,
 "signatures": [
  {
   "algorithm": "ed25519",
   "key_id": "ed25519:1f7c436a3c63a404",
   "role": "party_a",
   "sha256": "ceba51e5f83d8068feaa46d7df56bc381936c86f279d1eee8c3cf866cdcdcd2a",
   "signature": "0o8tZ1lqwav0nJD/yXCTJ3vx8Fx+sfSr59gynD8ObxuNj4bhh+WjSbCSYpk0oeqjUJDl6WB8hVWQsp78xp1hDA==",
   "signed_at": "2026-09-03T00:00:00+08:00"
  }
 ]
}
