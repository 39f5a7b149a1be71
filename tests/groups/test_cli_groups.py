"""The organiser manages groups from the command line: create, list, rotate the token, delete."""
import json

from sqlalchemy import select

from server.db import make_engine
from server.groups import hash_token, slugify
from server.models import Group


def stored_group(database_url, slug):
    engine = make_engine(database_url)
    with engine.connect() as connection:
        row = connection.execute(select(Group.__table__).where(Group.slug == slug)).mappings().one_or_none()
    engine.dispose()
    return row


def test_create_prints_the_secrets_once_and_stores_only_the_token_hash(vesko, database_url):
    result = vesko("groups", "create", "--name", "Родительский чат школы 5", "--slug", "school-5", "--language", "ru")
    assert result.exit_code == 0, result.output
    token = next(line.split(": ", 1)[1].strip() for line in result.output.splitlines() if "admin token:" in line)
    row = stored_group(database_url, "school-5")
    assert row["admin_token_hash"] == hash_token(token) != token
    assert token not in json.dumps(dict(row), default=str)
    listed = vesko("groups", "list")
    assert "school-5" in listed.output and row["join_code"] in listed.output and token not in listed.output


def test_create_json_is_one_object_with_the_three_keys(create_group):
    group = create_group("City buyers", language="en")
    assert set(group) == {"slug", "join_code", "admin_token"}
    assert group["slug"] == "city-buyers" and len(group["admin_token"]) >= 40


def test_slugs_come_from_russian_names_and_must_be_unique(vesko):
    assert slugify("Общество защиты прав потребителей") == "obshchestvo-zashchity-prav-potrebiteley"
    assert vesko("groups", "create", "--name", "A", "--slug", "same").exit_code == 0
    again = vesko("groups", "create", "--name", "B", "--slug", "same")
    assert again.exit_code == 2 and "already exists" in again.output
    assert vesko("groups", "create", "--name", "C", "--slug", "Not A Slug").exit_code == 2
    assert vesko("groups", "create", "--name", "D", "--language", "de").exit_code == 2


def test_rotate_token_replaces_the_token_and_can_replace_the_join_code(create_group, vesko, read_as_admin):
    group = create_group()
    result = vesko("groups", "rotate-token", group["slug"], "--join-code", "--json")
    assert result.exit_code == 0, result.output
    rotated = json.loads(result.output)
    assert rotated["admin_token"] != group["admin_token"] and rotated["join_code"] != group["join_code"]
    assert read_as_admin(group).status_code == 403
    assert read_as_admin(rotated).status_code == 200
    assert vesko("groups", "rotate-token", "nobody").exit_code == 1


def test_delete_asks_first_and_removes_the_group(create_group, vesko, database_url):
    group = create_group()
    declined = vesko("groups", "delete", group["slug"], input="n\n")
    assert declined.exit_code == 1 and stored_group(database_url, group["slug"]) is not None
    assert vesko("groups", "delete", group["slug"], "--yes").exit_code == 0
    assert stored_group(database_url, group["slug"]) is None
    assert vesko("groups", "delete", group["slug"], "--yes").exit_code == 1
