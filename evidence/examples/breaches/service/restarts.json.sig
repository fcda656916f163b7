{
 "signature_version": 1,
 "signatures": [
  {
   "algorithm": "ed25519",
   "key_id": "ed25519:1f7c436a3c63a404",
   "role": "party_a",
   "sha256": "f897332c97dfc6b9eed75e6677b1bb0851488b048370b77e71e52e6535eb6111",
   "signature": "9EtYEw7GaygzkkNFrURD5bs1w7purFnKdIpMDsUeL2yWmtepeAenj5NWbKD45UpYuUu9PgB/52wM//Ek5H1YDw==",
   "signed_at": "2026-09-03T00:00:00+08:00"
  }
 ]
}
