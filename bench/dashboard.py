"""One process that answers the web app's dashboard once, start-up included, as a clerk's
first page after `cadretrack serve`: the app built over the ledger, the token given, the
dashboard of a year drawn (its bytes discarded).

    python bench/dashboard.py LEDGER YEAR AS_OF
"""

import sys
from pathlib import Path


def main() -> None:
    from cadretrack.ops.ledger import watch
    from cadretrack.web.app import create_app
    from cadretrack.web.common import Settings

    db, year, as_of = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    settings = Settings(db=db, watch=watch(db))
    client = create_app(settings).test_client()
    assert client.get(f"/?token={settings.token}").status_code == 303
    answer = client.get(f"/?year={year}&as_of={as_of}")
    if answer.status_code != 200:
        raise SystemExit(f"the dashboard answered {answer.status_code}")
    settings.watch.close()


if __name__ == "__main__":
    main()
