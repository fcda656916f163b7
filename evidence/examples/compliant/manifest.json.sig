{
 "signature_version": 1,
 "signatures": [
  {
   "algorithm": "ed25519",
   "key_id": "ed25519:3cfab890f7281327",
   "role": "party_b",
   "sha256": "aa9fb7bb6e10babf53ed27cf230b7bae943bd238b60aeca56ccac9f21741e1ed",
   "signature": "aMda7rjmN06R9lzwAd7C0hujehgepuaf5nz7zbNP7OYrIVpyd/l5nzSDiBpnmhrH26BJpLtUxyPl6mpiWkSkBg==",
   "signed_at": "2026-09-03T00:00:00+08:00"
  }
 ]
}
