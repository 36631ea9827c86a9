/** Named problem families, the problem-name parser and the generated catalog. */
export { PROBLEM_FAMILIES, MAX_PROBLEM_INPUTS, MAX_TT_INPUTS, bitWidth, ttHexDigits } from './families.js';
export type { FamilyInfo, FamilyName, FamilyParam, ProblemInstance } from './families.js';
export { parseProblem, canonicalProblemName, familyByName, parseProblemItem, parseProblemList, problemItemMatches, type ProblemItem } from './parse-problem.js';
export {
  CATALOG_MAX_INPUTS,
  catalogInstanceNames,
  problemPath,
  problemToJson,
  renderProblemCatalog,
  writeProblemCatalog,
} from './catalog.js';
export type { ProblemJson } from './catalog.js';
