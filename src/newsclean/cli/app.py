"""The console script's entry point.

``main()`` hands ``sys.argv`` to ``runner.run``, whose argparse parser costs ~2 ms where
Typer's import costs ~55 ms of the 150 ms start-up budget of ``newsclean clean -``. A
Typer ``app`` is still offered (built on first access) for tools that expect one; it
passes its arguments through to the same ``run`` so there is one parser, not two.
"""
from __future__ import annotations

import sys


def main() -> None:
    from newsclean.cli.runner import run

    sys.exit(run(sys.argv[1:]))


def _build_app():
    import typer

    from newsclean.cli.runner import run

    app = typer.Typer(name="newsclean", add_completion=False,
                      help="Turn raw scraped news pages into clean Markdown (see `newsclean --help`).")

    @app.command(context_settings={"allow_extra_args": True, "ignore_unknown_options": True,
                                   "help_option_names": []})
    def newsclean(ctx: typer.Context) -> None:
        raise typer.Exit(run(list(ctx.args)))

    return app


def __getattr__(name: str):
    if name == "app":
        return _build_app()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
