"""The kit's data: schema-valid, checksummed, internally consistent, and the figures the
README quotes read back from the shipped files. Plain pytest, no kernel."""

from __future__ import annotations

import hashlib
import json
import re

import pandas as pd
import pytest
from frictionless import validate

from literasi.data import (
    dataset_names,
    datasets_dir,
    describe_dataset,
    load_boundaries,
    load_dataset,
)
from literasi.format import format_angka

DIR = datasets_dir()
PACKAGE = json.loads((DIR / "datapackage.json").read_text(encoding="utf-8"))
RESOURCES = PACKAGE["resources"]
KOTA = "Kota Pekalongan"


def _kabkota(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows of the 35 kab/kota (Kemendagri code with exactly one dot)."""
    return frame[frame["kode_kemendagri"].str.count(r"\.") == 1]


# --- the package itself ----------------------------------------------------------------


def test_datapackage_valid_menurut_frictionless():
    report = validate(DIR / "datapackage.json")
    errors = [f"{t.name}: {e.message}" for t in report.tasks for e in t.errors]
    assert report.valid, "\n".join(errors[:20])


@pytest.mark.parametrize("resource", RESOURCES, ids=lambda r: r["name"])
def test_hash_file_sama_dengan_datapackage(resource):
    data = (DIR / resource["path"]).read_bytes()
    assert resource["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()


def test_setiap_file_di_datasets_terdaftar():
    shipped = {p.name for p in DIR.iterdir() if p.is_file()}
    listed = {r["path"] for r in RESOURCES}
    assert shipped - listed == {"datapackage.json", "README.md"}
    assert listed <= shipped


@pytest.mark.parametrize("resource", RESOURCES, ids=lambda r: r["name"])
def test_metadata_lengkap(resource):
    for key in ("name", "path", "title", "description", "sources", "licenses", "hash"):
        assert resource.get(key), f"{resource['name']} tanpa {key}"
    # Paths stay inside datasets/: the kit reads nothing outside the repository.
    assert "/" not in resource["path"] and not resource["path"].startswith(".")
    for source in resource["sources"]:
        assert source["title"] and source["path"]
        if "github.com" in source["path"]:
            assert re.search(r"/blob/[0-9a-f]{40}/", source["path"]), source["path"]
    if resource["format"] == "geojson":
        assert "schema" not in resource
    else:
        assert resource["format"] == "csv" and resource["schema"]["missingValues"]


def test_file_yang_tidak_boleh_dikirim_tidak_ada():
    names = " ".join(p.name.lower() for p in DIR.iterdir())
    for forbidden in ("tidak_terverifikasi", "bblr", "iklim", "yrbss", "asing", "pdrb"):
        assert forbidden not in names


# --- loader ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", dataset_names())
def test_tipe_kolom_mengikuti_schema(name):
    frame = load_dataset(name)
    fields = describe_dataset(name)["schema"]["fields"]
    assert list(frame.columns) == [f["name"] for f in fields]
    expected = {"integer": "Int64", "year": "Int64", "number": "Float64"}
    for field in fields:
        dtype = frame[field["name"]].dtype
        if field["type"] in expected:
            assert str(dtype) == expected[field["type"]], field["name"]
        else:
            assert isinstance(dtype, pd.StringDtype | pd.CategoricalDtype), field["name"]


def test_kode_tetap_teks_dengan_nol_dan_titik():
    jateng = load_dataset("penduduk_luas_kabkota_jateng_2024")
    assert "33.10" in set(jateng["kode_kemendagri"])  # a float would read 33.1
    wilayah = load_dataset("wilayah_kota_pekalongan_kemendagri_2025")
    assert "33.75.01.1002" in set(wilayah["kode_kemendagri"])
    assert isinstance(wilayah["kodepos"].dtype, pd.StringDtype)
    piramida = load_dataset("piramida_sp2020_jateng_indonesia")
    assert set(piramida["kode_bps"]) == {"00", "33"}
    bps = load_dataset("wilayah_kota_pekalongan_bps_mfd2018")
    assert "3375010004" in set(bps["kode_bps"])


def test_kelompok_umur_terurut_seperti_schema():
    umur = load_dataset("piramida_sp2020_jateng_indonesia").sort_values("kelompok_umur")
    assert list(umur["kelompok_umur"].unique())[:3] == ["0-4", "5-9", "10-14"]
    assert umur["kelompok_umur"].iloc[-1] == "80+"


def test_nama_tak_dikenal_memberi_daftar_nama():
    with pytest.raises(KeyError) as err:
        load_dataset("penduduk_kota")
    message = str(err.value)
    assert "tidak ada" in message and "penduduk_luas_kabkota_jateng_2024" in message
    with pytest.raises(KeyError) as err:
        load_boundaries("desa")
    assert "kecamatan" in str(err.value) and "batas_kabkota_jateng" in str(err.value)


def test_load_boundaries_per_tingkat():
    assert len(load_boundaries("kecamatan")["features"]) == 4
    assert len(load_boundaries("kelurahan")["features"]) == 27
    assert len(load_boundaries("kabkota")["features"]) == 35
    assert load_boundaries("batas_kabkota_jateng")["type"] == "FeatureCollection"


# --- consistency checks the sources promise -------------------------------------------------


@pytest.mark.parametrize(
    ("name", "laki", "perempuan", "total"),
    [
        (
            "penduduk_luas_kabkota_jateng_2024",
            "penduduk_laki",
            "penduduk_perempuan",
            "penduduk_total",
        ),
        ("penduduk_sp2010_olahcepat_kecamatan_kabkota", "laki_laki", "perempuan", "jumlah"),
    ],
)
def test_laki_plus_perempuan_sama_dengan_total(name, laki, perempuan, total):
    frame = load_dataset(name)
    assert (frame[laki] + frame[perempuan] == frame[total]).all()


def test_35_kabkota_sama_dengan_baris_jawa_tengah():
    data = load_dataset("penduduk_luas_kabkota_jateng_2024")
    provinsi = data[data["kode_kemendagri"] == "33"].iloc[0]
    kabkota = _kabkota(data)
    assert len(kabkota) == 35
    for column in ("penduduk_laki", "penduduk_perempuan", "penduduk_total"):
        assert kabkota[column].sum() == provinsi[column]
    assert round(kabkota["luas_km2"].sum(), 3) == pytest.approx(provinsi["luas_km2"])


def test_sp2010_bagian_sama_dengan_keseluruhan():
    sp = load_dataset("penduduk_sp2010_olahcepat_kecamatan_kabkota").set_index("kode_bps")
    kabkota = sp[sp["tingkat"] == "kabupaten/kota"]
    kecamatan = sp[sp["tingkat"] == "kecamatan"]
    assert len(kabkota) == 35 and len(kecamatan) == 4
    for column in ("laki_laki", "perempuan", "jumlah"):
        assert kabkota[column].sum() == sp.loc["33", column]
        assert kecamatan[column].sum() == sp.loc["3375", column]


def test_sp2010_47_kelurahan_lama():
    lama = load_dataset("penduduk_sp2010_kelurahan_lama47_kota_pekalongan")
    assert len(lama) == 47
    assert lama["penduduk_sp2010"].sum() == 281_434
    per_kecamatan = lama.groupby("nama_kecamatan")["penduduk_sp2010"].agg(["size", "sum"])
    assert per_kecamatan.loc["Pekalongan Barat"].tolist() == [13, 88_732]
    assert per_kecamatan.loc["Pekalongan Timur"].tolist() == [13, 62_611]
    assert per_kecamatan.loc["Pekalongan Selatan"].tolist() == [11, 55_069]
    assert per_kecamatan.loc["Pekalongan Utara"].tolist() == [10, 75_022]
    assert (lama["status_2015_menurut_berita"] == "tetap (tidak digabung)").sum() == 12


def test_piramida_2020_sama_di_kedua_file():
    sp2020 = load_dataset("piramida_sp2020_jateng_indonesia")
    seri = load_dataset("piramida_jateng_1971_2020")
    a = sp2020[sp2020["kode_bps"] == "33"].set_index(["kelompok_umur", "jenis_kelamin"])
    b = seri[seri["tahun_sensus"] == 2020].set_index(["kelompok_umur", "jenis_kelamin"])
    assert (a["jumlah_jiwa"].astype("Float64") == b["jumlah_jiwa_tanpa_penghalusan"]).all()
    assert len(seri) == 6 * 17 * 2


def test_batas_kelurahan_bergabung_dengan_daftar_wilayah():
    wilayah = load_dataset("wilayah_kota_pekalongan_kemendagri_2025")
    for level, tingkat in (("kelurahan", "kelurahan"), ("kecamatan", "kecamatan")):
        kode_peta = {f["properties"]["kode_kemendagri"] for f in load_boundaries(level)["features"]}
        kode_daftar = set(wilayah.loc[wilayah["tingkat"] == tingkat, "kode_kemendagri"])
        assert kode_peta == kode_daftar
    kode_kab = {f["properties"]["kode_kemendagri"] for f in load_boundaries("kabkota")["features"]}
    assert kode_kab == set(
        _kabkota(load_dataset("penduduk_luas_kabkota_jateng_2024"))["kode_kemendagri"]
    )


def test_crosswalk_memperlihatkan_kode_kecamatan_yang_tertukar():
    cw = load_dataset("crosswalk_kode_kemendagri_bps_kota_pekalongan").set_index("kode_kemendagri")
    assert len(cw) == 31
    assert cw.loc["33.75.03", "kode_bps_mfd2018"] == "3375040"  # Pekalongan Utara
    assert cw.loc["33.75.04", "kode_bps_mfd2018"] == "3375030"  # Pekalongan Selatan
    assert cw.loc["33.75.03", "nama_kemendagri"] == "Pekalongan Utara"


@pytest.mark.parametrize(
    ("name", "years"),
    [
        ("ipm_komponen_kabkota_jateng_2020_2024", range(2020, 2025)),
        ("kemiskinan_maret_kabkota_jateng_2020_2024", range(2020, 2025)),
        ("tpt_jenis_kelamin_kabkota_jateng_2020_2023", range(2020, 2024)),
    ],
)
def test_indikator_lengkap_35_kabkota_setiap_tahun(name, years):
    frame = load_dataset(name)
    assert frame.groupby("Tahun").size().to_dict() == dict.fromkeys(years, 35)


def test_kemiskinan_seri_utama_konsisten():
    k = load_dataset("kemiskinan_maret_kabkota_jateng_2020_2024")
    hitung = 100 * k["Jumlah Penduduk Miskin Maret Ribu Jiwa"] / k["Jumlah Penduduk Ribu Jiwa"]
    assert (hitung - k["Persentase Penduduk Miskin Maret"]).abs().max() < 0.01


def test_pemilu_kecamatan_sama_dengan_kota():
    pemilu = load_dataset("pemilu_kota_pekalongan_kecamatan")
    calon = pemilu[pemilu["jenis_angka"] == "suara sah calon"]
    for tahun in (2014, 2024):
        satu = calon[calon["tahun"] == tahun]
        kec = satu[satu["tingkat_wilayah"] == "kecamatan"].groupby("peserta")["nilai"].sum()
        kota = satu[satu["tingkat_wilayah"] == "kota"].set_index("peserta")["nilai"]
        assert satu["wilayah"].nunique() == 5
        assert kec.sort_index().tolist() == kota.sort_index().tolist()


def test_temukan_kesalahan_lengkap_dan_tidak_di_data_bersih():
    salah = load_dataset("temukan_kesalahan")
    for column in ("nilai_tertulis", "sumber_nilai_tertulis", "nilai_benar", "sumber_nilai_benar"):
        assert salah[column].notna().all() and (salah[column].str.len() > 0).all()
    # The wrong GK 2020 (Kota Tegal's value) must not be Kota Pekalongan's in the clean table.
    k = load_dataset("kemiskinan_maret_kabkota_jateng_2020_2024")
    gk = k[(k["Wilayah"] == KOTA) & (k["Tahun"] == 2020)]["Garis Kemiskinan Maret Rp"].iloc[0]
    assert gk == 460_789


# --- figures quoted in the README ------------------------------------------------------------


def _angka_readme() -> dict[str, object]:
    """Figure as printed in the README -> the value read from the shipped files."""
    jateng = load_dataset("penduduk_luas_kabkota_jateng_2024").set_index("nama")
    piramida = load_dataset("piramida_sp2020_jateng_indonesia")
    miskin = load_dataset("kemiskinan_maret_kabkota_jateng_2020_2024")
    miskin_kota = miskin[miskin["Wilayah"] == KOTA].set_index("Tahun")
    panel = load_dataset("panel_kemiskinan_ipm_tpt_jateng_2020_2025")
    panel_kota = panel[panel["kabupaten_kota"] == KOTA].set_index("tahun")
    ipm = load_dataset("ipm_komponen_kabkota_jateng_2020_2024")
    web = load_dataset("angka_halaman_web_kota_pekalongan")
    sp2020_kota = web[(web["wilayah"] == KOTA) & web["tahun_data"].str.startswith("2020 (Sensus")]
    sp2010 = load_dataset("penduduk_sp2010_olahcepat_kecamatan_kabkota").set_index("kode_bps")
    lama = load_dataset("penduduk_sp2010_kelurahan_lama47_kota_pekalongan")
    per_kode = piramida.groupby("kode_bps")["jumlah_jiwa"].sum()
    return {
        "36.516.035": format_angka(per_kode["33"]),
        "270.203.917": format_angka(per_kode["00"]),
        "38.430.645": format_angka(jateng.loc["Jawa Tengah", "penduduk_total"]),
        "318.221": format_angka(jateng.loc[KOTA, "penduduk_total"]),
        "46,076": format_angka(jateng.loc[KOTA, "luas_km2"], 3),
        "321,10 ribu": format_angka(miskin_kota.loc[2024, "Jumlah Penduduk Ribu Jiwa"], 2)
        + " ribu",
        "307,15 ribu": format_angka(miskin_kota.loc[2020, "Jumlah Penduduk Ribu Jiwa"], 2)
        + " ribu",
        "307.150": format_angka(int(sp2020_kota["nilai"].iloc[0])),
        "282.137": format_angka(sp2010.loc["3375", "jumlah"]),
        "281.434": format_angka(lama["penduduk_sp2010"].sum()),
        "6,59%": format_angka(miskin_kota.loc[2024, "Persentase Penduduk Miskin Maret"], 2) + "%",
        "6,71%": format_angka(panel_kota.loc[2024, "persentase_penduduk_miskin"], 2) + "%",
        "77,22": format_angka(
            ipm[(ipm["Wilayah"] == KOTA) & (ipm["Tahun"] == 2024)][
                "Indeks Pembangunan Manusia"
            ].iloc[0],
            2,
        ),
    }


def test_angka_di_readme_terbaca_sama_dari_file():
    readme = (DIR / "README.md").read_text(encoding="utf-8")
    for printed, from_files in _angka_readme().items():
        assert from_files == printed, f"file memberi {from_files}, README menulis {printed}"
        assert printed in readme, f"{printed} tidak ada di README"


@pytest.mark.parametrize(
    "name",
    ["kemiskinan_maret_kabkota_jateng_2020_2024", "tpt_jenis_kelamin_kabkota_jateng_2020_2023"],
)
def test_file_yang_disimpan_ulang_tercatat_di_readme(name):
    """These two lost their BOM/CRLF; the README records the hash of what we ship."""
    raw = (DIR / describe_dataset(name)["path"]).read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and b"\r\n" not in raw
    readme = (DIR / "README.md").read_text(encoding="utf-8")
    assert describe_dataset(name)["hash"] in readme
