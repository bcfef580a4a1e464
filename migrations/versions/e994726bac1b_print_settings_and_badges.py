"""Print settings and badges

Revision ID: e994726bac1b
Revises: ac0c20a6c711
Create Date: 2026-12-02 04:04:22.200075

"""
from alembic import op
import sqlalchemy as sa

import planner.database  # noqa: F401  (column types used by the models)


# revision identifiers, used by Alembic.
revision = 'e994726bac1b'
down_revision = 'ac0c20a6c711'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('print_settings',
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('list_published', sa.Boolean(), nullable=False),
    sa.Column('public_roles', sa.JSON(), nullable=False),
    sa.Column('family_names_in_capitals', sa.Boolean(), nullable=False),
    sa.Column('role_colours', sa.JSON(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], name=op.f('fk_print_settings_meeting_id_meetings'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('meeting_id', name=op.f('pk_print_settings'))
    )
    op.create_table('badges',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('registration_id', sa.Integer(), nullable=False),
    sa.Column('issue', sa.Integer(), nullable=False),
    sa.Column('revoked_at', planner.database.UTCDateTime(timezone=True), nullable=True),
    sa.Column('printed_at', planner.database.UTCDateTime(timezone=True), nullable=True),
    sa.Column('printed_face', sa.String(length=64), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], name=op.f('fk_badges_meeting_id_meetings'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['registration_id'], ['registrations.id'], name=op.f('fk_badges_registration_id_registrations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_badges')),
    sa.UniqueConstraint('registration_id', name=op.f('uq_badges_registration_id'))
    )
    with op.batch_alter_table('badges', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_badges_meeting_id'), ['meeting_id'], unique=False)



def downgrade():
    with op.batch_alter_table('badges', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_badges_meeting_id'))

    op.drop_table('badges')
    op.drop_table('print_settings')
