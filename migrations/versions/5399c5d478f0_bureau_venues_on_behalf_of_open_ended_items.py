"""Bureau, venues, on behalf of, open-ended items, more institution kinds

Revision ID: 5399c5d478f0
Revises: a17c0ffee001
Create Date: 2026-12-02 04:03:04.013937

"""
from alembic import op
import sqlalchemy as sa

import planner.database  # noqa: F401  (column types used by the models)


# revision identifiers, used by Alembic.
revision = '5399c5d478f0'
down_revision = 'a17c0ffee001'
branch_labels = None
depends_on = None

OLD_KINDS = ('government', 'international', 'think_tank', 'private', 'academia')
NEW_KINDS = ('government', 'international', 'regional', 'civil_society', 'think_tank', 'private', 'academia')
OLD_ROLES = ('chair', 'moderator', 'speaker', 'panellist', 'rapporteur')
NEW_ROLES = ('chair', 'co_chair', 'vice_chair', 'moderator', 'speaker', 'panellist', 'rapporteur')


def _in(column, values):
    return f"{column} IN ({', '.join(repr(value) for value in values)})"


def _replace_check(table, name, condition):
    with op.batch_alter_table(table, schema=None) as batch_op:
        batch_op.drop_constraint(op.f(name), type_='check')
        batch_op.create_check_constraint(op.f(name), condition)


def upgrade():
    op.create_table('meeting_officers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.Enum('chair', 'co_chair', 'vice_chair', 'rapporteur', 'secretary', name='officer_role', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('position >= 0', name=op.f('ck_meeting_officers_position_not_negative')),
    sa.ForeignKeyConstraint(['meeting_id', 'person_id'], ['people.meeting_id', 'people.id'], name='fk_meeting_officers_person_same_meeting'),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], name=op.f('fk_meeting_officers_meeting_id_meetings'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_meeting_officers_person_id_people')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting_officers')),
    sa.UniqueConstraint('meeting_id', 'person_id', 'role', name=op.f('uq_meeting_officers_meeting_id_person_id_role'))
    )
    with op.batch_alter_table('meeting_officers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_officers_meeting_id'), ['meeting_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_meeting_officers_person_id'), ['person_id'], unique=False)

    with op.batch_alter_table('rooms', schema=None) as batch_op:
        batch_op.add_column(sa.Column('venue', sa.String(length=300), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('address', sa.String(length=500), nullable=False, server_default=''))

    with op.batch_alter_table('session_roles', schema=None) as batch_op:
        batch_op.add_column(sa.Column('on_behalf_of', sa.String(length=300), nullable=False, server_default=''))
    _replace_check('session_roles', 'ck_session_roles_session_role', _in('role', NEW_ROLES))

    with op.batch_alter_table('sessions', schema=None) as batch_op:
        batch_op.alter_column('ends_at', existing_type=planner.database.UTCDateTime(timezone=True), nullable=True)
        batch_op.drop_constraint(op.f('ck_sessions_ends_after_start'), type_='check')
        batch_op.create_check_constraint(op.f('ck_sessions_ends_after_start'), 'ends_at IS NULL OR ends_at > starts_at')

    # Existing institutions keep their kind: which "Think tank / NGO" was an NGO only their organisers know.
    _replace_check('institutions', 'ck_institutions_institution_kind', _in('kind', NEW_KINDS))


def downgrade():
    connection = op.get_bind()
    open_ended = connection.execute(sa.text("SELECT count(*) FROM sessions WHERE ends_at IS NULL")).scalar()
    if open_ended:
        # The older schema needs an end for every session; inventing one would state a time nobody gave.
        raise RuntimeError(f"{open_ended} sessions have no end time; give them one before downgrading.")
    # The older vocabulary's nearest words: NGOs were filed with think tanks, regional organisations with
    # international ones, co- and vice-chairs as chairs.
    connection.execute(sa.text("UPDATE institutions SET kind = 'think_tank' WHERE kind = 'civil_society'"))
    connection.execute(sa.text("UPDATE institutions SET kind = 'international' WHERE kind = 'regional'"))
    _replace_check('institutions', 'ck_institutions_institution_kind', _in('kind', OLD_KINDS))
    connection.execute(sa.text(
        "DELETE FROM session_roles WHERE role IN ('co_chair', 'vice_chair') AND EXISTS (SELECT 1 FROM session_roles"
        " AS chair WHERE chair.session_id = session_roles.session_id AND chair.person_id = session_roles.person_id"
        " AND chair.role = 'chair')"))
    connection.execute(sa.text("UPDATE session_roles SET role = 'chair' WHERE role IN ('co_chair', 'vice_chair')"))

    with op.batch_alter_table('sessions', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_sessions_ends_after_start'), type_='check')
        batch_op.create_check_constraint(op.f('ck_sessions_ends_after_start'), 'ends_at > starts_at')
        batch_op.alter_column('ends_at', existing_type=planner.database.UTCDateTime(timezone=True), nullable=False)

    _replace_check('session_roles', 'ck_session_roles_session_role', _in('role', OLD_ROLES))
    with op.batch_alter_table('session_roles', schema=None) as batch_op:
        batch_op.drop_column('on_behalf_of')

    with op.batch_alter_table('rooms', schema=None) as batch_op:
        batch_op.drop_column('address')
        batch_op.drop_column('venue')

    with op.batch_alter_table('meeting_officers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_officers_person_id'))
        batch_op.drop_index(batch_op.f('ix_meeting_officers_meeting_id'))

    op.drop_table('meeting_officers')
