"""The ``piiflow`` console script: the command line, imported with the garbage collector paused.

Why a module of its own: importing ``processors.cli`` imports spaCy, Presidio and pydantic, about
a second of start-up in which the collector ran some 300 young and two full collections for
nothing (``processors.heap.collector_paused``). The pause must begin before that import, so the
entry point is here, and this module imports nothing heavy itself.

Once imported, the modules, classes and functions are frozen (``gc.freeze``): they live as long as
the process, and the first collection after the pause would otherwise walk them all (70 ms). The
import's own garbage is frozen with them: about 2,000 objects, once per process, never more.
Frozen objects are also what ``--jobs`` children share with their parent without copying.
"""

from __future__ import annotations

import gc

from processors.heap import collector_paused


def main() -> int:
    """Entry point of the ``piiflow`` console script (``processors.cli.main``)."""
    with collector_paused():
        from processors.cli import main as cli_main  # imported here: the point of this module

        gc.freeze()
    return cli_main()
