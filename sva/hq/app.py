"""The HQ ASGI app: routers under /api/v1, error bodies that name the field, size limits,
JSON depth limit and security headers on every response (sva.hq.http_guards)."""
from __future__ import annotations

import re

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from sva import __version__
from sva.errors import BadInput
from sva.hq.api import audits, blobs, enrol, findings, pull
from sva.hq.audits import Conflict
from sva.hq.http_guards import JsonDepthLimit, SecurityHeaders
from sva.hq.limits import BodyLimit, TooLarge
from sva.hq.portal.routes import router as portal_router
from sva.hq.portal.staff_routes import router as portal_staff_router
from sva.hq.storage import Storage
from sva.hq.web.routes import router as web_router

API = "/api/v1"


class Health(BaseModel):
    status: str
    version: str


def _field(loc) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header")]
    return ".".join(parts) or "body"


async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    # Never echo the input back: it may hold a code or a token.
    errors = [{"field": _field(e.get("loc", ())), "message": e.get("msg", "invalid")}
              for e in exc.errors()]
    text = "; ".join(f"{e['field']}: {e['message']}" for e in errors[:10])
    return JSONResponse(status_code=422, content={"detail": text, "errors": errors[:50]})


async def _bad_input(request: Request, exc: BadInput) -> JSONResponse:
    return JSONResponse(status_code=422, content={"detail": str(exc), "field": exc.field})


async def _conflict(request: Request, exc) -> JSONResponse:
    return JSONResponse(status_code=409, content={"detail": str(exc)})


async def _http_error(request: Request, exc: StarletteHTTPException):
    """As Starlette's, but a 405 lists in `Allow` every method the path has (one route per
    method: Starlette names only the first route's), as the OpenAPI documents them."""
    response = await http_exception_handler(request, exc)
    if exc.status_code == 405:
        methods = set()
        for template, operations in request.app.openapi().get("paths", {}).items():
            if re.fullmatch(re.sub(r"\{[^/]+\}", "[^/]+", template), request.url.path):
                methods |= {m.upper() for m in operations}
        if methods:
            response.headers["Allow"] = ", ".join(sorted(methods))
    return response


async def _too_large(request: Request, exc: TooLarge) -> JSONResponse:
    return JSONResponse(status_code=413,
                        content={"detail": f"request body is larger than the limit of "
                                           f"{exc.args[0]} bytes"})


def create_app(storage: Storage):
    """The app over one storage; wrapped in the security headers, the body-size limit and the
    JSON depth limit. Returns an ASGI callable."""
    app = FastAPI(title="SVA HQ", version=__version__, openapi_url=f"{API}/openapi.json",
                  docs_url=f"{API}/docs", redoc_url=None)
    app.state.storage = storage
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(BadInput, _bad_input)
    app.add_exception_handler(Conflict, _conflict)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(TooLarge, _too_large)
    for module in (enrol, pull, audits, blobs, findings):
        app.include_router(module.router, prefix=API)

    app.include_router(web_router)          # the HQ web dashboard under /dashboard
    app.include_router(portal_staff_router)  # its supplier-portal pages (issue 17)
    app.include_router(portal_router)       # the supplier portal under /portal

    @app.get(f"{API}/health", tags=["health"], response_model=Health)
    def health() -> dict:
        with storage.transaction(write=False) as tx:
            tx.scalar("SELECT value FROM revisions WHERE name = 'rev'")
        return {"status": "ok", "version": __version__}

    return SecurityHeaders(BodyLimit(JsonDepthLimit(app)))
