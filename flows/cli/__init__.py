"""The ``aiclaims`` command line: one typer app whose commands map onto the flows."""

from flows.cli.app import app, main

__all__ = ["app", "main"]
