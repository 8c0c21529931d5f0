"""Sensus Kelas: the class survey (student form and teacher dashboard).

The apps have no graded exercises (students answer a questionnaire), so `semua_soal()` is
empty; the views live in literasi.survei and are re-exported here for the notebooks.
"""

from __future__ import annotations

from literasi.survei import PERTANYAAN, DasborGuru, FormulirSurvei

__all__ = ["PERTANYAAN", "DasborGuru", "FormulirSurvei", "semua_soal"]


def semua_soal() -> list:
    """No exercises in these apps (the answer key in the guides is empty)."""
    return []
