/**
 * waterloo's public API. Named re-exports only; the CLI (src/cli) imports
 * nothing else.
 */
export { WaterlooError, ParseError, ValidationError, UnsupportedError, UsageError, BackendError, InternalError, errorKind, BACKEND_ERROR_CODES, isBackendErrorCode, type ErrorKind, type ParseErrorCode, type ValidationErrorCode, type UnsupportedErrorCode, type UsageErrorCode, type BackendErrorCode, type InternalErrorCode } from './errors.js';
export { waterlooVersion, packageRoot, gitTreeState, type TreeState } from './version.js';

export { type Lit, LIT_FALSE, LIT_TRUE, makeLit, litNode, litIsNegated, litNot, litNotIf, litRegular } from './core/literal.js';
export { GateKind, GATE_KIND_NAMES, OPS, type GateOp, evalOpWord, opNegateFirst, opNegateSecond, opSwap, opIsNormalBinary, opIsXorType } from './core/gate.js';
export { BASES, basisByName, basisInfo, parseOpsBasis, isOpsBasis, type BasisName, type BasisInfo, type NamedBasisName, type OpsBasisName } from './core/basis.js';
export {
  type Circuit,
  numNodes,
  gateNode,
  nodeGate,
  gateFanins,
  numOutputs,
  validateCircuit,
  positiveGateName,
  inputLit,
  defaultInputName,
  defaultOutputName,
} from './core/circuit.js';
export { nodeNames, literalName, nodeValueName, namedLiteral, nodesByName, generatedGateId, type NodeNames } from './core/node-names.js';
export { CircuitBuilder, type CircuitBuilderOptions } from './core/builder.js';
export {
  evaluateGates,
  simulateNodes,
  simulateOutputs,
  simulateTruthTables,
  simulateRandom,
  randomPatterns,
  evaluate,
  litWords,
  MAX_EXHAUSTIVE_INPUTS,
  type NodeValues,
} from './core/simulate.js';
export { levels, depth, fanoutCounts, reachableFromOutputs, gateKindCounts } from './core/analysis.js';
export { rebuild, cleanup, strash, type RebuildResult } from './core/cleanup.js';
export { toAig, isAig } from './core/to-aig.js';
export { circuitCost, type CircuitCost } from './core/cost.js';

export {
  TruthTable,
  MAX_TT_VARS,
  wordCount,
  fromWords,
  createConstant,
  createNthVar,
  createFromFunction,
  createFromMinterms,
  fromHex,
  toHex,
  hexDigits,
  fromBinary,
  toBinary,
  fromCirboString,
  toCirboString,
  ttNot,
  ttAnd,
  ttOr,
  ttXor,
  ttMaj,
  ttEqual,
  ttEqualOnCare,
  ttIsConst,
  ttCountOnes,
  ttCofactor,
  ttHasVar,
  ttSupport,
  ttShrink,
  ttExtend,
  ttFlipVar,
  ttSwapVars,
  ttPermuteVars,
} from './tt/truth-table.js';

export { formatListing, nodeLabel, litLabel, gateOpLabel } from './io/listing.js';
export { FORMATS, formatOf, readCircuitFile, writeCircuitFile, serializeCircuit, InputFileError, type FormatName, type FormatInfo } from './io/formats.js';
export { parseAiger, writeAiger } from './io/aiger.js';
export { parseBench, writeBench } from './io/bench.js';
export { parseBlif, writeBlif } from './io/blif.js';
export { writeDot, type WriteDotOptions, type DotBlock } from './io/dot.js';
export { writeVerilog } from './io/verilog.js';
export { renderSvg } from './io/svg.js';
export { writeFileAtomic, OutputFileError, type OutputFileErrorCode } from './util/atomic-write.js';
export { withDefaults } from './util/with-defaults.js';
export { readInputFile, maxInputBytes, DEFAULT_MAX_INPUT_BYTES, MAX_INPUT_BYTES_ENV, type InputFileErrorCode, type ReadInputOptions } from './util/read-input.js';
export { Rng } from './util/rng.js';
export { popcount } from './util/popcount.js';
export { hardStopGraceMs } from './util/hard-stop.js';

