// eventscope dashboard: map, timeline, actor network, event table, alerts and the event's article.
// All state lives in the URL query string (shareable links); every panel is redrawn from the API
// (/events.json, /events.geojson, /timeline.json, /actors.json, /alerts.json, /events/{id}.json).
import * as maplibregl from "maplibre-gl";
import "maplibre-gl/dist/maplibre-gl.css";
import { feature, mesh } from "topojson-client";
import "./app.css";

const FILTERS = ["type", "country", "admin1", "actor", "factuality", "since", "until", "q", "bbox"];
const PAGE = 50;
const MAP_LIMIT = 20000;
const SVG = "http://www.w3.org/2000/svg";
// Colour by kind of event: material conflict, protest, verbal conflict, cooperation.
const KINDS = {
  conflict: ["ASSAULT", "COERCE", "MOBILIZE", "THREATEN", "SANCTION", "RETREAT"],
  protest: ["PROTEST"],
  verbal: ["ACCUSE", "REJECT", "REQUEST", "DEMAND"],
  cooperation: ["AGREE", "CONSULT", "COOPERATE", "SUPPORT", "AID", "CONCEDE", "YIELD"],
};
const COLOURS = { conflict: "#c0392b", protest: "#e67e22", verbal: "#8e44ad", cooperation: "#2471a3", other: "#7f8c8d" };

const $ = (sel) => document.querySelector(sel);
const form = $("#filters");
let state = readUrl();
let map = null;
let mapReady = null;
let generation = 0;

function kindOf(type) {
  for (const [kind, types] of Object.entries(KINDS)) if (types.includes(type)) return kind;
  return "other";
}

// -- URL state --------------------------------------------------------------------------------
function readUrl() {
  const p = new URLSearchParams(location.search);
  const s = { offset: Number(p.get("offset") || 0), event: p.get("event") || "", interval: p.get("interval") || "week" };
  for (const k of FILTERS) s[k] = p.get(k) || "";
  return s;
}

function writeUrl(push = true) {
  const p = new URLSearchParams();
  for (const k of FILTERS) if (state[k]) p.set(k, state[k]);
  if (state.offset) p.set("offset", state.offset);
  if (state.interval !== "week") p.set("interval", state.interval);
  if (state.event) p.set("event", state.event);
  const url = location.pathname + (p.toString() ? "?" + p : "");
  if (url !== location.pathname + location.search) history[push ? "pushState" : "replaceState"](null, "", url);
}

function filterQuery(extra = {}) {
  const p = new URLSearchParams();
  for (const k of FILTERS) if (state[k]) p.set(k, state[k]);
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  return p.toString();
}

async function api(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  const body = await response.json();
  if (!response.ok) {
    const e = body.error || {};
    throw new Error(`${e.code || response.status}: ${e.message || response.statusText}` +
      (e.code === "E503" ? " — open this page as /?token=YOUR_TOKEN" : ""));
  }
  return body;
}

function showError(err) {
  const box = $("#error");
  box.textContent = String(err.message || err);
  box.hidden = false;
}

// -- filters form -----------------------------------------------------------------------------
function fillSelect(name, values, label = (v) => v) {
  const select = form.elements[name];
  for (const v of values) {
    const option = document.createElement("option");
    option.value = typeof v === "string" ? v : v.admin1;
    option.textContent = label(v);
    select.append(option);
  }
}

function syncForm() {
  for (const k of FILTERS) if (form.elements[k]) form.elements[k].value = state[k];
  form.elements.inview.checked = Boolean(state.bbox);
  $("#interval").value = state.interval;
}

function onFilterChange() {
  for (const k of FILTERS) if (form.elements[k]) state[k] = form.elements[k].value.trim();
  state.offset = 0;
  writeUrl();
  refresh();
}

