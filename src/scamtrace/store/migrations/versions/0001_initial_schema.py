"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-29 00:08:16.094461
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('indicators',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('value', sa.String(length=1000), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_indicators')),
    sa.UniqueConstraint('kind', 'value', name='uq_indicators_kind_value')
    )
    op.create_table('ingest_runs',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=False),
    sa.Column('finished_at', sa.DateTime(), nullable=True),
    sa.Column('paths', sa.JSON(), nullable=False),
    sa.Column('counts', sa.JSON(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ingest_runs'))
    )
    op.create_table('link_runs',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=False),
    sa.Column('finished_at', sa.DateTime(), nullable=True),
    sa.Column('mode', sa.String(length=16), nullable=False),
    sa.Column('params', sa.JSON(), nullable=True),
    sa.Column('stats', sa.JSON(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_link_runs'))
    )
    op.create_table('location_notes',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('operation_id', sa.String(length=40), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=False),
    sa.Column('region', sa.String(length=200), nullable=True),
    sa.Column('city', sa.String(length=200), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('source', sa.Text(), nullable=False),
    sa.Column('author', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_location_notes'))
    )
    with op.batch_alter_table('location_notes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_location_notes_operation_id'), ['operation_id'], unique=False)

    op.create_table('operations',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('reports', sa.Integer(), nullable=False),
    sa.Column('incidents', sa.Integer(), nullable=False),
    sa.Column('is_tss', sa.Boolean(), nullable=False),
    sa.Column('harm', sa.Float(), nullable=False),
    sa.Column('first_seen', sa.Date(), nullable=True),
    sa.Column('last_seen', sa.Date(), nullable=True),
    sa.Column('summary', sa.JSON(), nullable=False),
    sa.Column('location', sa.JSON(), nullable=True),
    sa.Column('utc_offset', sa.JSON(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_operations'))
    )
    with op.batch_alter_table('operations', schema=None) as batch_op:
        batch_op.create_index('ix_operations_harm', ['harm'], unique=False)

    op.create_table('referrals',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('operation_id', sa.String(length=40), nullable=False),
    sa.Column('recipient', sa.String(length=200), nullable=False),
    sa.Column('created_by', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('out_dir', sa.Text(), nullable=False),
    sa.Column('files', sa.JSON(), nullable=False),
    sa.Column('store_state', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_referrals'))
    )
    with op.batch_alter_table('referrals', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_referrals_operation_id'), ['operation_id'], unique=False)

    op.create_table('reports',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('source', sa.String(length=200), nullable=False),
    sa.Column('report_id', sa.String(length=200), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('received_at', sa.String(length=40), nullable=False),
    sa.Column('received_utc', sa.DateTime(), nullable=False),
    sa.Column('incident_at', sa.String(length=40), nullable=True),
    sa.Column('incident_utc', sa.DateTime(), nullable=True),
    sa.Column('incident_day', sa.Date(), nullable=True),
    sa.Column('day_number', sa.Integer(), nullable=False),
    sa.Column('incident_key', sa.String(length=70), nullable=True),
    sa.Column('language', sa.String(length=35), server_default='en', nullable=False),
    sa.Column('victim_country', sa.String(length=2), nullable=True),
    sa.Column('victim_region', sa.String(length=200), nullable=True),
    sa.Column('victim_age_band', sa.String(length=10), nullable=True),
    sa.Column('channel', sa.String(length=16), nullable=True),
    sa.Column('direction', sa.String(length=10), nullable=True),
    sa.Column('doc', sa.JSON(), nullable=False),
    sa.Column('narrative', sa.Text(), server_default='', nullable=False),
    sa.Column('is_tss', sa.Boolean(), nullable=True),
    sa.Column('scam_type', sa.String(length=32), nullable=True),
    sa.Column('tss_score', sa.Float(), nullable=True),
    sa.Column('reasons', sa.JSON(), nullable=True),
    sa.Column('facts', sa.JSON(), nullable=True),
    sa.Column('weak', sa.Text(), nullable=True),
    sa.Column('extractor_version', sa.String(length=32), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reports')),
    sa.UniqueConstraint('source', 'report_id', name='uq_reports_source_report_id')
    )
    with op.batch_alter_table('reports', schema=None) as batch_op:
        batch_op.create_index('ix_reports_day_number', ['day_number'], unique=False)
        batch_op.create_index('ix_reports_received_utc', ['received_utc'], unique=False)
        batch_op.create_index('ix_reports_updated_at', ['updated_at'], unique=False)

    op.create_table('assignments',
    sa.Column('report_pk', sa.Integer(), nullable=False),
    sa.Column('operation_id', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['operation_id'], ['operations.id'], name=op.f('fk_assignments_operation_id_operations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['report_pk'], ['reports.id'], name=op.f('fk_assignments_report_pk_reports'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('report_pk', name=op.f('pk_assignments'))
    )
    with op.batch_alter_table('assignments', schema=None) as batch_op:
        batch_op.create_index('ix_assignments_operation_id', ['operation_id'], unique=False)

    op.create_table('attributions',
    sa.Column('operation_id', sa.String(length=40), nullable=False),
    sa.Column('rank', sa.Integer(), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('region', sa.String(length=200), nullable=True),
    sa.Column('city', sa.String(length=200), nullable=True),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.Column('evidence', sa.JSON(), nullable=False),
    sa.Column('computed_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['operation_id'], ['operations.id'], name=op.f('fk_attributions_operation_id_operations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('operation_id', 'rank', name=op.f('pk_attributions'))
    )
    op.create_table('operation_evidence',
    sa.Column('operation_id', sa.String(length=40), nullable=False),
    sa.Column('indicator_id', sa.Integer(), nullable=False),
    sa.Column('first_day', sa.Date(), nullable=False),
    sa.Column('last_day', sa.Date(), nullable=False),
    sa.Column('reports', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.ForeignKeyConstraint(['indicator_id'], ['indicators.id'], name=op.f('fk_operation_evidence_indicator_id_indicators')),
    sa.ForeignKeyConstraint(['operation_id'], ['operations.id'], name=op.f('fk_operation_evidence_operation_id_operations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('operation_id', 'indicator_id', 'first_day', name=op.f('pk_operation_evidence'))
    )
    with op.batch_alter_table('operation_evidence', schema=None) as batch_op:
        batch_op.create_index('ix_operation_evidence_indicator_id', ['indicator_id'], unique=False)

    op.create_table('rejects',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('run_id', sa.Integer(), nullable=True),
    sa.Column('path', sa.Text(), nullable=False),
    sa.Column('line', sa.Integer(), nullable=False),
    sa.Column('field', sa.String(length=200), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('raw', sa.Text(), server_default='', nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['run_id'], ['ingest_runs.id'], name=op.f('fk_rejects_run_id_ingest_runs')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rejects'))
    )
    with op.batch_alter_table('rejects', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rejects_run_id'), ['run_id'], unique=False)

    op.create_table('report_changes',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('report_pk', sa.Integer(), nullable=False),
    sa.Column('changed_at', sa.DateTime(), nullable=False),
    sa.Column('old_hash', sa.String(length=64), nullable=False),
    sa.Column('new_hash', sa.String(length=64), nullable=False),
    sa.Column('fields', sa.JSON(), nullable=False),
    sa.Column('path', sa.Text(), nullable=True),
    sa.Column('line', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['report_pk'], ['reports.id'], name=op.f('fk_report_changes_report_pk_reports'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report_changes'))
    )
    with op.batch_alter_table('report_changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_report_changes_report_pk'), ['report_pk'], unique=False)

    op.create_table('report_indicators',
    sa.Column('report_pk', sa.Integer(), nullable=False),
    sa.Column('indicator_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=10), nullable=False),
    sa.Column('flags', sa.String(length=500), server_default='', nullable=False),
    sa.Column('field', sa.String(length=64), nullable=True),
    sa.Column('span_start', sa.Integer(), nullable=True),
    sa.Column('span_end', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['indicator_id'], ['indicators.id'], name=op.f('fk_report_indicators_indicator_id_indicators')),
    sa.ForeignKeyConstraint(['report_pk'], ['reports.id'], name=op.f('fk_report_indicators_report_pk_reports'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('report_pk', 'indicator_id', 'role', name=op.f('pk_report_indicators'))
    )
    with op.batch_alter_table('report_indicators', schema=None) as batch_op:
        batch_op.create_index('ix_report_indicators_indicator_id', ['indicator_id'], unique=False)

    op.create_table('report_personal',
    sa.Column('report_pk', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=True),
    sa.Column('email', sa.Text(), nullable=True),
    sa.Column('phone', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['report_pk'], ['reports.id'], name=op.f('fk_report_personal_report_pk_reports'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('report_pk', name=op.f('pk_report_personal'))
    )
    op.create_table('victim_indicators',
    sa.Column('report_pk', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.Column('field', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['report_pk'], ['reports.id'], name=op.f('fk_victim_indicators_report_pk_reports'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('report_pk', 'kind', 'value', name=op.f('pk_victim_indicators'))
    )


def downgrade() -> None:
    op.drop_table('victim_indicators')
    op.drop_table('report_personal')
    with op.batch_alter_table('report_indicators', schema=None) as batch_op:
        batch_op.drop_index('ix_report_indicators_indicator_id')

    op.drop_table('report_indicators')
    with op.batch_alter_table('report_changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_report_changes_report_pk'))

    op.drop_table('report_changes')
    with op.batch_alter_table('rejects', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rejects_run_id'))

    op.drop_table('rejects')
    with op.batch_alter_table('operation_evidence', schema=None) as batch_op:
        batch_op.drop_index('ix_operation_evidence_indicator_id')

    op.drop_table('operation_evidence')
    op.drop_table('attributions')
    with op.batch_alter_table('assignments', schema=None) as batch_op:
        batch_op.drop_index('ix_assignments_operation_id')

    op.drop_table('assignments')
    with op.batch_alter_table('reports', schema=None) as batch_op:
        batch_op.drop_index('ix_reports_updated_at')
        batch_op.drop_index('ix_reports_received_utc')
        batch_op.drop_index('ix_reports_day_number')

    op.drop_table('reports')
    with op.batch_alter_table('referrals', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_referrals_operation_id'))

    op.drop_table('referrals')
    with op.batch_alter_table('operations', schema=None) as batch_op:
        batch_op.drop_index('ix_operations_harm')

    op.drop_table('operations')
    with op.batch_alter_table('location_notes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_location_notes_operation_id'))

    op.drop_table('location_notes')
    op.drop_table('link_runs')
    op.drop_table('ingest_runs')
    op.drop_table('indicators')
