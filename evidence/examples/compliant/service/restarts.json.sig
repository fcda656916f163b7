{
 "signature_version": 1,
 "signatures": [
  {
   "algorithm": "ed25519",
   "key_id": "ed25519:1f7c436a3c63a404",
   "role": "party_a",
   "sha256": "f5097a44b8c7c5d55822cb01ad19a1c763d231ab9847de4c86f4277c30ecc6ae",
   "signature": "tB5tLqn9xXpXxCjlTSva0yH3p0uIstv2BIdPbQ+IzGZwODbCNeyOPj06pqq7HW2VA0adRHF6OHYQJ5jNVV2FDQ==",
   "signed_at": "2026-09-03T00:00:00+08:00"
  }
 ]
}