export { checkEquivalence, DEFAULT_CHECK_EQUIVALENCE_PARAMS, MAX_EXHAUSTIVE_EQ_INPUTS, InternalCheckError, type CheckEquivalenceParams } from './verify/equivalence.js';
export { matchIo, type IoMatching, type MatchMode } from './verify/match-io.js';
export type { EquivalenceVerdict, EquivalenceMethod, EquivalenceStats } from './verify/verdict.js';
export { checkAgainstSpec, type SpecVerdict } from './verify/spec-check.js';
export {
  checkWindowEquivalence,
  extractWindow,
  resolveNodes,
  DEFAULT_CHECK_WINDOW_PARAMS,
  MAX_WINDOW_SIM_LEAVES,
  type CheckWindowParams,
  type NodeRef,
  type WindowMapping,
  type WindowSelection,
  type WindowStats,
  type WindowVerdict,
} from './verify/window.js';
export { correspond, DEFAULT_CORRESPOND_PARAMS, type CorrespondParams, type CorrespondenceReport, type NodeCorrespondence } from './verify/correspond.js';
export { SatSweeper, DEFAULT_FRAIG_PARAMS, type FraigParams, type FraigStats, type ProveResult } from './verify/fraig/sweeper.js';
export { combineAig, type CombinedAig } from './verify/miter-aig.js';
export { encodeCircuit, encodeMiter, encodeAnd, encodeXor2, CnfBuilder, type ClauseSink, type TseitinEncoding, type MiterEncoding } from './sat/tseitin.js';
export { createSolver, BACKENDS, BACKEND_NAMES, resolveBackendName, isBackendAvailable, type BackendName } from './sat/registry.js';
export type { Cnf, SatSolver, SolveResult, SolveOptions, SolverStats, UnknownReason } from './sat/types.js';
export { parseDimacs, writeDimacs } from './sat/dimacs.js';
export { checkDrat, type DratCheckResult, type CheckDratOptions } from './sat/drat-check.js';
export { appendAig } from './core/to-aig.js';

export {
  type NpnTransform,
  type NpnResult,
  type EquivalenceGroup,
  MAX_EXACT_NPN_VARS,
  identityNpn,
  applyNpn,
  invertNpn,
  composeNpn,
  npnCanonize,
  exactCanonize,
  npnCanonizeHeuristic,
  equivalenceClasses,
  npnClasses,
} from './tt/npn.js';
export {
  type FunctionSpec,
  type FunctionSpecJson,
  checkSpec,
  makeSpec,
  specFromHex,
  careOf,
  hasDontCares,
  specSatisfiedBy,
  specToJson,
  specFromJson,
  MAX_SPEC_INPUTS,
} from './tt/spec.js';
export { parseHexTruth, writeHexTruth, parseIwlsTruth, writeIwlsTruth, type ParseTruthOptions } from './io/truth.js';
export {
  PROBLEM_FAMILIES,
  MAX_PROBLEM_INPUTS,
  parseProblem,
  familyByName,
  parseProblemItem,
  parseProblemList,
  problemItemMatches,
  type ProblemItem,
  writeProblemCatalog,
  renderProblemCatalog,
  type FamilyInfo,
  type FamilyName,
  type ProblemInstance,
} from './problems/index.js';
export { toGraph } from './graph/to-graph.js';
export {
  synthesize,
  cnfSha256,
  DEFAULT_SYNTHESIZE_PARAMS,
  ENCODERS,
  ENCODER_NAMES,
  verifyCircuit,
  reduceSpec,
  type SynthesizeParams,
  type SynthesizeStats,
  type SynthesisResult,
  type SynthesisProgress,
  type SizeAttempt,
  type EncoderName,
  type UnsatCertificate,
  npnClassSizes,
  readCensusStore,
  MAX_CENSUS_INPUTS,
  type CensusEntry,
  defaultEncoderFor,
  mcAffineCensus,
  formatMcCensusMarkdown,
  type McCensusEntry,
  prepareProofFile,
} from './synth/index.js';
export { affineClasses, type AffineClass } from './tt/affine.js';
export { anfWord, algebraicDegree } from './tt/anf.js';

