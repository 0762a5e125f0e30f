/*
 * FoerderFinder embed: put the form into your page with one line.
 *
 *   <script src="https://<app>/embed.js" data-lang="de" data-land="DE-NW" data-municipality="Münster"
 *           data-themes="integration,culture" data-pin="komm_an_nrw_muenster" data-hide="agp"
 *           data-contact-name="Integrationsbüro" data-contact-email="beratung@example.org"
 *           data-contact-phone="0251 123456" async></script>
 *
 * The script adds an iframe right after itself (or into the element named by data-target) and
 * resizes it to the form's height. The form only shows on sites the app's operator has allowed
 * (Content-Security-Policy frame-ancestors); elsewhere the browser refuses it and the link stays.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  if (!script || !script.src) { return; }
  var app = new URL(".", script.src);
  var appOrigin = app.origin;
  var data = script.dataset;

  function list(value) {
    return (value || "").split(",").map(function (s) { return s.trim(); }).filter(function (s) { return /^[a-z0-9_]{2,64}$/.test(s); }).join(",");
  }

  var options = {
    embed: "1",
    parent: window.location.origin,
    lang: data.lang,
    land: data.land,
    municipality: data.municipality,
    themes: list(data.themes),
    pin: list(data.pin),
    hide: list(data.hide),
    contactName: data.contactName,
    contactEmail: data.contactEmail,
    contactPhone: data.contactPhone,
    contactUrl: data.contactUrl,
  };
  var src = new URL(app.href);
  Object.keys(options).forEach(function (name) {
    if (options[name]) { src.searchParams.set(name, options[name]); }
  });

  var container = document.createElement("div");
  container.className = "foerderfinder-embed";
  var frame = document.createElement("iframe");
  frame.src = src.href;
  frame.title = data.title || "FoerderFinder";
  frame.setAttribute("loading", "eager");
  frame.setAttribute("referrerpolicy", "no-referrer");
  frame.style.display = "block";
  frame.style.width = "100%";
  frame.style.border = "0";
  frame.style.height = (parseInt(data.height, 10) || 700) + "px";
  // Until the form reports in, a plain link: it stays where the browser refuses the frame.
  var fallback = document.createElement("p");
  fallback.className = "foerderfinder-fallback";
  var link = document.createElement("a");
  link.href = app.href;
  link.target = "_blank";
  link.rel = "noopener";
  link.textContent = "FoerderFinder ↗";
  fallback.appendChild(link);
  container.appendChild(frame);
  container.appendChild(fallback);

  var target = data.target ? document.querySelector(data.target) : null;
  if (target) { target.appendChild(container); } else { script.parentNode.insertBefore(container, script.nextSibling); }

  window.addEventListener("message", function (event) {
    if (event.origin !== appOrigin || event.source !== frame.contentWindow) { return; }
    var message = event.data;
    if (!message || message.source !== "foerderfinder" || message.type !== "height") { return; }
    var height = Number(message.height);
    if (!isFinite(height)) { return; }
    frame.style.height = Math.min(Math.max(Math.ceil(height), 150), 50000) + "px";
    container.setAttribute("data-ready", "true");
    if (fallback.parentNode) { fallback.parentNode.removeChild(fallback); }
  });
})();
