"""Run live in a classroom: the class survey (form, teacher dashboard, storage).

notebooks/kelas/NN_name.ipynb -> literasi/kelas/name.py.
"""
