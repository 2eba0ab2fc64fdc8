"""`chalice local`, except that the variables named in CHALICE_ENV_OVERRIDES (comma-separated) keep their
value from this process's environment instead of taking the stage's value from .chalice/config.json.

chalice applies the stage's environment_variables over os.environ when it loads the app, so without this
`make run` could not point the `local` stage at a moto server on a port chosen at start (the stage's
AWS_ENDPOINT_URL is a default for running `chalice local` by hand). Run as a file, like the `chalice`
script: chalice's reloader restarts its worker by running `sys.argv` again.
"""

from __future__ import annotations

import os
import sys
from collections.abc import MutableMapping
from typing import Any


def main(argv: list[str]) -> None:
    from chalice.cli import cli
    from chalice.cli.factory import CLIFactory

    names = [n.strip() for n in os.environ.get("CHALICE_ENV_OVERRIDES", "").split(",") if n.strip()]
    overrides = {name: os.environ[name] for name in names if name in os.environ}
    load_chalice_app = CLIFactory.load_chalice_app

    def load_with_overrides(
        self: CLIFactory, environment_variables: MutableMapping[str, str] | None = None, *args: Any, **kw: Any
    ) -> Any:
        if environment_variables is not None:
            environment_variables = {**environment_variables, **overrides}
        return load_chalice_app(self, environment_variables, *args, **kw)

    CLIFactory.load_chalice_app = load_with_overrides  # type: ignore[method-assign]  # the one seam chalice offers
    sys.argv = [sys.executable, os.path.abspath(__file__), *argv]  # what the reloader re-runs
    cli.main(args=argv, obj={}, prog_name="chalice")


if __name__ == "__main__":
    main(sys.argv[1:])
