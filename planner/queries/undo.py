"""What "undo my last change" would take back: the organiser's latest batch of session changes not yet undone."""
from sqlalchemy import select

from planner.extensions import db
from planner.models import Change, Meeting, User

UNDOABLE_ENTITY = "session"


def last_undoable_change(meeting: Meeting, actor: User) -> Change | None:
    """The first change of ``actor``'s latest batch on ``meeting``'s sessions that no undo has taken back."""
    undone = select(Change.undoes).where(Change.meeting_id == meeting.id, Change.undoes.is_not(None))
    latest_batch = (
        select(Change.batch)
        .where(Change.meeting_id == meeting.id, Change.user_id == actor.id, Change.entity == UNDOABLE_ENTITY,
               Change.undoes.is_(None), Change.batch.is_not(None), Change.batch.not_in(undone))
        .order_by(Change.id.desc()).limit(1)
        .scalar_subquery()
    )
    return db.session.scalar(select(Change).where(Change.batch == latest_batch).order_by(Change.id).limit(1))


def batch_changes(batch: str) -> list[Change]:
    return list(db.session.scalars(select(Change).where(Change.batch == batch).order_by(Change.id)))
