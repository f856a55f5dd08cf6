// The incident map: settings and labels come from data attributes on #map, so the page
// needs no inline script and the Content-Security-Policy can forbid them.
(function () {
  "use strict";
  const el = document.getElementById("map");
  if (!el || typeof L === "undefined") return;
  const lang = el.dataset.lang || "ar";
  const t = JSON.parse(el.dataset.i18n || "{}");
  const values = t.values || {};
  const tv = (v) => values[v] || v;
  const COLOURS = {"Explosions/Remote violence": "#c0392b", "Battles": "#d68910",
                   "Violence against civilians": "#7d3c98", "Strategic developments": "#2e86c1"};
  const colour = (type) => COLOURS[type] || "#566573";
  const radius = (civ) => 5 + Math.sqrt(civ || 0);
  const range = (lo, hi, vague) => lo === null || lo === undefined ? "?" :
    vague ? "~" + lo : hi === lo ? String(lo) : hi === null || hi === undefined ? lo + "+" :
    lo + "–" + hi;

  const map = L.map("map", {maxZoom: 18}).setView([31, 38], 5);  // the clusters need a max zoom
  if (el.dataset.tileUrl) L.tileLayer(el.dataset.tileUrl, {maxZoom: 18}).addTo(map);
  fetch("/static/countries.geojson").then(r => r.json()).then(g =>
    L.geoJSON(g, {interactive: false, style: {color: "#7b8794", weight: 1.2,
      fillColor: "#f0f4f8", fillOpacity: 1}}).addTo(map).bringToBack());
  // governorates, named in the interface language: labels appear when zoomed in
  const labels = L.layerGroup();
  fetch("/static/admin1.geojson").then(r => r.json()).then(g => {
    L.geoJSON(g, {interactive: false, style: {color: "#9fb3c8", weight: 0.7, fill: false},
      onEachFeature: (f, layer) => {
        const name = lang === "ar" ? f.properties.name_ar : f.properties.name_en;
        if (name) labels.addLayer(L.tooltip({permanent: true, direction: "center",
          className: "admin1-label"}).setLatLng(layer.getBounds().getCenter()).setContent(name));
      }}).addTo(map);
    const showLabels = () => map.getZoom() >= 7 ? labels.addTo(map) : labels.remove();
    map.on("zoomend", showLabels);
    showLabels();
  });

  // towns, labelled when zoomed in (the bigger ones first)
  const towns = L.layerGroup();
  fetch("/static/towns.json").then(r => r.json()).then(rows => {
    rows.forEach(r => towns.addLayer(L.circleMarker([r.lat, r.lon], {radius: 2, color: "#52606d",
      weight: 1, interactive: false}).bindTooltip(lang === "ar" ? r.ar : r.en,
      {permanent: true, direction: "right", className: "town-label"})));
    const showTowns = () => map.getZoom() >= 7 ? towns.addTo(map) : towns.remove();
    map.on("zoomend", showTowns);
    showTowns();
  });

  // districts, loaded the first time the map is zoomed in far enough to need them
  let districts = null;
  const districtLabels = L.layerGroup();
  const showDistricts = () => {
    const z = map.getZoom();
    if (z >= 8 && districts === null) {
      districts = L.layerGroup();
      fetch("/static/admin2.geojson").then(r => r.json()).then(g => {
        L.geoJSON(g, {interactive: false, style: {color: "#bcccdc", weight: 0.5, dashArray: "2 2",
          fill: false}, onEachFeature: (f, layer) => {
            const name = lang === "ar" ? f.properties.name_ar : f.properties.name_en;
            if (name) districtLabels.addLayer(L.tooltip({permanent: true, direction: "center",
              className: "admin2-label"}).setLatLng(layer.getBounds().getCenter())
              .setContent(name));
          }}).addTo(districts);
        showDistricts();
      });
      return;
    }
    if (districts === null) return;
    if (z >= 8) districts.addTo(map); else districts.remove();
    if (z >= 10) districtLabels.addTo(map); else districtLabels.remove();
  };
  map.on("zoomend", showDistricts);

  const cluster = L.markerClusterGroup ? L.markerClusterGroup({maxClusterRadius: 40}) :
    L.layerGroup();
  fetch("/export?format=geojson&limit=" + encodeURIComponent(el.dataset.limit) + "&" +
        (el.dataset.query || "")).then(r => r.json()).then(g => {
    const layer = L.geoJSON(g, {
      pointToLayer: (f, ll) => L.circleMarker(ll, {radius: radius(f.properties.civilians_killed_min),
        color: colour(f.properties.event_type), weight: 2, fillOpacity: 0.6}),
      onEachFeature: (f, l) => {
        const p = f.properties;
        const box = document.createElement("div");
        box.className = "popup";
        const add = (label, value, numeric) => {
          const row = document.createElement("div");
          const b = document.createElement("b");
          b.textContent = label + ": ";
          const v = document.createElement("bdi");
          if (numeric) v.dir = "ltr";  // "5–7" must not read "7–5" in Arabic
          v.textContent = value;
          row.append(b, v);
          box.append(row);
        };
        const a = document.createElement("a");
        a.href = "/incidents/" + encodeURIComponent(f.id) + "?lang=" + encodeURIComponent(lang);
        a.className = "popup-link";
        a.textContent = tv(p.sub_event_type) + " — " + (p.location_name || "?");
        box.append(a);
        add(t.date, p.date_start || "?", true);
        add(t.killed, range(p.killed_min, p.killed_max, p.killed_vague), true);
        add(t.civilians, range(p.civilians_killed_min, p.civilians_killed_max), true);
        add(t.injured, range(p.injured_min, p.injured_max, p.injured_vague), true);
        add(t.grade, tv(p.grade));
        l.bindPopup(box);
      }});
    cluster.addLayer(layer);
    cluster.addTo(map);
    // padding: a filtered view frames its markers instead of clipping them at the edge
    if (layer.getLayers().length) map.fitBounds(layer.getBounds(), {maxZoom: 9, padding: [30, 30]});
  });

  // legend: colour is the event type, size the civilians killed
  const legend = L.control({position: "bottomleft"});
  legend.onAdd = function () {
    const div = L.DomUtil.create("div", "map-legend");
    div.id = "map-legend";
    const title = document.createElement("b");
    title.textContent = t.legend_map || "";
    div.append(title);
    Object.keys(COLOURS).forEach(type => {
      const row = document.createElement("div");
      const dot = document.createElement("span");
      dot.className = "dot";
      dot.style.borderColor = COLOURS[type];
      row.append(dot, document.createTextNode(" " + tv(type)));
      div.append(row);
    });
    [0, 10, 50].forEach(n => {
      const row = document.createElement("div");
      const dot = document.createElement("span");
      dot.className = "dot";
      dot.style.width = dot.style.height = (2 * radius(n)) + "px";
      row.append(dot, document.createTextNode(" " + n + " " + (t.civilians_killed || "")));
      div.append(row);
    });
    return div;
  };
  legend.addTo(map);
})();
