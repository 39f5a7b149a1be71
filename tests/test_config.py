"""Configuration comes from VESKO_* variables, and a test (or an embedding app) can override any of it."""
import pytest

from server import create_app
from server.config import from_env


def test_defaults_need_no_environment():
    config = from_env({})
    assert (config["HOST"], config["PORT"]) == ("127.0.0.1", 8000)
    assert config["MAX_BODY_BYTES"] == 262_144


def test_environment_variables_are_parsed():
    config = from_env({"VESKO_PORT": "9000", "VESKO_CORS_ORIGINS": "https://dash.example, https://vesko.example"})
    assert config["PORT"] == 9000
    assert config["CORS_ORIGINS"] == ["https://dash.example", "https://vesko.example"]


def test_a_wrong_value_names_the_variable():
    with pytest.raises(ValueError, match="VESKO_PORT='eighty'"):
        from_env({"VESKO_PORT": "eighty"})


def test_the_factory_reads_the_environment_and_the_mapping_wins(monkeypatch):
    monkeypatch.setenv("VESKO_MAX_BODY_BYTES", "5000")
    monkeypatch.setenv("VESKO_LOG_LEVEL", "WARNING")
    app = create_app({"LOG_LEVEL": "ERROR"})
    assert app.config["MAX_CONTENT_LENGTH"] == 5000
    assert app.config["LOG_LEVEL"] == "ERROR"
