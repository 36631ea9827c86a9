/** Tables for write-ups: result tables by family x instance x basis, census tables, provenance. */
export { provenanceOf, formatProvenance, type Provenance } from './provenance.js';
export { buildResultTable, sortRecords, type ResultTable, type ResultTableQuery, type TableRow, type TableCell } from './result-table.js';
export { formatTable, texEscape, TABLE_FORMATS, TABLE_LEGEND, type TableFormat } from './format-table.js';
export { buildCensusTable, formatCensusTable, type CensusTable, type CensusColumnInput, type CensusCount } from './census-table.js';
export { censusStorePath, loadCensusColumn } from './census-source.js';
