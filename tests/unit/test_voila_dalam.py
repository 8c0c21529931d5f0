"""Voilà's private names the kit relies on (literasi.layanan.voila_dalam), checked against the
installed Voilà: an upgrade that renames or reshapes one fails here, in a second, instead of as
a spinner that never ends or pools that quietly fall back to Voilà's own refill."""

from __future__ import annotations

import ast
import inspect
import textwrap

import voila.app as voila_app
from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from voila.voila_kernel_manager import voila_kernel_manager_factory

from literasi.layanan import voila_dalam

KELAS_VOILA = voila_kernel_manager_factory(AsyncMappingKernelManager, True, 0)


def _pohon(fungsi) -> ast.AST:
    return ast.parse(textwrap.dedent(inspect.getsource(fungsi)))


def _return(fungsi) -> list[ast.AST]:
    return [n.value for n in ast.walk(_pohon(fungsi)) if isinstance(n, ast.Return) and n.value]


def test_voila_membangun_pengelola_kernel_dengan_pabrik_global():
    assert voila_app.voila_kernel_manager_factory is voila_kernel_manager_factory
    panggilan = [
        n.func.id
        for n in ast.walk(_pohon(voila_app.Voila.init_settings))
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
    ]
    assert "voila_kernel_manager_factory" in panggilan


def test_pabrik_dibungkus_sekali_lalu_dikembalikan():
    asli = voila_app.voila_kernel_manager_factory
    with voila_dalam.pabrik_pengelola_kernel(lambda kelas: type("Bungkus", (kelas,), {})):
        kelas = voila_app.voila_kernel_manager_factory(AsyncMappingKernelManager, True, 0)
        assert kelas.__name__ == "Bungkus"
        assert issubclass(kelas, AsyncMappingKernelManager)
    assert voila_app.voila_kernel_manager_factory is asli


def test_pools_ada_di_init():
    diisi = {
        sasaran.attr
        for n in ast.walk(_pohon(KELAS_VOILA.__init__))
        if isinstance(n, ast.AnnAssign | ast.Assign)
        for sasaran in (n.targets if isinstance(n, ast.Assign) else [n.target])
        if isinstance(sasaran, ast.Attribute)
    }
    assert "_pools" in diisi


def test_isi_kolam_bernama_dan_berbentuk_sama():
    fungsi = getattr(KELAS_VOILA, voila_dalam.ISI_KOLAM)
    parameter = inspect.signature(fungsi).parameters
    assert list(parameter)[:3] == ["self", "notebook_path", "kernel_id"]
    assert parameter["kernel_id"].default is None
    assert any(p.kind is p.VAR_KEYWORD for p in parameter.values())
    kunci = [
        k.value for hasil in _return(fungsi) if isinstance(hasil, ast.Dict) for k in hasil.keys
    ]
    assert "task" in kunci


def test_halaman_membawa_id_kernel_di_posisi_ketiga():
    hasil = _return(KELAS_VOILA.get_rendered_notebook)
    assert hasil, "get_rendered_notebook returns nothing"
    for h in hasil:
        assert isinstance(h, ast.Tuple) and len(h.elts) == 3
        assert ast.unparse(h.elts[2]) == "kernel_id"
    assert voila_dalam.kernel_halaman(("tugas", ["sel"], "k-1")) == "k-1"


def test_kolam_dan_tugas_dibaca_lewat_satu_modul():
    class Pengelola:
        _pools = {"siswa/00.ipynb": ["tugas"]}

    assert voila_dalam.kolam_kernel(Pengelola()) == {"siswa/00.ipynb": ["tugas"]}
    assert voila_dalam.tugas_notebook({"task": "t", "renderer": None}) == "t"
