/**
 * DESIGN "Boundaries": a widget component folder (widgets/src/components/kb-<name>/) imports only
 * from widgets/src/internal/ and from its own folder; internal/ imports no component. A component
 * may still use another element by its tag name (the element is defined by an entry file).
 *
 * Every relative import counts: static (`import … from`, `export … from`, `import '…'`) and
 * dynamic `import('…')`. The portal's section registry is no exception: its lazy `load`s import
 * the chunk entries in widgets/src/sections/, which sit beside index.ts and operator.ts outside
 * components/ and are the only files (with those two) that import components' entry files.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = resolve(import.meta.dirname, '../widgets/src');
const componentsDir = join(src, 'components');

/** Imports still reaching across (specifier-level, `from-file → imported-file`). Empty: none may. */
const ALLOWED: readonly string[] = [];

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });

/** Relative specifiers of every import and re-export in `code`, static and dynamic; comments skipped. */
export function relativeImports(code: string): string[] {
  const stripped = code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const patterns = [
    /\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g, // import x from '…', export { x } from '…' (multi-line too)
    /\bimport\s*['"]([^'"]+)['"]/g, // import '…' (side effects)
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g, // import('…')
  ];
  return patterns.flatMap((re) => [...stripped.matchAll(re)].map((m) => m[1]!)).filter((s) => s.startsWith('.'));
}

/** The component folder a path lies in (`kb-profile`), or null outside components/. */
const componentOf = (path: string): string | null => {
  const rel = relative(componentsDir, path);
  return rel.startsWith('..') || !rel.includes(sep) ? null : rel.split(sep)[0]!;
};

/** Every import that crosses a boundary, as `from → to` paths relative to widgets/src. */
function crossings(): string[] {
  const out: string[] = [];
  const internalDir = join(src, 'internal');
  for (const file of [...filesUnder(componentsDir), ...filesUnder(internalDir)]) {
    const own = componentOf(file);
    for (const spec of relativeImports(readFileSync(file, 'utf8'))) {
      const target = resolve(dirname(file), spec);
      const theirs = componentOf(target);
      // A component reaching into another component's folder, or internal/ reaching into any.
      if (theirs && theirs !== own) out.push(`${relative(src, file)} → ${relative(src, target)}`);
    }
  }
  return out.sort();
}

describe('widget folder boundaries', () => {
  it('finds imports in multi-line, re-export, side-effect and dynamic forms, not in comments', () => {
    const code =
      `import {\n  a,\n  b,\n} from '../kb-x/a.ts';\nexport { c } from "./c.ts";\nimport '../kb-y/y.ts';\n` +
      `const load = () => import('../../sections/z.ts');\n// import('../kb-comment/no.ts')\n/** import { q } from '../kb-doc/no.ts' */\nimport { html } from 'lit';`;
    expect(relativeImports(code).sort()).toEqual(['../../sections/z.ts', '../kb-x/a.ts', '../kb-y/y.ts', './c.ts']);
  });

  it('a component folder imports only from internal/ and its own folder; internal/ imports no component', () => {
    const found = crossings();
    const unexpected = found.filter((c) => !ALLOWED.includes(c));
    const gone = ALLOWED.filter((c) => !found.includes(c));
    expect(
      unexpected,
      `${unexpected.length} import(s) reach into another component folder (move the shared piece to internal/):\n${unexpected.join('\n')}`,
    ).toEqual([]);
    // Shrink the allow-list as pieces move, so it never hides a new crossing.
    expect(gone, 'these allowed crossings are gone: remove them from ALLOWED').toEqual([]);
  });
});
