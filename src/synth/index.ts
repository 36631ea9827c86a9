/**
 * Exact synthesis: encoders, the one driver, verification. Named re-exports only.
 */
export {
  DEFAULT_SYMMETRY_BREAKING,
  NO_SYMMETRY_BREAKING,
  type EncoderName,
  type Encoder,
  type EncodedInstance,
  type IncrementalInstance,
  type SynthesisQuery,
  type SymmetryBreaking,
  type UnsatCertificate,
} from './types.js';
export { ENCODERS, ENCODER_NAMES, defaultEncoderFor } from './registry.js';
export { MC_ENCODER } from './encoders/mc.js';
export { KGATE_ENCODER, MAJ_OPS } from './encoders/kgate.js';
export { mcAffineCensus, formatMcCensusMarkdown, type McCensusEntry, type McCensusParams } from './mc-census.js';
export { SSV_ENCODER, ssvAllowedOps, addOpGate, careRows } from './encoders/ssv.js';
export { symmetricInputClasses, specSymmetricIn } from './encoders/ssv-symmetry.js';
export { reduceSpec, assembleCircuit, essentialInputs, type ReducedSpec, type OutputRole } from './reduce-spec.js';
export {
  synthesize,
  cnfSha256,
  DEFAULT_SYNTHESIZE_PARAMS,
  CEGAR_AUTO_MIN_INPUTS,
  type SynthesizeParams,
  type SynthesizeStats,
  type SynthesisResult,
  type SynthesisProgress,
  type SizeAttempt,
} from './synthesize.js';
export { verifyCircuit, counterexampleRows, type VerifyResult } from './verify.js';
export { npnClassSizes, readCensusStore, MAX_CENSUS_INPUTS, type CensusEntry } from './census.js';
export { prepareProofFile } from './proof-dir.js';
