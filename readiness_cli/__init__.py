"""The `readiness` command. It sits above the library (`readiness`) and the service (`api`),
so that the library never imports the web layer: library commands call `readiness`, `serve` and
`db` call `api`."""
