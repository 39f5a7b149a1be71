"""Response headers that keep browsers from doing what Vesko never needs: sniffing types, leaking the
referrer, framing our pages, running inline or foreign scripts on the dashboard."""
from __future__ import annotations

from flask import Flask, request

# The dashboard and other HTML pages: only our own files, no inline script or style.
PAGE_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
)
# JSON answers load nothing at all.
API_CSP = "default-src 'none'; frame-ancestors 'none'"
# Swagger UI's page (/api/docs) needs its own inline start-up script.
DOCS_CSP = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'"


def init_app(app: Flask) -> None:
    @app.after_request
    def secure(response):
        headers = response.headers
        headers.setdefault("X-Content-Type-Options", "nosniff")
        headers.setdefault("Referrer-Policy", "no-referrer")
        headers.setdefault("X-Frame-Options", "DENY")
        if request.path.startswith("/api/docs"):
            csp = DOCS_CSP
        elif response.mimetype == "text/html":
            csp = PAGE_CSP
        else:
            csp = API_CSP
        headers.setdefault("Content-Security-Policy", csp)
        return response
