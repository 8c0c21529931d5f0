"""Student lessons: one module per notebook.

notebooks/siswa/NN_name.ipynb -> literasi/siswa/name.py.
"""
