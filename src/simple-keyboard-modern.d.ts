/**
 * simple-keyboard's build for modern browsers: no polyfills, and none of the
 * standard build's `Function("return this")`, which the CSP's script-src would
 * refuse. It ships without its own declaration file; its API is the standard build's.
 */
declare module 'simple-keyboard/build/index.modern.esm.js' {
  export { default } from 'simple-keyboard'
}
