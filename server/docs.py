"""Swagger UI's files, served by the app itself so /api/docs works with no network."""
from flask import Blueprint, redirect, send_from_directory
from swagger_ui_bundle import swagger_ui_path

ASSETS_URL = "/api/docs/assets/"

assets = Blueprint("docs_assets", __name__)


@assets.get(f"{ASSETS_URL}<path:filename>")
def asset(filename: str):
    return send_from_directory(swagger_ui_path, filename, max_age=86400)


@assets.get("/")
def index():
    """A person opening the service in a browser lands on the API documentation."""
    return redirect("/api/docs")
