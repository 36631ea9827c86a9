/**
 * The table of exact-synthesis encoders. Add an encoder here and the
 * compiler asks for it (the table is a Record over {@link EncoderName}).
 */
import type { BasisName } from '../core/basis.js';
import { fenceEncoder } from './encoders/fence.js';
import { KGATE_ENCODER } from './encoders/kgate.js';
import { MC_ENCODER } from './encoders/mc.js';
import { SSV_ENCODER } from './encoders/ssv.js';
import type { Encoder, EncoderName } from './types.js';

/** Every encoder by name. */
export const ENCODERS: Readonly<Record<EncoderName, Encoder>> = {
  ssv: SSV_ENCODER,
  fence: fenceEncoder,
  mc: MC_ENCODER,
  kgate: KGATE_ENCODER,
};

/** Every encoder name, in table order. */
export const ENCODER_NAMES = Object.keys(ENCODERS) as EncoderName[];

/** The encoder used for a basis when none is named: mc for MC, kgate for MIG and LUT3, else ssv. */
export function defaultEncoderFor(basis: BasisName): EncoderName {
  return basis === 'MC' ? 'mc' : basis === 'MIG' || basis === 'LUT3' ? 'kgate' : 'ssv';
}
