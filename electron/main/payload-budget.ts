/**
 * A cheap, bounded size check for what arrives over IPC, run before the payload
 * is validated or logged: one oversized or deeply nested payload must not keep
 * the main process busy or flood the log.
 */

/** Limits on one payload. */
export interface PayloadBudget {
  /**
   * Most "bytes" in all: each string counts its length, each typed array,
   * DataView or ArrayBuffer its byteLength, each object key its length, and
   * every other value 8.
   */
  maxBytes: number
  /** Deepest nesting; the payload itself is depth 0, its fields depth 1. */
  maxDepth: number
  /** Most values in all (the payload, every field, element, key and entry). */
  maxNodes: number
}

/**
 * The one budget of every IPC channel. The largest real payload, a settings
 * save, is about 1 KB, some 30 values and 2 levels deep.
 */
export const IPC_PAYLOAD_BUDGET: Readonly<PayloadBudget> = Object.freeze({
  maxBytes: 16 * 1024,
  maxDepth: 16,
  maxNodes: 1024,
})

/** Which limit a payload went over; 'unreadable' when reading it threw (a getter or Proxy). */
export type PayloadOverrun = 'bytes' | 'depth' | 'nodes' | 'unreadable'

/** What measurePayload found: the payload's size within the budget, or the first limit it went over. */
export type PayloadMeasure =
  { ok: true; bytes: number; nodes: number; depth: number } | { ok: false; overrun: PayloadOverrun; reason: string }

/**
 * Measures a payload against a budget without copying or serialising it. The
 * walk is iterative and stops as soon as a limit is exceeded, so the work is
 * bounded by the budget, not by the payload: a 10 MB string, a 10 000-level
 * nesting or a million-element array are refused after a handful of steps.
 * Shared and cyclic references are counted each time they are reached (the
 * node limit ends a cycle). Never throws: a payload that cannot be read is
 * reported as 'unreadable'.
 */
export function measurePayload(value: unknown, budget: PayloadBudget = IPC_PAYLOAD_BUDGET): PayloadMeasure {
  try {
    return walk(value, budget)
  } catch {
    return overrun('unreadable', budget)
  }
}

function walk(value: unknown, budget: PayloadBudget): PayloadMeasure {
  const { maxBytes, maxDepth, maxNodes } = budget
  const pending: Array<{ item: unknown; depth: number }> = [{ item: value, depth: 0 }]
  let bytes = 0
  let nodes = 0
  let deepest = 0
  /** Queues a child; false when the node limit is reached already. */
  const push = (item: unknown, depth: number): boolean => {
    if (depth > maxDepth) return false
    pending.push({ item, depth })
    return nodes + pending.length <= maxNodes
  }
  const tooMany = (depth: number): PayloadMeasure => overrun(depth > maxDepth ? 'depth' : 'nodes', budget)

  while (pending.length > 0) {
    const { item, depth } = pending.pop()!
    nodes += 1
    deepest = Math.max(deepest, depth)
    if (nodes > maxNodes) return overrun('nodes', budget)
    bytes += sizeOf(item, maxBytes)
    if (bytes > maxBytes) return overrun('bytes', budget)
    if (typeof item !== 'object' || item === null || isBinary(item)) continue

    const child = depth + 1
    if (Array.isArray(item)) {
      if (item.length > maxNodes - nodes) return overrun('nodes', budget)
      for (let index = 0; index < item.length; index++) if (!push(item[index], child)) return tooMany(child)
    } else if (item instanceof Map) {
      if (item.size * 2 > maxNodes - nodes) return overrun('nodes', budget)
      for (const [key, entry] of item) if (!push(key, child) || !push(entry, child)) return tooMany(child)
    } else if (item instanceof Set) {
      if (item.size > maxNodes - nodes) return overrun('nodes', budget)
      for (const entry of item) if (!push(entry, child)) return tooMany(child)
    } else if (item instanceof Date || item instanceof RegExp) {
      continue
    } else {
      if (item instanceof Error && (!push(item.message, child) || !push(item.stack, child))) return tooMany(child)
      for (const key in item) {
        if (!Object.hasOwn(item, key)) continue
        bytes += key.length
        if (bytes > maxBytes) return overrun('bytes', budget)
        if (!push((item as Record<string, unknown>)[key], child)) return tooMany(child)
      }
    }
  }
  return { ok: true, bytes, nodes, depth: deepest }
}

/** What one value counts for itself, without its children. */
function sizeOf(item: unknown, maxBytes: number): number {
  if (typeof item === 'string') return item.length
  if (typeof item === 'bigint') {
    // Compared, not printed: a huge BigInt's digits would cost as much as the payload.
    const limit = 1n << BigInt(Math.max(0, maxBytes) * 8)
    return item >= limit || -item >= limit ? maxBytes + 1 : 8
  }
  if (item instanceof RegExp) return item.source.length
  if (typeof item === 'object' && item !== null && isBinary(item)) return item.byteLength
  return 8
}

function isBinary(item: object): item is ArrayBufferView | ArrayBuffer | SharedArrayBuffer {
  return (
    ArrayBuffer.isView(item) ||
    item instanceof ArrayBuffer ||
    (typeof SharedArrayBuffer !== 'undefined' && item instanceof SharedArrayBuffer)
  )
}

function overrun(kind: PayloadOverrun, { maxBytes, maxDepth, maxNodes }: PayloadBudget): PayloadMeasure {
  const reasons: Record<PayloadOverrun, string> = {
    bytes: `larger than ${maxBytes} bytes`,
    depth: `nested deeper than ${maxDepth} levels`,
    nodes: `more than ${maxNodes} values`,
    unreadable: 'not readable',
  }
  return { ok: false, overrun: kind, reason: reasons[kind] }
}
