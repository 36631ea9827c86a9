/**
 * Which of two records of the same instance a store keeps. One total order,
 * used by `put`, by merges of stores and by the queue mode, so the same set
 * of records gives the same store whatever the order they arrive in.
 */
import type { InstanceStatus, StoreRecord } from './types.js';

const STATUS_RANK: Readonly<Record<InstanceStatus, number>> = { unknown: 0, feasible: 1, optimal: 2 };

/**
 * Whether `candidate` should replace `current`: a better status (optimal >
 * feasible > unknown), else a smaller circuit, else a higher proven lower
 * bound. Equal records keep the one already stored (so `put` is idempotent).
 */
export function isBetterRecord(candidate: StoreRecord, current: StoreRecord): boolean {
  const rank = STATUS_RANK[candidate.status] - STATUS_RANK[current.status];
  if (rank !== 0) return rank > 0;
  if (candidate.size !== undefined && current.size !== undefined && candidate.size !== current.size) return candidate.size < current.size;
  return candidate.lowerBound > current.lowerBound;
}
