"""One module per lesson: its pure computations, its view and its exercises."""
