// The frontlines map: events from /api/events on a Leaflet map (clustered, coloured by type, sized by
// fatalities), a timeline from /api/stats with a brush and play/pause, an evidence panel from
// /api/events/{id}, a control layer from /api/control/map. The URL carries every filter, the view and
// the open event. Article text is only ever put in the page as text nodes, never parsed as HTML.
"use strict";

const TYPE_COLOURS = {
  "Battles": "#c0392b",
  "Explosions/Remote violence": "#e67e22",
  "Violence against civilians": "#8e44ad",
  "Protests": "#2e86c1",
  "Riots": "#16a085",
  "Strategic developments": "#7f8c8d",
};
const FILTERS = ["since", "until", "type", "sub_type", "actor", "country", "admin1", "q", "reports"];
// Points fetched per request and at most in all (the API pages with a cursor).
const PAGE = 10000;
const MAX_POINTS = 50000;
// Fatalities scale the radius: 5 px for none, growing with the square root, at most 22 px.
const radius = (deaths) => Math.min(22, 5 + 2 * Math.sqrt(deaths || 0));
const PLAY_MS = 800;

const state = { filters: {}, event: null, view: null, control: null };
let map, cluster, baseLayer, controlLayer, stats = [], playing = null, loadToken = 0;

// -- small DOM helpers: text only -------------------------------------------------------------
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") node.className = v; else node.setAttribute(k, v);
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}
const $ = (sel) => document.querySelector(sel);

// -- URL state ----------------------------------------------------------------------------------
function readUrl() {
  const params = new URLSearchParams(location.search);
  state.filters = {};
  for (const name of FILTERS) if (params.get(name)) state.filters[name] = params.get(name);
  state.event = params.get("event");
  state.control = params.get("control");
  const view = (params.get("view") || "").split(",").map(Number);
  state.view = view.length === 3 && view.every(Number.isFinite) ? view : null;
}

function writeUrl() {
  const params = new URLSearchParams(state.filters);
  if (state.event) params.set("event", state.event);
  if (state.control) params.set("control", state.control);
  if (map) {
    const c = map.getCenter();
    params.set("view", `${c.lat.toFixed(4)},${c.lng.toFixed(4)},${map.getZoom()}`);
  }
  history.replaceState(null, "", `${location.pathname}?${params}`);
}

function apiQuery(extra) {
  const params = new URLSearchParams(state.filters);
  for (const [k, v] of Object.entries(extra || {})) params.set(k, v);
  return params;
}

async function getJson(url) {
  const response = await fetch(url);
  const body = await response.json();
  if (!response.ok) {
    const e = body.error || {};
    throw new Error(`${e.message || response.statusText}${e.hint ? ` (${e.hint})` : ""}`);
  }
  return body;
}

// -- the form -------------------------------------------------------------------------------------
function fillForm() {
  const form = $("#filters");
  for (const name of FILTERS) {
    const input = form.elements[name];
    if (input.type === "checkbox") input.checked = state.filters[name] === "true";
    else input.value = state.filters[name] || "";
  }
}

function readForm() {
  const form = $("#filters");
  const filters = {};
  for (const name of FILTERS) {
    const input = form.elements[name];
    const value = input.type === "checkbox" ? (input.checked ? "true" : "") : input.value.trim();
    if (value) filters[name] = value;
  }
  return filters;
}

function setupForm(meta) {
  const form = $("#filters");
  const typeSelect = form.elements.type, subSelect = form.elements.sub_type;
  for (const [type, subs] of Object.entries(meta.event_types)) {
    typeSelect.append(el("option", { value: type }, type));
    for (const sub of subs) subSelect.append(el("option", { value: sub, "data-type": type }, sub));
  }
  form.addEventListener("submit", (e) => { e.preventDefault(); state.filters = readForm(); refresh(); });
  $("#reset").addEventListener("click", () => { state.filters = {}; fillForm(); refresh(); });
  const legend = $("#legend");
  for (const [type, colour] of Object.entries(TYPE_COLOURS)) {
    legend.append(el("span", { style: `--c:${colour}` }, type));
  }
}

