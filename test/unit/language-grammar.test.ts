/**
 * The TextMate grammar, run by the same engine as VS Code (vscode-textmate + vscode-oniguruma);
 * the language configuration's on-enter rules; the snippets. VS Code's own `source.yaml` is not
 * on npm, so the grammar runs on a small stub of it here, and also on the real one when the
 * code-server that the extension-host tests install is in `.vscode-test/`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { checkText, RULE_CODES, whysSchema, type SchemaNode } from '../../src/core';

const ROOT = join(__dirname, '..', '..', '..');
const GRAMMAR_PATH = join(ROOT, 'syntaxes', 'whys.tmLanguage.json');
const REAL_YAML = join(ROOT, '.vscode-test/code-server/server/node_modules/code-server/lib/vscode/extensions/yaml/syntaxes');

/** Just enough of YAML's scopes to place keys, values and comments as VS Code's grammar names them. */
const STUB_YAML = {
  scopeName: 'source.yaml',
  patterns: [
    { include: '#comment' },
    {
      begin: '^([ ]*+)((?:-[ ]++)*+[^\\s#][^:#]*)(:)[ \\t]*+([|>][-+]?)$',
      while: '^(?:\\1[ ]+|[ \\t]*$)',
      beginCaptures: { 2: { name: 'meta.map.key.yaml entity.name.tag.yaml' }, 4: { name: 'keyword.control.flow.block-scalar.yaml' } },
      contentName: 'string.unquoted.block.yaml',
    },
    {
      begin: '^[ ]*+(?:-[ ]++)*+(?=[^\\s#][^:#]*:(?:\\s|$))',
      end: '(?=:)',
      contentName: 'meta.map.key.yaml string.unquoted.plain.yaml entity.name.tag.yaml',
    },
    {
      begin: ':(?=\\s|$)',
      end: '$',
      name: 'meta.map.value.yaml',
      patterns: [
        { include: '#comment' },
        { match: '[|>][-+]?$', name: 'keyword.control.flow.block-scalar.yaml' },
        { begin: '(?=[^\\s#])', end: '(?=[ \\t]+#|$)', name: 'string.unquoted.plain.out.yaml' },
      ],
    },
  ],
  repository: {
    comment: { begin: '(?<=^|[ \\t])#', end: '$', name: 'comment.line.number-sign.yaml' },
  },
};

let onigLoaded: Promise<void> | undefined;
function onigLib(): Promise<textmate.IOnigLib> {
  onigLoaded ??= oniguruma.loadWASM(readFileSync(join(ROOT, 'node_modules/vscode-oniguruma/release/onig.wasm')).buffer as ArrayBuffer);
  return onigLoaded.then(() => ({
    createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
    createOnigString: (s: string) => new oniguruma.OnigString(s),
  }));
}

async function loadGrammar(real: boolean): Promise<textmate.IGrammar> {
  const files: Record<string, string> = real
    ? {
        'source.yaml': 'yaml.tmLanguage.json',
        'source.yaml.1.0': 'yaml-1.0.tmLanguage.json',
        'source.yaml.1.1': 'yaml-1.1.tmLanguage.json',
        'source.yaml.1.2': 'yaml-1.2.tmLanguage.json',
        'source.yaml.1.3': 'yaml-1.3.tmLanguage.json',
        'source.yaml.embedded': 'yaml-embedded.tmLanguage.json',
      }
    : {};
  const registry = new textmate.Registry({
    onigLib: onigLib(),
    loadGrammar: async (scope) => {
      if (scope === 'source.whys') return textmate.parseRawGrammar(readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH);
      if (real && files[scope]) return textmate.parseRawGrammar(readFileSync(join(REAL_YAML, files[scope]), 'utf8'), join(REAL_YAML, files[scope]));
      if (!real && scope === 'source.yaml') return textmate.parseRawGrammar(JSON.stringify(STUB_YAML), 'stub.json');
      return null;
    },
  });
  const grammar = await registry.loadGrammar('source.whys');
  assert.ok(grammar, 'grammar did not load');
  return grammar;
}

/** Every token of a text as `text → scopes`, line by line. */
function tokenize(grammar: textmate.IGrammar, text: string): { line: number; start: number; text: string; scopes: string[] }[] {
  let state = textmate.INITIAL;
  const out: { line: number; start: number; text: string; scopes: string[] }[] = [];
  text.split('\n').forEach((line, index) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    for (const token of result.tokens) out.push({ line: index, start: token.startIndex, text: line.slice(token.startIndex, token.endIndex), scopes: token.scopes });
  });
  return out;
}

/** The scopes of the first token with exactly this text on the line holding `lineNeedle`. */
function scopesOf(tokens: ReturnType<typeof tokenize>, text: string, lineNeedle: string, source: string): string[] {
  const line = source.split('\n').findIndex((l) => l.includes(lineNeedle));
  assert.ok(line >= 0, lineNeedle);
  const token = tokens.find((t) => t.line === line && t.text === text);
  assert.ok(token, `no token "${text}" on line ${line}: ${JSON.stringify(tokens.filter((t) => t.line === line).map((t) => t.text))}`);
  return token.scopes;
}

