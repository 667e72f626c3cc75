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
 * An example as a module of its own, as a user's file would be: its `import` lines first, the rest
 * in a function (examples are statements, sometimes `await`), `export` dropped. Nothing is imported
 * for it, so an example that uses a name without importing it does not compile; the only names it
 * may take as given are the global ones of the context file (see typeErrors).
 */
export function exampleModule(example: string): string {
  const { imports, body } = splitImports(example);
  const statements = body.map((line) => line.replace(/^export /, '')).join('\n');
  return [...imports, `export async function example() {\n${statements}\n}`, ''].join('\n');
}

/** An example's `import` lines (one-line or spread over several) and the rest, in order. */
export function splitImports(example: string): { imports: string[]; body: string[] } {
  const imports: string[] = [];
  const body: string[] = [];
  let inImport = false;
  for (const line of example.split('\n')) {
    if (inImport || /^import (type )?(\{$|.* from '.*';$)/.test(line)) {
      imports.push(line);
      inImport = !/ from '.*';$/.test(line);
    } else body.push(line);
  }
  return { imports, body };
}

/**
 * Type errors of `files` (modules, and scripts declaring globals), with options as an `ng new`
 * app's tsconfig sets them.
 */
export function typeErrors(files: readonly string[]): string[] {
  const program = ts.createProgram(files, {
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