function updateDownloads() {
  $("#download-csv").href = `/api/events?${apiQuery({ format: "csv", limit: 10000, download: "true" })}`;
  $("#download-geojson").href = `/api/events?${apiQuery({ format: "geojson", limit: 10000, download: "true" })}`;
}

// -- the map --------------------------------------------------------------------------------------
function setupMap(meta) {
  map = L.map("map", { worldCopyJump: true, minZoom: 1, maxZoom: 18 });
  if (state.view) map.setView([state.view[0], state.view[1]], state.view[2]);
  else map.setView([25, 20], 2);
  if (meta.tiles) {
    baseLayer = L.tileLayer(meta.tiles, { maxZoom: 18, attribution: "tiles: configured server" }).addTo(map);
  } else {
    getJson("/api/basemap").then((layer) => {
      baseLayer = L.geoJSON(layer, {
        interactive: false,
        style: (f) => f.properties.kind === "country"
          ? { color: "#8a9aa8", weight: 1, fillColor: "#f6f3ea", fillOpacity: 1 }
          : { color: "#b0b8c0", weight: 0.6, dashArray: "3 3", fill: false },
      }).addTo(map);
      baseLayer.bringToBack();
    }).catch((e) => setStatus(`base layer: ${e.message}`));
  }
  cluster = L.markerClusterGroup({
    chunkedLoading: true,
    disableClusteringAtZoom: 10,
    spiderfyOnMaxZoom: false,
    showCoverageOnHover: false,
    maxClusterRadius: 45,
  });
  map.addLayer(cluster);
  map.on("moveend", writeUrl);
}

function markerOf(feature) {
  const p = feature.properties;
  const [lon, lat] = feature.geometry.coordinates;
  const marker = L.circleMarker([lat, lon], {
    radius: radius(p.fatalities),
    color: "#333",
    weight: 1,
    fillColor: TYPE_COLOURS[p.event_type] || "#555",
    fillOpacity: 0.8,
    className: "event-marker",
  });
  marker.bindTooltip(`${p.event_date} · ${p.sub_event_type} · ${p.location} · ${p.fatalities} killed`);
  marker.on("click", () => openEvent(p.event_id));
  marker.on("add", () => marker.getElement() && marker.getElement().setAttribute("data-event-id", p.event_id));
  return marker;
}

async function loadPoints() {
  const token = ++loadToken;
  const started = performance.now();
  cluster.clearLayers();
  let cursor = null, total = 0;
  do {
    const params = apiQuery({ limit: PAGE });
    if (cursor) params.set("cursor", cursor);
    const page = await getJson(`/api/points?${params}`);
    if (token !== loadToken) return;  // a newer load started
    cluster.addLayers(page.features.map(markerOf));
    total += page.features.length;
    cursor = page.next_cursor;
  } while (cursor && total < MAX_POINTS);
  if (!state.view && !state.fitted && total) {
    state.fitted = true;  // the first view without one in the URL shows every point
    map.fitBounds(cluster.getBounds(), { maxZoom: 7, padding: [20, 20] });
  }
  const ms = Math.round(performance.now() - started);
  document.body.dataset.points = String(total);
  document.body.dataset.loads = String(Number(document.body.dataset.loads || 0) + 1);
  document.body.dataset.renderMs = String(ms);
  setStatus(`${total} ${state.filters.reports ? "reports" : "events"} shown${cursor ? " (first " + total + ")" : ""}`);
}

function setStatus(text) { $("#status").textContent = text; }

// -- the timeline ---------------------------------------------------------------------------------
function period(first, last) {
  const days = (Date.parse(last) - Date.parse(first)) / 864e5;
  return days > 5 * 365 ? "month" : days > 180 ? "week" : "day";
}

async function loadTimeline() {
  const base = { ...state.filters };
  delete base.since; delete base.until;
  const all = await getJson(`/api/stats?${new URLSearchParams({ ...base, by: "month" })}`);
  if (!all.periods.length) { stats = []; drawTimeline(); return; }
  const by = period(all.periods[0].start, all.periods[all.periods.length - 1].start);
  const periods = by === "month" ? all.periods : (await getJson(`/api/stats?${new URLSearchParams({ ...base, by })}`)).periods;
  stats = withEmptyPeriods(periods, by);
  stats.by = by;
  drawTimeline();
}

