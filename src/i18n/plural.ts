/**
 * Plural choice by each language's own rules (Intl.PluralRules), never by
 * string concatenation. A plural message lists its forms separated by " | ":
 * first the form for zero ("nothing chosen yet"), then one form per CLDR
 * category the language has, in the order one, two, few, many, other.
 */
const CATEGORY_ORDER: readonly Intl.LDMLPluralRule[] = ['one', 'two', 'few', 'many', 'other']

/** The CLDR plural categories a language's messages have a form for (after the form for zero), in order. */
export function pluralCategories(tag: string): Intl.LDMLPluralRule[] {
  const present = new Intl.PluralRules(tag).resolvedOptions().pluralCategories
  return CATEGORY_ORDER.filter((category) => present.includes(category))
}

/** How many forms a plural message in this language has. */
export function pluralFormCount(tag: string): number {
  return 1 + pluralCategories(tag).length
}

/** The vue-i18n plural rule for a language: which form to show for a count. */
export function pluralRuleFor(tag: string): (choice: number, choicesLength: number) => number {
  const rules = new Intl.PluralRules(tag)
  const categories = pluralCategories(tag)
  return (choice, choicesLength) => {
    if (choice === 0) return 0
    const index = 1 + categories.indexOf(rules.select(choice))
    return Math.min(index > 0 ? index : choicesLength - 1, choicesLength - 1)
  }
}
