/**
 * Runs zod without its JIT. zod probes for eval with `new Function('')` when
 * the first object schema is built; under the renderer's strict CSP (no
 * 'unsafe-eval') that probe is reported as a violation even though zod catches
 * it. Imported first by the contract, so it takes effect before any schema
 * exists, in main and renderer alike.
 */
import { z } from 'zod'

z.config({ jitless: true })
