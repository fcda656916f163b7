{
 "signature_version": 1,
 "signatures": [
  {
   "algorithm": "ed25519",
   "key_id": "ed25519:1f7c436a3c63a404",
   "role": "party_a",
   "sha256": "e39657b0e96bbfd1851aebaa31a1908904852f9f5d4f5d2261dae26e8e68afd0",
   "signature": "5GhVA15NP1zVMdpRD4YzMeOw5cDEMlJa/LJAf9eC+gLUQqfovRhUz7TmtpURGXxHLwl70RLWb4/W5s67/n1xDw==",
   "signed_at": "2026-09-03T00:00:00+08:00"
  }
 ]
}
