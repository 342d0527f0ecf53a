/**
 * Stages the kiosk the way electron-builder packs it, for the packaging test:
 * the builder config's `files` selection, plus the production dependency tree
 * (package.json `dependencies` and installed `optionalDependencies`, followed
 * transitively and resolved like Node does, from the nearest node_modules up).
 */
import { cpSync, existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, matchesGlob, relative, sep } from 'node:path'

interface PackageManifest {
  name: string
  dependencies?: Record<string, string>
  optionalDependencies?: Record<string, string>
  devDependencies?: Record<string, string>
}

/** Reads a package.json. */
export function readManifest(packageDir: string): PackageManifest {
  return JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as PackageManifest
}

/** Every file under dir, as paths relative to base with forward slashes. */
function filesUnder(dir: string, base: string): string[] {
  if (!existsSync(dir)) return []
  if (!lstatSync(dir).isDirectory()) return [relative(base, dir).split(sep).join('/')]
  return readdirSync(dir).flatMap((entry) => filesUnder(join(dir, entry), base))
}

/**
 * The files of filesRoot that electron-builder's `files` patterns select: a file is in when
 * the last pattern that matches it includes it (`!` excludes), as electron-builder reads them.
 */
export function selectFiles(filesRoot: string, patterns: readonly string[]): string[] {
  const tops = new Set(patterns.filter((pattern) => !pattern.startsWith('!')).map((pattern) => pattern.split('/')[0]!))
  return [...tops]
    .flatMap((top) => filesUnder(join(filesRoot, top), filesRoot))
    .filter((file) => {
      let selected = false
      for (const pattern of patterns) {
        const negated = pattern.startsWith('!')
        if (matchesGlob(file, negated ? pattern.slice(1) : pattern)) selected = !negated
      }
      return selected
    })
}

/** Where Node finds package `name` when `fromDir` requires it: the nearest node_modules at or above fromDir. */
function resolvePackageDir(name: string, fromDir: string, projectRoot: string): string | null {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name)
    if (existsSync(join(candidate, 'package.json'))) return candidate
    if (dir === projectRoot || dirname(dir) === dir) return null
  }
}

/**
 * The folders (relative to projectRoot) of every package the app needs at run time.
 * A missing required dependency throws; a missing optional one is skipped, as npm does.
 */
export function productionPackageDirs(projectRoot: string): string[] {
  const found = new Set<string>()
  const visit = (packageDir: string) => {
    const manifest = readManifest(packageDir)
    const required = Object.keys(manifest.dependencies ?? {})
    const optional = Object.keys(manifest.optionalDependencies ?? {})
    for (const name of [...required, ...optional]) {
      const dir = resolvePackageDir(name, packageDir, projectRoot)
      if (dir === null) {
        if (optional.includes(name)) continue
        throw new Error(`${manifest.name} needs ${name}, which is not installed under ${projectRoot}`)
      }
      if (found.has(dir)) continue
      found.add(dir)
      visit(dir)
    }
  }
  visit(projectRoot)
  return [...found].map((dir) => relative(projectRoot, dir)).sort()
}

/**
 * Copies into stageDir what electron-builder puts into app.asar: the `files`
 * selection (from filesRoot, which holds the built out/ and package.json) and
 * the production packages (from projectRoot's node_modules), at the same
 * relative paths.
 */
export function stageApp({
  projectRoot,
  filesRoot,
  files,
  stageDir,
}: {
  projectRoot: string
  filesRoot: string
  files: readonly string[]
  stageDir: string
}): void {
  for (const file of selectFiles(filesRoot, files)) cpSync(join(filesRoot, file), join(stageDir, file))
  for (const dir of productionPackageDirs(projectRoot)) {
    // Nested node_modules are copied when their own package is reached.
    cpSync(join(projectRoot, dir), join(stageDir, dir), {
      recursive: true,
      filter: (source) => !relative(join(projectRoot, dir), source).split(sep).includes('node_modules'),
    })
  }
}
