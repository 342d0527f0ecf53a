/** Debian's Chromium path and the flags every browser run here uses. */
export const CHROMIUM_LAUNCH: { executablePath: string; args: string[] }
