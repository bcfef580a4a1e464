"""Change batches and undo

Revision ID: 7d41c2e9a8b3
Revises: f222fa3ec60a
Create Date: 2026-12-01 21:30:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '7d41c2e9a8b3'
down_revision = 'f222fa3ec60a'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('changes', schema=None) as batch_op:
        batch_op.add_column(sa.Column('batch', sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column('undoes', sa.String(length=32), nullable=True))
        batch_op.create_index(batch_op.f('ix_changes_batch'), ['batch'], unique=False)
        batch_op.create_index(batch_op.f('ix_changes_undoes'), ['undoes'], unique=False)


def downgrade():
    with op.batch_alter_table('changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_changes_undoes'))
        batch_op.drop_index(batch_op.f('ix_changes_batch'))
        batch_op.drop_column('undoes')
        batch_op.drop_column('batch')
