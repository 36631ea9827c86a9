/**
 * Public API facet: the error classes, for the CLI's start-up path. Everything
 * here is also exported by src/index.ts; a facet only lets a command load the
 * modules it needs instead of the whole library (each ES module costs Node 20
 * about 0.6 ms of start-up). The version has its own facet (version.ts): it
 * loads child_process, which only `--version` needs.
 */
export { WaterlooError, ParseError, ValidationError, UnsupportedError, UsageError, BackendError, InternalError, errorKind, type ErrorKind, type ParseErrorCode, type ValidationErrorCode, type UnsupportedErrorCode, type UsageErrorCode, type BackendErrorCode, type InternalErrorCode } from '../errors.js';