const SAMPLE = `# whys-ignore coverage
version: 1
title: Disk full
incident:
  severity: critical
problem: The database stopped.
roots:
  - id: disk
    whys:
      # whys-ignore off-topic, blame -- the answer is the reviewer's
      - why: Why did writes fail?
        because: The volume was full. # because: not a key
        note: |
          because: inside a block scalar
    actions:
      - do: Alert.
        kind: prevent
        status: done
`;

function grammarScopes(real: boolean) {
  return async () => {
    const grammar = await loadGrammar(real);
    const tokens = tokenize(grammar, SAMPLE);
    const has = (text: string, line: string, scope: string): void =>
      assert.ok(scopesOf(tokens, text, line, SAMPLE).includes(scope), `${text} on "${line}" lacks ${scope}: ${scopesOf(tokens, text, line, SAMPLE).join(' ')}`);
    has('because', 'because: The volume', 'keyword.other.whys.because');
    has('because', 'because: The volume', 'entity.name.tag.yaml');
    has('why', '- why: Why did', 'keyword.other.whys.why');
    has('version', 'version: 1', 'keyword.other.whys.version');
    has('severity', 'severity: critical', 'keyword.other.whys.severity');
    has('critical', 'severity: critical', 'constant.language.enum.severity.whys');
    has('prevent', 'kind: prevent', 'constant.language.enum.kind.whys');
    has('done', 'status: done', 'constant.language.enum.status.whys');
    has('whys-ignore', '# whys-ignore off-topic', 'keyword.control.directive.whys');
    has('whys-ignore', '# whys-ignore off-topic', 'comment.line.directive.whys');
    has('off-topic', '# whys-ignore off-topic', 'constant.language.rule.whys');
    has('blame', '# whys-ignore off-topic', 'constant.language.rule.whys');
    has('coverage', '# whys-ignore coverage', 'constant.language.rule.whys');
    // Words that only look like keys are left alone: in a comment, in a block scalar.
    const lines = SAMPLE.split('\n');
    const lookalikes = tokens.filter(
      (t) => t.text.includes('because') && ((lines[t.line].includes('not a key') && t.start > lines[t.line].indexOf('#')) || lines[t.line].includes('inside a block scalar')),
    );
    assert.equal(lookalikes.length, 2, JSON.stringify(lookalikes));
    for (const t of lookalikes) assert.ok(!t.scopes.some((s) => s.includes('whys.because')), `${lines[t.line]}: ${t.scopes.join(' ')}`);
  };
}

test('grammar scopes keys, enum values and whys-ignore directives (stub source.yaml)', grammarScopes(false));

// npm test installs code-server (and with it VS Code's YAML grammar) in its setup stage, before
// the unit tests: a missing grammar is a failure, not a skip.
test('grammar scopes the same on VS Code’s real YAML grammar', () => {
  assert.ok(existsSync(REAL_YAML), `VS Code's YAML grammar is missing at ${REAL_YAML}: run \`node test/vscode/codeServer.mjs\` (npm test does) to install code-server`);
  return grammarScopes(true)();
});

test('every regex in the grammar compiles with Oniguruma', async () => {
  await onigLib();
  const grammar = JSON.parse(readFileSync(GRAMMAR_PATH, 'utf8')) as unknown;
  let count = 0;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (['match', 'begin', 'end', 'while'].includes(key) && typeof value === 'string') {
          assert.doesNotThrow(() => new oniguruma.OnigScanner([value]).dispose(), value);
          count++;
        } else walk(value);
      }
    }
  };
  walk(grammar);
  assert.ok(count > 30, `${count} regexes`);
});

test('the grammar knows every key of the schema and every rule code', () => {
  const source = readFileSync(GRAMMAR_PATH, 'utf8');
  const grammar = JSON.parse(source) as { repository: { key: { patterns: { name: string }[] }; directive: { patterns: { name?: string; match: string }[] } } };
  const keys = new Set<string>();
  const visit = (node: SchemaNode | undefined): void => {
    if (!node) return;
    for (const [key, value] of Object.entries(node.properties ?? {})) {
      keys.add(key);
      visit(value);
    }
  };
  visit(whysSchema);
  for (const definition of Object.values(whysSchema.definitions ?? {})) visit(definition);
  const scoped = new Set(grammar.repository.key.patterns.map((p) => p.name.replace('keyword.other.whys.', '')));
  assert.deepEqual([...keys].sort(), [...scoped].sort());
  const ruleMatch = grammar.repository.directive.patterns.find((p) => p.name === 'constant.language.rule.whys')?.match ?? '';
  for (const code of RULE_CODES) assert.ok(ruleMatch.includes(code), code);
});

