{
 "signature_version": 1,
 "signatures": [
  {
   "algorithm": "ed25519",
   "key_id": "ed25519:1f7c436a3c63a404",
   "role": "party_a",
   "sha256": "8ac9b7dfd6115223504ea2d9ba7bde6e4ddc64800c3a7a9f65f4b4c6b64f40b5",
   "signature": "O6CUS1hn6qryzlUpNW1oKgB3erV0EhdUfoZKFSmvgm88BJbW/wHlSUHwGC5TdMzEC6n+S9AGlb7l4W45O9nhBw==",
   "signed_at": "2026-09-03T00:00:00+08:00"
  }
 ]
}