function nextStart(start, by) {
  const d = new Date(`${start}T00:00:00Z`);
  if (by === "month") d.setUTCMonth(d.getUTCMonth() + 1);
  else d.setUTCDate(d.getUTCDate() + (by === "week" ? 7 : 1));
  return d.toISOString().slice(0, 10);
}

function withEmptyPeriods(periods, by) {
  // the axis is time: periods without events are drawn as empty slots
  const out = [];
  for (const p of periods) {
    while (out.length && nextStart(out[out.length - 1].start, by) < p.start) {
      out.push({ start: nextStart(out[out.length - 1].start, by), events: 0, fatalities: 0 });
    }
    out.push(p);
  }
  return out;
}

function drawTimeline() {
  const svg = $("#timeline");
  svg.replaceChildren();
  const width = svg.clientWidth || 600, height = svg.clientHeight || 70;
  if (!stats.length) return;
  const max = Math.max(...stats.map((p) => p.events));
  const step = width / stats.length;
  const since = state.filters.since || "", until = state.filters.until || "9999";
  const ns = "http://www.w3.org/2000/svg";
  stats.forEach((p, i) => {
    const h = Math.max(1, (p.events / max) * (height - 14));
    const bar = document.createElementNS(ns, "rect");
    const inside = p.start >= since.slice(0, p.start.length) && p.start <= until;
    bar.setAttribute("class", inside ? "bar" : "bar out");
    bar.setAttribute("x", i * step + 0.5);
    bar.setAttribute("y", height - 12 - h);
    bar.setAttribute("width", Math.max(1, step - 1));
    bar.setAttribute("height", h);
    bar.setAttribute("data-start", p.start);
    bar.setAttribute("data-events", p.events);
    const title = document.createElementNS(ns, "title");
    title.textContent = `${p.start} (${stats.by}): ${p.events} events, ${p.fatalities} killed`;
    bar.append(title);
    svg.append(bar);
  });
  for (const [i, anchor] of [[0, "start"], [stats.length - 1, "end"]]) {
    const label = document.createElementNS(ns, "text");
    label.setAttribute("x", anchor === "start" ? 0 : width);
    label.setAttribute("y", height - 1);
    label.setAttribute("text-anchor", anchor);
    label.textContent = stats[i].start;
    svg.append(label);
  }
}

