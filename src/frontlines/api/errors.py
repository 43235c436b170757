"""The API's one error shape: ``{"error": {"code", "message", "hint"}}`` for every 4xx and 5xx.

Codes are short words a client can switch on: ``invalid_parameter`` (400), ``unauthorized`` (401),
``not_found`` (404), ``method_not_allowed`` (405), ``payload_too_large`` (413), ``store_error`` (503)
and ``internal`` (500). Messages are one line; hints say what to do next.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from frontlines.errors import ConfigError, FrontlinesError, InputError

log = logging.getLogger("frontlines.api")

#: The code of an HTTP status that no handler named more precisely.
_STATUS_CODES = {
    400: "invalid_parameter",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    415: "unsupported_media_type",
}
_STATUS_HINTS = {
    404: "see /docs for the API's paths",
    405: "see /docs for the methods each path accepts",
}


class ErrorDetail(BaseModel):
    """What went wrong (``code``, one-line ``message``) and what to do next (``hint``)."""

    code: str
    message: str
    hint: str | None


class ErrorBody(BaseModel):
    """The body of every 4xx and 5xx response."""

    error: ErrorDetail


#: The error responses every route documents in the OpenAPI schema.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "A parameter is invalid; the hint shows a valid one."},
    404: {"model": ErrorBody, "description": "No such record or path."},
    500: {"model": ErrorBody, "description": "An unexpected failure (the server log has the traceback)."},
}


def without_422(schema: dict[str, Any]) -> dict[str, Any]:
    """The OpenAPI schema without FastAPI's 422 responses: validation errors are 400 here."""
    for path in schema.get("paths", {}).values():
        for operation in path.values():
            operation.get("responses", {}).pop("422", None)
    for name in ("HTTPValidationError", "ValidationError"):
        schema.get("components", {}).get("schemas", {}).pop(name, None)
    return schema


class ApiError(Exception):
    """An expected failure of a request, turned into the error shape with ``status``."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        hint: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.hint, self.headers = status, code, message, hint, headers


def error_body(code: str, message: str, hint: str | None) -> dict[str, Any]:
    """The JSON body of an error response."""
    return {"error": {"code": code, "message": message, "hint": hint}}


def _response(status: int, code: str, message: str, hint: str | None, headers: Any = None) -> JSONResponse:
    return JSONResponse(error_body(code, message, hint), status_code=status, headers=headers)


def _validation_message(exc: RequestValidationError) -> tuple[str, str]:
    first = exc.errors()[0] if exc.errors() else {}
    loc = [str(part) for part in first.get("loc", ()) if part not in ("query", "path", "body")]
    where = ".".join(loc) or "request"
    return f"parameter {where}: {first.get('msg', 'invalid value')}", "see /docs for each parameter's type"


def install_error_handlers(app: FastAPI) -> None:
    """Make every error of ``app`` use the one shape."""

    @app.exception_handler(ApiError)
    async def api_error(_: Request, exc: ApiError) -> JSONResponse:
        return _response(exc.status, exc.code, exc.message, exc.hint, exc.headers)

    @app.exception_handler(ConfigError)
    async def config_error(_: Request, exc: ConfigError) -> JSONResponse:
        return _response(400, "invalid_parameter", exc.message, exc.hint)

    @app.exception_handler(InputError)
    async def input_error(_: Request, exc: InputError) -> JSONResponse:
        return _response(400, "invalid_input", exc.message, exc.hint)

    @app.exception_handler(FrontlinesError)
    async def frontlines_error(_: Request, exc: FrontlinesError) -> JSONResponse:
        return _response(503, "store_error", f"[{exc.code}] {exc.message}", exc.hint)

    @app.exception_handler(RequestValidationError)
    async def validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        message, hint = _validation_message(exc)
        return _response(400, "invalid_parameter", message, hint)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = _STATUS_CODES.get(exc.status_code, "error")
        return _response(
            exc.status_code, code, str(exc.detail), _STATUS_HINTS.get(exc.status_code), exc.headers
        )

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error on %s", request.url.path)
        return _response(
            500,
            "internal",
            f"unexpected {type(exc).__name__} on {request.url.path}",
            "the server log has the traceback; please report it",
        )
