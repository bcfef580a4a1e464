"""The organisers' side: forms, the timetable editor, conflicts and history. Every route needs a sign-in."""
from flask import Blueprint
from flask_login import current_user

from planner.extensions import login

organise = Blueprint("organise", __name__)


@organise.before_request
def require_sign_in():
    if not current_user.is_authenticated:
        return login.unauthorized()
    return None


from planner.web.organise import (  # noqa: E402,F401  (attach the routes)
    account, accounts, agenda_import, archive, attendance, badges, bureau, burden, check_in, copying, directory,
    documents, invitations, meetings, online_reports, participants, printing, review, session_list, sessions, team,
    timetable, tokens, trash,
)
