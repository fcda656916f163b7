{
 "signature_version": 1,
 "signatures": [
  {
   "algorithm": "ed25519",
   "key_id": "ed25519:1f7c436a3c63a404",
   "role": "party_a",
   "sha256": "c2af7b22ab15b8ab30d99f6a9c8f330ee1daf89dd8c212253dfff0f37012c29b",
   "signature": "816EL5Dmowg8kDWTZvIWfpB+p1EpDm/w1tLmEsrP9OateynsviOv5gykpNUUlUMWImgmv8v9SyTKSseoqrR7AA==",
   "signed_at": "2026-09-03T00:00:00+08:00"
  }
 ]
}
