/**
 * The HTML renderer: one self-contained page (inline CSS, vanilla JS, no external resources) that opens
 * on what does not pass. From the top: a two-line summary per runtime with a compact bar; the search
 * and filters (sticky); "What does not pass": every failing, erroring and unsupported corner per
 * runtime with its message whole; a compact table of areas (one row per area, a small bar per runtime);
 * then every corner, searchable.
 */
import type { CornerReport, RunReport, Status } from '../runner.js';
import type { Counts } from './schema.js';
import { byArea, cornersOf, cornersWith, countsFor, isParameterCorner, notes, percentText, runtimeNamesOf } from './summary.js';

const COLOURS: Readonly<Record<Status, string>> = { pass: '#2e9d46', fail: '#d0312d', unsupported: '#9aa0a6', error: '#e8a317', skip: '#c9d1d9' };
/** Not passing, worst first: the order of the first section. */
const NOT_PASSING = ['fail', 'error', 'unsupported'] as const;
const BAR_ORDER = ['pass', 'fail', 'error', 'unsupported'] as const;

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** A stacked bar of `c`, `width` px wide: a div of spans (no SVG), each with a title. */
function bar(c: Counts, width: number, label: string): string {
  const spans = BAR_ORDER.filter((s) => c[s] > 0)
    .map((s) => `<span class="seg ${s}" style="width:${((100 * c[s]) / c.total).toFixed(2)}%" title="${escapeHtml(`${label}: ${c[s]} ${s}`)}"></span>`)
    .join('');
  return `<span class="bar" style="width:${width}px">${spans}</span>`;
}

function countsText(c: Counts): string {
  const rest = NOT_PASSING.filter((s) => c[s] > 0).map((s) => `<span class="${s}">${c[s]} ${s}</span>`);
  return `<b>${c.pass}/${c.total}</b> pass (${percentText(c)})${rest.length ? ` · ${rest.join(' · ')}` : ''}`;
}

function summary(report: RunReport): string {
  const rows = runtimeNamesOf(report).map((n) => {
    const info = report.runtimes[n];
    if (info?.available === false) return `<tr><th>${escapeHtml(n)}</th><td colspan="2" class="error">NOT RUN — ${escapeHtml(info.reason ?? 'unavailable')}</td></tr>`;
    const c = countsFor(report.corners, n);
    const f = countsFor(cornersOf(report.corners, 'functions'), n);
    const p = countsFor(cornersOf(report.corners, 'parameters'), n);
    return `<tr><th>${escapeHtml(n)}</th><td>${bar(c, 160, n)}</td><td>${countsText(c)}<br><span class="cov">functions ${f.pass}/${f.total} (${percentText(f)}) · parameters ${p.pass}/${p.total} (${percentText(p)})</span></td></tr>`;
  });
  return `<table id="summary">${rows.join('')}</table>`;
}

/** The runtimes that ran: not-run runtimes have every corner as an error, which says nothing per corner. */
function ranNames(report: RunReport): string[] {
  return runtimeNamesOf(report).filter((n) => report.runtimes[n]?.available !== false);
}

/** The non-passing (runtime, corner) pairs, by runtime, worst status first, catalog order within. */
export function notPassing(report: RunReport): { runtime: string; status: Status; corner: CornerReport }[] {
  return ranNames(report).flatMap((runtime) =>
    NOT_PASSING.flatMap((status) => cornersWith(report.corners, runtime, status).map((corner) => ({ runtime, status, corner }))),
  );
}

function notPassingSection(report: RunReport): string {
  const rows = notPassing(report);
  const perRuntime = ranNames(report)
    .map((n) => {
      const k = rows.filter((r) => r.runtime === n).length;
      return `<a href="#np-${escapeHtml(n)}">${escapeHtml(n)}: ${k}</a>`;
    })
    .join(' · ');
  if (rows.length === 0) return `<section id="not-passing"><h2>What does not pass</h2><p>Every corner passes on every runtime that ran.</p></section>`;
  let last = '';
  const body = rows.map(({ runtime, status, corner }) => {
    const anchor = runtime === last ? '' : ` id="np-${escapeHtml(runtime)}"`;
    last = runtime;
    const detail = corner.results[runtime]?.detail ?? '';
    return `<tr${anchor} data-runtime="${escapeHtml(runtime)}" data-status="${status}" data-kind="${isParameterCorner(corner) ? 'parameter' : 'function'}"><td>${escapeHtml(runtime)}</td><td class="st ${status}">${status}</td><td><code>${escapeHtml(corner.id)}</code></td><td class="msg">${escapeHtml(detail)}</td></tr>`;
  });
  return `<section id="not-passing"><h2>What does not pass <small>(${rows.length}: ${perRuntime})</small></h2>
<table class="list"><colgroup><col style="width:72px"><col style="width:112px"><col style="width:30%"><col></colgroup><thead><tr><th>runtime</th><th>status</th><th>corner</th><th>message</th></tr></thead><tbody>${body.join('\n')}</tbody></table></section>`;
}

