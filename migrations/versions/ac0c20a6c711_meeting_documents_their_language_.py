"""Meeting documents, their language versions, revisions and stored files

Revision ID: ac0c20a6c711
Revises: 5399c5d478f0
Create Date: 2026-12-02 04:04:20.145089

"""
from alembic import op
import sqlalchemy as sa

import planner.database  # noqa: F401  (column types used by the models)


# revision identifiers, used by Alembic.
revision = 'ac0c20a6c711'
down_revision = '5399c5d478f0'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('stored_files',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('size', sa.BigInteger(), nullable=False),
    sa.Column('content_type', sa.String(length=120), nullable=False),
    sa.Column('chunk_size', sa.Integer(), nullable=False),
    sa.Column('created_at', planner.database.UTCDateTime(timezone=True), nullable=False),
    sa.CheckConstraint('chunk_size > 0', name=op.f('ck_stored_files_chunk_size_positive')),
    sa.CheckConstraint('size >= 0', name=op.f('ck_stored_files_size_not_negative')),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], name=op.f('fk_stored_files_meeting_id_meetings'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stored_files')),
    sa.UniqueConstraint('meeting_id', 'sha256', name=op.f('uq_stored_files_meeting_id_sha256'))
    )
    with op.batch_alter_table('stored_files', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_stored_files_meeting_id'), ['meeting_id'], unique=False)

    op.create_table('stored_chunks',
    sa.Column('stored_file_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['stored_file_id'], ['stored_files.id'], name=op.f('fk_stored_chunks_stored_file_id_stored_files'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('stored_file_id', 'position', name=op.f('pk_stored_chunks'))
    )
    op.create_table('documents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=True),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('kind', sa.Enum('concept_note', 'programme', 'information_note', 'background_paper', 'presentation', 'statement', 'list_of_participants', 'report', 'other', name='document_kind', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('visibility', sa.Enum('public', 'participants', 'organisers', name='document_visibility', native_enum=False, create_constraint=True), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('created_at', planner.database.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', planner.database.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("title <> ''", name=op.f('ck_documents_title_not_empty')),
    sa.ForeignKeyConstraint(['meeting_id', 'session_id'], ['sessions.meeting_id', 'sessions.id'], name='fk_documents_session_same_meeting', ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], name=op.f('fk_documents_meeting_id_meetings'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_documents'))
    )
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_documents_meeting_id'), ['meeting_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_documents_session_id'), ['session_id'], unique=False)

    op.create_table('document_versions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('language', sa.String(length=35), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_document_versions_document_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_document_versions')),
    sa.UniqueConstraint('document_id', 'language', name=op.f('uq_document_versions_document_id_language'))
    )
    with op.batch_alter_table('document_versions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_document_versions_document_id'), ['document_id'], unique=False)

    op.create_table('document_revisions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_version_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('stored_file_id', sa.Integer(), nullable=True),
    sa.Column('filename', sa.String(length=255), nullable=False),
    sa.Column('link', sa.String(length=2000), nullable=False),
    sa.Column('uploaded_by_id', sa.Integer(), nullable=True),
    sa.Column('uploaded_at', planner.database.UTCDateTime(timezone=True), nullable=False),
    sa.CheckConstraint("(stored_file_id IS NULL) <> (link = '')", name=op.f('ck_document_revisions_file_or_link')),
    sa.ForeignKeyConstraint(['document_version_id'], ['document_versions.id'], name=op.f('fk_document_revisions_document_version_id_document_versions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['stored_file_id'], ['stored_files.id'], name=op.f('fk_document_revisions_stored_file_id_stored_files'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['uploaded_by_id'], ['users.id'], name=op.f('fk_document_revisions_uploaded_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_document_revisions')),
    sa.UniqueConstraint('document_version_id', 'number', name=op.f('uq_document_revisions_document_version_id_number'))
    )
    with op.batch_alter_table('document_revisions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_document_revisions_document_version_id'), ['document_version_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_document_revisions_stored_file_id'), ['stored_file_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_document_revisions_uploaded_by_id'), ['uploaded_by_id'], unique=False)



def downgrade():
    with op.batch_alter_table('document_revisions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_document_revisions_uploaded_by_id'))
        batch_op.drop_index(batch_op.f('ix_document_revisions_stored_file_id'))
        batch_op.drop_index(batch_op.f('ix_document_revisions_document_version_id'))

    op.drop_table('document_revisions')
    with op.batch_alter_table('document_versions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_document_versions_document_id'))

    op.drop_table('document_versions')
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_documents_session_id'))
        batch_op.drop_index(batch_op.f('ix_documents_meeting_id'))

    op.drop_table('documents')
    op.drop_table('stored_chunks')
    with op.batch_alter_table('stored_files', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_stored_files_meeting_id'))

    op.drop_table('stored_files')
