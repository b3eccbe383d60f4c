/**
 * dist/whys.schema.json, the schema the build writes and `yamlValidation` hands to Red Hat's
 * YAML extension, is a real JSON Schema: Ajv compiles it in strict mode, accepts the examples
 * and rejects a typo.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';

const ROOT = join(__dirname, '..', '..', '..');

function validator() {
  const schema = JSON.parse(readFileSync(join(ROOT, 'dist', 'whys.schema.json'), 'utf8')) as object;
  // `date` and `date-time` are also enforced by `pattern`; Ajv only needs to know the names.
  const ajv = new Ajv({ allErrors: true, strict: true, formats: { date: true, 'date-time': true } });
  ajv.addKeyword('x-noun');
  return ajv.compile(schema);
}

test('the schema compiles and accepts the three examples and the corpus', () => {
  const validate = validator();
  const files = [
    ...['crowdstrike.whys.yaml', 'crowdstrike-as-written.whys.yaml', 'database-memory.whys.yaml'].map((f) => join(ROOT, 'test', 'examples', f)),
    ...readdirSync(join(ROOT, 'test', 'corpus'))
      .filter((f) => f.endsWith('.whys.yaml'))
      .map((f) => join(ROOT, 'test', 'corpus', f)),
  ];
  assert.ok(files.length >= 3);
  for (const file of files) {
    const ok = validate(parse(readFileSync(file, 'utf8')));
    assert.equal(ok, true, `${file}: ${JSON.stringify(validate.errors)}`);
  }
});

test('the schema rejects a typo key, a bad enum and a missing required field', () => {
  const validate = validator();
  const good = parse(readFileSync(join(ROOT, 'test', 'examples', 'database-memory.whys.yaml'), 'utf8')) as Record<string, unknown>;
  const text = readFileSync(join(ROOT, 'test', 'examples', 'crowdstrike.whys.yaml'), 'utf8');
  const typo = parse(text.replace('        because: The content interpreter', '        becuase: The content interpreter'));
  assert.equal(validate(typo), false);
  assert.ok(
    validate.errors?.some((e) => e.keyword === 'additionalProperties' && (e.params as { additionalProperty?: string }).additionalProperty === 'becuase'),
    JSON.stringify(validate.errors),
  );
  assert.equal(validate(parse(text.replace('severity: critical', 'severity: huge'))), false);
  assert.ok(validate.errors?.some((e) => e.keyword === 'enum' && e.instancePath === '/incident/severity'));
  const { problem: _problem, ...noProblem } = good;
  assert.equal(validate(noProblem), false);
  assert.ok(validate.errors?.some((e) => e.keyword === 'required' && (e.params as { missingProperty?: string }).missingProperty === 'problem'));
});
