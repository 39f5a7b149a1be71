"""The HTTP API: one blueprint per resource, registered under /api/v1."""
from . import check, health

BLUEPRINTS = (health.blp, check.blp)