function areasSection(report: RunReport): string {
  const names = ranNames(report);
  const areas = [
    ...[...byArea(cornersOf(report.corners, 'functions'))],
    ...[...byArea(cornersOf(report.corners, 'parameters'))].map(([a, c]): [string, CornerReport[]] => [`${a} · parameters`, c]),
  ];
  const head = `<tr><th>area</th><th>corners</th>${names.map((n) => `<th>${escapeHtml(n)}</th>`).join('')}</tr>`;
  const rows = areas.map(([area, corners]) => {
    const cells = names.map((n) => {
      const c = countsFor(corners, n);
      return `<td class="${c.pass === c.total ? 'all' : 'some'}">${bar(c, 90, `${area} · ${n}`)} ${c.pass}/${c.total}</td>`;
    });
    return `<tr><td>${escapeHtml(area)}</td><td>${corners.length}</td>${cells.join('')}</tr>`;
  });
  const legend = BAR_ORDER.map((s) => `<span class="key"><span class="seg ${s}"></span>${s}</span>`).join(' ');
  return `<section id="areas"><h2>By area <small>${legend}</small></h2><table class="areas"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table></section>`;
}

function table(report: RunReport): string {
  const names = runtimeNamesOf(report);
  const head = `<tr><th>corner</th><th>area</th><th>kind</th><th>source</th>${names.map((n) => `<th>${escapeHtml(n)}</th>`).join('')}</tr>`;
  const rows = report.corners.map((c) => {
    const cells = names.map((n) => {
      const r = c.results[n];
      const status = r?.status ?? 'error';
      const detail = r?.detail ? `<div class="detail">${escapeHtml(r.detail)}</div>` : '';
      return `<td class="st ${status}" data-runtime="${escapeHtml(n)}">${status}${detail}</td>`;
    });
    return `<tr data-kind="${isParameterCorner(c) ? 'parameter' : 'function'}"><td><code>${escapeHtml(c.id)}</code><div class="desc">${escapeHtml(c.description)}</div></td><td>${escapeHtml(c.area)}</td><td>${isParameterCorner(c) ? 'parameter' : 'function'}</td><td>${escapeHtml(c.source)}</td>${cells.join('')}</tr>`;
  });
  return `<section id="all"><h2>All corners</h2><table id="corners"><thead>${head}</thead><tbody>${rows.join('\n')}</tbody></table></section>`;
}

/** Filters both lists (not passing, all corners) by words, runtime, status and kind. */
const SCRIPT = `
(function () {
  var q = document.getElementById('q'), rt = document.getElementById('runtime'), st = document.getElementById('status'), kd = document.getElementById('kind');
  var np = Array.prototype.slice.call(document.querySelectorAll('#not-passing tbody tr'));
  var all = Array.prototype.slice.call(document.querySelectorAll('#corners tbody tr'));
  var count = document.getElementById('count');
  function words(r) { var t = r.textContent.toLowerCase(); return q.value.toLowerCase().split(/\\s+/).filter(Boolean).every(function (w) { return t.indexOf(w) >= 0; }); }
  function apply() {
    var a = 0, b = 0;
    np.forEach(function (r) {
      var ok = words(r) && (!rt.value || r.dataset.runtime === rt.value) && (!st.value || r.dataset.status === st.value) && (!kd.value || r.dataset.kind === kd.value);
      r.style.display = ok ? '' : 'none'; if (ok) a++;
    });
    all.forEach(function (r) {
      var sel = 'td.st' + (st.value ? '.' + st.value : '') + (rt.value ? '[data-runtime="' + rt.value + '"]' : '');
      var ok = words(r) && (!kd.value || r.dataset.kind === kd.value) && ((!st.value && !rt.value) || r.querySelector(sel) !== null);
      r.style.display = ok ? '' : 'none'; if (ok) b++;
    });
    count.textContent = a + ' of ' + np.length + ' not passing · ' + b + ' of ' + all.length + ' corners';
  }
  [q, rt, st, kd].forEach(function (e) { e.addEventListener(e === q ? 'input' : 'change', apply); });
  apply();
})();
`;

