"""`python -m assistant` is the `hiring-assistant` command."""

import sys

from .cli import main

sys.exit(main())
