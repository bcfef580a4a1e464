"""Registration settings and registration times

Revision ID: 2a507f4b488e
Revises: 21bd290ddfe0
Create Date: 2026-11-23 11:50:19.054702

"""
from alembic import op
import sqlalchemy as sa

import planner.database  # noqa: F401  (column types used by the models)


# revision identifiers, used by Alembic.
revision = '2a507f4b488e'
down_revision = '21bd290ddfe0'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('meetings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('registration_open', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('registration_closes_at', planner.database.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('attendance_changes_close_at', planner.database.UTCDateTime(timezone=True), nullable=True))

    with op.batch_alter_table('registrations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('created_at', planner.database.UTCDateTime(timezone=True), nullable=False,
                                      server_default=sa.func.current_timestamp()))

def downgrade():
    with op.batch_alter_table('registrations', schema=None) as batch_op:
        batch_op.drop_column('created_at')

    with op.batch_alter_table('meetings', schema=None) as batch_op:
        batch_op.drop_column('attendance_changes_close_at')
        batch_op.drop_column('registration_closes_at')
        batch_op.drop_column('registration_open')

