"""A participant as the author of a change

Revision ID: 3b8e1f0c6a2d
Revises: 7d41c2e9a8b3
Create Date: 2026-12-02 04:20:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '3b8e1f0c6a2d'
down_revision = '7d41c2e9a8b3'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('changes', schema=None) as batch_op:
        batch_op.add_column(sa.Column('participant_name', sa.String(length=200), nullable=True))


def downgrade():
    with op.batch_alter_table('changes', schema=None) as batch_op:
        batch_op.drop_column('participant_name')
