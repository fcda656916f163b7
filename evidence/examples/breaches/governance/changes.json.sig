{
 "signature_version": 1,
 "signatures": [
  {
   "algorithm": "ed25519",
   "key_id": "ed25519:1f7c436a3c63a404",
   "role": "party_a",
   "sha256": "736c8c70908c8e5fa52c5e40121c8608ccc2bc6411e3578d967771a8681af8d5",
   "signature": "JqJnkbPRjs7avDXb6libf/WgD6XxJzjlbsax0ZQX5n4w89oqMuH8cXOIRbkDHTfLYVUKWgXDVxRCTCP+s7RLDw==",
   "signed_at": "2026-09-03T00:00:00+08:00"
  }
 ]
}
