"""``python -m logistics``: the same command line as the ``logistics`` script (the launchers
use it with an absolute interpreter path, which needs no PATH)."""

from .entry import main

if __name__ == "__main__":
    main()
