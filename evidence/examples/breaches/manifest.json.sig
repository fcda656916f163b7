{
 "signature_version": 1,
 "signatures": [
  {
   "algorithm": "ed25519",
   "key_id": "ed25519:3cfab890f7281327",
   "role": "party_b",
   "sha256": "c2371d9c5c9ba02e6b54a78648fab1996732a7a2ab23d6712f14c7dfb79842fe",
   "signature": "MrTt9VvdbYYI4ixmawZJTcy3/S6gASFpq6XLJ/If9YfIGKOnuhf5CT6oeEvZCQYepdhp87RPiImrz5TMacTvAg==",
   "signed_at": "2026-09-03T00:00:00+08:00"
  }
 ]
}
