"""gunicorn reads ./gunicorn.conf.py by default: the settings live in server/gunicorn_conf.py."""
from server.gunicorn_conf import *  # noqa: F401,F403
