"""Personal calendar tokens of registrations, and the invitations sent about sessions

Revision ID: 095ac70aec50
Revises: efe036f3e146
Create Date: 2026-11-23 11:55:51.043969

"""
from alembic import op
import sqlalchemy as sa

import planner.database  # noqa: F401  (column types used by the models)


# revision identifiers, used by Alembic.
revision = '095ac70aec50'
down_revision = 'efe036f3e146'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('sent_invitations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('cancelled', sa.Boolean(), nullable=False),
    sa.Column('sent_at', planner.database.UTCDateTime(timezone=True), nullable=False),
    sa.Column('sent_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_sent_invitations_person_id_people'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['sent_by_id'], ['users.id'], name=op.f('fk_sent_invitations_sent_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['session_id'], ['sessions.id'], name=op.f('fk_sent_invitations_session_id_sessions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sent_invitations')),
    sa.UniqueConstraint('session_id', 'person_id', name=op.f('uq_sent_invitations_session_id_person_id'))
    )
    with op.batch_alter_table('sent_invitations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sent_invitations_person_id'), ['person_id'], unique=False)

    with op.batch_alter_table('registrations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('personal_token_hash', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('personal_token_issued_at', planner.database.UTCDateTime(timezone=True), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_registrations_personal_token_hash'), ['personal_token_hash'])



def downgrade():
    with op.batch_alter_table('registrations', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_registrations_personal_token_hash'), type_='unique')
        batch_op.drop_column('personal_token_issued_at')
        batch_op.drop_column('personal_token_hash')

    with op.batch_alter_table('sent_invitations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sent_invitations_person_id'))

    op.drop_table('sent_invitations')
