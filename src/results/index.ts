/** The regeneration of the published results (tables, plots, README) in results/. */
export { regenerateResults, publishedInstances, RESULTS_LAYOUT, type RegenerateParams, type RegenerateResult } from './regenerate.js';
export { PUBLISHED_FAMILIES, PUBLISHED_BASES, PUBLISHED_ENCODER, PUBLISHED_TIMEOUT_SECONDS, PUBLISHED_CENSUSES, type PublishedFamily, type PublishedCensus } from './published-set.js';
export { replaceGeneratedSection, renderResultsSection, GENERATED_BEGIN, GENERATED_END } from './readme.js';
export { readRecordExport, formatRecordExport, loadRecords } from '../report/record-export.js';
export * from './upper-bounds/index.js';
