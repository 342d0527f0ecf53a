declare module 'text-readability' {
  const readability: {
    fleschKincaidGrade(text: string): number
  }
  export default readability
}

declare module 'silabea' {
  export function getSilabas(word: string): { numeroSilaba: number }
}

declare module 'fontkit' {
  export function create(buffer: Buffer): { hasGlyphForCodePoint(codePoint: number): boolean; familyName: string }
}
