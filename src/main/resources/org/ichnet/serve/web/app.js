// ichnet serve's page: plain JS, no library, works offline.
(function () {
  'use strict';
  var CLASSES = ['NORMAL', 'ICH', 'SDH', 'EDH'];
  var COLOURS = { NORMAL: '#8a94a6', ICH: '#b3261e', SDH: '#c77700', EDH: '#6b3fa0' };
  var $ = function (id) { return document.getElementById(id); };
  var token = sessionStorage.getItem('ichnet-token') || '';

  function headers() { return token ? { Authorization: 'Bearer ' + token } : {}; }

  function status(text, isError) {
    $('status').textContent = text;
    $('status').className = isError ? 'error' : '';
  }

  function askToken(message) {
    $('token-form').hidden = false;
    status(message || 'This server needs an access token.', true);
    $('token').focus();
  }

  function loadModels() {
    fetch('models', { headers: headers() }).then(function (r) {
      if (r.status === 401) { askToken(); return null; }
      return r.json();
    }).then(function (body) {
      if (!body) return;
      $('token-form').hidden = true;
      var select = $('model');
      while (select.options.length > 1) select.remove(1);
      body.models.forEach(function (m) {
        var o = document.createElement('option');
        o.value = m.name;
        o.textContent = m.name + ' (' + m.input.channels + ', ' + m.input.imageSize + ' px)';
        select.appendChild(o);
      });
    }).catch(function (e) { status('Cannot reach the server: ' + e.message, true); });
  }

  function send(file) {
    if (!file) return;
    var form = new FormData();
    form.append('file', file, file.name);
    var model = $('model').value;
    var url = 'predictions' + (model ? '/' + encodeURIComponent(model) : '') + '?gradcam=1';
    var started = performance.now();
    status('Analysing ' + file.name + ' …');
    $('result').hidden = true;
    fetch(url, { method: 'POST', body: form, headers: headers() }).then(function (r) {
      return r.json().then(function (body) { return { code: r.status, body: body }; });
    }).then(function (res) {
      if (res.code === 401) { askToken('The token was refused; enter it again.'); return; }
      if (res.code !== 200) { status(res.body.message || ('HTTP ' + res.code), true); return; }
      status(file.name + ': ' + ((performance.now() - started) / 1000).toFixed(1) + ' s');
      show(res.body);
    }).catch(function (e) { status('Request failed: ' + e.message, true); });
  }

  function show(body) {
    var scans = body.scans;
    var flagged = [], slices = [];
    scans.forEach(function (scan) {
      scan.slices.forEach(function (s) { slices.push(s); if (s.predicted !== 'NORMAL') flagged.push(s); });
    });
    var positive = scans.some(function (s) { return s.anyHemorrhage; });
    var types = [];
    scans.forEach(function (s) { s.types.forEach(function (t) { if (types.indexOf(t) < 0) types.push(t); }); });
    var decision = $('decision');
    decision.className = positive ? 'positive' : 'negative';
    decision.textContent = positive
      ? 'Hemorrhage suspected: ' + types.join(', ') + ' on ' + flagged.length + ' of ' + slices.length + ' slice' + (slices.length > 1 ? 's' : '')
      : 'No hemorrhage found on ' + slices.length + ' slice' + (slices.length > 1 ? 's' : '');
    $('model-used').textContent = 'Model ' + body.model.path.split('/').pop() + ' (' + body.model.channels + ', '
      + body.model.imageSize + ' px, ' + body.model.combiner + ')'
      + (body.problems.length ? ' · skipped: ' + body.problems.map(function (p) { return p.file + ': ' + p.problem; }).join('; ') : '');
    chart(slices);
    maxTable(scans);
    cards(flagged);
    var blob = new Blob([JSON.stringify(body, null, 2)], { type: 'application/json' });
    $('download').href = URL.createObjectURL(blob);
    $('result').hidden = false;
  }

  function svg(name, attrs) {
    var el = document.createElementNS('http://www.w3.org/2000/svg', name);
    Object.keys(attrs).forEach(function (k) { el.setAttribute(k, attrs[k]); });
    return el;
  }

  function chart(slices) {
    var W = 1000, H = 150, left = 34, bottom = 20, top = 8;
    var root = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, preserveAspectRatio: 'none', role: 'img',
      'aria-label': 'probability of hemorrhage per slice' });
    var plotW = W - left - 8, plotH = H - top - bottom;
    [0, 0.5, 1].forEach(function (v) {
      var y = top + plotH * (1 - v);
      root.appendChild(svg('line', { x1: left, x2: W - 8, y1: y, y2: y, 'class': 'axis' }));
      var t = svg('text', { x: 4, y: y + 4 }); t.textContent = v.toFixed(1); root.appendChild(t);
    });
    var n = slices.length, step = plotW / Math.max(n, 1);
    var points = slices.map(function (s, i) {
      return [left + step * (i + 0.5), top + plotH * s.probabilities.NORMAL];
    });
    if (n > 1) {
      root.appendChild(svg('polyline', { points: points.map(function (p) { return p.join(','); }).join(' '),
        fill: 'none', stroke: '#1f5fbf', 'stroke-width': 2, 'vector-effect': 'non-scaling-stroke' }));
    }
    slices.forEach(function (s, i) {
      var barW = Math.max(1, Math.min(step * 0.6, 40));
      var bar = svg('rect', { x: points[i][0] - barW / 2, y: points[i][1], width: barW,
        height: top + plotH - points[i][1], fill: COLOURS[s.predicted], opacity: n > 1 ? 0.35 : 0.8, 'class': 'bar' });
      var title = svg('title', {}); title.textContent = s.label + ': ' + s.predicted + ', P(hemorrhage) ' + (1 - s.probabilities.NORMAL).toFixed(3);
      bar.appendChild(title);
      root.appendChild(bar);
      if (s.predicted !== 'NORMAL') root.appendChild(svg('circle', { cx: points[i][0], cy: points[i][1], r: 4, fill: COLOURS[s.predicted] }));
    });
    var label = svg('text', { x: left, y: H - 4 }); label.textContent = 'slice 1'; root.appendChild(label);
    if (n > 1) { var end = svg('text', { x: W - 60, y: H - 4 }); end.textContent = 'slice ' + n; root.appendChild(end); }
    var box = $('chart');
    box.textContent = '';
    box.appendChild(root);
  }

  function maxTable(scans) {
    var head = document.querySelector('#max thead tr'), row = document.querySelector('#max tbody tr');
    head.textContent = ''; row.textContent = '';
    CLASSES.forEach(function (c) {
      var max = Math.max.apply(null, scans.map(function (s) { return s.maxProbability[c]; }));
      var th = document.createElement('th'); th.textContent = c; head.appendChild(th);
      var td = document.createElement('td'); td.textContent = max.toFixed(3); row.appendChild(td);
    });
  }

  function cards(flagged) {
    var box = $('flagged');
    box.textContent = '';
    $('flagged-title').textContent = flagged.length ? 'Flagged slices, with Grad-CAM (each model and the ensemble)' : 'No flagged slice';
    flagged.forEach(function (s) {
      var card = document.createElement('div'); card.className = 'card';
      var h = document.createElement('h4');
      h.textContent = s.label + ' · ' + s.predicted + ' ' + s.probabilities[s.predicted].toFixed(3);
      card.appendChild(h);
      var pair = document.createElement('div'); pair.className = 'pair';
      if (s.image) { var img = new Image(); img.className = 'slice'; img.alt = 'slice ' + s.label; img.src = s.image; pair.appendChild(img); }
      if (s.gradcam) { var cam = new Image(); cam.className = 'overlay'; cam.alt = 'Grad-CAM of ' + s.label; cam.src = s.gradcam; pair.appendChild(cam); }
      card.appendChild(pair);
      box.appendChild(card);
    });
  }

  $('token-form').addEventListener('submit', function (e) {
    e.preventDefault();
    token = $('token').value.trim();
    sessionStorage.setItem('ichnet-token', token);
    status('');
    loadModels();
  });
  var drop = $('drop');
  ['dragenter', 'dragover'].forEach(function (t) { drop.addEventListener(t, function (e) { e.preventDefault(); drop.classList.add('over'); }); });
  ['dragleave', 'drop'].forEach(function (t) { drop.addEventListener(t, function (e) { e.preventDefault(); drop.classList.remove('over'); }); });
  drop.addEventListener('drop', function (e) { send(e.dataTransfer.files[0]); });
  $('file').addEventListener('change', function (e) { send(e.target.files[0]); e.target.value = ''; });
  loadModels();
})();