/** Largest input count for which `waterloo sim` prints full truth tables. */
export const MAX_CLI_SIM_INPUTS = 20;
export {
  enumerateCuts,
  enumerateWindows,
  DEFAULT_ENUMERATE_CUTS_PARAMS,
  DEFAULT_ENUMERATE_WINDOWS_PARAMS,
  MAX_CUT_SIZE,
  type Cut,
  type CutWindow,
  type EnumerateCutsParams,
  type EnumerateCutsStats,
  type EnumerateCutsResult,
  type EnumerateWindowsParams,
  type EnumerateWindowsResult,
  cutFunction,
  coneFunctions,
  coneNodes,
  MAX_CUT_FUNCTION_LEAVES,
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
  type LibraryEntry,
  type MatchMapping,
  type PreparedLibrary,
  findFunctions,
  DEFAULT_FIND_FUNCTIONS_PARAMS,
  type FindFunctionsParams,
  type FindFunctionsStats,
  type FindFunctionsResult,
  type DirectTest,
  type FunctionMatch,
} from './cuts/index.js';
export { toBasis } from './core/to-basis.js';
export { IMPROVE_FIRST_BASES, quickUpperBound, shannonCircuit, type QuickUpperBoundParams } from './improve/upper-bound.js';
export { fanoutInfo, mffcNodes, nodesSize, coneCircuit, coneTables, reachableLeafPatterns, type FanoutInfo, type ConeCircuitNames } from './core/cone.js';
export { gateSize } from './core/cost.js';
export {
  improve,
  DEFAULT_IMPROVE_PARAMS,
  MAX_IMPROVE_WINDOW_INPUTS,
  type ImproveParams,
  type ImproveResult,
  type ImproveStats,
} from './improve/index.js';
// results store and sweeps (better-sqlite3 is loaded lazily by openStore)
export { openStore, resolveStorePath, STORE_ENV_VAR, STORE_SCHEMA_VERSION, type OpenStoreOptions } from './store/sqlite-store.js';
export { isBetterRecord } from './store/better-record.js';
export { classAnswer, costIsNpnInvariant, derivedClassRecord, equivalentCircuit, type ClassAnswer, type ClassTarget } from './store/class-record.js';
export type { InstanceKey, InstanceStatus, ResultsStore, StoreQuery, StoreRecord, StoredAttempt } from './store/types.js';
export { solveInstance, specKeyOf, type SweepInstance, type SolveInstanceOptions } from './sweep/solve-instance.js';
export { synthesizeByCubes, solveSizeByCubes, solveCubeShard, localCubeRunner, poolCubeRunner, DEFAULT_CUBE_SEARCH_PARAMS, type CubeRunner, type CubeSearchParams, type CubeSizeOutcome, type CubeShardOutcome } from './sweep/cube-search.js';
export { combineCubeCheckpoints, cubeCheckpointFiles, type CubeCombineOutcome, type CubeCombineParams } from './sweep/cube-combine.js';
export { readCubeCheckpoint, cubeQueryKey, type CubeCheckpointFile, type CubeQuery, type CubeQueryAbout } from './cubes/cube-checkpoint.js';
export { splitIntoCubes, cubeCount, type Cube } from './cubes/cube-split.js';
export { solveCube, type CubeTask, type CubeOutcome } from './cubes/cube-task.js';
export {
  censusWindows,
  DEFAULT_CENSUS_WINDOWS_PARAMS,
  MAX_CENSUS_WINDOW_LEAVES,
  CENSUS_DONT_CARE_MAX_INPUTS,
  type CensusWindowsParams,
  type CensusWindowsResult,
  type CensusWindowsStats,
  type WindowMinimality,
} from './cuts/census-windows.js';
export {
  buildPageData,
  renderExplorerHtml,
  layeredLayout,
  DEFAULT_LAYERED_LAYOUT_PARAMS,
  parseProvenanceMap,
  PROVENANCE_FORMAT,
  blocksFromFindJson,
  BLOCK_COLORS,
  type PageData,
  type PageDataInput,
  type PageBlock,
  type PageWindow,
  type PageBox,
  type PageGroups,
  type LayeredLayout,
  type LayeredLayoutParams,
  type GateProvenance,
  type ProvenanceMap,
} from './explore/index.js';
// tables and plots for write-ups (vega/vega-lite are loaded lazily by renderVegaLiteSvg)
export {
  provenanceOf,
  formatProvenance,
  describeVersion,
  buildResultTable,
  sortRecords,
  formatTable,
  latexLayoutOf,
  texEscape,
  TABLE_FORMATS,
  TABLE_LEGEND,
  TABLE_LEGEND_TEX,
  LONGTABLE_MIN_ROWS,
  DEFAULT_FORMAT_TABLE_PARAMS,
  type LatexLayout,
  type FormatTableParams,
  type ProvenanceFormat,
  buildCensusTable,
  formatCensusTable,
  censusStorePath,
  loadCensusColumn,
  type Provenance,
  type ResultTable,
  type ResultTableQuery,
  type TableRow,
  type TableCell,
  type TableFormat,
  type CensusTable,
  type CensusColumnInput,
  type CensusCount,
} from './report/index.js';
export { renderVegaLiteSvg, censusHistogramSpec, findProveMedians, findProveTimesSpec, findProveTimePoints, sizeAxisTop, trainedVsMinimumSpec, type TimeMedian, type TimePoint, type TrainedSizeRow } from './plot/index.js';
// binarized MLPs: training, extraction into verified circuits, JSON and ONNX I/O
export {
  type BnnNetwork,
  type BnnLayer,
  type BnnActivation,
  type BnnInputEncoding,
  MAX_BNN_EXHAUSTIVE_INPUTS,
  MAX_BNN_WEIGHTS,
  validateBnn,
  evaluateBnn,
  bnnTruthTables,
  bnnOutputs,
  bnnNeurons,
  trainBnn,
  type TrainBnnOptions,
  type TrainBnnResult,
  extractBnn,
  extractBnnCircuit,
  MAX_EXTRACT_GATES,
  type ExtractBnnOptions,
  type ExtractBnnOutcome,
  type ExtractBnnNotBuilt,
  type ExtractBnnResult,
  type ExtractBnnStats,
  type ExtractBasis,
  parseBnnJson,
  writeBnnJson,
  BNN_JSON_FORMAT,
  parseOnnx,
  writeOnnx,
  ONNX_INPUT_ENCODING_KEY,
  type ParseOnnxOptions,
  readBnnModel,
  bnnModelFormatOf,
  type BnnModelFormat,
} from './learn/index.js';
// quantized (QONNX) models folded exactly into integer networks, and the differential check against the graph
export {
  importQonnx,
  qonnxToIntNetwork,
  readQuantizedModel,
  readModel,
  differentialCheck,
  interpretGraph,
  type QonnxImport,
  type QonnxImportOptions,
  type DifferentialOptions,
  type DifferentialResult,
  type ReadModel,
} from './learn/index.js';
// integer networks compiled neuron by neuron, with provenance (the facet the learned-model commands load)
export {
  parseProvenanceJson,
  provenanceJson,
  selectByProvenance,
  readIntModel,
  readQuantizedModelHook,
  extractIntNetwork,
  type IntOutputMode,
  type IntNetwork,
  neuronsReport,
  MAX_TABLE_SUPPORT,
} from './learn/index.js';
// queue mode: BullMQ on Redis (bullmq and ioredis are loaded lazily by the functions that need them)
export {
  pushInstances,
  queueStatus,
  collectResults,
  dropQueue,
  runQueueWorker,
  instanceJobId,
  resolveRedisUrl,
  redactRedisUrl,
  REDIS_ENV_VAR,
  DEFAULT_REDIS_URL,
  JOB_ATTEMPTS,
  JOB_LOCK_MS,
  type QueueTarget,
  type PushResult,
  type QueueStatus,
  type CollectResult,
  type FailedJob,
  type QueueWorkerOptions,
  type WorkerJobEvent,
  type WorkerSummary,
  queueCubeRunner,
  cubeJobId,
  CUBE_JOB_NAME,
} from './queue/index.js';
export { expandSweep, parseRange, parseShard, shardOf, type ExpandParams, type Shard } from './sweep/expand.js';
export { census, censusFromStore, censusInstances, censusInstanceName, censusEntryOf, type CensusParams, type CensusResult } from './sweep/census.js';
export { censusSample, censusSampleInstances, drawCensusSample, type CensusSampleParams, type CensusSampleResult, type SampleClass } from './sweep/census-sample.js';
export { importCensusJsonl, formatCensusJsonl, recordOfCensusEntry, type CensusImport } from './sweep/census-jsonl.js';
export { recordOf, evidenceOf, type RecordContext, type RecordableResult } from './sweep/record-of.js';
export { runSweep, sweepWorkerPath, hardLimitMs, type RunSweepParams, type SweepProgress, type SweepResult, type SweepFailure } from './sweep/sweep.js';
export { createProgressPrinter, progressLine, formatDuration, type ProgressPrinter } from './sweep/progress.js';
export { mergeStores, type MergeReport, type MergeInputReport, type RefusedRecord } from './store/merge.js';
export { verifyRecord, recordLabel, type RecordCheck } from './store/verify-record.js';
export type { SqliteResultsStore } from './store/sqlite-store.js';
export {
  regenerateResults,
  publishedInstances,
  readRecordExport,
  formatRecordExport,
  loadRecords,
  RESULTS_LAYOUT,
  PUBLISHED_FAMILIES,
  PUBLISHED_BASES,
  PUBLISHED_ENCODER,
  PUBLISHED_TIMEOUT_SECONDS,
  PUBLISHED_CENSUSES,
  replaceGeneratedSection,
  renderResultsSection,
  type RegenerateParams,
  type RegenerateResult,
  type PublishedFamily,
  type PublishedCensus,
} from './results/index.js';
// the upper-bound attempt (issue 19) and the constructions it starts from
export * from './results/upper-bounds/index.js';
export { sumConstruction, thresholdConstruction, sorterConstruction, sorterByCountConstruction, problemConstructions, type NamedConstruction } from './problems/constructions.js';
export {
  datasetOfSpec,
  datasetOfTask,
  MAX_TRAIN_INPUTS,
  type TruthDataset,
  evaluateGateNetwork,
  gateNetworkFromJson,
  gateNetworkToJson,
  networkGates,
  type GateNetwork,
  type GateNetworkJson,
  trainDiffLogic,
  networkAccuracy,
  RelaxedGateNetwork,
  defaultWidth,
  DEFAULT_DIFFLOGIC_OPTIONS,
  type DiffLogicOptions,
  type DiffLogicResult,
  extractCircuit,
  cleanCircuit,
  type ExtractOptions,
  trainModel,
  TRAIN_MODELS,
  type TrainModelName,
  type TrainModelOptions,
  type TrainModelResult,
  type TrainedNetwork,
} from './learn/index.js';
export {
  DEFAULT_EXPERIMENT_CONFIG,
  DEFAULT_EXPERIMENT_TASKS,
  resolveConfig,
  type ExperimentConfig,
  IsomorphismTable,
  renderReportJson,
  renderReportMarkdown,
  renderReportLatex,
  renderTableCsv,
  tableCsvName,
  writeExperimentReport,
  type ExperimentReport,
  type ExperimentTable,
  runTrainedVsMin,
  runSeedDiversity,
  runLocalCensus,
  EXPERIMENTS,
  EXPERIMENT_NAMES,
  type ExperimentName,
} from './experiments/index.js';
