/**
 * The table of exact-synthesis encoders. Add an encoder here and the
 * compiler asks for it (the table is a Record over {@link EncoderName}).
 */
import { fenceEncoder } from './encoders/fence.js';
import { SSV_ENCODER } from './encoders/ssv.js';
import type { Encoder, EncoderName } from './types.js';

/** Every encoder by name. */
export const ENCODERS: Readonly<Record<EncoderName, Encoder>> = {
  ssv: SSV_ENCODER,
  fence: fenceEncoder,
};

/** Every encoder name, in table order. */
export const ENCODER_NAMES = Object.keys(ENCODERS) as EncoderName[];
