"""`vesko db upgrade` builds the schema on an empty database, upgrades the previous revision, and the
latest revision is exactly what server/models.py describes."""
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from server import migrations
from server.db import make_engine
from server.models import Base


def test_upgrade_builds_an_empty_database(vesko, empty_database):
    result = vesko("db", "upgrade")
    assert result.exit_code == 0, result.output
    engine = make_engine(empty_database)
    assert migrations.current(engine) == migrations.head()
    assert {"groups", "submissions", "submission_reasons"} <= set(inspect(engine).get_table_names())
    engine.dispose()


def test_upgrade_from_the_previous_revision_keeps_the_data(empty_database, vesko):
    previous = migrations.revisions()[-2]
    assert vesko("db", "upgrade", previous).exit_code == 0
    created = vesko("groups", "create", "--name", "Before the upgrade", "--json")
    assert created.exit_code == 0, created.output
    assert vesko("db", "upgrade").exit_code == 0
    assert "before-the-upgrade" in vesko("groups", "list").output
    engine = make_engine(empty_database)
    assert migrations.current(engine) == migrations.head()
    engine.dispose()


def test_downgrade_to_base_and_back(empty_database, vesko):
    for step in (["upgrade"], ["downgrade", "base"], ["upgrade"]):
        result = vesko("db", *step)
        assert result.exit_code == 0, result.output
    assert "latest: " + migrations.head() in vesko("db", "current").output


def test_the_latest_revision_matches_the_models(database_url):
    engine = make_engine(database_url)
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    engine.dispose()
    assert differences == []
