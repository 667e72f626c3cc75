// The @example blocks of the published declaration files, made into one TypeScript module that
// can be type-checked against the installed package: the check that the examples users read on
// hover and in the docs compile.
import ts from 'typescript';

/**
 * Every `@example` block of a declaration file, as code (JSDoc `*` margins removed). Inside an
 * example, a line like `@Component({` is a decorator, not the next tag: JSDoc tags are never
 * followed by `(`. (TypeScript's own JSDoc parser does start a tag there, so an editor's hover
 * shows such an example in two parts; the code is still whole in the comment.)
 */
export function examplesOf(declarations: string): string[] {
  const examples: string[] = [];
  for (const [comment] of declarations.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
    const lines = comment
      .replace(/^\/\*\*|\*\/$/g, '')
      .split('\n')
      .map((line) => line.replace(/^\s*\* ?/, ''));
    let current: string[] | undefined;
    for (const line of lines) {
      if (/^@example\b/.test(line)) {
        if (current) examples.push(current.join('\n'));
        current = [];
      } else if (/^@\w/.test(line) && !(current && /^@\w+\(/.test(line))) {
        if (current) examples.push(current.join('\n'));
        current = undefined;
      } else current?.push(line);
    }
    if (current) examples.push(current.join('\n'));
  }
  return examples.map((example) => example.trim()).filter(Boolean);
}

/**
 * One module: `prelude` (imports and `declare`d names the examples take as given), then each
 * example in a function of its own, its `import` lines hoisted and `export` dropped. Named imports
 * from one module specifier are merged into one statement, so an example may import, as a user
 * writes it, a name the prelude already imports.
 */
export function examplesModule(examples: readonly string[], prelude: string): string {
  const named = new Map<string, Map<string, string>>(); // specifier → local name → import clause
  const other = new Set<string>();
  const hoist = (statement: string): void => {
    const match = /^import (type )?\{([^}]*)\} from '([^']+)';$/.exec(statement.trim());
    if (!match) {
      other.add(statement.trim());
      return;
    }
    const [, typeOnly, list, specifier] = match;
    const names = named.get(specifier!) ?? new Map<string, string>();
    named.set(specifier!, names);
    for (const item of list!
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean)) {
      const clause = typeOnly && !item.startsWith('type ') ? `type ${item}` : item;
      const local = clause
        .replace(/^type /, '')
        .split(' as ')
        .at(-1)!
        .trim();
      // A value import also serves as a type; keep it over a type-only one.
      if (!names.has(local) || names.get(local)!.startsWith('type ')) names.set(local, clause);
    }
  };
  const rest = prelude.replace(/^import [^;]*;$/gm, (statement) => {
    hoist(statement.replace(/\s+/g, ' '));
    return '';
  });
  const bodies = examples.map((example, index) => {
    const body = example
      .split('\n')
      .filter((line) => {
        const isImport = /^import .* from '.*';$/.test(line);
        if (isImport) hoist(line);
        return !isImport;
      })
      .map((line) => line.replace(/^export /, ''))
      .join('\n');
    return `// example ${index + 1}\nexport async function example${index + 1}() {\n${body}\n}\n`;
  });
  const imports = [...named].map(
    ([specifier, names]) => `import { ${[...names.values()].join(', ')} } from '${specifier}';`,
  );
  return [...imports, ...other, rest, ...bodies].join('\n');
}

/** `import { …every export… } from 'specifier';` for a declaration file's exports. */
export function importAll(declarations: string, specifier: string): string {
  const declared = [
    ...declarations.matchAll(
      /^export (?:declare )?(?:abstract )?(?:class|function|const|let|var|interface|type|enum) (\w+)/gm,
    ),
  ].map(([, name]) => name!);
  const listed = [...declarations.matchAll(/^export (?:type )?\{([^}]*)\};?$/gm)]
    .flatMap(([, list]) => list!.split(','))
    .map((name) => name.trim().replace(/^type /, ''));
  const names = [...new Set([...declared, ...listed])].filter(Boolean);
  return `import { ${names.join(', ')} } from '${specifier}';`;
}

/** Type errors of `file`, with options as an `ng new` app's tsconfig sets them. */
export function typeErrors(file: string): string[] {
  const program = ts.createProgram([file], {
    strict: true,
    noImplicitOverride: true,
    noImplicitReturns: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.Preserve,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    types: [],
    skipLibCheck: true,
    experimentalDecorators: true,
    noEmit: true,
    allowUnusedLabels: true,
  });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const where = diagnostic.file
      ? `${diagnostic.file.fileName}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1}: `
      : '';
    return where + ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  });
}

/**
 * The public names a declaration file exports whose declaration carries no `@example` in its
 * JSDoc: `export declare …` statements and the names of `export { local as Public }` lists, the
 * latter looked up among the file's own declarations (a bundled d.ts declares, then lists).
 */
export function exportsWithoutExample(declarations: string): string[] {
  const file = ts.createSourceFile('entry.d.ts', declarations, ts.ScriptTarget.Latest, true);
  const local = new Map<string, ts.Node[]>();
  const exported: [publicName: string, localName: string][] = [];
  for (const statement of file.statements) {
    if (ts.isExportDeclaration(statement)) {
      if (statement.moduleSpecifier || !statement.exportClause) {
        throw new Error(`re-export from another module: ${statement.getText()}`);
      }
      if (!ts.isNamedExports(statement.exportClause)) continue;
      for (const element of statement.exportClause.elements) {
        exported.push([element.name.text, (element.propertyName ?? element.name).getText()]);
      }
      continue;
    }
    const names = ts.isVariableStatement(statement)
      ? statement.declarationList.declarations.map((d) => d.name.getText())
      : 'name' in statement && statement.name && ts.isIdentifier(statement.name as ts.Node)
        ? [(statement.name as ts.Identifier).text]
        : [];
    const isExported = ts
      .getModifiers(statement as ts.HasModifiers)
      ?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
    for (const name of names) {
      local.set(name, [...(local.get(name) ?? []), statement]);
      if (isExported) exported.push([name, name]);
    }
  }
  const hasExample = (node: ts.Node) =>
    ts
      .getJSDocCommentsAndTags(node)
      .some(
        (doc) => ts.isJSDoc(doc) && (doc.tags ?? []).some((tag) => tag.tagName.text === 'example'),
      );
  return [...new Map(exported)]
    .filter(([, name]) => !(local.get(name) ?? []).some(hasExample))
    .map(([publicName]) => publicName);
}
