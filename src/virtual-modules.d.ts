/** Every shipped language's review status, computed at build time (scripts/vite-translation-reviews.ts). */
declare module 'virtual:translation-reviews' {
  const statuses: Readonly<Record<import('../electron/contract').LocaleTag, import('./i18n/locales').ReviewStatus>>
  export default statuses
}
