/**
 * How the tests, the benchmarks and the review kit launch Debian's Chromium:
 * headless-friendly flags that keep it off the network, and its path
 * (CHROMIUM_PATH, else /usr/bin/chromium).
 */
export const CHROMIUM_LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
}
