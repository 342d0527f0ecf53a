import { shallowRef, type ShallowRef } from 'vue'

/** Which keys a field types with: the full keyboard in the clinic's language, or the phone-number pad. */
export type KeyboardKind = 'text' | 'phone'

/** What a field that types with the on-screen keyboard is given (`v-bind` it on the input). */
export interface KeyboardField {
  /** The system's own touch keyboard stays away: this one types (it would cover the screen twice). */
  inputmode: 'none'
  /** Phone numbers read left to right in every language, or bidi reorders "+1 (555)" in a right-to-left field. */
  dir?: 'ltr'
  onFocus: (event: FocusEvent) => void
  onClick: (event: MouseEvent) => void
  onBlur: (event: FocusEvent) => void
}

/** One screen's on-screen keyboard: the field it types into, and with which keys. */
export interface OnScreenKeyboard {
  /** The field being typed into; null while the keyboard is closed. */
  readonly target: Readonly<ShallowRef<HTMLInputElement | null>>
  readonly kind: Readonly<ShallowRef<KeyboardKind>>
  /** The attributes and listeners that open the keyboard for a field when it is touched or gets the focus. */
  field(kind: KeyboardKind): KeyboardField
  /** Closes the keyboard (Done); the field keeps the focus, and a touch opens it again. */
  close(): void
}

/**
 * The state of an on-screen keyboard for a kiosk without a physical one
 * (OnScreenKeyboard.vue draws it): a field opens it when it gets the focus or
 * a touch, Done closes it, and so does the focus moving on to another control.
 */
export function useOnScreenKeyboard(): OnScreenKeyboard {
  const target = shallowRef<HTMLInputElement | null>(null)
  const kind = shallowRef<KeyboardKind>('text')
  const close = () => {
    target.value = null
  }
  const field = (as: KeyboardKind): KeyboardField => {
    const open = (event: Event) => {
      target.value = event.currentTarget as HTMLInputElement
      kind.value = as
    }
    return {
      inputmode: 'none',
      ...(as === 'phone' ? { dir: 'ltr' as const } : {}),
      onFocus: open,
      onClick: open,
      // A tap on a key keeps the focus in the field; only the focus moving to another control closes the keyboard.
      onBlur: (event) => {
        if (event.relatedTarget && target.value === event.currentTarget) close()
      },
    }
  }
  return { target, kind, field, close }
}
