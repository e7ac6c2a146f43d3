import sys

from cmkit.cli import main

sys.exit(main())
