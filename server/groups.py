"""Consumer groups: a slug, a public join code for members, a secret admin token for the organisers.

The admin token is 256 random bits shown once; only its SHA-256 is stored. A slow KDF (or a pepper)
protects guessable passwords; a random 256-bit token cannot be guessed from its hash, so a plain hash
is enough and a lost server-side secret can never lock organisers out. Comparisons are constant-time.
"""
from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import unicodedata
from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from . import prompts
from .models import Group, Submission

SLUG_RE = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$")
# Join codes are read aloud and typed on phones: no 0/O, 1/I/L, U.
JOIN_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
JOIN_CODE_GROUPS = 3
CYRILLIC = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    "a|b|v|g|d|e|e|zh|z|i|y|k|l|m|n|o|p|r|s|t|u|f|kh|ts|ch|sh|shch||y||e|yu|ya".split("|"),
))


class GroupError(ValueError):
    """A group that cannot be created as asked (taken slug, bad slug, unknown language)."""


@dataclass(frozen=True)
class Created:
    """What the organiser is shown once: the admin token is not stored anywhere."""

    slug: str
    join_code: str
    admin_token: str


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def token_matches(group: Group, token: str) -> bool:
    return hmac.compare_digest(group.admin_token_hash, hash_token(token))


def join_code_matches(group: Group, code: str) -> bool:
    # Members may type it in lower case or without the dashes.
    return hmac.compare_digest(_canonical_code(group.join_code), _canonical_code(code))


def _canonical_code(code: str) -> bytes:
    return re.sub(r"[^0-9A-Z]", "", code.upper()).encode("ascii", "ignore")


def new_admin_token() -> str:
    return secrets.token_urlsafe(32)


def new_join_code() -> str:
    chars = [secrets.choice(JOIN_CODE_ALPHABET) for _ in range(4 * JOIN_CODE_GROUPS)]
    return "-".join("".join(chars[i : i + 4]) for i in range(0, len(chars), 4))


def slugify(name: str) -> str:
    """'Общество защиты прав потребителей' -> 'obshchestvo-zashchity-prav-potrebiteley'."""
    latin = "".join(CYRILLIC.get(ch, ch) for ch in name.lower())
    ascii_only = unicodedata.normalize("NFKD", latin).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-")[:64].strip("-")
    return slug or f"group-{secrets.token_hex(3)}"


def find(session: Session, slug: str) -> Group | None:
    return session.scalar(select(Group).where(Group.slug == slug))


def create(session: Session, name: str, slug: str | None = None, language: str = "ru") -> Created:
    name = name.strip()
    if not name:
        raise GroupError("the name is empty")
    if language not in prompts.languages():
        raise GroupError(f"no flow in {language!r}; use one of: {', '.join(prompts.languages())}")
    slug = slug or slugify(name)
    if not SLUG_RE.match(slug):
        raise GroupError(f"{slug!r} is not a slug: lower-case letters, digits and dashes, up to 64")
    if find(session, slug):
        raise GroupError(f"a group with the slug {slug!r} already exists")
    token, code = new_admin_token(), new_join_code()
    session.add(Group(slug=slug, name=name, language=language, join_code=code, admin_token_hash=hash_token(token)))
    session.flush()
    return Created(slug, code, token)


def listing(session: Session) -> list[dict]:
    """Every group with its submission count (no secrets)."""
    counts = (
        select(Group.slug, Group.name, Group.language, Group.join_code, Group.created_at, func.count(Submission.id))
        .outerjoin(Submission, Submission.group_id == Group.id)
        .group_by(Group.id)
        .order_by(Group.slug)
    )
    keys = ("slug", "name", "language", "join_code", "created_at", "submissions")
    return [dict(zip(keys, row)) for row in session.execute(counts)]


def rotate(session: Session, slug: str, join_code: bool = False) -> Created:
    """A new admin token (the old one stops working at once); with ``join_code``, a new join code too."""
    group = find(session, slug)
    if group is None:
        raise GroupError(f"no group {slug!r}")
    token = new_admin_token()
    group.admin_token_hash = hash_token(token)
    if join_code:
        group.join_code = new_join_code()
    session.flush()
    return Created(group.slug, group.join_code, token)


def remove(session: Session, slug: str) -> int:
    """Deletes the group and all its submissions; returns how many submissions went."""
    group = find(session, slug)
    if group is None:
        raise GroupError(f"no group {slug!r}")
    count = session.scalar(select(func.count()).where(Submission.group_id == group.id))
    session.execute(delete(Group).where(Group.id == group.id))  # ON DELETE CASCADE takes the rest
    return count
