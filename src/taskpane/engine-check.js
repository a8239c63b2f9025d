/* global window, document, navigator, Office */
/*
 * Inline engine check — the first script of every page (webpack puts it in each <head>). ES5 on
 * purpose: it must run where the bundles cannot even be parsed. Trident (Internet Explorer 11) and
 * EdgeHTML (Edge heredado) are the webviews of Excel 2016/2019 volume licences and of Office without
 * WebView2 ("Browsers and webview controls used by Office Add-ins"); the add-in targets WebView2,
 * Safari/WKWebView and current browsers (README, «Motores»). There the page says so in Spanish, and
 * the ribbon buttons open a dialog that says the same instead of doing nothing. The bundles check
 * `window.__tableroSinSoporte` and stay out of the way (EdgeHTML may parse part of them).
 */
(function () {
  var ua = navigator.userAgent || '';
  var legacy = /Trident\/|MSIE |Edge\/\d/.test(ua);
  var modern =
    typeof Promise !== 'undefined' &&
    typeof Symbol !== 'undefined' &&
    typeof Object.assign === 'function' &&
    typeof Object.fromEntries === 'function' &&
    typeof window.fetch === 'function';
  if (!legacy && modern) return;
  var text =
    'Esta versión de Excel abre los complementos con Internet Explorer o con Edge heredado, y Tablero PDM no funciona en ellos. ' +
    'Use Microsoft 365 o Excel 2021 o posterior en Windows (o instale Microsoft Edge WebView2), Excel para Mac o Excel en la web.';
  window.__tableroSinSoporte = text;
  function show() {
    var el = document.getElementById('container') || document.getElementById('mensaje') || document.body;
    if (!el) return;
    el.innerHTML = '';
    var p = document.createElement('p');
    p.setAttribute('role', 'alert');
    p.style.padding = '16px';
    p.appendChild(document.createTextNode(text));
    el.appendChild(p);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', show);
  else show();
  function command(event) {
    try {
      var page = window.location.href.replace(/[?#].*$/, '').replace(/[^/]*$/, 'aviso.html');
      Office.context.ui.displayDialogAsync(page, { height: 30, width: 30, displayInIframe: true }, function () {
        event.completed();
      });
      // eslint-disable-next-line @typescript-eslint/no-unused-vars -- ES5 has no `catch {}`
    } catch (e) {
      event.completed();
    }
  }
  window.validar = command;
  window.generarTablero = command;
})();
