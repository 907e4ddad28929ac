"""Serving the web app: waitress on 127.0.0.1, one line with the address, the browser opened,
until Ctrl-C (or SIGTERM), which stops it cleanly (the requests under way finish first)."""

from __future__ import annotations

import signal
import sys
from pathlib import Path

from cadretrack.errors import CadretrackError
from cadretrack.i18n import t
from cadretrack.web.app import create_app
from cadretrack.web.common import Settings

THREADS = 4


def make_server(db: Path, lang: str, read_only: bool, port: int):
    """The app and its server, bound (port 0: any free one), not yet serving."""
    from waitress.server import create_server

    from cadretrack.ops.ledger import watch

    if not 0 <= port <= 65535:
        raise CadretrackError("serve_port_invalid", port=port)
    settings = Settings(db=db, lang=lang, read_only=read_only, watch=watch(db))
    try:
        server = create_server(create_app(settings), host="127.0.0.1", port=port, threads=THREADS,
                               ident="cadretrack", clear_untrusted_proxy_headers=True)
    except OSError as exc:
        import errno

        settings.watch.close()
        key = "serve_port_busy" if exc.errno == errno.EADDRINUSE else "serve_port_denied"
        raise CadretrackError(key, port=port, reason=str(exc)[:200]) from None
    return server, settings


def url_of(server, settings: Settings) -> str:
    return f"http://127.0.0.1:{server.effective_port}/?token={settings.token}"


def serve(db: Path, lang: str, read_only: bool, port: int, browser: bool) -> None:
    server, settings = make_server(db, lang, read_only, port)
    url = url_of(server, settings)
    sys.stdout.write(t("serve_open", url=url) + "\n")
    sys.stdout.flush()
    if browser:
        import webbrowser

        webbrowser.open(url)

    def stop(signum, frame):
        raise KeyboardInterrupt

    previous = {s: signal.signal(s, stop) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        for s in previous:
            signal.signal(s, signal.SIG_IGN)
        server.close()
        settings.watch.close()
        if settings.uploads is not None:  # the registers uploaded, and their review files
            import shutil

            shutil.rmtree(settings.uploads, ignore_errors=True)
    sys.stderr.write(t("serve_stopped") + "\n")
