"""Session UIDs unique within their meeting, so a meeting restored from its export keeps them

Revision ID: a17c0ffee002
Revises: e994726bac1b
Create Date: 2026-12-02 04:30:00.000000

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = 'a17c0ffee002'
down_revision = 'e994726bac1b'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('sessions', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_sessions_uid'), type_='unique')
        batch_op.create_unique_constraint(batch_op.f('uq_sessions_meeting_id_uid'), ['meeting_id', 'uid'])


def downgrade():
    with op.batch_alter_table('sessions', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_sessions_meeting_id_uid'), type_='unique')
        batch_op.create_unique_constraint(batch_op.f('uq_sessions_uid'), ['uid'])
