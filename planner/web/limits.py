"""How often a door may be tried: sign-in, password-reset requests, the public registration form.

Failed sign-ins count per account (the email tried) and per address; once either is over its
limit, every sign-in there answers 429 with Retry-After, the right password too, until the window passes.
"""
from flask import request
from flask_limiter.util import get_remote_address

from planner.extensions import limiter


def _email_tried() -> str:
    email = (request.form.get("email") or "").strip().casefold()[:254]
    return f"account:{email}" if email else ""


def _failed(response) -> bool:
    # The sign-in form answers 400 when it refuses; a redirect means the account signed in.
    return response.status_code == 400


failed_sign_ins_per_account = limiter.limit("10 per 15 minutes", key_func=_email_tried, methods=["POST"],
                                            deduct_when=_failed, scope="sign-in-account")
failed_sign_ins_per_address = limiter.limit("50 per 15 minutes", key_func=get_remote_address, methods=["POST"],
                                            deduct_when=_failed, scope="sign-in-address")
reset_requests_per_account = limiter.limit("5 per hour", key_func=_email_tried, methods=["POST"],
                                           scope="password-reset-account")
registrations_per_address = limiter.limit("20 per hour", key_func=get_remote_address, methods=["POST"],
                                          scope="registration-address")
