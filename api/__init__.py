"""The web service: the JSON API under /api/v1, the pages a manager reads, and stored assessments.

`api.main.create_app` assembles it; `readiness serve` runs it (api.server). The library in
`readiness/` decides; this package only speaks HTTP and SQL around it.
"""
