"""A trash for deleted meetings

Revision ID: a17c0ffee001
Revises: 3b8e1f0c6a2d
Create Date: 2026-12-02 04:10:00.000000

"""
from alembic import op
import sqlalchemy as sa

from planner.database import UTCDateTime


# revision identifiers, used by Alembic.
revision = 'a17c0ffee001'
down_revision = '3b8e1f0c6a2d'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('meetings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('deleted_at', UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column('deleted_by_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_meetings_deleted_at'), ['deleted_at'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_meetings_deleted_by_id_users'), 'users', ['deleted_by_id'], ['id'],
                                    ondelete='SET NULL')


def downgrade():
    with op.batch_alter_table('meetings', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_meetings_deleted_by_id_users'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_meetings_deleted_at'))
        batch_op.drop_column('deleted_by_id')
        batch_op.drop_column('deleted_at')