// -- panels -----------------------------------------------------------------------------------
async function refresh() {
  const gen = ++generation;
  document.body.dataset.loading = "1";
  $("#error").hidden = true;
  const tasks = [loadTable(gen), loadMap(gen), loadTimeline(gen), loadNetwork(gen), loadDetail()];
  const results = await Promise.allSettled(tasks);
  if (gen !== generation) return;
  for (const r of results) if (r.status === "rejected") showError(r.reason);
  delete document.body.dataset.loading;
  document.body.dataset.renders = String(Number(document.body.dataset.renders || 0) + 1);
}

async function loadTable(gen) {
  const page = await api(`/events.json?${filterQuery({ limit: PAGE, offset: state.offset, sort: "-date" })}`);
  if (gen !== generation) return;
  const tbody = $("#events-table tbody");
  tbody.replaceChildren(...page.events.map(eventRow));
  const last = Math.min(page.offset + page.count, page.total);
  $("#summary").textContent = `${page.total} events`;
  $("#table-note").textContent = page.total ? `${page.offset + 1}–${last} of ${page.total}` : "no events match";
  $("#page").textContent = `page ${Math.floor(page.offset / PAGE) + 1} of ${Math.max(1, Math.ceil(page.total / PAGE))}`;
  $("#prev").disabled = page.offset === 0;
  $("#next").disabled = last >= page.total;
}

function actorText(a) {
  if (!a) return "";
  const code = [a.country, a.sector].filter(Boolean).join("");
  return code ? `${a.text} (${code})` : a.text;
}

function eventRow(ev) {
  const tr = document.createElement("tr");
  tr.dataset.eventId = ev.event_id;
  if (ev.event_id === state.event) tr.className = "selected";
  const cells = [ev.date?.value || "", `${ev.event_type}${ev.mode ? " / " + ev.mode : ""}`, actorText(ev.source),
    actorText(ev.target), ev.location ? `${ev.location.name}${ev.location.country ? ", " + ev.location.country : ""}` : "",
    ev.factuality, ev.fatalities ?? "", ev.evidence?.text || ""];
  cells.forEach((text, i) => {
    const td = document.createElement("td");
    td.textContent = String(text);
    if (i === 1) td.style.borderLeft = `4px solid ${COLOURS[kindOf(ev.event_type)]}`;
    if (i === 7) td.className = "evidence";
    tr.append(td);
  });
  tr.addEventListener("click", () => openEvent(ev.event_id));
  return tr;
}

function openEvent(id) {
  state.event = id;
  writeUrl();
  for (const tr of document.querySelectorAll("#events-table tbody tr"))
    tr.classList.toggle("selected", tr.dataset.eventId === id);
  loadDetail().catch(showError);
}

async function loadDetail() {
  const panel = $("#detail");
  if (!state.event) {
    panel.hidden = true;
    return;
  }
  const d = await api(`/events/${encodeURIComponent(state.event)}.json`);
  const ev = d.event;
  const body = $("#detail-body");
  body.replaceChildren();
  const h = el("h2", {}, `${ev.event_type}${ev.mode ? " / " + ev.mode : ""} `);
  h.append(el("small", {}, [ev.date?.value, ev.location?.name, ev.factuality].filter(Boolean).join(" · ")));
  body.append(h);
  const meta = el("p", { className: "article-meta" });
  const title = d.article.url ? el("a", { href: d.article.url, target: "_blank", rel: "noopener" }, d.article.title || d.article.article_id)
    : el("span", {}, d.article.title || d.article.article_id);
  meta.append(title, ` — ${d.article.source || ""} ${d.article.published || ""}`);
  body.append(meta);
  const reasons = el("dl", { className: "reasons" });
  const shown = { ...d.reasons };
  if (ev.source) shown.source = `${actorText(ev.source)}: ${d.reasons.source || ""}`;
  if (ev.target) shown.target = `${actorText(ev.target)}: ${d.reasons.target || ""}`;
  for (const [key, text] of Object.entries(shown)) {
    if (!text) continue;
    reasons.append(el("dt", {}, key), el("dd", {}, text));
  }
  body.append(reasons);
  body.append(articleText(d.article.text || "", d.evidence, ev.trigger));
  panel.hidden = false;
  // scroll the article box (not the page or the panel) so that the evidence is in view
  const box = body.querySelector(".article-text");
  const mark = body.querySelector("mark.evidence");
  if (box && mark) box.scrollTop = Math.max(0, mark.offsetTop - box.offsetTop - 40);
}

