"""Check-ins and online attendance reports

Revision ID: efe036f3e146
Revises: 2a507f4b488e
Create Date: 2026-11-23 12:00:40.789844

"""
from alembic import op
import sqlalchemy as sa

import planner.database  # noqa: F401  (column types used by the models)


# revision identifiers, used by Alembic.
revision = 'efe036f3e146'
down_revision = '2a507f4b488e'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('online_reports',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('filename', sa.String(length=255), nullable=False, server_default=''),
    sa.Column('content_sha256', sa.String(length=64), nullable=False),
    sa.Column('timezone', sa.String(length=64), nullable=False),
    sa.Column('rows_in_file', sa.Integer(), nullable=False, server_default='0'),
    sa.Column('duplicate_rows', sa.Integer(), nullable=False, server_default='0'),
    sa.Column('imported_at', planner.database.UTCDateTime(timezone=True), nullable=False, server_default=sa.func.current_timestamp()),
    sa.Column('imported_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['imported_by_id'], ['users.id'], name=op.f('fk_online_reports_imported_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], name=op.f('fk_online_reports_meeting_id_meetings'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_online_reports')),
    sa.UniqueConstraint('meeting_id', 'content_sha256', name=op.f('uq_online_reports_meeting_id_content_sha256'))
    )
    with op.batch_alter_table('online_reports', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_online_reports_meeting_id'), ['meeting_id'], unique=False)

    op.create_table('check_ins',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('registration_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('checked_in_at', planner.database.UTCDateTime(timezone=True), nullable=False, server_default=sa.func.current_timestamp()),
    sa.Column('checked_in_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['checked_in_by_id'], ['users.id'], name=op.f('fk_check_ins_checked_in_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['registration_id'], ['registrations.id'], name=op.f('fk_check_ins_registration_id_registrations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_check_ins')),
    sa.UniqueConstraint('registration_id', 'day', name=op.f('uq_check_ins_registration_id_day'))
    )
    op.create_table('online_attendances',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('report_id', sa.Integer(), nullable=False),
    sa.Column('registration_id', sa.Integer(), nullable=True),
    sa.Column('line', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False, server_default=''),
    sa.Column('email', sa.String(length=254), nullable=False, server_default=''),
    sa.Column('joined_at', planner.database.UTCDateTime(timezone=True), nullable=False),
    sa.Column('left_at', planner.database.UTCDateTime(timezone=True), nullable=False),
    sa.Column('matched_by', sa.String(length=10), nullable=False, server_default=''),
    sa.Column('unmatched_reason', sa.String(length=200), nullable=False, server_default=''),
    sa.Column('fingerprint', sa.String(length=64), nullable=False),
    sa.CheckConstraint("name <> '' OR email <> ''", name=op.f('ck_online_attendances_name_or_email')),
    sa.CheckConstraint('left_at >= joined_at', name=op.f('ck_online_attendances_left_after_joining')),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], name=op.f('fk_online_attendances_meeting_id_meetings'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['registration_id'], ['registrations.id'], name=op.f('fk_online_attendances_registration_id_registrations'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['report_id'], ['online_reports.id'], name=op.f('fk_online_attendances_report_id_online_reports'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_online_attendances')),
    sa.UniqueConstraint('meeting_id', 'fingerprint', name=op.f('uq_online_attendances_meeting_id_fingerprint'))
    )
    with op.batch_alter_table('online_attendances', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_online_attendances_meeting_id'), ['meeting_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_online_attendances_registration_id'), ['registration_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_online_attendances_report_id'), ['report_id'], unique=False)


def downgrade():
    with op.batch_alter_table('online_attendances', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_online_attendances_report_id'))
        batch_op.drop_index(batch_op.f('ix_online_attendances_registration_id'))
        batch_op.drop_index(batch_op.f('ix_online_attendances_meeting_id'))

    op.drop_table('online_attendances')
    op.drop_table('check_ins')
    with op.batch_alter_table('online_reports', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_online_reports_meeting_id'))

    op.drop_table('online_reports')
