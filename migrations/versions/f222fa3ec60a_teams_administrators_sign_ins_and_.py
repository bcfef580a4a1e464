"""Teams, administrators, sign-ins and password resets

Revision ID: f222fa3ec60a
Revises: c612dc7bc5fd
Create Date: 2026-12-01 21:19:59.343696

"""
from alembic import op
import sqlalchemy as sa

import planner.database  # noqa: F401  (column types used by the models)


# revision identifiers, used by Alembic.
revision = 'f222fa3ec60a'
down_revision = 'c612dc7bc5fd'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('password_resets',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('secret_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', planner.database.UTCDateTime(timezone=True), nullable=False),
    sa.Column('expires_at', planner.database.UTCDateTime(timezone=True), nullable=False),
    sa.Column('used_at', planner.database.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_password_resets_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_password_resets')),
    sa.UniqueConstraint('secret_hash', name=op.f('uq_password_resets_secret_hash'))
    )
    with op.batch_alter_table('password_resets', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_password_resets_user_id'), ['user_id'], unique=False)

    op.create_table('sign_ins',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('secret_hash', sa.String(length=64), nullable=False),
    sa.Column('remembered', sa.Boolean(), nullable=False),
    sa.Column('created_at', planner.database.UTCDateTime(timezone=True), nullable=False),
    sa.Column('last_seen_at', planner.database.UTCDateTime(timezone=True), nullable=False),
    sa.Column('ended_at', planner.database.UTCDateTime(timezone=True), nullable=True),
    sa.Column('user_agent', sa.String(length=300), nullable=False),
    sa.Column('address', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_sign_ins_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sign_ins')),
    sa.UniqueConstraint('secret_hash', name=op.f('uq_sign_ins_secret_hash'))
    )
    with op.batch_alter_table('sign_ins', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sign_ins_user_id'), ['user_id'], unique=False)

    op.create_table('team_invitations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('role', sa.Enum('organiser', 'door_staff', name='team_role', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('secret_hash', sa.String(length=64), nullable=False),
    sa.Column('invited_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', planner.database.UTCDateTime(timezone=True), nullable=False),
    sa.Column('expires_at', planner.database.UTCDateTime(timezone=True), nullable=False),
    sa.Column('accepted_at', planner.database.UTCDateTime(timezone=True), nullable=True),
    sa.Column('withdrawn_at', planner.database.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['invited_by_id'], ['users.id'], name=op.f('fk_team_invitations_invited_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], name=op.f('fk_team_invitations_meeting_id_meetings'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_team_invitations')),
    sa.UniqueConstraint('secret_hash', name=op.f('uq_team_invitations_secret_hash'))
    )
    with op.batch_alter_table('team_invitations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_team_invitations_meeting_id'), ['meeting_id'], unique=False)

    op.create_table('team_members',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.Enum('organiser', 'door_staff', name='team_role', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('added_at', planner.database.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], name=op.f('fk_team_members_meeting_id_meetings'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_team_members_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_team_members')),
    sa.UniqueConstraint('meeting_id', 'user_id', name=op.f('uq_team_members_meeting_id_user_id'))
    )
    with op.batch_alter_table('team_members', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_team_members_user_id'), ['user_id'], unique=False)

    # Everyone who organised a meeting keeps organising it.
    op.execute("INSERT INTO team_members (meeting_id, user_id, role, added_at) "
               "SELECT meeting_id, user_id, 'organiser', CURRENT_TIMESTAMP FROM meeting_organisers")
    with op.batch_alter_table('meeting_organisers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_organisers_user_id'))

    op.drop_table('meeting_organisers')
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('administrator', sa.Boolean(), nullable=False, server_default=sa.false()))
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.alter_column('administrator', server_default=None)
    # The oldest account becomes the administrator, as the first account of a new database is.
    op.execute("UPDATE users SET administrator = true WHERE id = (SELECT min(id) FROM users)")



def downgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('administrator')

    op.create_table('meeting_organisers',
    sa.Column('meeting_id', sa.INTEGER(), nullable=False),
    sa.Column('user_id', sa.INTEGER(), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], name=op.f('fk_meeting_organisers_meeting_id_meetings'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_meeting_organisers_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('meeting_id', 'user_id', name=op.f('pk_meeting_organisers'))
    )
    with op.batch_alter_table('meeting_organisers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_organisers_user_id'), ['user_id'], unique=False)

    # Door staff had no place before; organisers go back.
    op.execute("INSERT INTO meeting_organisers (meeting_id, user_id) "
               "SELECT meeting_id, user_id FROM team_members WHERE role = 'organiser'")
    with op.batch_alter_table('team_members', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_team_members_user_id'))

    op.drop_table('team_members')
    with op.batch_alter_table('team_invitations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_team_invitations_meeting_id'))

    op.drop_table('team_invitations')
    with op.batch_alter_table('sign_ins', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sign_ins_user_id'))

    op.drop_table('sign_ins')
    with op.batch_alter_table('password_resets', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_password_resets_user_id'))

    op.drop_table('password_resets')