function el(tag, props = {}, text) {
  const node = Object.assign(document.createElement(tag), props);
  if (text !== undefined) node.textContent = text;
  return node;
}

// The article with the evidence sentence in <mark class="evidence"> and its trigger in <strong>.
function articleText(text, evidence, trigger) {
  const box = el("div", { className: "article-text" });
  let start = evidence?.start ?? -1;
  let end = evidence?.end ?? -1;
  if (evidence?.text && text.slice(start, end) !== evidence.text) {
    start = text.indexOf(evidence.text);
    end = start < 0 ? -1 : start + evidence.text.length;
  }
  if (start < 0) {
    box.textContent = text;
    if (evidence?.text) box.prepend(el("mark", { className: "evidence" }, evidence.text), el("br"));
    return box;
  }
  const mark = el("mark", { className: "evidence" });
  const t0 = trigger && trigger.start >= start && trigger.end <= end ? trigger.start : -1;
  if (t0 >= 0) {
    mark.append(text.slice(start, t0), el("strong", {}, text.slice(t0, trigger.end)), text.slice(trigger.end, end));
  } else {
    mark.textContent = text.slice(start, end);
  }
  box.append(text.slice(0, start), mark, text.slice(end));
  return box;
}

// -- map --------------------------------------------------------------------------------------
function initMap() {
  const container = $("#map");
  try {
    map = new maplibregl.Map({
      container, center: [10, 25], zoom: 0.6, minZoom: 0, maxZoom: 12, attributionControl: false,
      style: { version: 8, sources: {}, layers: [{ id: "sea", type: "background", paint: { "background-color": "#dfe9f3" } }] },
    });
  } catch (err) {
    container.textContent = `The map needs WebGL, which this browser lacks (${err.message}).`;
    mapReady = Promise.resolve(null);
    return;
  }
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }));
  map.addControl(new maplibregl.AttributionControl({ compact: true, customAttribution: "Natural Earth (world-atlas)" }));
  mapReady = new Promise((resolve) => map.on("load", async () => {
    const topo = await (await fetch("/static/countries-50m.json")).json();
    map.addSource("countries", { type: "geojson", data: feature(topo, topo.objects.countries) });
    map.addSource("borders", { type: "geojson", data: mesh(topo, topo.objects.countries, (a, b) => a !== b) });
    map.addLayer({ id: "land", type: "fill", source: "countries", paint: { "fill-color": "#f7f5ef" } });
    map.addLayer({ id: "borders", type: "line", source: "borders", paint: { "line-color": "#b9b4a6", "line-width": 0.6 } });
    map.addSource("events", { type: "geojson", data: { type: "FeatureCollection", features: [] } });
    const colour = ["match", ["get", "kind"]];
    for (const [kind, c] of Object.entries(COLOURS)) if (kind !== "other") colour.push(kind, c);
    colour.push(COLOURS.other);
    map.addLayer({
      id: "events", type: "circle", source: "events",
      paint: {
        "circle-color": colour, "circle-opacity": 0.8, "circle-stroke-color": "#fff", "circle-stroke-width": 1,
        "circle-radius": ["interpolate", ["linear"], ["zoom"], 0, 4, 8, 8],
      },
    });
    map.on("click", "events", (e) => openEvent(e.features[0].properties.event_id));
    map.on("mouseenter", "events", () => { map.getCanvas().style.cursor = "pointer"; });
    map.on("mouseleave", "events", () => { map.getCanvas().style.cursor = ""; });
    map.on("moveend", () => {
      if (!form.elements.inview.checked) return;
      const b = map.getBounds();
      const bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]
        .map((v, i) => Math.max(i % 2 ? -90 : -180, Math.min(i % 2 ? 90 : 180, v)).toFixed(3)).join(",");
      if (bbox !== state.bbox) {
        state.bbox = bbox;
        state.offset = 0;
        writeUrl();
        refresh();
      }
    });
    if (state.bbox) {
      const [w, s, e, n] = state.bbox.split(",").map(Number);
      map.fitBounds([[w, s], [e, n]], { animate: false });
    }
    resolve(map);
  }));
}

