/**
 * The metric names a PromQL expression reads, for checking that the monitoring in deploy/monitoring/ asks only
 * for metrics the kiosk (and node_exporter) really write. A small tokenizer, not a parser: it knows enough of
 * PromQL to tell a metric name from a function, an aggregation, a keyword, a label name (in `{…}` and in the
 * lists after by, without, on, ignoring, group_left and group_right), a number or duration, or a string. A
 * Grafana variable (`$kiosk_id`, `${kiosk_id}`, `$__range`, `[[name]]`) is not a name either.
 */

/** Aggregation operators, binary-operator keywords, modifiers and literals: never metric names (case-insensitive). */
const KEYWORDS = new Set([
  // Aggregations
  'sum',
  'min',
  'max',
  'avg',
  'group',
  'stddev',
  'stdvar',
  'count',
  'count_values',
  'bottomk',
  'topk',
  'quantile',
  'limitk',
  'limit_ratio',
  // Grouping and vector matching
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  // Binary operators and modifiers
  'and',
  'or',
  'unless',
  'atan2',
  'bool',
  'offset',
  'smoothed',
  'anchored',
  // Literals
  'inf',
  'nan',
])

/** Keywords whose parenthesized list, when one follows, names labels. */
const LABEL_LISTS = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right'])

const IDENTIFIER_START = /[A-Za-z_:]/
const IDENTIFIER = /[A-Za-z0-9_:]/

/** The metric names `expr` uses, each once, in the order they first appear. */
export function metricNamesIn(expr: string): string[] {
  const names: string[] = []
  const add = (name: string) => {
    if (!names.includes(name)) names.push(name)
  }
  let i = 0
  /** Skips a quoted string starting at `i` and returns its value (escapes kept as written). */
  const string = (): string => {
    const quote = expr[i]
    const start = ++i
    while (i < expr.length && expr[i] !== quote) i += quote !== '`' && expr[i] === '\\' ? 2 : 1
    if (i >= expr.length) throw new Error(`unterminated string in ${expr}`)
    return expr.slice(start, i++)
  }
  /** Skips a Grafana variable starting at `i` (`$name`, `${…}` or `[[name]]`). */
  const variable = () => {
    const close = expr.startsWith('[[', i) ? ']]' : expr[i + 1] === '{' ? '}' : undefined
    if (close === undefined) {
      for (i++; i < expr.length && IDENTIFIER.test(expr[i] ?? ''); i++);
      return
    }
    const end = expr.indexOf(close, i)
    if (end < 0) throw new Error(`unterminated Grafana variable in ${expr}`)
    i = end + close.length
  }
  const identifier = (): string => {
    const start = i
    while (i < expr.length && IDENTIFIER.test(expr[i] ?? '')) i++
    return expr.slice(start, i)
  }
  const skipSpace = () => {
    while (i < expr.length) {
      if (/\s/.test(expr[i] ?? '')) i++
      else if (expr[i] === '#') while (i < expr.length && expr[i] !== '\n') i++
      else break
    }
  }
  /** Skips a label matcher block `{…}`; a `__name__="x"` matcher (or Prometheus 3's `{"x"}`) names metric x. */
  const matchers = () => {
    i++ // {
    let label: string | undefined
    let operator = ''
    while (i < expr.length && expr[i] !== '}') {
      const c = expr[i] ?? ''
      if (c === '"' || c === "'" || c === '`') {
        const value = string()
        if (label === undefined && operator === '') {
          // A quoted name on its own is a metric name; a quoted name before an operator is a label name.
          skipSpace()
          if (expr[i] === ',' || expr[i] === '}') add(value)
          else label = value
        } else {
          if (label === '__name__') {
            if (operator !== '=') throw new Error(`cannot tell which metrics __name__${operator} matches in ${expr}`)
            add(value)
          }
          label = undefined
          operator = ''
        }
      } else if (c === '$' || expr.startsWith('[[', i)) {
        variable()
      } else if (IDENTIFIER_START.test(c)) {
        label = identifier()
      } else if (/[=!~]/.test(c)) {
        operator += c
        i++
      } else {
        if (c === ',') {
          label = undefined
          operator = ''
        }
        i++
      }
    }
    if (i >= expr.length) throw new Error(`unterminated {…} in ${expr}`)
    i++ // }
  }
  /** Skips a range or subquery `[…]`: durations, steps and Grafana variables. */
  const range = () => {
    const end = expr.indexOf(']', i)
    if (end < 0) throw new Error(`unterminated […] in ${expr}`)
    i = end + 1
  }
  /** Skips a parenthesized list of label names. */
  const labelList = () => {
    while (i < expr.length && expr[i] !== ')') {
      if (expr[i] === '"' || expr[i] === "'" || expr[i] === '`') string()
      else i++
    }
    if (i >= expr.length) throw new Error(`unterminated label list in ${expr}`)
    i++ // )
  }

  while (i < expr.length) {
    const c = expr[i] ?? ''
    if (/\s/.test(c) || c === '#') skipSpace()
    else if (c === '"' || c === "'" || c === '`') string()
    else if (c === '$' || expr.startsWith('[[', i)) variable()
    else if (c === '{') matchers()
    else if (c === '[') range()
    else if (/[0-9.]/.test(c)) {
      // A number (1, 0.5, 1e3, 0x1f) or a duration (5m, 1h30m, 1d): letters after digits belong to it.
      while (i < expr.length && /[0-9A-Za-z_.]/.test(expr[i] ?? '')) i++
    } else if (IDENTIFIER_START.test(c)) {
      const word = identifier()
      skipSpace()
      const keyword = KEYWORDS.has(word.toLowerCase())
      if (keyword && LABEL_LISTS.has(word.toLowerCase()) && expr[i] === '(') {
        i++
        labelList()
      } else if (!keyword && expr[i] !== '(') {
        // Not a keyword and not called: a metric name (a function's name is always followed by its "(").
        add(word)
      }
    } else i++
  }
  return names
}
