"""A meeting's own language: its pages' language for readers whose browser names none Planner is written in

Revision ID: b21a1a9c0e01
Revises: a17c0ffee002
Create Date: 2026-12-02 05:05:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'b21a1a9c0e01'
down_revision = 'a17c0ffee002'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('meetings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('language', sa.String(length=16), server_default='en', nullable=False))


def downgrade():
    with op.batch_alter_table('meetings', schema=None) as batch_op:
        batch_op.drop_column('language')