interface OnEnterRule {
  beforeText: string;
  afterText?: string;
  action: { indent: 'none' | 'indent' | 'outdent'; appendText?: string; removeText?: number };
}

/** What VS Code puts on the new line when Enter is pressed at the end of `line` (tab size 2, spaces). */
function pressEnter(line: string): string | undefined {
  const config = JSON.parse(readFileSync(join(ROOT, 'language-configuration.json'), 'utf8')) as { onEnterRules: OnEnterRule[] };
  const rule = config.onEnterRules.find((r) => new RegExp(r.beforeText).test(line) && (!r.afterText || new RegExp(r.afterText).test('')));
  if (!rule) return undefined;
  let indent = /^\s*/.exec(line)?.[0] ?? '';
  if (rule.action.indent === 'indent') indent += '  ';
  if (rule.action.indent === 'outdent') indent = indent.slice(2);
  if (rule.action.removeText) indent = indent.slice(rule.action.removeText);
  return indent + (rule.action.appendText ?? '');
}

test('on-enter rules continue a step: why → because, because → next why, whys: → first why', () => {
  assert.equal(pressEnter('      - why: Why did it crash?'), '        because: ');
  assert.equal(pressEnter('        why: Why did it crash?'), '        because: ');
  assert.equal(pressEnter('        because: The disk was full.'), '      - why: ');
  assert.equal(pressEnter('      - because: The disk was full.'), '      - why: ');
  assert.equal(pressEnter('    whys:'), '      - why: ');
  assert.equal(pressEnter('  - whys:'), '      - why: ');
  assert.equal(pressEnter('        because:'), '          - cause: ');
  assert.equal(pressEnter('    actions:'), '      - do: ');
  assert.equal(pressEnter('roots:'), '  - whys:');
  // No rule where the default behaviour is right: block scalars, other keys, comments.
  assert.equal(pressEnter('        because: |'), undefined);
  assert.equal(pressEnter('        evidence: a graph'), undefined);
  assert.equal(pressEnter('# why: comment'), undefined);
});

test('typing a chain with Enter alone gives a valid analysis', () => {
  const lines = ['version: 1', 'title: t', 'problem: The site was down.', 'roots:'];
  const type = (text: string): void => {
    const next = pressEnter(lines[lines.length - 1]);
    assert.ok(next !== undefined, `no rule after ${lines[lines.length - 1]}`);
    lines.push(next + text);
  };
  type(''); // roots: → `  - whys:`
  type('Why was the site down?'); // → the first why
  type('The web server crashed.');
  type('Why did the web server crash?');
  type('It ran out of memory.');
  const result = checkText(lines.join('\n') + '\n');
  assert.deepEqual(
    result.parsed.problems.map((p) => p.message),
    [],
    lines.join('\n'),
  );
  assert.equal(result.parsed.analysis.roots[0].chain.steps.length, 2);
});

interface Snippet {
  prefix: string | string[];
  body: string[];
  description: string;
}

/** A snippet body with every placeholder at its default (the first choice), inserted on a line indented by `indent`. */
function expand(snippet: Snippet, indent = ''): string {
  return snippet.body
    .join('\n')
    .replace(/\$CURRENT_YEAR-\$CURRENT_MONTH-\$CURRENT_DATE/g, '2024-07-19')
    .replace(/\$\{\d+\|([^,|]+)[^|]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '')
    .split('\n')
    .map((line, index) => (index === 0 || line === '' ? line : indent + line))
    .join('\n');
}

test('every snippet expands to a valid skeleton', () => {
  const snippets = JSON.parse(readFileSync(join(ROOT, 'snippets', 'whys.code-snippets'), 'utf8')) as Record<string, Snippet>;
  assert.deepEqual(Object.keys(snippets).sort(), ['action', 'analysis', 'cause', 'root', 'step', 'whys-ignore']);
  const valid = (text: string, name: string): void => {
    const { parsed } = checkText(text);
    assert.deepEqual(parsed.problems.map((p) => `${p.rule}: ${p.message}`), [], `${name}:\n${text}`);
  };
  valid(expand(snippets.analysis), 'analysis');
  const head = 'version: 1\ntitle: t\nproblem: p\nroots:\n';
  valid(`${head}  ${expand(snippets.root, '  ')}`, 'root');
  valid(`${head}  - whys:\n      ${expand(snippets.step, '      ')}`, 'step');
  valid(`${head}  - whys:\n      - why: Why?\n        because:\n          ${expand(snippets.cause, '          ')}`, 'cause');
  valid(`${head}  - whys:\n      - why: Why?\n        because: B.\n    actions:\n      ${expand(snippets.action, '      ')}`, 'action');
  const ignore = expand(snippets['whys-ignore']);
  assert.match(ignore, /^# whys-ignore off-topic -- /);
  valid(`${head}  - whys:\n      ${ignore}\n      - why: Why?\n        because: B.\n`, 'whys-ignore');
});
