"""The error bodies the API answers with, as documented in its OpenAPI.

Every error is JSON with a `detail` sentence a person can act on; a 422 also names the field
(`field`, or one entry per problem in `errors`). Routes list the statuses they can answer
with `responses(...)`, so a client (or a fuzzer) can check every answer against the schema.
"""
from __future__ import annotations


from pydantic import BaseModel


class ErrorBody(BaseModel):
    detail: str


class FieldProblem(BaseModel):
    field: str
    message: str


class InvalidBody(BaseModel):
    """422: the request was read but something in it is wrong."""
    detail: str
    field: str | None = None
    errors: list[FieldProblem] = []


DESCRIPTIONS = {
    401: "no, unknown or revoked bearer token (or enrolment code refused)",
    403: "the token's user may not do this (role, another auditor's audit, or outside "
         "the device's assignments)",
    404: "nothing the caller may see has this id",
    409: "the stored state does not allow it: a CAP move the status table forbids, a "
         "finding id another audit uses, or (uploads) another offset (`Upload-Offset`)",
    413: "the body (or chunk) is larger than the limit",
    422: "the body, a parameter or a value in it is invalid; `field`/`errors` name it",
}


def responses(*codes: int) -> dict:
    """OpenAPI `responses` for these error statuses, each with its body schema."""
    return {code: {"model": InvalidBody if code == 422 else ErrorBody,
                   "description": DESCRIPTIONS[code]} for code in codes}


AUTHED = (401, 422)
