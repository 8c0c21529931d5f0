// Shared by the kit's light phone pages (literasi.kelas.halaman_ringan): one websocket to the
// laptop at <this page's path>/ws that comes back by itself. opsi: laptop (who the page talks
// to, for the status line #sambungan), saatBuka(), saatPesan(p), saatPutus().
// Returns {kirim(pesan) -> true if sent, ulang() -> a fresh connection}.
function sambunganRingan(opsi) {
  "use strict";
  var ws = null, coba = 0, menungguDetak = null, status = document.getElementById("sambungan");

  function kirim(pesan) {
    if (ws && ws.readyState === 1) { ws.send(JSON.stringify(pesan)); return true; }
    return false;
  }

  // A phone that walks out of Wi-Fi range often keeps a "connected" socket that carries nothing.
  // A small heartbeat notices within seconds, and the page connects again by itself.
  var DETAK_MS = 5000, BATAS_DETAK_MS = 4000;
  setInterval(function () {
    if (!ws || ws.readyState !== 1 || menungguDetak) return;
    kirim({t: "detak"});
    menungguDetak = setTimeout(putus, BATAS_DETAK_MS);
  }, DETAK_MS);

  function lepas() {   // forget the current socket without reconnecting
    clearTimeout(menungguDetak); menungguDetak = null;
    if (!ws) return;
    var lama = ws; ws = null;
    lama.onclose = lama.onmessage = null;
    try { lama.close(); } catch (x) { /* already gone */ }
  }

  function putus() {
    menungguDetak = null;
    if (!ws) return;
    lepas();
    sambungLagi();
  }

  function sambungLagi() {
    status.textContent = "Sambungan terputus. Menyambung ulang…";
    if (opsi.saatPutus) opsi.saatPutus();
    // Spread the reconnections of a whole hall after a Wi-Fi drop: 0,5 s, 1 s, 2 s … 10 s, plus chance.
    var jeda = Math.min(10000, 500 * Math.pow(2, coba++)) + Math.random() * 1000;
    setTimeout(sambung, jeda);
  }

  function sambung() {
    var jalur = location.pathname.replace(/\/+$/, "") + "/ws";
    ws = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + jalur);
    ws.onopen = function () {
      coba = 0;
      status.textContent = "Tersambung ke " + opsi.laptop + ".";
      opsi.saatBuka();
    };
    ws.onmessage = function (e) {
      clearTimeout(menungguDetak); menungguDetak = null;
      var p; try { p = JSON.parse(e.data); } catch (x) { return; }
      if (p && p.t !== "detak") opsi.saatPesan(p);
    };
    ws.onclose = function () {
      ws = null;
      clearTimeout(menungguDetak); menungguDetak = null;
      sambungLagi();
    };
  }

  function ulang() { lepas(); coba = 0; sambung(); }

  sambung();
  return {kirim: kirim, ulang: ulang};
}
