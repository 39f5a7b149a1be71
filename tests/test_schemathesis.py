"""The API against its own OpenAPI document (GET /api/openapi.json), fuzzed by schemathesis in-process.

For requests generated from the document (valid and invalid ones): never a 5xx, every status code is one
the document declares for the operation, every response body matches the declared schema, and its
content type is the declared one. Loopback only: the WSGI app is called directly, no socket.

The consumer-group endpoints (/api/v1/groups/...) need a database and are left to their own tests.
"""
import pytest
from hypothesis import HealthCheck, settings

schemathesis = pytest.importorskip("schemathesis")
from schemathesis.checks import (  # noqa: E402
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from server import create_app  # noqa: E402

app = create_app({"TESTING": True, "RATE_LIMIT": ""})
schema = schemathesis.openapi.from_wsgi("/api/openapi.json", app).exclude(path_regex=r"^/api/v1/groups")
# Valid and invalid requests (wrong types, missing fields, lone surrogates and NULs in strings).
schema.config.generation.update(modes=list(schemathesis.GenerationMode), allow_x00=True, codec="utf-8")

CHECKS = [not_a_server_error, status_code_conformance, response_schema_conformance, content_type_conformance]


@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_the_api_keeps_its_openapi_promises(case):
    case.call_and_validate(checks=CHECKS)


def test_every_error_status_the_api_gives_is_declared():
    """Statuses the fuzzer cannot provoke (too large, wrong media type, rate limited) are declared too."""
    document = app.test_client().get("/api/openapi.json").get_json()
    check = document["paths"]["/api/v1/check"]["post"]["responses"]
    compose = document["paths"]["/api/v1/compose"]["post"]["responses"]
    for responses in (check, compose):
        assert {"200", "400", "413", "415", "422", "429"} <= set(responses)
