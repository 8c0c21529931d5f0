import sys

from literasi.cli import main

sys.exit(main())
