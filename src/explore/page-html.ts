/**
 * The explorer as one self-contained HTML file: styles, script and data
 * inlined, no fonts or scripts fetched at view time (system fonts only).
 */
import type { PageData } from './page-data.js';
import { PAGE_SCRIPT } from './page-script.js';

const STYLE = `
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; font: 13px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #0f172a; }
#app { display: flex; height: 100%; }
#side { width: 360px; min-width: 260px; overflow: auto; border-right: 1px solid #cbd5e1; padding: 8px 10px; background: #fff; }
#main { flex: 1; position: relative; }
#canvas { width: 100%; height: 100%; display: block; cursor: grab; }
h1 { font-size: 15px; margin: 2px 0 6px; }
h2 { font-size: 13px; margin: 12px 0 4px; border-bottom: 1px solid #e2e8f0; }
h3 { font-size: 13px; margin: 4px 0; }
h4 { font-size: 12px; margin: 8px 0 2px; }
#search { width: 100%; padding: 4px 6px; border: 1px solid #94a3b8; border-radius: 4px; }
.item { padding: 2px 4px; cursor: pointer; border-radius: 3px; font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; }
.item:hover { background: #e0f2fe; }
.item.active { background: #bfdbfe; }
.sw { display: inline-block; width: 10px; height: 10px; margin: 0 4px 0 2px; border: 1px solid #94a3b8; vertical-align: middle; }
table.tt { border-collapse: collapse; font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 11px; margin: 4px 0; }
table.tt td, table.tt th { border: 1px solid #cbd5e1; padding: 1px 6px; text-align: center; }
table.tt td.out { font-weight: bold; background: #f1f5f9; }
#info { margin-top: 8px; position: sticky; top: -8px; z-index: 1; background: #fff; max-height: 55vh; overflow: auto; border-bottom: 1px solid #e2e8f0; padding-bottom: 4px; }
pre { font-size: 11px; background: #f8fafc; padding: 4px; overflow: auto; }
.bar { display: flex; gap: 6px; align-items: center; margin: 6px 0; flex-wrap: wrap; }
button { font: inherit; padding: 2px 8px; }
.note { color: #64748b; font-size: 11px; }
`;

/** Escapes JSON for a `<script type="application/json">` element (no `</script>` or `<!--` inside). */
function scriptJson(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function htmlText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The page for `data` (see page-data.ts). */
export function renderExplorerHtml(data: PageData): string {
  const sub = `${data.numInputs} inputs, ${data.numGates} gates, ${data.outputs.length} outputs`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>${htmlText(data.title)} - waterloo explore</title>
<style>${STYLE}</style>
</head>
<body>
<div id="app">
<div id="side">
<h1>${htmlText(data.title)}</h1>
<div class="note">${htmlText(sub)}. Drag to pan, wheel to zoom, click a gate${data.groups ? ' or a box' : ''}.</div>
<div class="bar"><input id="search" placeholder="search a node by name" autocomplete="off"></div>
<div id="hits"></div>
<div class="bar"><button id="fit">fit</button><button id="expand">expand/collapse all</button><label><input type="checkbox" id="show-windows"> colour windows by saving</label></div>
<div id="info"><p class="note">Names and polarities as in the file: <code>!n7</code> is the complement of the file's n7; unnamed gates are g&lt;index&gt;.</p></div>
<div id="lists"></div>
</div>
<div id="main"><canvas id="canvas"></canvas></div>
</div>
<script type="application/json" id="explorer-data">${scriptJson(data)}</script>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}
