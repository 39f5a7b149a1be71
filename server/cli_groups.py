"""``vesko db`` (migrations) and ``vesko groups`` (create, list, rotate-token, delete).

Both use the server's database: ``VESKO_DATABASE_URL``, or the SQLite file in the instance folder.
"""
from __future__ import annotations

import contextlib
import json

import click


@contextlib.contextmanager
def _engine():
    """The server's database for one command; its connections are closed when the command ends."""
    from .db import engine_from_environment

    engine = engine_from_environment()
    try:
        yield engine
    finally:
        engine.dispose()


def _where(engine) -> str:
    return engine.url.render_as_string(hide_password=True)


@click.group("db")
def db_command():
    """The database's schema (Alembic migrations)."""


@db_command.command()
@click.argument("revision", default="head")
def upgrade(revision):
    """Bring the database to REVISION (the latest by default); creates it if needed."""
    from . import migrations

    with _engine() as engine:
        migrations.upgrade(engine, revision)
        click.echo(f"{_where(engine)}: at revision {migrations.current(engine)}")


@db_command.command()
@click.argument("revision")
def downgrade(revision):
    """Take the database back to REVISION ("base" removes every table)."""
    from . import migrations

    with _engine() as engine:
        migrations.downgrade(engine, revision)
        click.echo(f"{_where(engine)}: at revision {migrations.current(engine)}")


@db_command.command()
def current():
    """Print the database's revision and the latest one."""
    from . import migrations

    with _engine() as engine:
        click.echo(f"{_where(engine)}: at revision {migrations.current(engine)} (latest: {migrations.head()})")


@click.group("groups")
def groups_command():
    """Consumer groups: members share their reviews, organisers see the pattern."""


@contextlib.contextmanager
def _session():
    """One transaction, committed when the block ends without an error."""
    from sqlalchemy.orm import Session

    with _engine() as engine, Session(engine, expire_on_commit=False) as session, session.begin():
        yield session


def _show_secrets(created, as_json: bool, headline: str) -> None:
    if as_json:
        click.echo(json.dumps({"slug": created.slug, "join_code": created.join_code, "admin_token": created.admin_token}))
        return
    click.echo(headline)
    click.echo(f"  slug:        {created.slug}")
    click.echo(f"  join code:   {created.join_code}   (for members: public)")
    click.echo(f"  admin token: {created.admin_token}")
    click.echo("The admin token is shown only now: keep it secret. `vesko groups rotate-token SLUG` makes a new one.")


@groups_command.command()
@click.option("--name", required=True, help="The group's name, shown in its statistics.")
@click.option("--slug", default=None, help="Its address: /api/v1/groups/SLUG (default: from the name).")
@click.option("--language", default="ru", show_default=True, help="Language of the labels in stats and exports: ru or en.")
@click.option("--json", "as_json", is_flag=True, help='Print {"slug", "join_code", "admin_token"} as JSON.')
def create(name, slug, language, as_json):
    """Create a group; prints its join code and, once, its admin token."""
    from . import groups

    with _session() as session:
        try:
            created = groups.create(session, name, slug, language)
        except groups.GroupError as error:
            raise click.UsageError(str(error)) from error
    _show_secrets(created, as_json, f"Created the group {name!r}.")


@groups_command.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
def list_groups(as_json):
    """Every group with its join code and number of submissions (never a token)."""
    from . import groups

    with _session() as session:
        rows = groups.listing(session)
    if as_json:
        click.echo(json.dumps([{**row, "created_at": row["created_at"].isoformat()} for row in rows], ensure_ascii=False))
        return
    if not rows:
        click.echo("No groups yet: vesko groups create --name \"...\"")
    for row in rows:
        click.echo(f"{row['slug']}\t{row['join_code']}\t{row['language']}\t{row['submissions']} submissions\t{row['name']}")


@groups_command.command("rotate-token")
@click.argument("slug")
@click.option("--join-code", is_flag=True, help="Also give the group a new join code (the old one stops working).")
@click.option("--json", "as_json", is_flag=True, help='Print {"slug", "join_code", "admin_token"} as JSON.')
def rotate_token(slug, join_code, as_json):
    """Give the group a new admin token; the old one stops working at once."""
    from . import groups

    with _session() as session:
        try:
            created = groups.rotate(session, slug, join_code)
        except groups.GroupError as error:
            raise click.ClickException(str(error)) from error
    _show_secrets(created, as_json, f"New admin token for {slug!r}.")


@groups_command.command()
@click.argument("slug")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def delete(slug, yes):
    """Delete the group and every submission it holds."""
    from . import groups

    with _session() as session:
        existing = {row["slug"]: row for row in groups.listing(session)}.get(slug)
        if existing is None:
            raise click.ClickException(f"no group {slug!r}")
        if not yes:
            click.confirm(f"Delete {slug!r} and its {existing['submissions']} submissions for good?", abort=True)
        groups.remove(session, slug)
    click.echo(f"Deleted {slug!r}.")
