/** The parts of the `xliff` package (locize/xliff, MIT) the review kit uses; it ships no types. */
declare module 'xliff' {
  /** An inline element: `{ Standalone: attributes }` is a `<ph/>`; other kinds have other keys. */
  export type InlineElement = { [kind: string]: { [attribute: string]: unknown } }
  /** The content of a `<source>` or `<target>`: text, one inline element, or a mix. */
  export type XliffValue = string | InlineElement | Array<string | InlineElement>
  /** One `<unit>` (or, with groupUnits, a `<group>`). */
  export interface XliffUnit {
    source?: XliffValue
    target?: XliffValue
    note?: string | string[]
    additionalAttributes?: Record<string, string>
    groupUnits?: Record<string, XliffUnit>
  }
  /** A whole file: `resources` maps each `<file>` id to its units by id. */
  export interface XliffDocument {
    sourceLanguage: string
    targetLanguage?: string
    resources: Record<string, Record<string, XliffUnit>>
  }
  /** Writes XLIFF 2.0 (by default) from the document; `indent: ''` writes no whitespace between elements. */
  export function js2xliff(document: XliffDocument, options?: { indent?: string }): Promise<string>
  /** Reads an XLIFF 2.x file; a file of another version gives no resources. */
  export function xliff2js(xml: string): Promise<Partial<XliffDocument>>
}
