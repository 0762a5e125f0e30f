/*
 * FoerderFinder web form. Plain JavaScript, no build step.
 * The form is built from GET api/profile-schema; the results come from POST api/match.
 * Every visible text comes from i18n/<language>.json (listed in i18n/languages.json).
 * The profile lives in memory and sessionStorage only; it reaches the URL (after #, never sent
 * to a server) only when the user asks for a share link.
 */
(function () {
  "use strict";

  var STORAGE_KEY = "foerderfinder.v1";
  var PAGE_SIZE = 10;
  // Asked first, in the schema's order (what decides most comes first); every other field is under "More".
  var MAIN_FIELDS = [
    "organisation.type", "organisation.state", "organisation.municipality", "project.location",
    "project.themes", "project.requestedAmountEur", "organisation.charitable", "organisation.migrantLed",
  ];
  // Verdicts and outcomes share their symbols: yes, open, no.
  var SYMBOLS = { eligible: "✓", met: "✓", needs_information: "?", unknown: "?", not_eligible: "✗", not_met: "✗" };

  var VISIBLE_IF = {
    "project.countries": function (p) { return p.project.location === "abroad"; },
    "project.state": function (p) { return p.project.location !== "abroad"; },
    "project.municipality": function (p) { return p.project.location !== "abroad"; },
  };
  var ID_PATTERN = /^[a-z0-9_]{2,64}$/;

  var state = {
    languages: [],
    defaultLanguage: "de",
    lang: null,
    texts: {},
    fallbackTexts: {},
    textCache: {},
    schema: null,
    fieldsByPath: {},
    controls: {},
    profile: emptyProfile(),
    includeNotEligible: false,
    searched: false,
    response: null,
    shown: PAGE_SIZE,
    requestNumber: 0,
  };

  var embed = readEmbedOptions(new URLSearchParams(window.location.search));

  function $(selector) { return document.querySelector(selector); }

  function emptyProfile() { return { organisation: {}, project: {} }; }

  /* ---------- small helpers ---------- */

  function h(tag, attributes) {
    var element = document.createElement(tag);
    var attrs = attributes || {};
    Object.keys(attrs).forEach(function (name) {
      var value = attrs[name];
      if (value === undefined || value === null || value === false) { return; }
      if (name === "text") { element.textContent = value; }
      else if (name === "className") { element.className = value; }
      else if (value === true) { element.setAttribute(name, ""); }
      else { element.setAttribute(name, String(value)); }
    });
    for (var i = 2; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === undefined || child === null || child === false) { continue; }
      if (Array.isArray(child)) { child.forEach(function (c) { if (c) { element.append(c); } }); }
      else { element.append(child); }
    }
    return element;
  }

  function t(key, values) {
    var text = state.texts[key];
    if (typeof text !== "string") { text = state.fallbackTexts[key]; }
    if (typeof text !== "string") { return key; }
    return text.replace(/\{(\w+)\}/g, function (match, name) {
      return values && values[name] !== undefined ? String(values[name]) : match;
    });
  }

  function hasText(key) { return typeof state.texts[key] === "string" || typeof state.fallbackTexts[key] === "string"; }

  function getPath(object, path) {
    var parts = path.split(".");
    var current = object;
    for (var i = 0; i < parts.length; i++) {
      if (current === undefined || current === null) { return undefined; }
      current = current[parts[i]];
    }
    return current;
  }

  function setPath(object, path, value) {
    var parts = path.split(".");
    var target = object;
    for (var i = 0; i < parts.length - 1; i++) {
      if (typeof target[parts[i]] !== "object" || target[parts[i]] === null) { target[parts[i]] = {}; }
      target = target[parts[i]];
    }
    if (value === undefined) { delete target[parts[parts.length - 1]]; }
    else { target[parts[parts.length - 1]] = value; }
  }

  function validOrigin(value) {
    if (!value) { return null; }
    try {
      var url = new URL(value);
      return (url.protocol === "https:" || url.protocol === "http:") && url.origin === value.replace(/\/$/, "") ? url.origin : null;
    } catch (e) { return null; }
  }

  function idList(value) {
    return (value || "").split(",").map(function (s) { return s.trim(); }).filter(function (s) { return ID_PATTERN.test(s); });
  }

  function readEmbedOptions(params) {
    function text(name, max) {
      var value = (params.get(name) || "").trim();
      return value ? value.slice(0, max) : null;
    }
    return {
      embedded: params.get("embed") === "1",
      lang: text("lang", 10),
      land: text("land", 10),
      municipality: text("municipality", 100),
      themes: idList(params.get("themes")),
      pin: idList(params.get("pin")),
      hide: idList(params.get("hide")),
      contact: {
        name: text("contactName", 120),
        email: text("contactEmail", 120),
        phone: text("contactPhone", 40),
        url: text("contactUrl", 300),
      },
      parentOrigin: validOrigin(params.get("parent")),
    };
  }

  function loadStored() {
    try {
      var raw = window.sessionStorage.getItem(STORAGE_KEY);
      return raw ? JSON.parse(raw) : null;
    } catch (e) { return null; }
  }

  function save() {
    try {
      window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify({
        lang: state.lang, profile: state.profile, searched: state.searched, includeNotEligible: state.includeNotEligible,
      }));
    } catch (e) { /* storage blocked (private mode, third-party frame): the form still works */ }
  }

  function getJson(url) {
    return fetch(url, { headers: { Accept: "application/json" } }).then(function (response) {
      if (!response.ok) { throw new Error(url + ": " + response.status); }
      return response.json();
    });
  }

  function loadTexts(code) {
    if (!state.textCache[code]) {
      state.textCache[code] = getJson("i18n/" + encodeURIComponent(code) + ".json");
    }
    return state.textCache[code];
  }

  function locale() { return state.texts.locale || state.lang; }

  function apiLanguage() { return state.texts.api === "en" ? "en" : "de"; }

  function formatMoney(eur) {
    return new Intl.NumberFormat(locale(), { style: "currency", currency: "EUR", maximumFractionDigits: 0 }).format(eur);
  }

  function formatDate(iso) {
    if (!iso) { return ""; }
    return new Intl.DateTimeFormat(locale(), { dateStyle: "long", timeZone: "UTC" }).format(new Date(iso + "T00:00:00Z"));
  }

  /* ---------- labels ---------- */

  function fieldLabel(field) {
    var own = state.texts.fields && state.texts.fields[field.field];
    return own || field.label[apiLanguage()] || field.label.de;
  }

  function valueLabel(field, value) {
    var own = state.texts.values && state.texts.values[field.field] && state.texts.values[field.field][value.value];
    return own || value.label[apiLanguage()] || value.label.de;
  }

  function displayValue(field, value) {
    if (value === undefined || value === null) { return ""; }
    if (field.type === "boolean") { return value ? t("yes") : t("no"); }
    if (field.values) {
      var list = Array.isArray(value) ? value : [value];
      return list.map(function (v) {
        var known = field.values.find(function (x) { return x.value === v; });
        return known ? valueLabel(field, known) : v;
      }).join(", ");
    }
    if (field.field === "project.requestedAmountEur") { return formatMoney(value); }
    if (field.type === "date") { return formatDate(value); }
    return String(value);
  }

  /* ---------- building one field ---------- */

  var fieldCounter = 0;

  function buildField(field, prefix, options) {
    var opts = options || {};
    var id = prefix + "-" + field.field.replace(/\./g, "-");
    var hintKey = "hint." + field.field;
    var hintId = hasText(hintKey) ? id + "-hint" : null;
    var errorId = id + "-error";
    var label = fieldLabel(field);
    var hint = hintId ? h("p", { id: hintId, className: "hint", text: t(hintKey) }) : null;
    var error = h("p", { id: errorId, className: "field-error", hidden: true });
    var describedBy = [hintId].filter(Boolean).join(" ") || null;
    var container;
    var read;
    var write;
    var focusTarget;

    function radios(choices) {
      var name = prefix + ":" + field.field + ":" + (++fieldCounter);
      var inputs = choices.map(function (choice, index) {
        var input = h("input", { type: "radio", name: name, id: id + "-" + index, value: choice.value });
        return { input: input, element: h("label", { className: "option", for: id + "-" + index }, input, h("span", { text: choice.label })) };
      });
      container = h("fieldset", { className: "field", "data-field": field.field, "aria-describedby": describedBy },
        h("legend", { text: label }), hint, h("div", { className: "options" }, inputs.map(function (i) { return i.element; })), error);
      read = function () {
        var checked = inputs.find(function (i) { return i.input.checked; });
        return checked ? checked.input.value : "";
      };
      write = function (value) {
        inputs.forEach(function (i) { i.input.checked = i.input.value === value; });
        if (!inputs.some(function (i) { return i.input.checked; }) && !opts.required) {
          var none = inputs.find(function (i) { return i.input.value === ""; });
          if (none) { none.input.checked = true; }
        }
      };
      focusTarget = function () { return (inputs.find(function (i) { return i.input.checked; }) || inputs[0]).input; };
      container.setInvalid = function (invalid) { inputs.forEach(function (i) { i.input.setAttribute("aria-invalid", invalid ? "true" : "false"); }); };
    }

    function labelled(control) {
      control.id = id;
      if (describedBy) { control.setAttribute("aria-describedby", describedBy); }
      container = h("div", { className: "field", "data-field": field.field }, h("label", { for: id, text: label }), hint, control, error);
      focusTarget = function () { return control; };
      container.setInvalid = function (invalid) { control.setAttribute("aria-invalid", invalid ? "true" : "false"); };
    }

    if (field.type === "boolean") {
      var booleanChoices = [{ value: "true", label: t("yes") }, { value: "false", label: t("no") }];
      if (!opts.required) { booleanChoices.push({ value: "", label: t("dontKnow") }); }
      radios(booleanChoices);
      var readChoice = read;
      var writeChoice = write;
      read = function () { var v = readChoice(); return v === "" ? undefined : v === "true"; };
      write = function (value) { writeChoice(value === true ? "true" : value === false ? "false" : ""); };
    } else if (field.type === "enum" && field.values.length <= 4) {
      var enumChoices = field.values.map(function (v) { return { value: v.value, label: valueLabel(field, v) }; });
      if (!opts.required) { enumChoices.push({ value: "", label: t("notSpecified") }); }
      radios(enumChoices);
      var readEnum = read;
      var writeEnum = write;
      read = function () { return readEnum() || undefined; };
      write = function (value) { writeEnum(value || ""); };
    } else if (field.type === "enum") {
      var select = h("select", { name: field.field },
        h("option", { value: "", text: opts.required ? t("choose") : t("choose") + " / " + t("notSpecified") }),
        field.values.map(function (v) { return h("option", { value: v.value, text: valueLabel(field, v) }); }));
      labelled(select);
      read = function () { return select.value || undefined; };
      write = function (value) { select.value = value || ""; };
    } else if (field.type === "array" && field.values.length > 40) {
      var multi = h("select", { name: field.field, multiple: true, size: 8 },
        field.values.map(function (v) { return h("option", { value: v.value, text: valueLabel(field, v) }); }));
      labelled(multi);
      read = function () {
        var chosen = Array.prototype.filter.call(multi.options, function (o) { return o.selected; }).map(function (o) { return o.value; });
        return chosen.length ? chosen : undefined;
      };
      write = function (value) {
        var list = value || [];
        Array.prototype.forEach.call(multi.options, function (o) { o.selected = list.indexOf(o.value) >= 0; });
      };
    } else if (field.type === "array") {
      var boxes = field.values.map(function (v, index) {
        var input = h("input", { type: "checkbox", id: id + "-" + index, value: v.value, name: field.field });
        return { input: input, element: h("label", { className: "option", for: id + "-" + index }, input, h("span", { text: valueLabel(field, v) })) };
      });
      container = h("fieldset", { className: "field", "data-field": field.field, "aria-describedby": describedBy },
        h("legend", { text: label }), hint, h("div", { className: "options many" }, boxes.map(function (b) { return b.element; })), error);
      read = function () {
        var chosen = boxes.filter(function (b) { return b.input.checked; }).map(function (b) { return b.input.value; });
        return chosen.length ? chosen : undefined;
      };
      write = function (value) {
        var list = value || [];
        boxes.forEach(function (b) { b.input.checked = list.indexOf(b.input.value) >= 0; });
      };
      focusTarget = function () { return boxes[0].input; };
      container.setInvalid = function (invalid) { boxes.forEach(function (b) { b.input.setAttribute("aria-invalid", invalid ? "true" : "false"); }); };
    } else if (field.type === "integer" || field.type === "number") {
      var number = h("input", {
        type: "number", name: field.field, inputmode: field.type === "integer" ? "numeric" : "decimal",
        min: field.minimum, max: field.maximum, step: field.type === "integer" ? 1 : "any",
      });
      labelled(number);
      read = function () {
        if (number.value.trim() === "") { return undefined; }
        var parsed = Number(number.value);
        return isNaN(parsed) ? number.value : parsed;
      };
      write = function (value) { number.value = value === undefined || value === null ? "" : String(value); };
    } else if (field.type === "date") {
      var date = h("input", { type: "date", name: field.field });
      labelled(date);
      read = function () { return date.value || undefined; };
      write = function (value) { date.value = value || ""; };
    } else {
      var text = h("input", { type: "text", name: field.field, maxlength: 100, autocomplete: field.format === "municipality" ? "address-level2" : "off" });
      labelled(text);
      read = function () { return text.value.trim() || undefined; };
      write = function (value) { text.value = value || ""; };
    }

    container.id = id + "-field";
    return {
      field: field,
      element: container,
      read: read,
      write: write,
      focus: function () { focusTarget().focus(); },
      setError: function (message) {
        error.hidden = !message;
        error.textContent = message || "";
        container.setInvalid(!!message);
        var ids = [hintId, message ? errorId : null].filter(Boolean).join(" ");
        var described = container.tagName === "FIELDSET" ? container : focusTarget();
        if (ids) { described.setAttribute("aria-describedby", ids); } else { described.removeAttribute("aria-describedby"); }
      },
    };
  }

  /* ---------- the form ---------- */

  function buildForm() {
    var main = $("#fields-main");
    var more = $("#fields-more");
    main.replaceChildren();
    more.replaceChildren();
    state.controls = {};
    state.schema.fields.forEach(function (field) {
      var control = buildField(field, "f");
      state.controls[field.field] = control;
      (MAIN_FIELDS.indexOf(field.field) >= 0 ? main : more).append(control.element);
    });
    writeForm();
  }

  function writeForm() {
    Object.keys(state.controls).forEach(function (path) {
      state.controls[path].write(getPath(state.profile, path));
    });
    updateVisibility();
  }

  function readForm() {
    return withoutHidden(readFormRaw());
  }

  /** Answers to questions the form does not show (a project's countries when it takes place in Germany) are not sent. */
  function withoutHidden(profile) {
    Object.keys(VISIBLE_IF).forEach(function (path) {
      if (!VISIBLE_IF[path](profile)) { setPath(profile, path, undefined); }
    });
    return profile;
  }

  function updateVisibility(profile) {
    profile = profile || readFormRaw();
    Object.keys(VISIBLE_IF).forEach(function (path) {
      if (state.controls[path]) { state.controls[path].element.hidden = !VISIBLE_IF[path](profile); }
    });
  }

  function readFormRaw() {
    var profile = emptyProfile();
    Object.keys(state.controls).forEach(function (path) { setPath(profile, path, state.controls[path].read()); });
    return profile;
  }

  function onFormChanged() {
    var profile = readFormRaw();
    updateVisibility(profile);
    state.profile = withoutHidden(profile);
    clearErrors();
    forgetSharedLink();
    save();
  }

  function clearErrors() {
    Object.keys(state.controls).forEach(function (path) { state.controls[path].setError(null); });
    var summary = $("#form-errors");
    summary.hidden = true;
    summary.replaceChildren();
  }

  function showErrors(errors) {
    clearErrors();
    var summary = $("#form-errors");
    var items = [];
    var first = null;
    (errors || []).forEach(function (error) {
      var path = String(error.field || "").replace(/\[\d+\]$/, "");
      var control = state.controls[path];
      if (!control) { return; }
      control.setError(t("fieldInvalid"));
      if (!first) { first = control; }
      var link = h("a", { href: "#" + control.element.id, text: fieldLabel(control.field) });
      link.addEventListener("click", function (event) { event.preventDefault(); revealField(control); control.focus(); });
      items.push(h("li", {}, link));
    });
    summary.replaceChildren(h("p", { text: t("invalid") }), h("ul", {}, items));
    summary.hidden = items.length === 0;
    if (first) { revealField(first); summary.setAttribute("tabindex", "-1"); summary.focus(); }
  }

  function revealField(control) {
    if ($("#fields-more").contains(control.element)) { $("#more").open = true; }
  }

  /* ---------- share link (profile in the fragment only) ---------- */

  function profileToFragment() {
    var params = new URLSearchParams();
    params.set("lang", state.lang);
    state.schema.fields.forEach(function (field) {
      var value = getPath(state.profile, field.field);
      if (value === undefined || value === null) { return; }
      params.set(field.field, Array.isArray(value) ? value.join(",") : String(value));
    });
    return params.toString();
  }

  function profileFromFragment(hash) {
    var params = new URLSearchParams(hash.replace(/^#/, ""));
    var profile = emptyProfile();
    var any = false;
    state.schema.fields.forEach(function (field) {
      var raw = params.get(field.field);
      if (raw === null || raw === "") { return; }
      var value;
      if (field.type === "boolean") { value = raw === "true" ? true : raw === "false" ? false : undefined; }
      else if (field.type === "integer" || field.type === "number") { value = Number(raw); if (isNaN(value)) { value = undefined; } }
      else if (field.type === "array") {
        value = raw.split(",").filter(function (v) { return field.values.some(function (x) { return x.value === v; }); });
        if (!value.length) { value = undefined; }
      }
      else if (field.type === "enum") { value = field.values.some(function (x) { return x.value === raw; }) ? raw : undefined; }
      else { value = raw.slice(0, 100); }
      if (value !== undefined) { setPath(profile, field.field, value); any = true; }
    });
    return { profile: any ? profile : null, lang: params.get("lang") };
  }

  function forgetSharedLink() {
    if (window.location.hash) {
      window.history.replaceState(null, "", window.location.pathname + window.location.search);
    }
    $("#share-box").hidden = true;
  }

  function share() {
    var fragment = "#" + profileToFragment();
    var url = window.location.origin + window.location.pathname + fragment;
    window.history.replaceState(null, "", window.location.pathname + window.location.search + fragment);
    var box = $("#share-box");
    var input = $("#share-link");
    box.hidden = false;
    input.value = url;
    input.focus();
    input.select();
    var status = $("#share-status");
    status.textContent = "";
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(url).then(function () { status.textContent = t("copied"); }, function () { /* the link is selected to copy by hand */ });
    }
  }

  /* ---------- matching ---------- */

  function requestBody() {
    return {
      organisation: state.profile.organisation,
      project: state.profile.project,
      language: apiLanguage(),
      limit: 200,
      // Hidden programmes are removed here, so the counts need every verdict.
      includeNotEligible: state.includeNotEligible || embed.hide.length > 0,
    };
  }

  function runMatch(options) {
    var opts = options || {};
    var number = ++state.requestNumber;
    var results = $("#results");
    results.hidden = false;
    results.setAttribute("aria-busy", "true");
    $("#status").textContent = t("loading");
    state.searched = true;
    save();
    return fetch("api/match", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(requestBody()),
    }).then(function (response) {
      return response.json().catch(function () { return null; }).then(function (body) { return { response: response, body: body }; });
    }).then(function (answer) {
      if (number !== state.requestNumber) { return; }
      results.removeAttribute("aria-busy");
      results.setAttribute("data-answered", String(number));
      if (answer.response.status === 400 && answer.body) {
        state.response = null;
        renderResults();
        $("#status").textContent = t("invalid");
        showErrors(answer.body.errors);
        return;
      }
      if (!answer.response.ok || !answer.body) { throw new Error("match " + answer.response.status); }
      clearErrors();
      state.response = answer.body;
      if (!opts.keepPage) { state.shown = PAGE_SIZE; }
      renderResults();
      if (opts.focus) {
        var heading = $("#results-heading");
        heading.focus({ preventScroll: true });
        heading.scrollIntoView({ block: "start" });
      }
    }).catch(function () {
      if (number !== state.requestNumber) { return; }
      results.removeAttribute("aria-busy");
      results.setAttribute("data-answered", String(number));
      $("#status").textContent = t("error");
    });
  }

  /* ---------- results ---------- */

  function visibleResults() {
    var all = state.response.results.filter(function (r) { return embed.hide.indexOf(r.programmeId) < 0; });
    if (!state.includeNotEligible) { all = all.filter(function (r) { return r.verdict !== "not_eligible"; }); }
    var pinned = embed.pin.map(function (id) { return all.find(function (r) { return r.programmeId === id; }); }).filter(Boolean);
    var rest = all.filter(function (r) { return embed.pin.indexOf(r.programmeId) < 0; });
    return pinned.concat(rest);
  }

  function counts() {
    var c = state.response.counts;
    var result = { eligible: c.eligible, needsInformation: c.needsInformation, notEligible: c.notEligible };
    state.response.results.forEach(function (r) {
      if (embed.hide.indexOf(r.programmeId) < 0) { return; }
      if (r.verdict === "eligible") { result.eligible--; }
      else if (r.verdict === "needs_information") { result.needsInformation--; }
      else { result.notEligible--; }
    });
    return result;
  }

  function renderResults() {
    var list = $("#result-list");
    list.replaceChildren();
    var more = $("#show-more");
    more.hidden = true;
    renderAnswers();
    renderContact();
    renderFooter();
    if (!state.response) { return; }
    var response = state.response;
    $("#status").textContent = t("counts", counts());
    $("#catalogue-stale").hidden = !response.catalogueMayBeStale;
    var all = visibleResults();
    var shown = all.slice(0, state.shown);
    var question = response.nextQuestion && state.fieldsByPath[response.nextQuestion.field] ? response.nextQuestion : null;
    var questionPlaced = false;
    shown.forEach(function (result) {
      if (question && !questionPlaced && result.verdict === "needs_information") {
        list.append(renderNextQuestion(question));
        questionPlaced = true;
      }
      list.append(renderResult(result));
    });
    if (question && !questionPlaced) { list.append(renderNextQuestion(question)); }
    if (all.length === 0) { list.append(h("li", { className: "empty" }, h("p", { text: t("noResults") }))); }
    if (all.length > shown.length) {
      more.hidden = false;
      more.textContent = t("showMore", { count: all.length - shown.length });
    }
    openReasonsForPrint(false);
  }

  function renderResult(result) {
    var headingId = "programme-" + result.programmeId;
    var pinned = embed.pin.indexOf(result.programmeId) >= 0;
    var icon = SYMBOLS[result.verdict] || "";
    var newTab = embed.embedded;
    var outcomes = { met: 0, unknown: 0, notMet: 0 };
    result.criteria.forEach(function (c) {
      if (c.outcome === "met") { outcomes.met++; } else if (c.outcome === "not_met") { outcomes.notMet++; } else { outcomes.unknown++; }
    });

    var facts = [];
    var amount = amountText(result.amount);
    if (amount) { facts.push(fact("amount", t("amount"), amount, result.amount.unconfirmed)); }
    facts.push(fact("next-deadline", t("nextDeadline"), result.nextDeadline ? formatDate(result.nextDeadline) : t("noDeadline")));
    if (result.latestApplicationDate) {
      facts.push(fact("latest-application-date", t("latestApplicationDate"), formatDate(result.latestApplicationDate)));
    }
    facts.push(fact("last-verified", t("lastVerified"), formatDate(result.lastVerified), false, result.stale));

    var reasons = result.criteria.map(function (c) {
      var sourceLink = c.source && c.source.url
        ? externalLink(c.source.url, t("source"), newTab)
        : null;
      return h("li", { className: "reason " + c.outcome, "data-outcome": c.outcome },
        h("span", { className: "icon", "aria-hidden": "true", text: SYMBOLS[c.outcome] || SYMBOLS.unknown }),
        h("span", {}, h("span", { className: "sr-only", text: t("outcome." + c.outcome) + " " }), c.message, sourceLink ? " " : null, sourceLink));
    });

    return h("li", { className: "result-item" },
      h("article", { className: "result " + result.verdict, "aria-labelledby": headingId, "data-programme-id": result.programmeId, "data-verdict": result.verdict },
        h("h3", { id: headingId, text: result.name }),
        h("div", { className: "result-head" },
          h("span", { className: "badge " + result.verdict },
            h("span", { "aria-hidden": "true", text: icon }), h("span", { text: t("verdict." + result.verdict) })),
          pinned ? h("span", { className: "badge pinned", text: t("pinned") }) : null),
        h("p", { className: "funder", text: result.funder }),
        h("p", { className: "purpose", text: result.purpose }),
        h("dl", { className: "facts" }, facts),
        result.notice ? h("p", { className: "notice", text: result.notice }) : null,
        result.howToBecomeEligible.length
          ? h("div", { className: "fix" }, h("h4", { text: t("howToBecomeEligible") }),
            h("ul", {}, result.howToBecomeEligible.map(function (m) { return h("li", { text: m.text }); })))
          : null,
        h("details", { className: "reasons" },
          h("summary", { text: t("reasons", outcomes) }),
          h("ul", {}, reasons)),
        result.checkYourself.length
          ? h("div", { className: "check-yourself" }, h("h4", { text: t("checkYourself") }),
            h("ul", {}, result.checkYourself.map(function (text) { return h("li", { text: text }); })))
          : null,
        h("p", {}, externalLink(result.url, t("toFunder"), newTab, "funder-link"))));
  }

  function fact(name, label, value, unconfirmed, stale) {
    return h("div", { "data-fact": name },
      h("dt", { text: label }),
      h("dd", {}, value,
        unconfirmed ? h("span", { className: "mark", text: t("unconfirmed") }) : null,
        stale ? h("span", { className: "mark", text: t("stale") }) : null));
  }

  function amountText(amount) {
    if (!amount || (amount.maxEur === undefined && amount.minEur === undefined)) { return null; }
    var text;
    if (amount.minEur !== undefined && amount.maxEur !== undefined) {
      text = t("amountRange", { min: formatMoney(amount.minEur), max: formatMoney(amount.maxEur) });
    } else if (amount.maxEur !== undefined) {
      text = t("amountUpTo", { max: formatMoney(amount.maxEur) });
    } else {
      text = t("amountFrom", { min: formatMoney(amount.minEur) });
    }
    if (amount.firstTimeMaxEur !== undefined) {
      text += "; " + t("amountFirstTime", { max: formatMoney(amount.firstTimeMaxEur) });
    }
    return text;
  }

  function externalLink(url, text, newTab, className) {
    var safe = /^https?:\/\//i.test(url) ? url : null;
    if (!safe) { return h("span", { text: text }); }
    return h("a", { href: safe, className: className, target: newTab ? "_blank" : null, rel: "noopener noreferrer" },
      text, newTab ? h("span", { className: "sr-only", text: " " + t("newTab") }) : null);
  }

  function renderNextQuestion(question) {
    var field = state.fieldsByPath[question.field];
    var control = buildField(field, "nq", { required: true });
    var form = h("form", { className: "next-question-form", novalidate: true },
      h("h3", { id: "next-question-heading", text: t("nextQuestion.heading") }),
      h("p", { text: question.settles > 0 ? t("nextQuestion.settles", question) : t("nextQuestion.affects", question) }),
      control.element,
      h("button", { type: "submit", className: "primary", text: t("nextQuestion.submit") }));
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var value = control.read();
      if (value === undefined) {
        control.setError(t("fieldInvalid"));
        control.focus();
        return;
      }
      setPath(state.profile, field.field, value);
      if (state.controls[field.field]) { state.controls[field.field].write(value); }
      updateVisibility();
      forgetSharedLink();
      save();
      runMatch({ focus: true });
    });
    return h("li", { className: "next-question", id: "next-question", "data-field": question.field, "aria-labelledby": "next-question-heading" }, form);
  }

  function renderAnswers() {
    var items = [];
    if (state.schema) {
      state.schema.fields.forEach(function (field) {
        var value = getPath(state.profile, field.field);
        if (value === undefined) { return; }
        items.push(h("dt", { text: fieldLabel(field) }), h("dd", { text: displayValue(field, value) }));
      });
    }
    $("#answers-list").replaceChildren.apply($("#answers-list"), items);
  }

  function renderContact() {
    var contact = embed.contact;
    var aside = $("#contact");
    var parts = [];
    if (contact.name) { parts.push(h("strong", { text: contact.name })); }
    if (contact.email && /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(contact.email)) {
      parts.push(h("a", { href: "mailto:" + contact.email, text: contact.email }));
    }
    if (contact.phone && /^[+0-9 ()/\-]{3,40}$/.test(contact.phone)) {
      parts.push(h("a", { href: "tel:" + contact.phone.replace(/[^+0-9]/g, ""), text: contact.phone }));
    }
    if (contact.url && /^https:\/\//i.test(contact.url)) {
      parts.push(externalLink(contact.url, contact.url.replace(/^https:\/\//i, ""), true));
    }
    aside.hidden = parts.length === 0;
    var details = $("#contact-details");
    details.replaceChildren();
    parts.forEach(function (part, index) {
      if (index > 0) { details.append(h("br")); }
      details.append(part);
    });
  }

  function renderFooter() {
    var text = t("footer");
    if (state.response) {
      text += " " + t("catalogueVersion", { version: state.response.catalogueVersion, asOf: formatDate(state.response.asOf) });
    }
    $("#footer-text").textContent = text;
  }

  var closedForPrint = [];

  function openReasonsForPrint(open) {
    if (open) {
      closedForPrint = Array.prototype.filter.call(document.querySelectorAll("details"), function (d) { return !d.open; });
      closedForPrint.forEach(function (d) { d.open = true; });
    } else {
      closedForPrint.forEach(function (d) { d.open = false; });
      closedForPrint = [];
    }
  }

  /* ---------- language ---------- */

  function applyTexts() {
    var root = document.documentElement;
    root.lang = state.lang;
    root.dir = state.texts.dir === "rtl" ? "rtl" : "ltr";
    document.title = t("pageTitle");
    document.querySelectorAll("[data-i18n]").forEach(function (element) {
      element.textContent = t(element.getAttribute("data-i18n"));
    });
    $("#languages").setAttribute("aria-label", t("languageNav"));
    document.querySelectorAll("#languages button").forEach(function (button) {
      button.setAttribute("aria-pressed", button.getAttribute("data-lang") === state.lang ? "true" : "false");
    });
  }

  function setLanguage(code, options) {
    var opts = options || {};
    var known = state.languages.some(function (l) { return l.code === code; }) ? code : state.defaultLanguage;
    return Promise.all([loadTexts(known), loadTexts(state.defaultLanguage)]).then(function (texts) {
      state.lang = known;
      state.texts = texts[0];
      state.fallbackTexts = texts[1];
      applyTexts();
      if (state.schema) { buildForm(); }
      save();
      if (opts.rerun && state.searched) { return runMatch({ keepPage: true }); }
      renderResults();
      return undefined;
    });
  }

  function buildLanguageButtons() {
    var nav = $("#languages");
    nav.replaceChildren();
    state.languages.forEach(function (language) {
      var button = h("button", { type: "button", lang: language.code, "data-lang": language.code, "aria-pressed": "false", text: language.name });
      button.addEventListener("click", function () {
        if (language.code !== state.lang) { setLanguage(language.code, { rerun: true }); }
      });
      nav.append(button);
    });
  }

  function initialLanguage(stored, fragmentLang) {
    var codes = state.languages.map(function (l) { return l.code; });
    var wanted = [fragmentLang, embed.lang, stored && stored.lang]
      .concat((navigator.languages || [navigator.language || ""]).map(function (l) { return String(l).slice(0, 2).toLowerCase(); }));
    return wanted.find(function (code) { return code && codes.indexOf(code) >= 0; }) || state.defaultLanguage;
  }

  /* ---------- embedding: tell the host page our height ---------- */

  function startHeightReports() {
    if (window.parent === window) { return; }
    var last = 0;
    var target = embed.parentOrigin || "*"; // only the height is sent, nothing about the user
    function report() {
      var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
      if (height !== last) {
        last = height;
        window.parent.postMessage({ source: "foerderfinder", type: "height", height: height }, target);
      }
    }
    if (window.ResizeObserver) {
      var observer = new ResizeObserver(report);
      observer.observe(document.documentElement);
      observer.observe(document.body);
    }
    window.addEventListener("load", report);
    report();
  }

  /* ---------- start ---------- */

  function applyPresets() {
    var states = state.fieldsByPath["organisation.state"];
    if (embed.land && states && states.values.some(function (v) { return v.value === embed.land; }) && !state.profile.organisation.state) {
      state.profile.organisation.state = embed.land;
    }
    if (embed.municipality && !state.profile.organisation.municipality) {
      state.profile.organisation.municipality = embed.municipality;
    }
    var themes = state.fieldsByPath["project.themes"];
    var known = embed.themes.filter(function (code) { return themes && themes.values.some(function (v) { return v.value === code; }); });
    if (known.length && !state.profile.project.themes) {
      state.profile.project.themes = known;
    }
  }

  function wireEvents() {
    // The skip link moves focus without touching the URL's fragment, which belongs to share links.
    $(".skip-link").addEventListener("click", function (event) {
      event.preventDefault();
      $("#main").focus();
    });
    var form = $("#profile-form");
    form.addEventListener("change", onFormChanged);
    form.addEventListener("input", function (event) {
      if (event.target.matches("input[type=text], input[type=number]")) { onFormChanged(); }
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      state.profile = readForm();
      save();
      runMatch({ focus: true });
    });
    $("#start-over").addEventListener("click", function () {
      state.profile = emptyProfile();
      state.response = null;
      state.searched = false;
      applyPresets();
      forgetSharedLink();
      writeForm();
      clearErrors();
      save();
      $("#results").hidden = true;
      renderResults();
      var first = state.controls[state.schema.fields[0].field];
      if (first) { first.focus(); }
    });
    $("#show-not-eligible").addEventListener("change", function (event) {
      state.includeNotEligible = event.target.checked;
      save();
      runMatch();
    });
    $("#show-more").addEventListener("click", function () {
      var firstNew = state.shown;
      state.shown += PAGE_SIZE;
      renderResults();
      var items = document.querySelectorAll("#result-list .result-item h3");
      if (items[firstNew]) { items[firstNew].setAttribute("tabindex", "-1"); items[firstNew].focus(); }
    });
    $("#share").addEventListener("click", share);
    $("#print").addEventListener("click", function () { window.print(); });
    window.addEventListener("beforeprint", function () { openReasonsForPrint(true); });
    window.addEventListener("afterprint", function () { openReasonsForPrint(false); });
  }

  function start() {
    if (embed.embedded) { document.documentElement.classList.add("embedded"); }
    startHeightReports();
    Promise.all([getJson("i18n/languages.json"), getJson("api/profile-schema")]).then(function (loaded) {
      state.languages = loaded[0].languages;
      state.defaultLanguage = loaded[0]["default"] || state.languages[0].code;
      state.schema = loaded[1];
      state.schema.fields.forEach(function (field) { state.fieldsByPath[field.field] = field; });

      var stored = loadStored();
      var shared = window.location.hash.length > 1 ? profileFromFragment(window.location.hash) : { profile: null, lang: null };
      if (shared.profile) {
        state.profile = shared.profile;
      } else if (stored && stored.profile) {
        state.profile = { organisation: stored.profile.organisation || {}, project: stored.profile.project || {} };
      }
      state.includeNotEligible = !!(stored && stored.includeNotEligible);
      $("#show-not-eligible").checked = state.includeNotEligible;
      applyPresets();
      buildLanguageButtons();
      return setLanguage(initialLanguage(stored, shared.lang)).then(function () {
        $("#profile-form").hidden = false;
        wireEvents();
        document.documentElement.setAttribute("data-ready", "true");
        if (shared.profile || (stored && stored.searched)) { return runMatch(); }
        return undefined;
      });
    }).catch(function () {
      var message = $("#load-error");
      message.textContent = hasText("loadError") ? t("loadError") : "FoerderFinder could not be loaded. Please reload the page.";
      message.hidden = false;
    });
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
