# Vesko's service. Slim, runs as an unprivileged user, checks its own health.
FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml README.md NOTICE ./
COPY server ./server
COPY prompts ./prompts
RUN pip install --no-cache-dir --prefix=/install . gunicorn

FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    VESKO_HOST=0.0.0.0 \
    VESKO_PORT=8000 \
    VESKO_PROMPTS_DIR=/app/prompts
COPY --from=build /install /usr/local
WORKDIR /app
COPY prompts ./prompts
COPY gunicorn.conf.py ./
RUN useradd --system --uid 10001 --home-dir /app vesko && mkdir -p /app/instance && chown vesko /app/instance
USER vesko
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD python -c "import urllib.request, sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/api/v1/health', timeout=4).status != 200)"
# Migrations first (safe to repeat), then gunicorn with the production settings.
CMD ["sh", "-c", "vesko db upgrade && exec vesko serve --production"]