async function loadMap(gen) {
  const data = await api(`/events.geojson?${filterQuery({ limit: MAP_LIMIT, sort: "-date" })}`);
  if (gen !== generation) return;
  for (const f of data.features) f.properties = { event_id: f.properties.event_id, kind: kindOf(f.properties.event_type) };
  $("#map").dataset.markers = String(data.features.length);
  $("#map-note").textContent = `${data.features.length} events with a place` +
    (data.total > data.features.length ? ` (first ${data.features.length} of ${data.total})` : "");
  const m = await mapReady;
  if (m && gen === generation) {
    m.getSource("events").setData(data);
    await new Promise((resolve) => m.once("idle", resolve));
  }
}

// -- timeline ---------------------------------------------------------------------------------
async function loadTimeline(gen) {
  const t = await api(`/timeline.json?${filterQuery({ interval: state.interval })}`);
  if (gen !== generation) return;
  const svg = $("#timeline");
  svg.replaceChildren();
  const width = svg.clientWidth || 600;
  const height = svg.clientHeight || 160;
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  $("#timeline-note").textContent = t.undated ? `${t.undated} events with a coarser date not shown` : "";
  if (!t.totals.length) {
    svg.append(svgEl("text", { x: 10, y: 20, class: "empty" }, "no dated events"));
    return;
  }
  const byPeriod = new Map(t.totals.map((r) => [r.period, { total: r.count, types: {} }]));
  for (const r of t.series) byPeriod.get(r.period).types[r.event_type] = r.count;
  const times = t.totals.map((r) => Date.parse(r.period));
  const step = { day: 864e5, week: 7 * 864e5, month: 30.4 * 864e5 }[t.interval];
  const t0 = Math.min(...times);
  const t1 = Math.max(...times) + step;
  const max = Math.max(...t.totals.map((r) => r.count));
  const pad = { l: 30, r: 8, t: 8, b: 20 };
  const x = (v) => pad.l + ((v - t0) / (t1 - t0)) * (width - pad.l - pad.r);
  const y = (v) => height - pad.b - (v / max) * (height - pad.t - pad.b);
  const barWidth = Math.max(1.5, x(t0 + step) - x(t0) - 1);
  for (const [period, { total, types }] of byPeriod) {
    const start = Date.parse(period);
    let base = 0;
    const g = svgEl("g", { class: "bar", "data-period": period });
    for (const kind of Object.keys(COLOURS)) {
      const n = Object.entries(types).filter(([type]) => kindOf(type) === kind).reduce((a, [, c]) => a + c, 0);
      if (!n) continue;
      g.append(svgEl("rect", { x: x(start), y: y(base + n), width: barWidth, height: y(base) - y(base + n), fill: COLOURS[kind] }));
      base += n;
    }
    g.append(svgEl("title", {}, `${period}: ${total} events\n` +
      Object.entries(types).map(([k, v]) => `${k} ${v}`).join(", ") + "\nclick to filter to this period"));
    g.addEventListener("click", () => {
      const end = new Date(start + step - 864e5);
      if (t.interval === "month") end.setTime(Date.UTC(new Date(start).getUTCFullYear(), new Date(start).getUTCMonth() + 1, 0));
      form.elements.since.value = period;
      form.elements.until.value = end.toISOString().slice(0, 10);
      onFilterChange();
    });
    svg.append(g);
  }
  svg.append(svgEl("line", { x1: pad.l, x2: width - pad.r, y1: height - pad.b, y2: height - pad.b, class: "axis" }));
  svg.append(svgEl("text", { x: pad.l - 4, y: pad.t + 8, class: "tick", "text-anchor": "end" }, String(max)));
  const ticks = 6;
  for (let i = 0; i <= ticks; i++) {
    const v = t0 + ((t1 - t0) * i) / ticks;
    svg.append(svgEl("text", { x: x(v), y: height - 5, class: "tick", "text-anchor": i === 0 ? "start" : i === ticks ? "end" : "middle" },
      new Date(v).toISOString().slice(0, t1 - t0 > 400 * 864e5 ? 7 : 10)));
  }
}

