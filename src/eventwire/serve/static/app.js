/* eventwire dashboard: map + timeline + table + evidence panel over the REST API.
   Server-side filters (type, country, dates, confidence) refetch; the timeline brush narrows
   what is already loaded, so dragging stays instant. */
(function () {
  "use strict";

  const PAGE = 1000;          // events per request
  const MAX_EVENTS = 20000;   // beyond this the browser slows down; the status line says so
  const PARENT_COLORS = ["#d62728", "#ff7f0e", "#9467bd", "#2ca02c", "#8c564b", "#1f77b4",
    "#e377c2", "#17becf", "#bcbd22", "#7f7f7f", "#393b79"];

  const state = { meta: null, events: [], brush: null, color: null, selected: null };
  const $ = (id) => document.getElementById(id);

  // ---------------------------------------------------------------- helpers
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "class") node.className = v;
      else if (k === "style") node.style.cssText = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v);
    }
    for (const c of children) {
      if (c == null) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  async function getJSON(url) {
    const res = await fetch(url, { headers: { Accept: "application/json" } });
    if (!res.ok) {
      let detail = res.statusText;
      try { detail = (await res.json()).detail || detail; } catch (e) { /* not JSON */ }
      throw new Error(`${url}: ${res.status} ${typeof detail === "string" ? detail : JSON.stringify(detail)}`);
    }
    return res.json();
  }

  function status(msg) { $("status").textContent = msg; }
  const label = (t) => t.replace(/_/g, " ");
  const parentOf = (e) => e.parent_type || (state.meta && state.meta.types[e.type]) || "Other";
  const placeOf = (e) => (e.location && e.location.name) || "";
  const countryOf = (e) => (e.location && e.location.country) || "";

  function filterParams() {
    const p = new URLSearchParams();
    for (const id of ["f-type", "f-country", "f-since", "f-until"]) {
      const v = $(id).value;
      if (v) p.set($(id).name, v);
    }
    const conf = parseFloat($("f-conf").value);
    if (conf > 0) p.set("min_confidence", conf.toFixed(2));
    return p;
  }

  // ---------------------------------------------------------------- data
  async function loadEvents() {
    const params = filterParams();
    params.set("limit", PAGE);
    status("loading…");
    const out = [];
    let cursor = null;
    do {
      if (cursor) params.set("cursor", cursor);
      const page = await getJSON("events?" + params.toString());
      out.push(...page.items);
      cursor = page.next_cursor;
    } while (cursor && out.length < MAX_EVENTS);
    state.events = out;
    state.brush = null;
    status(`${out.length}${cursor ? "+ (first " + MAX_EVENTS + " shown)" : ""} events`);
    renderAll();
  }

  function visibleEvents() {
    if (!state.brush) return state.events;
    const [a, b] = state.brush;
    return state.events.filter((e) => e.date && e.date >= a && e.date <= b);
  }

  // ---------------------------------------------------------------- map
  let map, cluster;
  function unwrap(ring) {
    let shift = 0;
    for (let i = 1; i < ring.length; i++) {
      const prev = ring[i - 1][0];
      let lon = ring[i][0] + shift;
      if (lon - prev > 180) { shift -= 360; lon -= 360; } else if (lon - prev < -180) { shift += 360; lon += 360; }
      ring[i][0] = lon;
    }
  }
  async function initMap() {
    map = L.map("map", { worldCopyJump: true, zoomSnap: 0.5, minZoom: 1, maxZoom: 12 }).setView([30, 20], 2);
    map.attributionControl.addAttribution("Natural Earth via world-atlas");
    try {
      const topo = await getJSON("static/vendor/world-atlas/countries-50m.json");
      const land = topojson.feature(topo, topo.objects.countries);
      // Antarctica adds nothing to a conflict map; rings crossing the antimeridian get
      // continuous longitudes, or Leaflet strokes them across the whole world.
      land.features = land.features.filter((f) => f.id !== "010");
      for (const f of land.features) {
        const polys = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
        for (const poly of polys) for (const ring of poly) unwrap(ring);
      }
      L.geoJSON(land, {
        interactive: false,
        style: { color: "#8a99a8", weight: 0.6, fillColor: "#f2efe6", fillOpacity: 1 },
      }).addTo(map);
    } catch (err) {
      status("base map missing: " + err.message);
    }
    cluster = L.markerClusterGroup({
      maxClusterRadius: 36, showCoverageOnHover: false, disableClusteringAtZoom: 11,
      iconCreateFunction: (c) => L.divIcon({
        html: String(c.getChildCount()), className: "cluster-icon", iconSize: [34, 34],
      }),
    });
    map.addLayer(cluster);
  }

  function renderMap(events) {
    cluster.clearLayers();
    const markers = [];
    for (const e of events) {
      const loc = e.location;
      if (!loc || loc.lat == null || loc.lon == null) continue;
      const m = L.circleMarker([loc.lat, loc.lon], {
        radius: 6, weight: 1, color: "#222", fillColor: state.color(parentOf(e)), fillOpacity: 0.9,
      });
      m.bindTooltip(`${e.date || "undated"} · ${label(e.type)} · ${placeOf(e)}`);
      m.on("click", () => openEvent(e.id));
      m.eventId = e.id;
      markers.push(m);
    }
    cluster.addLayers(markers);
    if (markers.length) {
      const b = L.latLngBounds(markers.map((m) => m.getLatLng()));
      map.fitBounds(b.pad(0.3), { maxZoom: 7 });
    }
  }

  // ---------------------------------------------------------------- timeline
  function renderTimeline() {
    const svg = d3.select("#tl-svg");
    svg.selectAll("*").remove();
    const node = svg.node();
    const width = node.clientWidth || 800, height = node.clientHeight || 140;
    const m = { top: 6, right: 10, bottom: 20, left: 34 };
    const dated = state.events.filter((e) => e.date);
    if (!dated.length) {
      svg.append("text").attr("x", 10).attr("y", 30).text("no dated events");
      return;
    }
    const parents = state.meta.parents;
    const parse = d3.utcParse("%Y-%m-%d"), fmt = d3.utcFormat("%Y-%m-%d");
    const byDay = d3.rollup(dated, (v) => d3.rollup(v, (w) => w.length, parentOf), (e) => e.date);
    let days = Array.from(byDay.keys()).sort();
    // One event dated decades off (a history mention) must not squash the rest into a line.
    const cut = days.length >= 20 ? Math.floor(dated.length * 0.02) : 0;
    const sortedDates = dated.map((e) => e.date).sort();
    const lo = sortedDates[cut], hi = sortedDates[sortedDates.length - 1 - cut];
    days = days.filter((d) => d >= lo && d <= hi);
    const hidden = dated.filter((e) => e.date < lo || e.date > hi).length;
    $("tl-note").textContent = hidden ? `(${hidden} dated outside ${lo} – ${hi} not drawn)` : "";
    const rows = days.map((d) => {
      const r = { day: parse(d) };
      for (const p of parents) r[p] = byDay.get(d).get(p) || 0;
      return r;
    });
    const series = d3.stack().keys(parents)(rows);
    const x0 = d3.utcDay.offset(parse(days[0]), -1), x1 = d3.utcDay.offset(parse(days[days.length - 1]), 2);
    const x = d3.scaleUtc().domain([x0, x1]).range([m.left, width - m.right]);
    const y = d3.scaleLinear().domain([0, d3.max(rows, (r) => d3.sum(parents, (p) => r[p])) || 1]).nice()
      .range([height - m.bottom, m.top]);
    const bw = Math.max(1, (x(d3.utcDay.offset(x0, 1)) - x(x0)) * 0.85);
    svg.append("g").selectAll("g").data(series).join("g")
      .attr("fill", (s) => state.color(s.key)).attr("data-parent", (s) => s.key)
      .selectAll("rect").data((s) => s).join("rect")
      .attr("x", (d) => x(d.data.day)).attr("width", bw)
      .attr("y", (d) => y(d[1])).attr("height", (d) => Math.max(0, y(d[0]) - y(d[1])))
      .append("title").text((d) => `${fmt(d.data.day)}: ${d[1] - d[0]}`);
    svg.append("g").attr("transform", `translate(0,${height - m.bottom})`)
      .call(d3.utcDay.count(x0, x1) <= 40
        ? d3.axisBottom(x).tickSizeOuter(0).tickFormat(d3.utcFormat("%b %d"))
          .ticks(d3.utcDay.every(Math.max(1, Math.ceil(d3.utcDay.count(x0, x1) / Math.max(2, Math.floor(width / 80))))))
        : d3.axisBottom(x).tickSizeOuter(0).ticks(Math.max(2, Math.floor(width / 90))));
    svg.append("g").attr("transform", `translate(${m.left},0)`)
      .call(d3.axisLeft(y).ticks(Math.min(4, y.domain()[1])).tickFormat(d3.format("d")));

    const brush = d3.brushX().extent([[m.left, m.top], [width - m.right, height - m.bottom]])
      .on("end", (ev) => {
        if (!ev.selection) { setBrush(null); return; }
        const [a, b] = ev.selection.map(x.invert);
        setBrush([fmt(d3.utcDay.floor(a)), fmt(d3.utcDay.offset(d3.utcDay.floor(b), 0))]);
      });
    const g = svg.append("g").attr("class", "brush").call(brush);
    state.clearBrush = () => g.call(brush.move, null);
    if (state.brush) {  // redrawn (resize, panel): keep the selection the user made
      g.call(brush.move, [x(parse(state.brush[0])), x(d3.utcHour.offset(parse(state.brush[1]), 12))]);
    }
  }

  function setBrush(range) {
    state.brush = range;
    const info = $("brush-info");
    info.textContent = "";
    if (range) {
      info.append(`dates ${range[0]} – ${range[1]}`,
        el("button", { type: "button", onclick: () => state.clearBrush && state.clearBrush() }, "clear"));
    }
    const vis = visibleEvents();
    renderMap(vis);
    renderTable(vis);
    status(`${vis.length} of ${state.events.length} events`);
  }

  function renderLegend() {
    const legend = $("legend");
    legend.textContent = "";
    for (const p of state.meta.parents) {
      legend.append(el("span", { style: `--c:${state.color(p)}` }, p));
    }
  }

  // ---------------------------------------------------------------- table
  function actorText(a) {
    if (!a) return "";
    return a.name || [a.country, a.sector].filter(Boolean).join(" ");
  }

  function renderTable(events) {
    const tbody = $("events").querySelector("tbody");
    tbody.textContent = "";
    const rows = events.slice().sort((a, b) => (b.date || "").localeCompare(a.date || ""));
    const frag = document.createDocumentFragment();
    for (const e of rows.slice(0, 2000)) {
      const tr = el("tr", { "data-id": e.id, "data-type": e.type, onclick: () => openEvent(e.id) },
        el("td", {}, e.date || "—"),
        el("td", {}, el("span", { class: "swatch", style: `background:${state.color(parentOf(e))}` }), label(e.type)),
        el("td", {}, placeOf(e)),
        el("td", {}, countryOf(e)),
        el("td", {}, [actorText(e.actor1), actorText(e.actor2)].filter(Boolean).join(" → ")),
        el("td", {}, e.fatalities == null ? "" : e.fatalities),
        el("td", {}, e.confidence == null ? "" : Number(e.confidence).toFixed(2)));
      if (e.id === state.selected) tr.classList.add("active");
      frag.append(tr);
    }
    tbody.append(frag);
  }

  function renderAll() {
    renderTimeline();
    renderLegend();
    renderMap(state.events);
    renderTable(state.events);
  }

  // ---------------------------------------------------------------- evidence panel
  const articleCache = new Map();
  function getArticle(id) {
    if (!articleCache.has(id)) articleCache.set(id, getJSON("articles/" + encodeURIComponent(id)));
    return articleCache.get(id);
  }

  // Offsets from the server count code points (Python str); JS strings count UTF-16 units,
  // so slice on code points or every emoji before the sentence would shift the highlight.
  function highlighted(text, spans) {
    const chars = Array.from(text);
    const box = el("div", { class: "article-text" });
    let pos = 0;
    const ordered = spans.filter((s) => s.start >= 0 && s.end <= chars.length && s.end > s.start)
      .sort((a, b) => a.start - b.start);
    for (const s of ordered) {
      if (s.start < pos) continue;
      box.append(chars.slice(pos, s.start).join(""));
      box.append(el("mark", { class: "evidence", title: s.title || "evidence" }, chars.slice(s.start, s.end).join("")));
      pos = s.end;
    }
    box.append(chars.slice(pos).join(""));
    return box;
  }

  // The panel takes the right side; the map and timeline shrink beside it instead of hiding.
  function showPanel(open) {
    const was = !$("panel").hidden;
    $("panel").hidden = !open;
    document.body.classList.toggle("panel-open", open);
    if (was !== open) {
      if (map) map.invalidateSize();
      if (state.events.length) renderTimeline();
    }
  }

  async function openEvent(id) {
    state.selected = id;
    document.querySelectorAll("#events tbody tr").forEach((tr) =>
      tr.classList.toggle("active", tr.dataset.id === id));
    const panel = $("panel"), body = $("panel-body");
    showPanel(true);
    body.textContent = "loading…";
    let ev;
    try { ev = await getJSON("events/" + encodeURIComponent(id)); } catch (err) {
      body.textContent = err.message; return;
    }
    if (state.selected !== id) return;
    body.textContent = "";
    const loc = ev.location;
    body.append(
      el("h2", {}, label(ev.type)),
      el("div", { class: "meta" }, `${parentOf(ev)} · ${ev.date || "undated"}${ev.date_precision && ev.date_precision !== "day" ? " (" + ev.date_precision + ")" : ""}`),
      el("dl", {},
        el("dt", {}, "Place"), el("dd", {}, loc ? [loc.name, loc.admin1, loc.country].filter(Boolean).join(", ") : "—"),
        el("dt", {}, "Actor 1"), el("dd", {}, actorText(ev.actor1) || "—"),
        el("dt", {}, "Actor 2"), el("dd", {}, actorText(ev.actor2) || "—"),
        el("dt", {}, "Fatalities"), el("dd", {}, ev.fatalities == null ? "—" : ev.fatalities),
        el("dt", {}, "Confidence"), el("dd", {}, ev.confidence == null ? "—" : Number(ev.confidence).toFixed(2)),
        el("dt", {}, "Sources"), el("dd", {}, String((ev.mentions || []).length))));
    const mentions = ev.mentions && ev.mentions.length ? ev.mentions : [ev];
    let first = null;
    for (const mnt of mentions) {
      const box = el("div", { class: "mention", "data-article": mnt.article_id });
      body.append(box);
      let art;
      try { art = await getArticle(mnt.article_id); } catch (err) {
        box.append(el("p", {}, err.message)); continue;
      }
      const title = art.url ? el("a", { href: art.url, target: "_blank", rel: "noopener" }, art.title || art.id) : (art.title || art.id);
      box.append(el("h3", {}, title),
        el("div", { class: "meta" }, [art.outlet, art.published].filter(Boolean).join(" · ")));
      const spans = [];
      const evid = mnt.evidence || {};
      if (evid.start != null) spans.push({ start: evid.start, end: evid.end, title: "evidence for " + label(mnt.type || ev.type) });
      box.append(highlighted(art.text || "", spans));
      first = first || box.querySelector("mark.evidence");
    }
    if (first) first.scrollIntoView({ block: "center" });
  }

  // ---------------------------------------------------------------- filters
  function initFilters() {
    const typeSel = $("f-type");
    for (const p of state.meta.parents) {
      const group = el("optgroup", { label: p });
      for (const [t, parent] of Object.entries(state.meta.types)) {
        if (parent === p) group.append(el("option", { value: t }, label(t)));
      }
      typeSel.append(group);
    }
    const cSel = $("f-country");
    for (const c of state.meta.countries) cSel.append(el("option", { value: c.code }, `${c.code} (${c.count})`));
    if (state.meta.date_min) { $("f-since").min = $("f-until").min = state.meta.date_min; }
    if (state.meta.date_max) { $("f-since").max = $("f-until").max = state.meta.date_max; }
    $("filters").addEventListener("change", () => loadEvents().catch(fail));
    $("f-conf").addEventListener("input", () => { $("f-conf-out").textContent = Number($("f-conf").value).toFixed(2); });
    $("f-reset").addEventListener("click", () => {
      $("filters").reset();
      $("f-conf-out").textContent = "0.00";
      loadEvents().catch(fail);
    });
    $("panel-close").addEventListener("click", () => { showPanel(false); state.selected = null; });
    document.addEventListener("keydown", (e) => { if (e.key === "Escape") showPanel(false); });
  }

  function fail(err) {
    console.error(err);
    status("error: " + err.message);
  }

  async function main() {
    state.meta = await getJSON("meta");
    state.color = d3.scaleOrdinal(state.meta.parents, PARENT_COLORS);
    initFilters();
    await initMap();
    await loadEvents();
    window.addEventListener("resize", () => { renderTimeline(); });
    document.body.dataset.ready = "1";
  }

  main().catch(fail);
})();
