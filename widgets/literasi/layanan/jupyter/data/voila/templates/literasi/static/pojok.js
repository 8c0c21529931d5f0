// Pojok Statistik (`literasi serve --pojok`): on a shared screen, a page left alone for some
// minutes (no touch, key, wheel, scroll or mouse) goes back to the corner's landing page, so the
// next visitor starts fresh. The server sets the cookie only in that mode: elsewhere (Binder,
// JupyterHub, a class) this script does nothing.
(function () {
  var kuki = document.cookie.match(/(?:^|;\s*)literasi_pojok_diam=(\d+)/);
  if (!kuki) return;
  var detik = parseInt(kuki[1], 10);
  var dasar = document.body.getAttribute("data-base-url") || "/voila/";
  var beranda = dasar + "render/index.ipynb";
  var pewaktu = null;
  function mulaiLagi() {
    clearTimeout(pewaktu);
    pewaktu = setTimeout(function () { window.location.replace(beranda); }, detik * 1000);
  }
  ["pointerdown", "pointermove", "touchstart", "keydown", "wheel", "scroll"].forEach(function (nama) {
    // Capture on window: scrolls of inner panels do not bubble, but they do pass by here.
    window.addEventListener(nama, mulaiLagi, { capture: true, passive: true });
  });
  // The countdown starts once the page has loaded: a busy laptop can take a while to show an app.
  if (document.readyState === "complete") mulaiLagi();
  else window.addEventListener("load", mulaiLagi);
})();
