"""Trust: what a security officer asks of Airlock before it may be installed.

``keys`` (secrets in the OS keyring, or a 0600 key file where there is none), ``audit``
(a hash-chained, HMAC-signed, append-only event log), ``pii`` (detectors and redaction),
``policy`` (the organization's read-only policy file and locked settings), ``settings``
(the trust settings a user may change where the policy leaves them open), ``retention``
(purging old history) and ``encryption`` (SQLCipher at rest).

This package stands low in the engine's layers: it imports only ``engine.errors`` and
``engine.home``, so the store, the registry and the front ends can all call it.
"""
