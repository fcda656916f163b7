"""Trust: public-key signatures Party B cannot forge (issue 14).

interface.py  the algorithm interface (Ed25519 in ed25519.py; SM2 would be a sibling)
trustfile.py  the trust file: roles -> public keys with validity dates, held outside bundles
signing.py    detached `FILE.sig` signatures over exact bytes: sign, verify
"""

from checker.trust.interface import TrustError
from checker.trust.signing import Signed, Verification, sig_key, verify
from checker.trust.trustfile import Trust, load_trust, resolve

__all__ = ["Signed", "Trust", "TrustError", "Verification", "load_trust", "resolve",
           "sig_key", "verify"]
