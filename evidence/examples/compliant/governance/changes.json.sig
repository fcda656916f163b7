{
 "signature_version": 1,
 "signatures": [
  {
   "algorithm": "ed25519",
   "key_id": "ed25519:1f7c436a3c63a404",
   "role": "party_a",
   "sha256": "82bb314e560bb3765a3a3442a3c549c1fe00189a13f1fa47ac05c21186ef6a6d",
   "signature": "lLPzNDRYJQJ7C6Tf5JMehWgcNbVdvwJ3EzlDGlXYpLicbJgNvjeifHai7L5vnMm+vxt4bznNxTCiSEAcVYO5DA==",
   "signed_at": "2026-09-03T00:00:00+08:00"
  }
 ]
}
