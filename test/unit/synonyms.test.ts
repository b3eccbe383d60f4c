import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readSynonymSetting } from '../../src/core';

test('synonym setting: well-formed groups are used, trimmed', () => {
  assert.deepEqual(readSynonymSetting([['WS', ' widget service '], ['MES', 'shop-floor system', 'MES-2']]), {
    groups: [['WS', 'widget service'], ['MES', 'shop-floor system', 'MES-2']],
    ignored: [],
  });
  assert.deepEqual(readSynonymSetting(undefined), { groups: [], ignored: [] });
  assert.deepEqual(readSynonymSetting([]), { groups: [], ignored: [] });
});

test('synonym setting: each malformed entry is left out and named, the rest still apply', () => {
  const read = readSynonymSetting(['WS=widget service', ['MES'], [], ['pg', 42, 'postgres'], { a: 1 }, ['', '  '], ['db', 'database']]);
  assert.deepEqual(read.groups, [['pg', 'postgres'], ['db', 'database']]);
  assert.deepEqual(read.ignored, [
    'group 1 is the text "WS=widget service", not a list of words',
    'group 2 (["MES"]) has one word; a group needs two or more',
    'group 3 ([]) has no word; a group needs two or more',
    'group 4: 1 entry that is not a word left out',
    'group 5 is an object, not a list of words',
    'group 6 (["","  "]) has no word; a group needs two or more',
  ]);
  assert.deepEqual(readSynonymSetting('WS=widget service'), { groups: [], ignored: ['the value is the text "WS=widget service", not a list of groups'] });
});
