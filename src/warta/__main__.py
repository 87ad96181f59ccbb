"""``python -m warta``: the same as the ``warta`` command."""

from .cli import main

main()
