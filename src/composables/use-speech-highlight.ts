import { onScopeDispose, watch } from 'vue'
import { rangeOf, SPEAKING_ATTRIBUTE } from '../speech/reading-order'
import { useSpeechStore } from '../stores/speech'

/** The CSS highlight (`::highlight(speech)`) that marks the sentence being read. */
export const SPEECH_HIGHLIGHT = 'speech'
/** Asks the paged region around an element to show the page it is on (the event bubbles). */
export const REVEAL_REQUEST_EVENT = 'reveal-request'

/**
 * Follows reading aloud on screen (EN 301 549 5.1.3.3): highlights the
 * sentence being read (CSS Custom Highlight API, so the text itself is
 * untouched), rings a drawing whose description is read (it has no text to
 * highlight), and turns a paged screen to the page it is on.
 */
export function useSpeechHighlight(): void {
  const speech = useSpeechStore()
  const highlight = 'highlights' in CSS ? new Highlight() : null
  if (highlight) CSS.highlights.set(SPEECH_HIGHLIGHT, highlight)
  let ringed: Element | null = null
  function clear(): void {
    highlight?.clear()
    ringed?.removeAttribute(SPEAKING_ATTRIBUTE)
    ringed = null
  }
  watch(
    () => speech.current,
    (part) => {
      clear()
      const range = part && rangeOf(part)
      if (range && range.toString().trim() !== '') highlight?.add(range)
      else if (part?.element) {
        ringed = part.element
        ringed.setAttribute(SPEAKING_ATTRIBUTE, '')
      }
      part?.element?.dispatchEvent(new CustomEvent(REVEAL_REQUEST_EVENT, { bubbles: true }))
    },
  )
  onScopeDispose(() => {
    clear()
    CSS.highlights?.delete(SPEECH_HIGHLIGHT)
  })
}
