"""The Typer layer: parse options, call one function, print, map errors to exit codes."""
