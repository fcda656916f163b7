"""A progress bar for long runs: on standard error, only when it is a terminal.

Piped or redirected output never carries progress (nothing is drawn at all), so reports
written to stdout or files stay byte-identical whether or not a person is watching.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

Step = Callable[[str], None]


@contextmanager
def steps(total: int, stream: TextIO | None = None) -> Iterator[Step]:
    """Yield step(description): each call completes the previous step and names the next."""
    stream = stream if stream is not None else sys.stderr
    if not stream.isatty():
        yield lambda _description: None
        return
    console = Console(file=stream, stderr=stream is sys.stderr)
    # The bar pulses while a step runs (a check is one long step: a fixed 0/2 would look
    # stuck) and the counter says which step of how many it is.
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.fields[n]}/{task.fields[steps]}"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as progress:
        task = progress.add_task("starting", total=None, n=0, steps=total)
        done = 0

        def step(description: str) -> None:
            nonlocal done
            done += 1
            progress.update(task, description=description, n=done, total=None)

        yield step
        progress.update(task, total=1, completed=1, n=total)