function svgEl(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

// -- actor network (circular layout: who acts on whom) ---------------------------------------
async function loadNetwork(gen) {
  const g = await api(`/actors.json?${filterQuery({ limit: 22 })}`);
  if (gen !== generation) return;
  const svg = $("#network");
  svg.replaceChildren();
  const width = svg.clientWidth || 500;
  const height = svg.clientHeight || 320;
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.append(svgEl("defs", {}));
  svg.firstChild.innerHTML = '<marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="5" markerHeight="5" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#7f8c8d"/></marker>';
  if (!g.actors.length) {
    svg.append(svgEl("text", { x: 10, y: 20, class: "empty" }, "no coded actors"));
    return;
  }
  const cx = width / 2;
  const cy = height / 2;
  // An ellipse leaves room for the labels at the sides; the half step keeps no node exactly on top.
  const rx = Math.max(60, width / 2 - 130);
  const ry = height / 2 - 22;
  const maxN = Math.max(...g.actors.map((a) => a.n_events));
  const nodes = new Map(g.actors.map((a, i) => {
    const angle = (2 * Math.PI * (i + 0.5)) / g.actors.length - Math.PI / 2;
    return [a.actor, { ...a, angle, x: cx + rx * Math.cos(angle), y: cy + ry * Math.sin(angle), r: 3 + 9 * Math.sqrt(a.n_events / maxN) }];
  }));
  const maxE = Math.max(1, ...g.edges.map((e) => e.n_events));
  for (const e of g.edges) {
    const s = nodes.get(e.source);
    const t = nodes.get(e.target);
    if (!s || !t || s === t) continue;
    const dx = t.x - s.x;
    const dy = t.y - s.y;
    const len = Math.hypot(dx, dy);
    const path = svgEl("path", {
      d: `M${s.x},${s.y} Q${cx + (s.x + t.x - 2 * cx) * 0.2},${cy + (s.y + t.y - 2 * cy) * 0.2} ${t.x - (dx / len) * t.r},${t.y - (dy / len) * t.r}`,
      class: "edge", "stroke-width": 0.8 + 3 * (e.n_events / maxE), "marker-end": "url(#arrow)",
    });
    path.append(svgEl("title", {}, `${e.source} → ${e.target}: ${e.n_events} events (${e.event_types.join(", ")})`));
    svg.append(path);
  }
  for (const n of nodes.values()) {
    const node = svgEl("g", { class: "node" + (state.actor === n.actor ? " selected" : "") });
    node.append(svgEl("circle", { cx: n.x, cy: n.y, r: n.r }));
    const right = Math.cos(n.angle) >= 0;
    node.append(svgEl("text", { x: n.x + (right ? 1 : -1) * (n.r + 3), y: n.y + 3, "text-anchor": right ? "start" : "end" },
      n.actor.length > 24 ? n.actor.slice(0, 23) + "…" : n.actor));
    node.append(svgEl("title", {}, `${n.actor} ${[n.country, n.sector].filter(Boolean).join(" ")}: ${n.as_source} as source, ${n.as_target} as target — click to filter`));
    node.addEventListener("click", () => {
      form.elements.actor.value = state.actor === n.actor ? "" : n.actor;
      onFilterChange();
    });
    svg.append(node);
  }
}

// -- alerts -----------------------------------------------------------------------------------
async function loadAlerts() {
  const { alerts } = await api("/alerts.json?weeks=12");
  const box = $("#alerts");
  if (!alerts.length) {
    box.textContent = "No notable weekly change in the last 12 weeks with dated events.";
    return;
  }
  const table = el("table", { className: "alerts" });
  table.append(el("thead"));
  table.tHead.innerHTML = "<tr><th>week</th><th>where / what</th><th>events</th><th>week before</th><th>change</th><th>4-wk avg</th></tr>";
  const tbody = el("tbody");
  for (const a of alerts.slice(0, 40)) {
    const tr = el("tr", { className: a.level.replace(" ", "-") + (a.surge ? " surge" : ""), title: a.reason });
    const change = a.change_pct === null ? "n/a" : `${a.change_pct > 0 ? "+" : ""}${a.change_pct} %`;
    for (const text of [a.week_start, `${a.label} (${a.scope})`, a.count, a.previous,
      `${change} ${a.level}${a.surge ? ` · surge ${a.surge_pct > 0 ? "+" : ""}${a.surge_pct} %` : ""}`, a.prior4_avg])
      tr.append(el("td", {}, String(text)));
    tr.addEventListener("click", () => {
      for (const k of FILTERS) form.elements[k] && (form.elements[k].value = "");
      if (a.scope === "event_type") form.elements.type.value = a.key;
      if (a.scope === "country") form.elements.country.value = a.key;
      if (a.scope === "admin1") {
        form.elements.country.value = a.key.split("/")[0];
        ensureOption("admin1", a.key.split("/").slice(1).join("/"));
      }
      form.elements.since.value = a.week_start;
      form.elements.until.value = a.week_end;
      onFilterChange();
    });
    tbody.append(tr);
  }
  table.append(tbody);
  box.replaceChildren(table);
}

function ensureOption(name, value) {
  const select = form.elements[name];
  if (![...select.options].some((o) => o.value === value)) select.append(el("option", { value }, value));
  select.value = value;
}

// -- start ------------------------------------------------------------------------------------
async function start() {
  const t0 = performance.now();
  initMap();
  const facets = await api("/facets.json");
  fillSelect("type", facets.event_types);
  fillSelect("country", facets.countries);
  fillSelect("admin1", facets.admin1, (a) => `${a.admin1}, ${a.country}`);
  fillSelect("factuality", facets.factualities);
  for (const k of ["type", "country", "admin1", "factuality"]) if (state[k]) ensureOption(k, state[k]);
  syncForm();
  form.addEventListener("change", (e) => {
    if (e.target.name === "inview") {
      if (!e.target.checked) state.bbox = "";
      else if (map) map.fire("moveend");
      if (!e.target.checked) { writeUrl(); refresh(); }
      return;
    }
    onFilterChange();
  });
  form.addEventListener("submit", (e) => { e.preventDefault(); onFilterChange(); });
  $("#clear").addEventListener("click", () => {
    for (const k of FILTERS) state[k] = "";
    state.offset = 0;
    state.event = "";
    syncForm();
    writeUrl();
    refresh();
  });
  $("#interval").addEventListener("change", (e) => { state.interval = e.target.value; writeUrl(); refresh(); });
  $("#prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); writeUrl(); refresh(); });
  $("#next").addEventListener("click", () => { state.offset += PAGE; writeUrl(); refresh(); });
  $("#close-detail").addEventListener("click", () => { state.event = ""; writeUrl(); loadDetail(); });
  window.addEventListener("popstate", () => { state = readUrl(); syncForm(); refresh(); });
  await Promise.all([refresh(), loadAlerts().catch(showError)]);
  window.__firstRenderMs = performance.now() - t0;
  window.__firstRenderSinceNavigationMs = performance.now();
  document.body.dataset.ready = "1";
}

start().catch(showError);
