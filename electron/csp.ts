/**
 * The renderer's Content-Security-Policy (Electron security checklist #7).
 * Sent as a header by the app:// protocol and written into index.html as a meta
 * tag, so web mode enforces the same policy. No remote origins, no inline or
 * eval'd script; vue-i18n messages are precompiled so none is needed.
 * (frame-ancestors is not used: browsers ignore it in a meta tag.)
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ')
