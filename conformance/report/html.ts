/**
 * The HTML renderer: one self-contained page (inline CSS, inline SVG, vanilla JS, no external resources)
 * with a per-area stacked bar chart per runtime and a searchable table of every corner.
 */
import type { RunReport, Status } from '../runner.js';
import { byArea, cornersOf, countsFor, isParameterCorner, notes, percentText, runtimeNamesOf } from './summary.js';

const COLOURS: Readonly<Record<Status, string>> = { pass: '#2e9d46', fail: '#d0312d', unsupported: '#9aa0a6', error: '#e8a317', skip: '#c9d1d9' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

function chart(report: RunReport): string {
  const names = runtimeNamesOf(report);
  // function corners by area, then parameter corners by area
  const areas = [
    ...[...byArea(cornersOf(report.corners, 'functions'))],
    ...[...byArea(cornersOf(report.corners, 'parameters'))].map(([a, c]): [string, typeof c] => [`${a} · parameters`, c]),
  ];
  const rowH = 16;
  const gap = 8;
  const labelW = 210;
  const barW = 420;
  const rows = areas.length * names.length;
  const h = rows * rowH + areas.length * gap + 30;
  const parts: string[] = [];
  let y = 24;
  for (const [area, corners] of areas) {
    for (const [i, n] of names.entries()) {
      const c = countsFor(corners, n);
      const label = i === 0 ? `${area} (${corners.length})` : '';
      parts.push(`<text x="${labelW - 60}" y="${y + 12}" text-anchor="end" class="area">${escapeHtml(label)}</text>`);
      parts.push(`<text x="${labelW - 6}" y="${y + 12}" text-anchor="end" class="rt">${escapeHtml(n)}</text>`);
      let x = labelW;
      for (const s of ['pass', 'fail', 'unsupported', 'error'] as const) {
        const w = c.total ? (barW * c[s]) / c.total : 0;
        if (w > 0) parts.push(`<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${rowH - 3}" fill="${COLOURS[s]}"><title>${escapeHtml(`${area} · ${n}: ${c[s]} ${s}`)}</title></rect>`);
        x += w;
      }
      parts.push(`<text x="${labelW + barW + 6}" y="${y + 12}" class="pct">${escapeHtml(`${c.pass}/${c.total} ${percentText(c)}`)}</text>`);
      y += rowH;
    }
    y += gap;
  }
  const legend = (['pass', 'fail', 'unsupported', 'error'] as const)
    .map((s, i) => `<rect x="${labelW + i * 105}" y="4" width="12" height="12" fill="${COLOURS[s]}"/><text x="${labelW + i * 105 + 16}" y="14">${s}</text>`)
    .join('');
  return `<svg width="${labelW + barW + 120}" height="${h}" role="img" aria-label="pass rate per area and runtime">${legend}${parts.join('')}</svg>`;
}

function table(report: RunReport): string {
  const names = runtimeNamesOf(report);
  const head = `<tr><th>corner</th><th>area</th><th>kind</th><th>source</th>${names.map((n) => `<th>${escapeHtml(n)}</th>`).join('')}</tr>`;
  const rows = report.corners.map((c) => {
    const cells = names.map((n) => {
      const r = c.results[n];
      const status = r?.status ?? 'error';
      const detail = r?.detail ? `<div class="detail">${escapeHtml(r.detail)}</div>` : '';
      return `<td class="st ${status}">${status}${detail}</td>`;
    });
    return `<tr><td><code>${escapeHtml(c.id)}</code><div class="desc">${escapeHtml(c.description)}</div></td><td>${escapeHtml(c.area)}</td><td>${isParameterCorner(c) ? 'parameter' : 'function'}</td><td>${escapeHtml(c.source)}</td>${cells.join('')}</tr>`;
  });
  return `<table id="corners"><thead>${head}</thead><tbody>${rows.join('\n')}</tbody></table>`;
}

const SCRIPT = `
(function () {
  var q = document.getElementById('q');
  var st = document.getElementById('status');
  var kd = document.getElementById('kind');
  var rows = Array.prototype.slice.call(document.querySelectorAll('#corners tbody tr'));
  var count = document.getElementById('count');
  function apply() {
    var words = q.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var want = st.value;
    var shown = 0;
    rows.forEach(function (r) {
      var text = r.textContent.toLowerCase();
      var ok = words.every(function (w) { return text.indexOf(w) >= 0; });
      if (ok && want) ok = r.querySelector('td.st.' + want) !== null;
      if (ok && kd.value) ok = r.children[2].textContent === kd.value;
      r.style.display = ok ? '' : 'none';
      if (ok) shown++;
    });
    count.textContent = shown + ' of ' + rows.length + ' corners';
  }
  q.addEventListener('input', apply);
  st.addEventListener('change', apply);
  kd.addEventListener('change', apply);
  apply();
})();
`;

export function renderHtml(report: RunReport): string {
  const names = runtimeNamesOf(report);
  const summary = names
    .map((n) => {
      const c = countsFor(report.corners, n);
      const f = countsFor(cornersOf(report.corners, 'functions'), n);
      const p = countsFor(cornersOf(report.corners, 'parameters'), n);
      return `<li><b>${escapeHtml(n)}</b>: ${c.pass} pass, ${c.fail} fail, ${c.unsupported} unsupported, ${c.error} error of ${c.total} (${percentText(c)}); function coverage ${f.pass}/${f.total} (${percentText(f)}), parameter coverage ${p.pass}/${p.total} (${percentText(p)})</li>`;
    })
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>ndbridge conformance</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#1f2328}
h1{font-size:20px} svg text{font:12px system-ui,sans-serif} svg .area{font-weight:600}
table{border-collapse:collapse;width:100%;margin-top:12px} th,td{border-bottom:1px solid #d0d7de;padding:4px 6px;text-align:left;vertical-align:top}
th{position:sticky;top:0;background:#f6f8fa} .desc{color:#57606a;font-size:12px}
td.st{font-weight:600;white-space:nowrap} td.st .detail{font-weight:400;white-space:normal;font-size:11px;color:#57606a;max-width:420px;word-break:break-word}
td.pass{color:${COLOURS.pass}} td.fail{color:${COLOURS.fail}} td.unsupported{color:#6e7781} td.error{color:#b7791f} td.skip{color:#8c959f}
#controls{position:sticky;top:0;background:#fff;padding:8px 0} input,select{font:inherit;padding:4px}
</style></head><body>
<h1>ndbridge conformance</h1>
<ul>${summary}</ul>
<ul class="notes">${notes(report).map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>
${chart(report)}
<div id="controls"><input id="q" type="search" placeholder="search corners, areas, details…" size="40">
<select id="kind"><option value="">functions and parameters</option><option>function</option><option>parameter</option></select>
<select id="status"><option value="">any status</option><option>pass</option><option>fail</option><option>unsupported</option><option>error</option><option>skip</option></select>
<span id="count"></span></div>
${table(report)}
<script>${SCRIPT}</script>
</body></html>
`;
}
