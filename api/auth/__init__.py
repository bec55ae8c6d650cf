"""Sign-in, sessions, API tokens and CSRF for the service (the rules themselves: readiness.access).

The names below are the interface the routes and pages use; see each module for how.

- `PrincipalDep`: who is asking (`readiness.access.Principal`), never refused. The API reads an
  `Authorization: Bearer <token>` header; the pages read the signed session cookie.
- `UserDep`: a signed-in principal; anonymous callers get 401 on the API and are sent to
  `/sign-in?next=…` on the pages.
- `CsrfDep`: put on every page route that takes a form (POST); a missing or wrong `csrf` field
  answers 403 and nothing happens.
- `csrf_token(request)`: the value for the hidden `csrf` field of a form (templates get it as
  `csrf_token` too).
"""

from api.auth.deps import CsrfDep, PrincipalDep, UserDep, csrf_token

__all__ = ["CsrfDep", "PrincipalDep", "UserDep", "csrf_token"]
