"""Initial schema: meetings, rooms, institutions, people, sessions, roles, registrations

Revision ID: 982b9dba15f2
Revises: 
Create Date: 2026-11-23 11:24:57.090363

"""
from alembic import op
import sqlalchemy as sa

import planner.database


# revision identifiers, used by Alembic.
revision = '982b9dba15f2'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('meetings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=80), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('short_name', sa.String(length=80), nullable=False),
    sa.Column('hosts', sa.Text(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('first_day', sa.Date(), nullable=False),
    sa.Column('last_day', sa.Date(), nullable=False),
    sa.Column('timezone', sa.String(length=64), nullable=False),
    sa.Column('venue', sa.String(length=300), nullable=False),
    sa.Column('format', sa.Enum('in_person', 'online', 'hybrid', name='meeting_format', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('online_link', sa.String(length=500), nullable=False),
    sa.Column('contact_email', sa.String(length=254), nullable=False),
    sa.Column('published', sa.Boolean(), nullable=False),
    sa.Column('created_at', planner.database.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', planner.database.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("slug <> ''", name=op.f('ck_meetings_slug_not_empty')),
    sa.CheckConstraint('first_day <= last_day', name=op.f('ck_meetings_days_in_order')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meetings')),
    sa.UniqueConstraint('slug', name=op.f('uq_meetings_slug'))
    )
    op.create_table('institutions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('acronym', sa.String(length=40), nullable=False),
    sa.Column('kind', sa.Enum('government', 'international', 'think_tank', 'private', 'academia', name='institution_kind', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('country', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("name <> ''", name=op.f('ck_institutions_name_not_empty')),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], name=op.f('fk_institutions_meeting_id_meetings'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_institutions')),
    sa.UniqueConstraint('meeting_id', 'id', name=op.f('uq_institutions_meeting_id_id')),
    sa.UniqueConstraint('meeting_id', 'name', name=op.f('uq_institutions_meeting_id_name'))
    )
    with op.batch_alter_table('institutions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_institutions_meeting_id'), ['meeting_id'], unique=False)

    op.create_table('rooms',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=True),
    sa.Column('online_only', sa.Boolean(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("name <> ''", name=op.f('ck_rooms_name_not_empty')),
    sa.CheckConstraint('capacity IS NULL OR capacity >= 0', name=op.f('ck_rooms_capacity_not_negative')),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], name=op.f('fk_rooms_meeting_id_meetings'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rooms')),
    sa.UniqueConstraint('meeting_id', 'id', name=op.f('uq_rooms_meeting_id_id')),
    sa.UniqueConstraint('meeting_id', 'name', name=op.f('uq_rooms_meeting_id_name'))
    )
    with op.batch_alter_table('rooms', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rooms_meeting_id'), ['meeting_id'], unique=False)

    op.create_table('people',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('honorific', sa.String(length=20), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('position', sa.String(length=300), nullable=False),
    sa.Column('institution_id', sa.Integer(), nullable=True),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("name <> ''", name=op.f('ck_people_name_not_empty')),
    sa.ForeignKeyConstraint(['meeting_id', 'institution_id'], ['institutions.meeting_id', 'institutions.id'], name='fk_people_institution_same_meeting'),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], name=op.f('fk_people_meeting_id_meetings'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_people')),
    sa.UniqueConstraint('meeting_id', 'id', name=op.f('uq_people_meeting_id_id'))
    )
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_people_institution_id'), ['institution_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_people_meeting_id'), ['meeting_id'], unique=False)

    op.create_table('sessions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sa.Uuid(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('room_id', sa.Integer(), nullable=True),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('kind', sa.Enum('opening', 'remarks', 'panel', 'working', 'bilateral', 'roundtable', 'break', 'lunch', 'reception', 'closing', name='session_kind', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('starts_at', planner.database.UTCDateTime(timezone=True), nullable=False),
    sa.Column('ends_at', planner.database.UTCDateTime(timezone=True), nullable=False),
    sa.Column('attendance_mode', sa.Enum('in_person', 'online', 'hybrid', name='attendance_mode', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('online_link', sa.String(length=500), nullable=False),
    sa.Column('online_link_public', sa.Boolean(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('thematic_area', sa.String(length=200), nullable=False),
    sa.Column('status', sa.Enum('tentative', 'confirmed', 'cancelled', name='session_status', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('draft', sa.Boolean(), nullable=False),
    sa.Column('created_at', planner.database.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', planner.database.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("title <> ''", name=op.f('ck_sessions_title_not_empty')),
    sa.CheckConstraint('ends_at > starts_at', name=op.f('ck_sessions_ends_after_start')),
    sa.CheckConstraint('parent_id IS NULL OR parent_id <> id', name=op.f('ck_sessions_not_own_parent')),
    sa.ForeignKeyConstraint(['meeting_id', 'parent_id'], ['sessions.meeting_id', 'sessions.id'], name='fk_sessions_parent_same_meeting'),
    sa.ForeignKeyConstraint(['meeting_id', 'room_id'], ['rooms.meeting_id', 'rooms.id'], name='fk_sessions_room_same_meeting'),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], name=op.f('fk_sessions_meeting_id_meetings'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sessions')),
    sa.UniqueConstraint('meeting_id', 'id', name=op.f('uq_sessions_meeting_id_id')),
    sa.UniqueConstraint('uid', name=op.f('uq_sessions_uid'))
    )
    with op.batch_alter_table('sessions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sessions_meeting_id'), ['meeting_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_sessions_parent_id'), ['parent_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_sessions_room_id'), ['room_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_sessions_starts_at'), ['starts_at'], unique=False)

    op.create_table('registrations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.Enum('delegate', 'expert', 'observer', 'staff', 'press', name='participant_role', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('home_timezone', sa.String(length=64), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id', 'person_id'], ['people.meeting_id', 'people.id'], name='fk_registrations_person_same_meeting', ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], name=op.f('fk_registrations_meeting_id_meetings'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_registrations')),
    sa.UniqueConstraint('meeting_id', 'person_id', name=op.f('uq_registrations_meeting_id_person_id'))
    )
    with op.batch_alter_table('registrations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_registrations_meeting_id'), ['meeting_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_registrations_person_id'), ['person_id'], unique=False)

    op.create_table('session_roles',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.Enum('chair', 'moderator', 'speaker', 'panellist', 'rapporteur', name='session_role', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('position >= 0', name=op.f('ck_session_roles_position_not_negative')),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_session_roles_person_id_people')),
    sa.ForeignKeyConstraint(['session_id'], ['sessions.id'], name=op.f('fk_session_roles_session_id_sessions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_session_roles')),
    sa.UniqueConstraint('session_id', 'person_id', 'role', name=op.f('uq_session_roles_session_id_person_id_role'))
    )
    with op.batch_alter_table('session_roles', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_session_roles_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_session_roles_session_id'), ['session_id'], unique=False)

    op.create_table('day_attendances',
    sa.Column('registration_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('mode', sa.Enum('in_room', 'online', 'absent', name='day_mode', native_enum=False, create_constraint=True), nullable=False),
    sa.ForeignKeyConstraint(['registration_id'], ['registrations.id'], name=op.f('fk_day_attendances_registration_id_registrations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('registration_id', 'day', name=op.f('pk_day_attendances'))
    )


def downgrade():
    op.drop_table('day_attendances')
    with op.batch_alter_table('session_roles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_session_roles_session_id'))
        batch_op.drop_index(batch_op.f('ix_session_roles_person_id'))

    op.drop_table('session_roles')
    with op.batch_alter_table('registrations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_registrations_person_id'))
        batch_op.drop_index(batch_op.f('ix_registrations_meeting_id'))

    op.drop_table('registrations')
    with op.batch_alter_table('sessions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sessions_starts_at'))
        batch_op.drop_index(batch_op.f('ix_sessions_room_id'))
        batch_op.drop_index(batch_op.f('ix_sessions_parent_id'))
        batch_op.drop_index(batch_op.f('ix_sessions_meeting_id'))

    op.drop_table('sessions')
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_people_meeting_id'))
        batch_op.drop_index(batch_op.f('ix_people_institution_id'))

    op.drop_table('people')
    with op.batch_alter_table('rooms', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rooms_meeting_id'))

    op.drop_table('rooms')
    with op.batch_alter_table('institutions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_institutions_meeting_id'))

    op.drop_table('institutions')
    op.drop_table('meetings')