function periodEnd(start) {
  const d = new Date(`${nextStart(start, stats.by)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function indexAt(x) {
  const width = $("#timeline").clientWidth || 600;
  return Math.max(0, Math.min(stats.length - 1, Math.floor((x / width) * stats.length)));
}

function setupTimeline() {
  const svg = $("#timeline");
  let from = null, brush = null;
  svg.addEventListener("mousedown", (e) => {
    if (!stats.length) return;
    from = indexAt(e.offsetX);
    brush = document.createElementNS("http://www.w3.org/2000/svg", "rect");
    brush.setAttribute("class", "brush");
    brush.setAttribute("y", 0);
    brush.setAttribute("height", svg.clientHeight);
    svg.append(brush);
  });
  svg.addEventListener("mousemove", (e) => {
    if (from === null) return;
    const step = svg.clientWidth / stats.length, to = indexAt(e.offsetX);
    brush.setAttribute("x", Math.min(from, to) * step);
    brush.setAttribute("width", (Math.abs(to - from) + 1) * step);
  });
  window.addEventListener("mouseup", (e) => {
    if (from === null) return;
    const to = indexAt(e.clientX - svg.getBoundingClientRect().left);
    const [a, b] = [Math.min(from, to), Math.max(from, to)];
    from = null;
    setRange(stats[a].start, periodEnd(stats[b].start));
  });
  svg.addEventListener("dblclick", () => setRange("", ""));
  $("#play").addEventListener("click", togglePlay);
}

function setRange(since, until) {
  if (since) state.filters.since = since; else delete state.filters.since;
  if (until) state.filters.until = until; else delete state.filters.until;
  fillForm();
  refresh({ timeline: false });
}

function togglePlay() {
  const button = $("#play");
  if (playing) { clearInterval(playing); playing = null; button.textContent = "▶"; return; }
  if (!stats.length) return;
  let i = Math.max(0, stats.findIndex((p) => p.start >= (state.filters.since || "")));
  button.textContent = "❚❚";
  const tick = () => {
    if (i >= stats.length) { togglePlay(); return; }
    setRange(stats[i].start, periodEnd(stats[i].start));
    i += 1;
  };
  tick();
  playing = setInterval(tick, PLAY_MS);
}

// -- the evidence panel ---------------------------------------------------------------------------
const PANEL_FIELDS = [
  ["event_date", "Date"], ["event_type", "Type"], ["sub_event_type", "Sub-type"], ["actor1", "Actor 1"],
  ["assoc_actor_1", "Associated 1"], ["actor2", "Actor 2"], ["assoc_actor_2", "Associated 2"],
  ["location", "Location"], ["admin1", "Admin1"], ["country", "Country"], ["fatalities", "Fatalities"],
];
// Evidence fields that back each record field (the pipeline names evidence by the field it sets).
const EVIDENCE_FOR = { event_type: ["event_type", "event"], sub_event_type: ["event_type", "event"] };

function quoteNode(ev) {
  return el("span", { class: "quote", "data-field": ev.field }, ev.start > 0 && ev.before ? "…" + ev.before : ev.before,
    el("mark", {}, ev.quote), ev.after ? ev.after + "…" : "");
}

function highlighted(text, spans) {
  // the article's text with the spans (sorted, overlaps merged) as <mark>, all as text nodes
  const merged = [];
  for (const s of [...spans].sort((a, b) => a.start - b.start || b.end - a.end)) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ start: s.start, end: s.end });
  }
  const node = el("div", { class: "article-text" });
  let at = 0;
  for (const s of merged) {
    node.append(text.slice(at, s.start), el("mark", {}, text.slice(s.start, s.end)));
    at = s.end;
  }
  node.append(text.slice(at));
  return node;
}

async function openEvent(id) {
  state.event = id;
  writeUrl();
  const body = $("#panel-body");
  $("#panel").hidden = false;
  body.replaceChildren(el("p", {}, "loading…"));
  let detail;
  try { detail = await getJson(`/api/events/${encodeURIComponent(id)}`); }
  catch (e) { body.replaceChildren(el("p", {}, e.message)); return; }
  if (state.event !== id) return;
  $("#panel").dataset.eventId = id;
  const ev = detail.event;
  const flags = el("p", {});
  if (ev.unverified) flags.append(el("span", { class: "flag" }, "unverified"));
  if (ev.claim) flags.append(el("span", { class: "flag" }, "claimed by a party"));
  const sources = ev.sources_count > 1 ? `${ev.sources_count} reports, ${ev.independent_sources} independent` : "one report";
  const table = el("table", {});
  for (const [field, label] of PANEL_FIELDS) {
    if (ev[field] === null || ev[field] === undefined || ev[field] === "") continue;
    const cell = el("td", {}, String(ev[field]));
    const wanted = EVIDENCE_FOR[field] || [field];
    const quote = detail.evidence.find((q) => q.field === wanted[0]) || detail.evidence.find((q) => wanted.includes(q.field));
    if (quote) cell.append(quoteNode(quote));
    table.append(el("tr", { "data-field": field }, el("th", {}, label), cell));
  }
  if (ev.fatalities_min !== undefined && ev.fatalities_min !== ev.fatalities_max) {
    table.append(el("tr", {}, el("th", {}, "Range"), el("td", {}, `${ev.fatalities_min}–${ev.fatalities_max} killed across reports`)));
  }
  const contradictions = el("ul", { class: "contradictions" },
    ...detail.contradictions.map((c) => el("li", {}, `${c.field}: ${c.detail}`)));
  const articles = el("div", {});
  for (const source of detail.sources) {
    const spans = detail.evidence.filter((q) => q.article_id === source.article_id);
    const box = el("details", { "data-article-id": source.article_id },
      el("summary", {}, `${source.title || source.article_id} — ${source.source || "unknown outlet"}, ${source.published || "undated"}`));
    box.addEventListener("toggle", async () => {
      if (!box.open || box.dataset.loaded) return;
      box.dataset.loaded = "1";
      const article = await getJson(`/api/articles/${encodeURIComponent(source.article_id)}`);
      box.append(highlighted(article.article.text, spans));
      if (source.url) box.append(el("p", {}, el("a", { href: source.url, rel: "noopener noreferrer" }, source.url)));
    });
    articles.append(box);
  }
  const parts = [
    el("h2", {}, `${ev.sub_event_type} in ${ev.location}`),
    flags,
    el("p", {}, `${sources} · `, el("a", { href: `?event=${encodeURIComponent(id)}` }, "permalink")),
    table,
    detail.contradictions.length ? el("h3", {}, "Reports disagree") : null,
    detail.contradictions.length ? contradictions : null,
    el("h3", {}, "Notes"), el("p", {}, ev.notes),
    el("h3", {}, `Articles (${detail.sources.length})`), articles,
  ];
  body.replaceChildren(...parts.filter((part) => part !== null));
}

function closePanel() { $("#panel").hidden = true; state.event = null; writeUrl(); }

// -- the control layer ----------------------------------------------------------------------------
async function loadControl() {
  if (controlLayer) { map.removeLayer(controlLayer); controlLayer = null; }
  if (!$("#control-on").checked) { state.control = null; writeUrl(); return; }
  const at = $("#control-at").value || state.filters.until || new Date().toISOString().slice(0, 10);
  $("#control-at").value = at;
  state.control = at;
  writeUrl();
  const params = new URLSearchParams({ at });
  if (state.filters.country) params.set("country", state.filters.country);
  const layer = await getJson(`/api/control/map?${params}`);
  const colours = {};
  const palette = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d"];
  controlLayer = L.geoJSON(layer, {
    pointToLayer: (f, latlng) => {
      const who = f.properties.controller;
      colours[who] = colours[who] || palette[Object.keys(colours).length % palette.length];
      return L.circleMarker(latlng, { radius: 12, color: colours[who], weight: 4, fillOpacity: 0.15, className: "control-marker" });
    },
    onEachFeature: (f, layer) => {
      const p = f.properties;
      const quote = p.evidence.find((q) => q.field === "event") || p.evidence[0];
      const popup = el("div", {}, el("b", {}, p.place), el("br"), `${p.controller} (${p.status}, confidence ${p.confidence})`,
        el("br"), `since ${p.start || "unknown"}${p.end ? " until " + p.end : ""}`,
        quote ? el("span", { class: "quote" }, el("mark", {}, quote.quote)) : null);
      layer.bindPopup(popup);
      layer.bindTooltip(`${p.place}: ${p.controller}`, { className: "control-label" });
    },
  }).addTo(map);
  setStatus(`${$("#status").textContent.split(" · ")[0]} · control on ${at}: ${layer.features.length} places`);
}

// -- start ----------------------------------------------------------------------------------------
async function refresh(options) {
  writeUrl();
  updateDownloads();
  const jobs = [loadPoints()];
  if (!options || options.timeline !== false) jobs.push(loadTimeline());
  else drawTimeline();
  try { await Promise.all(jobs); } catch (e) { setStatus(`error: ${e.message}`); }
}

async function start() {
  readUrl();
  let meta;
  try { meta = await getJson("/api/meta"); } catch (e) { setStatus(`error: ${e.message}`); return; }
  setupForm(meta);
  fillForm();
  setupMap(meta);
  setupTimeline();
  $("#panel-close").addEventListener("click", closePanel);
  $("#control-on").addEventListener("change", loadControl);
  $("#control-at").addEventListener("change", () => { $("#control-on").checked = true; loadControl(); });
  window.addEventListener("resize", drawTimeline);
  if (state.control) { $("#control-on").checked = true; $("#control-at").value = state.control; loadControl(); }
  await refresh();
  if (state.event) openEvent(state.event);
}

start();