function controls(report: RunReport): string {
  const runtimes = runtimeNamesOf(report).map((n) => `<option>${escapeHtml(n)}</option>`).join('');
  return `<div id="controls"><input id="q" type="search" placeholder="search corners, areas, messages…" size="34">
<select id="runtime" aria-label="runtime"><option value="">every runtime</option>${runtimes}</select>
<select id="status" aria-label="status"><option value="">any status</option><option>fail</option><option>error</option><option>unsupported</option><option>pass</option><option>skip</option></select>
<select id="kind" aria-label="kind"><option value="">functions and parameters</option><option>function</option><option>parameter</option></select>
<span id="count"></span> <span class="jump"><a href="#not-passing">not passing</a> · <a href="#areas">by area</a> · <a href="#all">all corners</a></span></div>`;
}

export function renderHtml(report: RunReport): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>ndbridge conformance</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:16px 20px;color:#1f2328}
h1{font-size:20px;margin:0 0 6px} h2{font-size:16px;margin:18px 0 6px} h2 small{font-weight:400;color:#57606a;font-size:13px}
.meta{color:#57606a;font-size:12px;margin:0 0 8px;padding-left:18px} .meta li{display:inline;margin-right:14px}
table{border-collapse:collapse} th,td{padding:3px 6px;text-align:left;vertical-align:top}
#summary th{padding-right:10px} #summary td{padding-bottom:6px} #summary .cov{color:#57606a;font-size:12px}
section{scroll-margin-top:72px} table.list{table-layout:fixed} table.list code{overflow-wrap:anywhere}
.bar{display:inline-flex;height:10px;background:#eaeef2;vertical-align:middle;border-radius:2px;overflow:hidden}
.seg{display:inline-block;height:100%} .key .seg{width:10px;height:10px;margin:0 3px 0 8px;vertical-align:-1px}
.seg.pass{background:${COLOURS.pass}} .seg.fail{background:${COLOURS.fail}} .seg.error{background:${COLOURS.error}} .seg.unsupported{background:${COLOURS.unsupported}}
span.fail,td.fail{color:${COLOURS.fail}} span.error,td.error{color:#b7791f} span.unsupported,td.unsupported{color:#6e7781} td.pass{color:${COLOURS.pass}} td.skip{color:#8c959f}
#controls{position:sticky;top:0;z-index:1;background:#fff;padding:6px 0;border-bottom:1px solid #d0d7de} input,select{font:inherit;padding:3px}
#count{color:#57606a;font-size:12px;margin-left:6px} .jump{font-size:12px;margin-left:10px}
table.list,#corners{width:100%} table.list td,table.list th,#corners td,#corners th{border-bottom:1px solid #d0d7de}
table.list thead th,#corners thead th{position:sticky;top:38px;background:#f6f8fa}
table.list td.msg{font-size:12px;color:#3d444d;overflow-wrap:anywhere;white-space:pre-wrap} td.st{font-weight:600;white-space:nowrap}
table.areas td{border-bottom:1px solid #eaeef2;white-space:nowrap;font-size:12px;padding:1px 8px} table.areas td.all{color:#57606a} table.areas td.some{font-weight:600}
.desc{color:#57606a;font-size:12px} td.st .detail{font-weight:400;white-space:pre-wrap;font-size:11px;color:#57606a;max-width:420px;overflow-wrap:anywhere}
</style></head><body>
<h1>ndbridge conformance</h1>
${summary(report)}
<ul class="meta">${notes(report).map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>
${controls(report)}
${notPassingSection(report)}
${areasSection(report)}
${table(report)}
<script>${SCRIPT}</script>
</body></html>
`;
}
