/** Cut enumeration and functional matching: which nodes compute which known functions. */
export {
  enumerateCuts,
  enumerateWindows,
  DEFAULT_ENUMERATE_CUTS_PARAMS,
  DEFAULT_ENUMERATE_WINDOWS_PARAMS,
  MAX_CUT_SIZE,
  type Cut,
  type EnumerateCutsParams,
  type EnumerateCutsStats,
  type EnumerateCutsResult,
  type EnumerateWindowsParams,
  type EnumerateWindowsResult,
  type CutWindow,
} from './enumerate-cuts.js';
export { cutFunction, coneFunctions, coneNodes, MAX_CUT_FUNCTION_LEAVES } from './cut-function.js';
export {
  DEFAULT_LIBRARY,
  MAX_LIBRARY_INPUTS,
  loadLibraryEntry,
  checkLibraryEntry,
  prepareLibrary,
  matchSingle,
  findMultiMapping,
  mappingHolds,
  compareMappings,
  npnClassKey,
  isFullSupport,
  type LibraryEntry,
  type MatchMapping,
  type PreparedLibrary,
} from './match-library.js';
export {
  findFunctions,
  nodeName,
  DEFAULT_FIND_FUNCTIONS_PARAMS,
  type FindFunctionsParams,
  type FindFunctionsStats,
  type FindFunctionsResult,
  type DirectTest,
  type FunctionMatch,
} from './find-functions.js';
