/**
 * `npm run hash-pin`: reads a staff PIN from standard input and prints its
 * scrypt record as the provisioning file's `staffPin` entry. The PIN is never
 * echoed, printed, logged or written to a file; only its salted hash leaves.
 *
 *   printf '%s' "$PIN" | npm run --silent hash-pin
 */
import { PinSchema } from '../electron/contract'
import { hashPin } from '../electron/main/pin-hash'

/** What a terminal in raw mode sends for Ctrl+C. */
const CTRL_C = '\u0003'

/** Reads standard input to its end; on a terminal, asks for the PIN without showing it. */
async function readPin(): Promise<string> {
  const input = process.stdin
  if (input.isTTY) {
    process.stderr.write('Staff PIN (6 to 12 digits, not shown): ')
    input.setRawMode(true)
  }
  let text = ''
  for await (const chunk of input) {
    text += String(chunk)
    // On a terminal, Enter ends the PIN (raw mode gives no end of input); Ctrl+C gives up.
    if (input.isTTY && (/[\r\n]/.test(text) || text.includes(CTRL_C))) break
  }
  if (input.isTTY) {
    input.setRawMode(false)
    process.stderr.write('\n')
    if (text.includes(CTRL_C)) process.exit(130)
  }
  return text.replace(/[\r\n]+$/, '').split(/[\r\n]/)[0] ?? ''
}

const parsed = PinSchema.safeParse({ pin: await readPin() })
if (!parsed.success) {
  process.stderr.write('hash-pin: a staff PIN is 6 to 12 digits; nothing was made\n')
  process.exit(2)
}
const record = await hashPin(parsed.data.pin)
process.stdout.write(`${JSON.stringify({ staffPin: record }, null, 2)}\n`)
