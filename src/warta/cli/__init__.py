"""The ``warta`` command: a Typer app, one module per command group.

Each command checks its arguments and calls a library function; every ``WartaError``
reaches the user as one line on stderr and exit code 2, never as a traceback.
"""

from __future__ import annotations

import os
import sys

import typer

from ..errors import WartaError
from . import demo, extract, kb, ner, serve, watch

app = typer.Typer(
    name="warta",
    help="Indonesian-language news into facts: entities, money, dates, quotes, events, stories.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
extract.register(app)
demo.register(app)
kb.register(app)
ner.register(app)
serve.register(app)
watch.register(app)


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except WartaError as exc:
        print(f"warta: {exc}", file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt:
        print("warta: interrupted", file=sys.stderr)
        sys.exit(130)
    except Exception as exc:  # a bug: one line for the user, the traceback on request
        if os.environ.get("WARTA_DEBUG"):
            raise
        print(f"warta: internal error ({type(exc).__name__}: {exc}); "
              "run again with WARTA_DEBUG=1 for the traceback", file=sys.stderr)
        sys.exit(1)
