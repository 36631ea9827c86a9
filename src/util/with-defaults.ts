/**
 * Parameters over their defaults. `{ ...DEFAULTS, ...params }` lets a key
 * that is present but `undefined` (`{ maxSize: opts.maxSize }` with the option
 * unset) overwrite its default, which is why callers used to write
 * `...(x === undefined ? {} : { x })`; {@link withDefaults} skips such keys,
 * so callers pass their optional values as they are.
 */

/**
 * `defaults` with every key of `params` whose value is not `undefined`
 * (a fresh object; neither argument is changed).
 */
export function withDefaults<D extends object, P extends object = Partial<D>>(defaults: Readonly<D>, params: P | undefined): D & P {
  const out = { ...defaults } as Record<string, unknown>;
  if (params !== undefined) {
    for (const [key, value] of Object.entries(params)) if (value !== undefined) out[key] = value;
  }
  return out as D & P;
}
