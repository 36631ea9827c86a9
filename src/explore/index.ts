/** The circuit explorer: one self-contained HTML page per circuit (see page-data.ts, page-html.ts). */
export { layeredLayout, DEFAULT_LAYERED_LAYOUT_PARAMS, type LayeredLayout, type LayeredLayoutParams } from './layout.js';
export { parseProvenanceMap, PROVENANCE_FORMAT, type GateProvenance, type ProvenanceMap } from './provenance-map.js';
export { buildPageData, type PageData, type PageDataInput, type PageBlock, type PageWindow, type PageBox, type PageGroups } from './page-data.js';
export { renderExplorerHtml } from './page-html.js';
export { blocksFromFindJson, BLOCK_COLORS } from './highlight.js';
