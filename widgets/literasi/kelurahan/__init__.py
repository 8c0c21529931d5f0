"""Desa Cantik apps and their pure parts (IKM, checks of uploaded tables).

notebooks/kelurahan/NN_name.ipynb -> literasi/kelurahan/name.py.
"""
