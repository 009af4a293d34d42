// `npm run build` writes widgets/dist/custom-elements.json (shipped in the package as
// `kabinet/custom-elements.json`) from the elements' classes and JSDoc: attributes and properties
// from Lit's `static properties` (`--litelement`), `@event`, `@csspart`, `@cssproperty`, `@slot`.
// Editors and Storybook read it. Run from the repository root:
//   cem analyze --litelement --config widgets/custom-elements-manifest.config.mjs

/**
 * The widgets' JSDoc puts several `@csspart` / `@cssproperty` tags on one line and names several
 * properties at once (`@cssproperty --kb-a, --kb-b - Text.`); the analyzer reads one tag per line,
 * so each entry is split here into the entries it holds.
 */
function splitEntries(entries, tag) {
  const out = [];
  for (const entry of entries ?? []) {
    const pieces = [`${entry.name} ${entry.description ?? ''}`, ...(entry.description ?? '').split(`@${tag} `).slice(1)];
    pieces[0] = pieces[0].split(`@${tag} `)[0];
    for (const piece of pieces) {
      const match = /^\s*((?:[\w-]+,\s*)*[\w-]+)\s*(?:-\s*)?([\s\S]*)$/.exec(piece.trim());
      if (!match) continue;
      for (const name of match[1].split(',').map((n) => n.trim()).filter(Boolean)) out.push({ name, description: match[2].trim() });
    }
  }
  return out;
}

/**
 * Tags are given in one place, the entries' `define('kb-portal', KbPortal)` calls (index.ts,
 * operator.ts, sections/), not by `customElements.define` beside each class, so the analyzer
 * is told about them here: each such call names the class's tag.
 */
function kabinetDefineCalls() {
  const tags = new Map();
  /** Lit's `{ state: true }` properties have no attribute; the analyzer 0.11 lists them as attributes. */
  const stateFields = new Map();
  return {
    name: 'kabinet-define-calls',
    analyzePhase({ ts, node }) {
      if (ts.isClassDeclaration(node) && node.name) {
        const properties = node.members.find((m) => ts.isPropertyDeclaration(m) && m.name.getText() === 'properties');
        const literal = properties?.initializer && ts.isObjectLiteralExpression(properties.initializer) ? properties.initializer : null;
        const state = (literal?.properties ?? []).filter((p) => ts.isPropertyAssignment(p) && /\bstate:\s*true\b/.test(p.initializer.getText()));
        stateFields.set(node.name.text, new Set(state.map((p) => p.name.getText())));
      }
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'define') return;
      const [tag, ctor] = node.arguments;
      if (tag && ctor && ts.isStringLiteral(tag) && ts.isIdentifier(ctor)) tags.set(ctor.text, tag.text);
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          const tag = declaration.kind === 'class' ? tags.get(declaration.name) : undefined;
          if (tag) {
            Object.assign(declaration, { customElement: true, tagName: tag });
            mod.exports = [...(mod.exports ?? []), { kind: 'custom-element-definition', name: tag, declaration: { name: declaration.name, module: mod.path } }];
          }
          if (declaration.kind !== 'class') continue;
          const ownAndInheritedState = (attr) => [declaration.name, attr.inheritedFrom?.name].some((c) => stateFields.get(c)?.has(attr.fieldName));
          if (declaration.attributes) declaration.attributes = declaration.attributes.filter((a) => !ownAndInheritedState(a));
          // The base class's generic `emit(name, detail)` is not an event; the elements' are all kb-*.
          if (declaration.events) declaration.events = declaration.events.filter((e) => e.name?.startsWith('kb-'));
          if (declaration.cssParts) declaration.cssParts = splitEntries(declaration.cssParts, 'csspart');
          if (declaration.cssProperties) declaration.cssProperties = splitEntries(declaration.cssProperties, 'cssproperty');
          // The manifest documents the public API: private and protected members are internals.
          if (declaration.members) declaration.members = declaration.members.filter((m) => !m.privacy || m.privacy === 'public');
        }
      }
    },
  };
}

export default {
  globs: ['widgets/src/index.ts', 'widgets/src/operator.ts', 'widgets/src/sections/**/*.ts', 'widgets/src/components/**/*.ts', 'widgets/src/internal/**/*.ts'],
  exclude: ['**/*.test.ts', '**/*.styles.ts', '**/*.messages.ts', '**/*test-kit*.ts', '**/test-helpers.ts'],
  outdir: 'widgets/dist',
  litelement: true,
  plugins: [kabinetDefineCalls()],
};
