/* Phone-first layout of an app page, applied once before the page is shown (no jump):
   - the objectives ("Kamu akan bisa:" and its list) fold into a <details> under the title;
   - sections whose heading cell is tagged `lipat` fold into a <details> titled by the heading
     (the data table and its check, long explanations: what can wait);
   - a short jump bar under the title links to the sections a student looks for.
   Written for the kit's notebooks (tests/unit/test_gaya_notebook.py keeps their shape); in
   JupyterLab the same notebooks read top to bottom, unfolded. */
(function () {
  "use strict";
  var isi = document.querySelector("#rendered_cells > div");
  if (!isi) { return; }
  var sel = function () { return Array.prototype.slice.call(isi.children); };
  var judulSel = function (el) { return el.querySelector("h1, h2"); };

  // 1. Objectives: <p><strong>Kamu akan bisa:</strong></p><ol>…</ol> -> <details>.
  var pertama = sel().filter(function (el) { return el.querySelector("h1"); })[0];
  if (pertama) {
    pertama.querySelectorAll("p > strong").forEach(function (tebal) {
      var p = tebal.parentNode, daftar = p.nextElementSibling;
      if (!/akan bisa:\s*$/.test(tebal.textContent) || !daftar || daftar.tagName !== "OL") { return; }
      var lipat = document.createElement("details");
      lipat.className = "literasi-tujuan";
      var ringkas = document.createElement("summary");
      ringkas.textContent = tebal.textContent + " " + daftar.children.length + " hal";
      // "Waktu: ± 30 menit" after the list joins the summary line.
      var waktu = daftar.nextElementSibling;
      if (waktu && waktu.tagName === "P" && /^Waktu:/.test(waktu.textContent.trim())) {
        ringkas.textContent += " · " + waktu.textContent.trim().replace(/^Waktu:\s*/, "");
        waktu.remove();
      }
      lipat.appendChild(ringkas);
      p.parentNode.insertBefore(lipat, p);
      p.remove();
      lipat.appendChild(daftar);
    });
  }

  // 2. Sections tagged `lipat`: the heading becomes the summary, the cells up to the next
  //    section go inside.
  sel().forEach(function (el) {
    var md = el.querySelector(".celltag_lipat");
    var judul = md && judulSel(el);
    if (!judul) { return; }
    var lipat = document.createElement("details");
    lipat.className = "literasi-lipat";
    var ringkas = document.createElement("summary");
    isi.insertBefore(lipat, el);
    ringkas.appendChild(judul);
    lipat.appendChild(ringkas);
    var berikut = el;
    do {
      var lanjut = berikut.nextElementSibling;
      lipat.appendChild(berikut);
      berikut = lanjut;
    } while (berikut && !judulSel(berikut));
  });

  // 3. The jump bar: links to the sections named in the page's data-lompat (label=heading
  //    start, e.g. "Jelajahi", or "Unggah=Langkah 2"), in page order, if they are there.
  var lompat = (document.body.getAttribute("data-lompat") || "").split("|").filter(Boolean);
  if (!pertama || !lompat.length) { return; }
  var h2 = Array.prototype.slice.call(isi.querySelectorAll("h2[id]")).filter(function (h) {
    return !h.closest("details");
  });
  var tautan = [];
  lompat.forEach(function (butir) {
    var bagian = butir.split("="), label = bagian[0], awal = bagian[bagian.length - 1];
    var h = h2.filter(function (x) { return x.textContent.trim().indexOf(awal) === 0; })[0];
    if (h) { tautan.push({ label: label, h: h }); }
  });
  if (tautan.length < 2) { return; }  // one link is no bar
  tautan.sort(function (a, b) {
    return a.h.compareDocumentPosition(b.h) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  });
  var nav = document.createElement("nav");
  nav.className = "literasi-lompat";
  nav.setAttribute("aria-label", "Bagian aplikasi");
  tautan.forEach(function (t) {
    var a = document.createElement("a");
    a.href = "#" + encodeURIComponent(t.h.id).replace(/%2F/g, "/");
    a.textContent = t.label;
    nav.appendChild(a);
  });
  pertama.querySelector(".jp-RenderedHTMLCommon").appendChild(nav);
})();
