"""Invitation batches and their failures

Revision ID: c612dc7bc5fd
Revises: 095ac70aec50
Create Date: 2026-12-01 14:04:01.247235

"""
from alembic import op
import sqlalchemy as sa

import planner.database  # noqa: F401  (column types used by the models)


# revision identifiers, used by Alembic.
revision = 'c612dc7bc5fd'
down_revision = '095ac70aec50'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('invitation_batches',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('invitations', 'updates', name='invitation_batch_kind', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('status', sa.Enum('queued', 'sending', 'done', 'failed', name='invitation_batch_status', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('total', sa.Integer(), nullable=False),
    sa.Column('sent', sa.Integer(), nullable=False),
    sa.Column('failed', sa.Integer(), nullable=False),
    sa.Column('error', sa.Text(), nullable=False),
    sa.Column('started_at', planner.database.UTCDateTime(timezone=True), nullable=False),
    sa.Column('started_by_id', sa.Integer(), nullable=True),
    sa.Column('finished_at', planner.database.UTCDateTime(timezone=True), nullable=True),
    sa.CheckConstraint('sent >= 0 AND failed >= 0 AND sent + failed <= total', name=op.f('ck_invitation_batches_counts_within_total')),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], name=op.f('fk_invitation_batches_meeting_id_meetings'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['started_by_id'], ['users.id'], name=op.f('fk_invitation_batches_started_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_invitation_batches'))
    )
    with op.batch_alter_table('invitation_batches', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_invitation_batches_meeting_id'), ['meeting_id'], unique=False)

    op.create_table('invitation_failures',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('batch_id', sa.Integer(), nullable=False),
    sa.Column('recipient', sa.String(length=500), nullable=False),
    sa.Column('session_title', sa.String(length=300), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['batch_id'], ['invitation_batches.id'], name=op.f('fk_invitation_failures_batch_id_invitation_batches'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_invitation_failures'))
    )
    with op.batch_alter_table('invitation_failures', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_invitation_failures_batch_id'), ['batch_id'], unique=False)


def downgrade():
    with op.batch_alter_table('invitation_failures', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_invitation_failures_batch_id'))

    op.drop_table('invitation_failures')
    with op.batch_alter_table('invitation_batches', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_invitation_batches_meeting_id'))

    op.drop_table('invitation_batches')
