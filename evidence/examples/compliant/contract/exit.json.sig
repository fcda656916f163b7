{
 "signature_version": 1,
 "signatures": [
  {
   "algorithm": "ed25519",
   "key_id": "ed25519:1f7c436a3c63a404",
   "role": "party_a",
   "sha256": "7906a557e3003f9688446892c0bbe71839e04bf4f69901164e69ae20568574a2",
   "signature": "grwOnjWK18qGq910QSzJR5c/YKMB0JxgNIhK5OWT7beyZChdxE3ctjhZbdMxowjNZVajooT/XP59KJFon6PiAg==",
   "signed_at": "2026-09-03T00:00:00+08:00"
  }
 ]
}
