/** Tables for write-ups: result tables by family x instance x basis, census tables, provenance. */
export { provenanceOf, formatProvenance, describeVersion, type Provenance, type ProvenanceFormat } from './provenance.js';
export { buildResultTable, sortRecords, type ResultTable, type ResultTableQuery, type TableRow, type TableCell } from './result-table.js';
export { formatTable, latexLayoutOf, texEscape, TABLE_FORMATS, TABLE_LEGEND, TABLE_LEGEND_TEX, LONGTABLE_MIN_ROWS, DEFAULT_FORMAT_TABLE_PARAMS, type TableFormat, type LatexLayout, type FormatTableParams } from './format-table.js';
export { buildCensusTable, formatCensusTable, type CensusTable, type CensusColumnInput, type CensusCount } from './census-table.js';
export { censusStorePath, loadCensusColumn } from './census-source.js';
