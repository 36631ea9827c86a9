/**
 * `--backend`, declared once: its values are `auto` and every backend of the
 * registry (src/sat/registry.ts), so a new backend is accepted by every
 * command, and an unknown name is a usage error before anything runs.
 */
import { BACKEND_NAMES, type BackendName } from '../api/backends.js';

/** The values of `--backend`: `auto` (the best installed backend) and every registered backend. */
export const BACKEND_CHOICES: readonly (BackendName | 'auto')[] = Object.freeze(['auto', ...BACKEND_NAMES]);

/** The `--backend` option; `help` says what the backend is used for. */
export function backendOption(help = 'SAT backend') {
  return { type: 'string', help, default: 'auto', choices: BACKEND_CHOICES, metavar: 'NAME' } as const;
}
