{
 "signature_version": 1,
 "signatures": [
  {
   "algorithm": "ed25519",
   "key_id": "ed25519:1f7c436a3c63a404",
   "role": "party_a",
   "sha256": "4617912ad2f8a58b692c1415b55d29d37b9f61789f1cc0187646833f4cb0d84e",
   "signature": "I895uOwmeyV02l21Yoez8WtJ36WdhVZ9S1M126+FrxNLgH0bLXX534a7ON8z6E74/EuH4nk/vTV4yjoBThXFCA==",
   "signed_at": "2026-09-03T00:00:00+08:00"
  }
 ]
}
