// The incident map: settings come from data attributes on #map, so the page needs no
// inline script and the Content-Security-Policy can forbid them.
(function () {
  const el = document.getElementById('map');
  if (!el || typeof L === 'undefined') return;
  const map = L.map('map').setView([33.5, 41], 5);
  if (el.dataset.tileUrl) L.tileLayer(el.dataset.tileUrl, {maxZoom: 18}).addTo(map);
  fetch('/static/countries.geojson').then(r => r.json()).then(g =>
    L.geoJSON(g, {style: {color: '#7b8794', weight: 1, fillColor: '#f0f4f8', fillOpacity: 1}})
      .addTo(map).bringToBack());
  fetch('/export?format=geojson&limit=' + encodeURIComponent(el.dataset.limit) + '&' +
        (el.dataset.query || '')).then(r => r.json()).then(g => {
    const layer = L.geoJSON(g, {
      pointToLayer: (f, ll) => L.circleMarker(ll, {
        radius: 4 + Math.sqrt(f.properties.civilians_killed_min || 0), color: '#c0392b'}),
      onEachFeature: (f, l) => {
        const a = document.createElement('a');
        a.href = '/incidents/' + encodeURIComponent(f.id);
        a.textContent = f.properties.sub_event_type + ' — ' + (f.properties.location_name || '');
        l.bindPopup(a);
      }}).addTo(map);
    if (layer.getLayers().length) map.fitBounds(layer.getBounds(), {maxZoom: 9});
  });
})();
