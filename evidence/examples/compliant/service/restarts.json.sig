{
 "signature_version": 1,
 "signatures": [
  {
   "algorithm": "ed25519",
   "key_id": "ed25519:1f7c436a3c63a404",
   "role": "party_a",
   "sha256": "415af4a87d8ab6c347598077fe87e9beeeb953f1f967acffc45c32b4e489b676",
   "signature": "6Son7aHFcu8moCdlbaUXQGbCOx7WolXiqMdpjS+/i+gqPcmOBK/+AYlmxOpmsdRgPgwe0yp5xq80O6KyDtLrBQ==",
   "signed_at": "2026-09-03T00:00:00+08:00"
  }
 ]
}
