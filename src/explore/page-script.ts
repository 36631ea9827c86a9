/**
 * The explorer page's script (plain browser JavaScript, inlined into the
 * page by page-html.ts; no library, no network). It reads the embedded
 * PageData (page-data.ts), draws the layered circuit (or the boxes of an
 * extracted network's layers and neurons) on a canvas with zoom and pan,
 * and fills the side panel: search, the blocks of `find`, the windows of
 * `census-windows`, and the selected gate's function. `window.explorer`
 * exposes the state to tests (what is highlighted, where a node is drawn).
 *
 * Kept as a string, not compiled TypeScript, because the project compiles
 * for Node only (no DOM types); the browser test (test/explore) runs it.
 */
export const PAGE_SCRIPT = String.raw`
(function () {
  'use strict';
  var D = JSON.parse(document.getElementById('explorer-data').textContent);
  var N = D.names.length;
  var canvas = document.getElementById('canvas');
  var ctx = canvas.getContext('2d');
  var W = 46, H = 22, DX = 60, DY = 64;
  var px = new Float64Array(N), py = new Float64Array(N);
  var visible = new Uint8Array(N);
  var hl = new Uint8Array(N);          // highlighted by the current selection
  var excess = new Int32Array(N);      // largest excess of a non-minimal window holding the gate
  var selectedGate = -1, selection = null;
  var view = { s: 1, tx: 0, ty: 0 };
  var fanouts = [];
  for (var v = 0; v < N; v++) fanouts.push([]);
  for (var v2 = 0; v2 < N; v2++) D.fanins[v2].forEach(function (f) { fanouts[f >> 1].push(v2); });
  var blocksOf = [], windowsOf = [];
  for (var i = 0; i < N; i++) { blocksOf.push([]); windowsOf.push([]); }
  D.blocks.forEach(function (b, k) { b.gates.forEach(function (g) { blocksOf[g].push(k); }); });
  D.windows.forEach(function (w, k) {
    w.gates.forEach(function (g) {
      windowsOf[g].push(k);
      if (w.status === 'non-minimal' && w.excess > excess[g]) excess[g] = w.excess;
    });
  });
  var byName = new Map();
  D.names.forEach(function (nm, k) { if (k > 0 && !byName.has(nm)) byName.set(nm, k); });

  function esc(s) { return String(s).replace(/[&<>"]/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]; }); }
  function litName(lit) {
    var u = lit >> 1;
    if (u === 0) return (lit & 1) ? '1' : '0';
    return (((lit & 1) !== D.negated[u]) ? '!' : '') + D.names[u];
  }
  function valueName(u) { return litName(2 * u); }
  function isGate(u) { return u > D.numInputs; }

  // ---- geometry: flat layers, or boxes of layers and neurons ----
  var boxes = null, boxOf = null;
  function layoutFlat() {
    for (var u = 0; u < N; u++) {
      var size = D.layerSizes[D.layer[u]];
      px[u] = (D.order[u] - (size - 1) / 2) * DX;
      py[u] = -D.layer[u] * DY;
      visible[u] = 1;
    }
    if (!D.fanins.some(function (f) { return f.some(function (l) { return (l >> 1) === 0; }); }) && !D.outputs.some(function (o) { return (o.lit >> 1) === 0; })) visible[0] = 0;
  }
  function layoutBoxes() {
    var G = D.groups;
    if (!boxes) {
      boxOf = new Int32Array(N).fill(-1);
      boxes = G.boxes.map(function (b, k) {
        b.gates.forEach(function (g) { boxOf[g] = k; });
        var cols = 1, rows = 1;
        b.localLayer.forEach(function (l, j) { rows = Math.max(rows, l + 1); cols = Math.max(cols, b.localOrder[j] + 1); });
        return { b: b, open: false, cols: cols, rows: rows, x: 0, y: 0, w: 0, h: 0 };
      });
    }
    var rowH = [], rowW = [];
    for (var r = 0; r < G.rows; r++) { rowH.push(40); rowW.push(0); }
    boxes.forEach(function (x) {
      x.w = x.open ? Math.max(110, x.cols * DX + 20) : 110;
      x.h = x.open ? x.rows * DY + 30 : 40;
      rowH[x.b.row] = Math.max(rowH[x.b.row], x.h);
      rowW[x.b.row] += x.w + 16;
    });
    var y = 0, rowY = [];
    for (var r2 = 0; r2 < G.rows; r2++) { rowY.push(y); y -= rowH[r2] + 60; }
    var cursor = rowW.map(function (w) { return -w / 2; });
    visible.fill(0);
    boxes.forEach(function (x) {
      x.x = cursor[x.b.row]; cursor[x.b.row] += x.w + 16;
      x.y = rowY[x.b.row] - x.h;  // top edge (y grows downwards on screen)
      if (!x.open) return;
      x.b.gates.forEach(function (g, j) {
        visible[g] = 1;
        px[g] = x.x + 10 + DX / 2 + x.b.localOrder[j] * DX;
        py[g] = x.y + x.h - 22 - H / 2 - x.b.localLayer[j] * DY;
      });
    });
  }
  function relayout() { if (D.groups) layoutBoxes(); else layoutFlat(); }

  // ---- drawing ----
  var COLORS = { in: '#dbeafe', '0': '#e5e7eb' };
  var EXCESS = ['#ffffff', '#fde68a', '#fdba74', '#f87171'];
  var showWindows = D.windows.length > 0;
  function fillOf(u) {
    if (hl[u]) return '#60a5fa';
    if (showWindows && excess[u] > 0) return EXCESS[Math.min(3, excess[u])];
    var op = D.ops[u];
    return COLORS[op] || (op.indexOf('XOR') === 0 || op === 'XNOR' ? '#dcfce7' : op.indexOf('MAJ') === 0 ? '#fce7f3' : op.indexOf('LUT') === 0 ? '#f3e8ff' : '#ffffff');
  }
  function draw() {
    var dpr = window.devicePixelRatio || 1;
    var cw = canvas.clientWidth, ch = canvas.clientHeight;
    if (canvas.width !== Math.round(cw * dpr) || canvas.height !== Math.round(ch * dpr)) { canvas.width = Math.round(cw * dpr); canvas.height = Math.round(ch * dpr); }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = '#f8fafc'; ctx.fillRect(0, 0, cw, ch);
    ctx.setTransform(dpr * view.s, 0, 0, dpr * view.s, dpr * view.tx, dpr * view.ty);
    var x0 = -view.tx / view.s, y0 = -view.ty / view.s, x1 = x0 + cw / view.s, y1 = y0 + ch / view.s;
    function inView(x, y) { return x > x0 - DX && x < x1 + DX && y > y0 - DY && y < y1 + DY; }
    if (boxes) {
      ctx.lineWidth = 1 / view.s;
      D.groups.links.forEach(function (l) {
        var a = boxes[l[0]], b = boxes[l[1]];
        ctx.strokeStyle = 'rgba(100,116,139,0.35)';
        ctx.lineWidth = Math.min(6, 0.5 + Math.log(1 + l[2])) / Math.max(1, view.s);
        ctx.beginPath(); ctx.moveTo(a.x + a.w / 2, a.y); ctx.lineTo(b.x + b.w / 2, b.y + b.h); ctx.stroke();
      });
      boxes.forEach(function (x) {
        var lit = x.b.gates.some(function (g) { return hl[g]; });
        ctx.fillStyle = lit ? '#dbeafe' : x.open ? '#ffffff' : '#eef2ff';
        ctx.strokeStyle = lit ? '#2563eb' : '#64748b';
        ctx.lineWidth = (lit ? 2.5 : 1) / Math.max(1, view.s);
        ctx.fillRect(x.x, x.y, x.w, x.h); ctx.strokeRect(x.x, x.y, x.w, x.h);
        if (view.s > 0.15) {
          ctx.fillStyle = '#0f172a'; ctx.font = '11px sans-serif'; ctx.textAlign = 'left';
          ctx.fillText((x.open ? '\u25BE ' : '\u25B8 ') + x.b.label + ' (' + x.b.gates.length + ')', x.x + 4, x.y + 13);
        }
      });
    }
    // edges: plain, complemented (dashed colour), highlighted
    var paths = [new Path2D(), new Path2D(), new Path2D()];
    for (var u = D.numInputs + 1; u < N; u++) {
      if (!visible[u]) continue;
      var fs = D.fanins[u];
      for (var k = 0; k < fs.length; k++) {
        var a = fs[k] >> 1;
        if (!visible[a]) continue;
        if (!inView(px[u], py[u]) && !inView(px[a], py[a])) continue;
        var p = hl[u] && hl[a] ? paths[2] : D.edgeNegated[u][k] ? paths[1] : paths[0];
        p.moveTo(px[a], py[a] - H / 2); p.lineTo(px[u], py[u] + H / 2);
      }
    }
    ctx.lineWidth = 1 / Math.max(1, view.s);
    ctx.strokeStyle = 'rgba(100,116,139,0.55)'; ctx.stroke(paths[0]);
    ctx.strokeStyle = 'rgba(220,38,38,0.55)'; ctx.stroke(paths[1]);
    ctx.lineWidth = 2.5 / Math.max(1, view.s); ctx.strokeStyle = '#2563eb'; ctx.stroke(paths[2]);
    var labels = view.s > 0.45;
    ctx.font = '10px sans-serif'; ctx.textAlign = 'center'; ctx.textBaseline = 'middle';
    for (var v = 0; v < N; v++) {
      if (!visible[v] || !inView(px[v], py[v])) continue;
      ctx.fillStyle = fillOf(v);
      ctx.fillRect(px[v] - W / 2, py[v] - H / 2, W, H);
      // zoomed far out a border is under a pixel wide: skip it (strokes dominate the time of large pages)
      if (view.s < 0.12 && !hl[v] && v !== selectedGate) continue;
      ctx.lineWidth = (v === selectedGate ? 3 : hl[v] ? 2 : 1) / Math.max(1, view.s);
      ctx.strokeStyle = v === selectedGate ? '#1d4ed8' : hl[v] ? '#1e40af' : '#475569';
      ctx.strokeRect(px[v] - W / 2, py[v] - H / 2, W, H);
      if (labels) {
        ctx.fillStyle = '#0f172a';
        ctx.fillText(isGate(v) ? D.drawn[v] : D.names[v], px[v], py[v]);
        // the drawn value (the node, or its complement when drawn as NAND/OR/XNOR) by the file's name
        if (isGate(v)) { ctx.fillStyle = '#475569'; ctx.fillText(litName(2 * v + D.drawnNegated[v]), px[v], py[v] + H / 2 + 7); }
      }
    }
    if (labels) {
      ctx.fillStyle = '#b45309';
      D.outputs.forEach(function (o) {
        var u = o.lit >> 1;
        if (!visible[u] || !inView(px[u], py[u])) return;
        var t = litName(o.lit) === o.name ? o.name : o.name + ' = ' + litName(o.lit);
        ctx.fillText('\u2191 ' + t, px[u], py[u] - H / 2 - 8);
      });
    }
  }
  var pending = false;
  function redraw() { if (pending) return; pending = true; requestAnimationFrame(function () { pending = false; draw(); }); }

  // ---- view: fit, centre, zoom, pan ----
  function bounds(list) {
    var a = Infinity, b = Infinity, c = -Infinity, d = -Infinity;
    list.forEach(function (u) { if (!visible[u]) return; a = Math.min(a, px[u] - W); b = Math.min(b, py[u] - H); c = Math.max(c, px[u] + W); d = Math.max(d, py[u] + H); });
    return a === Infinity ? null : [a, b, c, d];
  }
  function fit(list) {
    var bb;
    if (list) bb = bounds(list);
    else if (boxes) { bb = [Infinity, Infinity, -Infinity, -Infinity]; boxes.forEach(function (x) { bb[0] = Math.min(bb[0], x.x); bb[1] = Math.min(bb[1], x.y); bb[2] = Math.max(bb[2], x.x + x.w); bb[3] = Math.max(bb[3], x.y + x.h); }); }
    else { var all = []; for (var u = 0; u < N; u++) all.push(u); bb = bounds(all); }
    if (!bb) return;
    var cw = canvas.clientWidth, ch = canvas.clientHeight;
    var s = Math.min(cw / (bb[2] - bb[0] + 40), ch / (bb[3] - bb[1] + 40));
    s = Math.min(s, 1.6);
    view.s = s; view.tx = cw / 2 - s * (bb[0] + bb[2]) / 2; view.ty = ch / 2 - s * (bb[1] + bb[3]) / 2;
    redraw();
  }
  canvas.addEventListener('wheel', function (e) {
    e.preventDefault();
    var r = canvas.getBoundingClientRect(), mx = e.clientX - r.left, my = e.clientY - r.top;
    var f = Math.exp(-e.deltaY * 0.0015);
    view.tx = mx - (mx - view.tx) * f; view.ty = my - (my - view.ty) * f; view.s *= f;
    redraw();
  }, { passive: false });
  var drag = null;
  canvas.addEventListener('mousedown', function (e) { drag = { x: e.clientX, y: e.clientY, tx: view.tx, ty: view.ty, moved: false }; });
  window.addEventListener('mousemove', function (e) {
    if (!drag) return;
    var dx = e.clientX - drag.x, dy = e.clientY - drag.y;
    if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
    view.tx = drag.tx + dx; view.ty = drag.ty + dy; redraw();
  });
  window.addEventListener('mouseup', function (e) {
    var d = drag; drag = null;
    if (d && !d.moved && e.target === canvas) clickAt(e);
  });
  function world(e) { var r = canvas.getBoundingClientRect(); return [(e.clientX - r.left - view.tx) / view.s, (e.clientY - r.top - view.ty) / view.s]; }
  function nodeAt(x, y) {
    if (!boxes) {
      var l = Math.round(-y / DY);
      if (l < 0 || l >= D.layerSizes.length) return -1;
      var o = Math.round(x / DX + (D.layerSizes[l] - 1) / 2);
      if (o < 0 || o >= D.layerSizes[l]) return -1;
      var u = layerNodes[l][o];
      return Math.abs(px[u] - x) <= W / 2 && Math.abs(py[u] - y) <= H / 2 + 2 ? u : -1;
    }
    for (var k = 0; k < boxes.length; k++) {
      var b = boxes[k];
      if (!b.open || x < b.x || x > b.x + b.w || y < b.y || y > b.y + b.h) continue;
      for (var j = 0; j < b.b.gates.length; j++) { var g = b.b.gates[j]; if (Math.abs(px[g] - x) <= W / 2 && Math.abs(py[g] - y) <= H / 2 + 2) return g; }
    }
    return -1;
  }
  function boxAt(x, y) {
    if (!boxes) return -1;
    for (var k = 0; k < boxes.length; k++) { var b = boxes[k]; if (x >= b.x && x <= b.x + b.w && y >= b.y && y <= b.y + (b.open ? 18 : b.h)) return k; }
    return -1;
  }
  var layerNodes = D.layerSizes.map(function (s) { return new Array(s); });
  for (var q = 0; q < N; q++) layerNodes[D.layer[q]][D.order[q]] = q;
  function clickAt(e) {
    var p = world(e);
    var u = nodeAt(p[0], p[1]);
    if (u >= 0) { selectGate(u, false); return; }
    var k = boxAt(p[0], p[1]);
    if (k >= 0) { boxes[k].open = !boxes[k].open; relayout(); redraw(); }
  }

  // ---- selection and panels ----
  var info = document.getElementById('info');
  function setHighlight(list) { hl.fill(0); list.forEach(function (g) { hl[g] = 1; }); }
  function openBoxesOf(list) {
    if (!boxes) return;
    var changed = false;
    list.forEach(function (g) { var k = boxOf[g]; if (k >= 0 && !boxes[k].open) { boxes[k].open = true; changed = true; } });
    if (changed) relayout();
  }
  function ttRows(hex, leaves, signal) {
    var n = leaves.length;
    if (n > 6) return '<p>table (hex) ' + esc(hex) + '</p>';
    var bits = [];
    var digits = hex.split('').reverse();
    for (var m = 0; m < (1 << n); m++) bits.push((parseInt(digits[m >> 2] || '0', 16) >> (m & 3)) & 1);
    var h = '<table class="tt"><tr>' + leaves.slice().reverse().map(function (l) { return '<th>' + esc(l) + '</th>'; }).join('') + '<th>' + esc(signal) + '</th></tr>';
    for (var r = 0; r < (1 << n); r++) {
      h += '<tr>';
      for (var j = n - 1; j >= 0; j--) h += '<td>' + ((r >> j) & 1) + '</td>';
      h += '<td class="out">' + bits[r] + '</td></tr>';
    }
    return h + '</table>';
  }
  function selectGate(u, centre) {
    selectedGate = u;
    selection = { kind: 'gate', node: u };
    setHighlight([u]);
    openBoxesOf([u]);
    var h = '<h3>' + esc(valueName(u) === D.names[u] ? D.names[u] : D.names[u] + ' (node value ' + valueName(u) + ')') + '</h3>';
    if (!isGate(u)) h += '<p>primary input</p>';
    else {
      h += '<p><b>' + esc(D.names[u]) + '</b> = ' + (D.negated[u] ? '!' : '') + esc(D.ops[u]) + '(' + D.fanins[u].map(function (l) { return esc(litName(l)); }).join(', ') + ')</p>';
      var f = D.functions[u];
      if (f) {
        h += '<p>function of <b>' + esc(f.signal) + '</b> over ' + esc(f.leaves.join(', ')) + ': hex <code class="hex">' + esc(f.table) + '</code>' + (f.npn ? ', NPN class <code class="npn">' + esc(f.npn) + '</code> (' + f.leaves.length + ' inputs)' : '') + '</p>';
        h += ttRows(f.table, f.leaves, f.signal);
      }
    }
    var bl = blocksOf[u];
    if (bl.length) h += '<h4>in blocks</h4>' + bl.map(function (k) { return '<div class="item" data-block="' + k + '">' + esc(D.blocks[k].text) + '</div>'; }).join('');
    var ws = windowsOf[u].filter(function (k) { return D.windows[k].roots.indexOf(u) >= 0; });
    if (ws.length) {
      h += '<h4>windows rooted here</h4>' + ws.map(function (k) { var w = D.windows[k]; return '<div class="item" data-window="' + k + '">' + windowText(w) + '</div>'; }).join('');
    }
    var outs = D.outputs.filter(function (o) { return (o.lit >> 1) === u; });
    if (outs.length) h += '<p>output ' + outs.map(function (o) { return esc(o.name) + ' = ' + esc(litName(o.lit)); }).join(', ') + '</p>';
    info.innerHTML = h;
    info.dataset.node = String(u);
    if (centre) centreOn([u]);
    redraw();
  }
  function centreOn(list) {
    var bb = bounds(list);
    if (!bb) return;
    var cw = canvas.clientWidth, ch = canvas.clientHeight;
    if (view.s < 0.5) view.s = 0.8;
    view.tx = cw / 2 - view.s * (bb[0] + bb[2]) / 2; view.ty = ch / 2 - view.s * (bb[1] + bb[3]) / 2;
  }
  function windowText(w) {
    var min = w.minimum !== null ? 'minimum ' + w.minimum : w.upperBound + ' found, minimum >= ' + w.lowerBound;
    return esc(w.roots.map(valueName).join(', ')) + ' over [' + esc(w.leaves.map(function (l) { return D.names[l]; }).join(', ')) + ']: size ' + w.size + ', ' + min + (w.status === 'non-minimal' ? ' (' + w.excess + ' fewer' + (w.saving > 0 ? ', replacing it saves ' + w.saving : '') + ')' : w.status === 'minimal' ? ' (minimal)' : ' (unknown)');
  }
  function selectBlock(k) {
    var b = D.blocks[k];
    selectedGate = -1; selection = { kind: 'block', index: k };
    setHighlight(b.gates); openBoxesOf(b.gates);
    var h = '<h3>' + esc(b.text) + '</h3><p>' + b.gates.length + ' gates: ' + esc(b.gates.map(function (g) { return D.names[g]; }).join(', ')) + '</p>';
    b.tables.forEach(function (t) { h += '<p>' + esc(t.signal) + ' over ' + esc(t.leaves.join(', ')) + ': hex <code>' + esc(t.table) + '</code></p>' + ttRows(t.table, t.leaves, t.signal); });
    info.innerHTML = h; info.dataset.block = String(k);
    markActive('block', k);
    centreOn(b.gates); redraw();
  }
  function selectWindow(k) {
    var w = D.windows[k];
    selectedGate = -1; selection = { kind: 'window', index: k };
    setHighlight(w.gates); openBoxesOf(w.gates);
    var h = '<h3>window</h3><p>' + windowText(w) + '</p>';
    if (w.smaller) h += '<p>smaller verified circuit:</p><pre>' + esc(w.smaller) + '</pre>';
    info.innerHTML = h;
    markActive('window', k);
    centreOn(w.gates); redraw();
  }
  function markActive(kind, k) {
    document.querySelectorAll('.item.active').forEach(function (e) { e.classList.remove('active'); });
    var e = document.querySelector('#lists [data-' + kind + '="' + k + '"]');
    if (e) e.classList.add('active');
  }
  document.addEventListener('click', function (e) {
    var t = e.target.closest ? e.target.closest('.item') : null;
    if (!t) return;
    if (t.dataset.block !== undefined) selectBlock(Number(t.dataset.block));
    else if (t.dataset.window !== undefined) selectWindow(Number(t.dataset.window));
    else if (t.dataset.node !== undefined) selectGate(Number(t.dataset.node), true);
  });

  // lists
  var lists = document.getElementById('lists');
  var html = '';
  if (D.ran.find) {
    var byEntry = new Map();
    D.blocks.forEach(function (b, k) { if (!byEntry.has(b.entry)) byEntry.set(b.entry, []); byEntry.get(b.entry).push(k); });
    html += '<h2>blocks (find): ' + D.blocks.length + '</h2>';
    if (!D.blocks.length) html += '<p>none found</p>';
    byEntry.forEach(function (ks, entry) {
      html += '<details open><summary>' + esc(entry) + ' (' + ks.length + ')</summary>' + ks.map(function (k) { return '<div class="item block" data-block="' + k + '">' + esc(D.blocks[k].text) + '</div>'; }).join('') + '</details>';
    });
  }
  if (D.ran.windows) {
    var order = D.windows.map(function (_, k) { return k; }).filter(function (k) { return D.windows[k].status !== 'minimal'; });
    order.sort(function (a, b) { return D.windows[b].excess - D.windows[a].excess || a - b; });
    var minimal = D.windows.length - order.length;
    html += '<h2>windows (census-windows)</h2><p>' + D.windows.length + ' windows, ' + minimal + ' minimal; the others, largest saving first (colour: size - minimum 1, 2, 3+ <span class="sw" style="background:' + EXCESS[1] + '"></span><span class="sw" style="background:' + EXCESS[2] + '"></span><span class="sw" style="background:' + EXCESS[3] + '"></span>):</p>';
    html += order.map(function (k) { var w = D.windows[k]; return '<div class="item window" data-window="' + k + '"><span class="sw" style="background:' + EXCESS[Math.min(3, Math.max(0, w.excess))] + '"></span>' + windowText(w) + '</div>'; }).join('');
  }
  lists.innerHTML = html;

  // search
  var search = document.getElementById('search');
  var hits = document.getElementById('hits');
  search.addEventListener('input', function () {
    var q = search.value.trim();
    if (!q) { hits.innerHTML = ''; return; }
    var out = [];
    for (var u = 1; u < N && out.length < 30; u++) if (D.names[u].indexOf(q) >= 0) out.push(u);
    hits.innerHTML = out.map(function (u) { return '<div class="item" data-node="' + u + '">' + esc(D.names[u]) + (isGate(u) ? ' = ' + (D.negated[u] ? '!' : '') + esc(D.ops[u]) : ' (input)') + '</div>'; }).join('');
  });
  search.addEventListener('keydown', function (e) {
    if (e.key !== 'Enter') return;
    var u = byName.get(search.value.trim());
    if (u === undefined) { var first = hits.querySelector('.item'); if (first) u = Number(first.dataset.node); }
    if (u !== undefined) selectGate(u, true);
  });
  document.getElementById('fit').addEventListener('click', function () { fit(null); });
  var wbox = document.getElementById('show-windows');
  wbox.checked = showWindows; wbox.disabled = !D.windows.length;
  wbox.addEventListener('change', function () { showWindows = wbox.checked; redraw(); });
  var ex = document.getElementById('expand');
  if (!D.groups) ex.style.display = 'none';
  ex.addEventListener('click', function () { var open = !boxes.every(function (b) { return b.open; }); boxes.forEach(function (b) { b.open = open; }); relayout(); fit(null); });
  window.addEventListener('resize', redraw);

  relayout();
  fit(null);
  draw();
  /** For tests and scripts: the page's state. */
  window.explorer = {
    ready: true,
    data: D,
    highlighted: function () { var out = []; for (var u = 0; u < N; u++) if (hl[u]) out.push(u); return out; },
    selection: function () { return selection; },
    /** Where node u is drawn, in client (CSS pixel) coordinates, or null when it is not drawn. */
    screenOf: function (u) { if (!visible[u]) return null; var r = canvas.getBoundingClientRect(); return { x: r.left + view.tx + view.s * px[u], y: r.top + view.ty + view.s * py[u] }; },
    nodeByName: function (nm) { return byName.get(nm); },
    /** A point on the header of the box with this label (grouped view), in client coordinates, and whether it is open. */
    box: function (label) {
      if (!boxes) return null;
      var b = boxes.find(function (x) { return x.b.label === label; });
      if (!b) return null;
      var r = canvas.getBoundingClientRect();
      return { x: r.left + view.tx + view.s * (b.x + 20), y: r.top + view.ty + view.s * (b.y + 9), open: b.open };
    },
    /** The zoom factor (CSS pixels per drawing unit; a gate box is 46 x 22 units). */
    scale: function () { return view.s; },
    centre: function (u) { centreOn([u]); draw(); },
    selectBlock: selectBlock,
    selectWindow: selectWindow,
    selectGate: function (u) { selectGate(u, true); draw(); },
    redrawNow: draw,
  };
})();
`;
