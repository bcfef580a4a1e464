"""Secrets that open something (an API token, a participant's own addresses): only their hashes are kept.

A SHA-256 of a long random secret is enough: the secret cannot be guessed, so it needs no
slow hash, and a copy of the database does not give anyone a working secret.
"""
import hashlib
import secrets


def new_secret(prefix: str = "") -> str:
    return prefix + secrets.token_urlsafe(32)  # 256 random bits


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()
