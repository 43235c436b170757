"""``frontlines serve``: the REST API and the web map (:func:`frontlines.api.create_app`) on uvicorn."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Annotated

import typer

from frontlines.cli.common import err, errors, open_existing, resolve_settings, today
from frontlines.errors import ConfigError


def read_token(path: Path) -> str:
    """The bearer token in ``path`` (first line, stripped); ConfigError when missing or empty."""
    try:
        token = path.read_text(encoding="utf-8").strip().splitlines()
    except OSError as exc:
        raise ConfigError(
            f"cannot read token file {path}: {exc.strerror}", "pass a readable --token-file"
        ) from None
    if not token or len(token[0].strip()) < 16:
        raise ConfigError(
            f"token file {path} holds no token of 16 characters or more",
            "write one, e.g. `python -c 'import secrets;print(secrets.token_urlsafe())' > token`",
        )
    return token[0].strip()


def serve_cmd(
    host: Annotated[
        str, typer.Option(help="Address to listen on (127.0.0.1: this machine only).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    token_file: Annotated[
        Path | None, typer.Option("--token-file", help="Accept POST /api/articles with this bearer token.")
    ] = None,
    tiles: Annotated[
        str | None,
        typer.Option(
            "--tiles", help="A tile server URL template, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png."
        ),
    ] = None,
) -> None:
    """Serve the REST API (/api, /docs) and the web map (/) over the database."""
    with errors():
        import uvicorn

        from frontlines.api import ServeConfig, create_app

        settings = resolve_settings()
        open_existing(settings.store.db).close()  # a missing file is a usage error; migrates an old one
        token = None if token_file is None else read_token(token_file)
        if tiles is not None and not all(part in tiles for part in ("{z}", "{x}", "{y}")):
            raise ConfigError(
                f"--tiles {tiles!r} has no {{z}}/{{x}}/{{y}}", "e.g. https://tile.example.org/{z}/{x}/{y}.png"
            )
        app = create_app(ServeConfig(settings, token=token, tiles=tiles, today=today))
        # what is loaded by now lives as long as the server: out of the collector's reach, so a full
        # collection during a request does not walk it (a 30 ms pause on a page of 1,000 events)
        gc.freeze()
        mode = "accepting articles with the token" if token else "read-only"
        err.print(f"serving {settings.store.db} ({mode}) on http://{host}:{port}/", markup=False)
        uvicorn.run(app, host=host, port=port, log_level="warning")


def register(app: typer.Typer) -> None:
    """Add ``serve`` to the ``frontlines`` command."""
    app.command("serve")(serve_cmd)
