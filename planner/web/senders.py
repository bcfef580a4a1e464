"""Who the site's own emails (password resets, team invitations) come from."""
from flask import current_app, request


def account_mail_sender() -> str:
    """PLANNER_SMTP_FROM, or a no-reply address at the host the request came to."""
    return current_app.config.get("SMTP_FROM") or \
        f"{current_app.config['PLANNER_SITE_NAME']} <no-reply@{request.host.split(':')[0]}>"
