// The @example blocks of the published declaration files, made into one TypeScript module that
// can be type-checked against the installed package: the check that the examples users read on
// hover and in the docs compile.
import ts from 'typescript';

/** Every `@example` block of a declaration file, as code (JSDoc `*` margins removed). */
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
      } else if (/^@\w/.test(line)) {
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
 * example in a function of its own, its `import` lines hoisted and `export` dropped.
 */
export function examplesModule(examples: readonly string[], prelude: string): string {
  const imports = new Set<string>();
  const bodies = examples.map((example, index) => {
    const body = example
      .split('\n')
      .filter((line) => !(/^import .* from '.*';$/.test(line) && imports.add(line)))
      .map((line) => line.replace(/^export /, ''))
      .join('\n');
    return `// example ${index + 1}\nexport async function example${index + 1}() {\n${body}\n}\n`;
  });
  return [...imports, prelude, ...bodies].join('\n');
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
