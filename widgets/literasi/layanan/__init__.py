"""Serving the kit: the `literasi` command, the workshop server and its pools, the kernel
websocket guard, QR codes, nbgitpuller links, the landing page and printing.
"""
