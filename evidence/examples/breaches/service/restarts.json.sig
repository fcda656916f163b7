{
 "signature_version": 1,
 "signatures": [
  {
   "algorithm": "ed25519",
   "key_id": "ed25519:1f7c436a3c63a404",
   "role": "party_a",
   "sha256": "b732c98f5d9049ea3511431d0eaee1e3eb1b186ee76f752f509b83e3d1ffd3b5",
   "signature": "3GHh76cF7McT83azWze8l/jZw0W9GHySRZzewT4fvgdvR89dXuH1JM2gd69jXY7axCzR2MchEc1G61zuAOPzDg==",
   "signed_at": "2026-09-03T00:00:00+08:00"
  }
 ]
}
