import sys

from literasi.layanan.cli import main

sys.exit(main())
