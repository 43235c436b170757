"""The FastAPI app of ``frontlines serve``: the API of :mod:`frontlines.api.routes` and the web map
at ``/`` (static files shipped in the package). Every error has the shape of
:mod:`frontlines.api.errors`; every response carries a Content-Security-Policy that lets the page run
only this server's scripts.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.openapi.utils import get_openapi
from fastapi.responses import FileResponse, HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

from frontlines.api.errors import install_error_handlers, without_422
from frontlines.api.routes import ServeConfig, State, router

#: The static page and its vendored JS/CSS (``make web`` fills ``web/vendor``).
WEB_DIR = Path(str(files("frontlines") / "web"))
#: Security headers of every response: scripts only from this server, no framing.
_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: {tiles}; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'"
)


def create_app(config: ServeConfig) -> FastAPI:
    """The app serving the store at ``config.settings.store.db``."""
    app = FastAPI(
        title="frontlines",
        summary="ACLED-style conflict events from news reports, with the evidence behind every field.",
        version="1",
        docs_url=None,
    )
    app.state.frontlines = State(config)
    install_error_handlers(app)
    csp = _CSP.format(tiles="https: http:" if config.tiles else "")
    # Swagger UI starts itself with an inline script; every other page runs only this server's files
    docs_csp = csp.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        response.headers.setdefault(
            "Content-Security-Policy", docs_csp if request.url.path == "/docs" else csp
        )
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        return response

    app.include_router(router)

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = without_422(
                get_openapi(title=app.title, version=app.version, summary=app.summary, routes=app.routes)
            )
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    app.mount("/static", StaticFiles(directory=WEB_DIR), name="static")
    app.add_api_route("/", index, include_in_schema=False)
    app.add_api_route("/docs", docs, include_in_schema=False)
    return app


def index() -> FileResponse:
    """The map page."""
    return FileResponse(WEB_DIR / "index.html", media_type="text/html")


def docs() -> HTMLResponse:
    """Swagger UI from the vendored files (no CDN)."""
    return get_swagger_ui_html(
        openapi_url="/openapi.json",
        title="frontlines API",
        swagger_js_url="/static/vendor/swagger-ui-bundle.js",
        swagger_css_url="/static/vendor/swagger-ui.css",
        swagger_favicon_url="/static/favicon.svg",
    )
