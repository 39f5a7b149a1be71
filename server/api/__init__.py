"""The HTTP API: one blueprint per resource, under /api/v1, and LanguageTool's API under /v2."""
from . import check, compose, flows, groups, health, languagetool_compat

BLUEPRINTS = (health.blp, check.blp, flows.blp, compose.blp, groups.blp, languagetool_compat.blp)
