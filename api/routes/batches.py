"""POST /batches: many teams at once, from a spreadsheet (CSV or XLSX) or JSON Lines."""

from __future__ import annotations

import tempfile
from typing import Annotated, BinaryIO, Literal, cast

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool

from api.auth import UserDep
from api.deps import LangDep, OrgDep, PolicyDep, UnitOfWorkDep
from api.errors import BODY, VALIDATION
from api.routes.signed_in import SIGNED_IN
from api.schemas_org import BatchReport, OutcomePublic
from readiness.access import Principal
from readiness.policy import Policy
from readiness.tabular import profiles_from_rows, read_table
from readiness.usecases import access
from readiness.usecases.batch import assess_batch
from readiness.usecases.ports import UnitOfWork
from readiness.vocabulary import Lang

router = APIRouter(tags=["batches"])
Format = Literal["auto", "csv", "xlsx", "jsonl"]
SPOOL_IN_MEMORY = 4 * 1024 * 1024  # larger uploads go to a temporary file, never all in memory


@router.post(
    "/batches",
    response_model=BatchReport,
    responses={**VALIDATION, **SIGNED_IN, **BODY},
    openapi_extra={
        "requestBody": {
            "required": True,
            "description": "the file itself: CSV (`;` or `,`, UTF-8), XLSX or JSON Lines; one "
            "row per team (or per respondent, with a `respondent` column). "
            "`readiness questionnaire --template csv|xlsx` writes an empty one.",
            "content": {
                "text/csv": {"schema": {"type": "string"}},
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
                    "schema": {"type": "string", "format": "binary"}
                },
                "application/x-ndjson": {"schema": {"type": "string"}},
            },
        }
    },
)
async def create_batch(
    request: Request,
    principal: UserDep,
    uow: UnitOfWorkDep,
    org: OrgDep,
    lang: LangDep,
    policy: PolicyDep,
    format: Annotated[Format, Query(description="auto: from the content")] = "auto",
) -> BatchReport:
    """Assess and store every team in the file; a rejected team names its row, column and value.

    A team with the same answers as its stored assessment under the same policy is not stored
    again (`existing`), so a file sent twice stores nothing twice. For an admin or an HR partner
    of the organisation; one limited to units has every team outside them rejected.
    """
    await run_in_threadpool(access.check_follow, uow, principal, org)  # before reading the file
    with tempfile.SpooledTemporaryFile(max_size=SPOOL_IN_MEMORY) as spool:
        async for chunk in request.stream():
            spool.write(chunk)
        spool.seek(0)
        return await run_in_threadpool(_assess, spool, format, uow, org, lang, policy, principal)


def _assess(
    spool: tempfile.SpooledTemporaryFile[bytes],
    format: Format,
    uow: UnitOfWork,
    org: str,
    lang: Lang,
    policy: Policy,
    principal: Principal,
) -> BatchReport:
    rows = read_table(cast("BinaryIO", spool), format, name="the uploaded file")
    teams = profiles_from_rows(rows)
    outcomes = [
        OutcomePublic.of(o)
        for o in assess_batch(uow, teams, lang, policy, org_id=org, principal=principal)
    ]
    count = {s: sum(o.status == s for o in outcomes) for s in ("stored", "existing", "rejected")}
    return BatchReport(**count, outcomes=outcomes)
