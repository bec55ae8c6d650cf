"""`python -m readiness_cli` is the `readiness` command."""

import sys

from readiness_cli.main import main

sys.exit(main())
