/**
 * One sentence (or one control, or one drawing's description) to speak: its
 * text, its language, and where it is on screen. `start` and `end` bound the
 * sentence in `element`'s text; a part with no bounds is the whole element.
 */
export interface SpokenPart {
  text: string
  /** The text as it stands when it is said (a control's label or state may have changed since). */
  refresh?: () => string
  lang: string
  element: Element | null
  start?: number
  end?: number
}

/** How a screen element carries a spoken-only instruction, read before the screen itself. */
export const SPEECH_INTRO_ATTRIBUTE = 'data-speech-intro'
/** Says an element in other words than its content (the progress as "Step 3 of 8", not its eight names). */
export const SPEECH_AS_ATTRIBUTE = 'data-speech-as'
/** Rings a drawing while its description is read; it draws an outline only and never changes the layout. */
export const SPEAKING_ATTRIBUTE = 'data-speaking'
/** Marks what is never read (the reading controls themselves). */
export const SPEECH_SKIP_ATTRIBUTE = 'data-speech-skip'

/** Blocks read as sentences (as is any other element that holds text but none of these). */
const TEXT_BLOCKS = 'h1, h2, h3, h4, h5, h6, p, li, dt, dd, th, td, figcaption, legend, label, summary'
/** Read whole, by their accessible name (and a toggle's state). */
const CONTROLS = 'button, a[href], [role="button"]'
const DRAWINGS = 'img, [role="img"]'
const NOT_READ = `[${SPEECH_SKIP_ATTRIBUTE}], [aria-hidden="true"], [hidden], template, script, style`

/** Spoken text: spaces collapsed, without the invisible isolates that keep names in order on screen. */
const collapse = (text: string) =>
  text
    .replace(/[\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim()

function languageOf(element: Element): string {
  return element.closest<HTMLElement>('[lang]')?.lang || document.documentElement.lang || 'en'
}

function isShown(element: Element): boolean {
  // Content on a screen's later pages is shown (just off to the side); a place kept hidden is not.
  return typeof element.checkVisibility !== 'function' || element.checkVisibility({ visibilityProperty: true })
}

function labelledText(element: Element): string | null {
  const ids = element.getAttribute('aria-labelledby')
  const labelled = ids
    ?.split(/\s+/)
    .map((id) => element.ownerDocument.getElementById(id)?.textContent ?? '')
    .join(' ')
  return element.getAttribute('aria-label') ?? (labelled || null) ?? element.getAttribute('alt')
}

/** A control's name and, for a toggle, its state. */
function controlText(control: Element, lang: string, stateOf: (pressed: boolean, lang: string) => string): string {
  // innerText leaves out what is kept hidden (the wider of two labels that share a place).
  const shown = control instanceof HTMLElement ? control.innerText : control.textContent
  const name = collapse(control.getAttribute('aria-label') ?? shown ?? '')
  const pressed = control.getAttribute('aria-pressed')
  return name && pressed !== null ? `${name}, ${stateOf(pressed === 'true', lang)}` : name
}

/** Whether an element holds other things to read in their own right (then it is read part by part). */
function holdsReadable(element: Element): boolean {
  return element.querySelector(`${TEXT_BLOCKS}, ${CONTROLS}, ${DRAWINGS}`) !== null
}

/**
 * Text as sentences, each bounded in `element`'s text (from `offset`, where
 * the text starts in it) so that it can be highlighted.
 */
function sentencesOf(text: string, lang: string, element: Element, offset = 0): SpokenPart[] {
  const sentences = new Intl.Segmenter(lang, { granularity: 'sentence' }).segment(text)
  return [...sentences]
    .map(({ segment, index }) => ({
      text: collapse(segment),
      lang,
      element,
      start: offset + index,
      end: offset + index + segment.length,
    }))
    .filter((part) => part.text !== '')
}

/**
 * What a screen says, in reading order: its spoken instruction (if any), then
 * every heading, text, list item, drawing description and control in document
 * order (which is the visual order, right to left included), each control with
 * its state when it is a toggle. Hidden and aria-hidden content is left out.
 * `stateOf` words a toggle's state ("chosen") in the toggle's language.
 */
export function spokenParts(root: Element, stateOf: (pressed: boolean, lang: string) => string): SpokenPart[] {
  const parts: SpokenPart[] = []
  const intro = root.getAttribute(SPEECH_INTRO_ATTRIBUTE)
  if (intro) parts.push({ text: intro, lang: languageOf(root), element: null })

  function visit(element: Element): void {
    if (element.matches(NOT_READ) || !isShown(element)) return
    const lang = languageOf(element)
    const instead = element.getAttribute(SPEECH_AS_ATTRIBUTE)
    if (instead) {
      parts.push({ text: instead, lang, element })
    } else if (element.matches(DRAWINGS)) {
      const description = labelledText(element)
      if (description) parts.push({ text: collapse(description), lang, element })
    } else if (element.matches(CONTROLS)) {
      const refresh = () => controlText(element, lang, stateOf)
      const text = refresh()
      if (text) parts.push({ text, refresh, lang, element })
    } else if (!holdsReadable(element)) {
      parts.push(...sentencesOf(element.textContent ?? '', lang, element))
    } else {
      // Text of its own between the things it holds is read where it stands.
      let offset = 0
      for (const node of element.childNodes) {
        if (node.nodeType === Node.TEXT_NODE) parts.push(...sentencesOf(node.textContent ?? '', lang, element, offset))
        else if (node instanceof Element) visit(node)
        offset += node.textContent?.length ?? 0
      }
    }
  }
  visit(root)
  return parts
}

/** The range of the page a part covers, for its highlight; null where there is no text to mark. */
export function rangeOf(part: SpokenPart): Range | null {
  const { element, start, end } = part
  // Said in other words than it shows: its own text is not what is heard.
  if (!element || element.hasAttribute(SPEECH_AS_ATTRIBUTE)) return null
  const range = element.ownerDocument.createRange()
  if (start === undefined || end === undefined) {
    range.selectNodeContents(element)
    return range
  }
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT)
  let offset = 0
  let started = false
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.textContent?.length ?? 0
    if (!started && start <= offset + length) {
      range.setStart(node, start - offset)
      started = true
    }
    if (started && end <= offset + length) {
      range.setEnd(node, end - offset)
      return range
    }
    offset += length
  }
  return started ? range : null
}
