/**
 * Reading a team's synonym groups (the `whys.synonyms` setting): which groups are usable, and a
 * plain description of each entry that is not, so the editor can say what it left out.
 */

/** The usable groups of a setting's value, and what was left out. */
export interface SynonymSetting {
  /** Groups of two or more non-empty words or phrases, trimmed. */
  readonly groups: string[][];
  /** One line for each entry left out, naming it by its position (from 1) and saying why. */
  readonly ignored: string[];
}

/** Reads a `whys.synonyms` value: a list of groups, each a list of two or more words or phrases. */
export function readSynonymSetting(raw: unknown): SynonymSetting {
  if (raw === undefined || raw === null) return { groups: [], ignored: [] };
  if (!Array.isArray(raw)) return { groups: [], ignored: [`the value is ${describe(raw)}, not a list of groups`] };
  const groups: string[][] = [];
  const ignored: string[] = [];
  raw.forEach((entry: unknown, i) => {
    const where = `group ${i + 1}`;
    if (!Array.isArray(entry)) {
      ignored.push(`${where} is ${describe(entry)}, not a list of words`);
      return;
    }
    const words = entry.filter((word): word is string => typeof word === 'string' && word.trim() !== '').map((word) => word.trim());
    const dropped = entry.length - words.length;
    if (words.length < 2) {
      ignored.push(`${where} (${JSON.stringify(entry)}) has ${words.length === 0 ? 'no word' : 'one word'}; a group needs two or more`);
      return;
    }
    if (dropped > 0) ignored.push(`${where}: ${dropped} ${dropped === 1 ? 'entry that is' : 'entries that are'} not a word left out`);
    groups.push(words);
  });
  return { groups, ignored };
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `the text ${JSON.stringify(value)}`;
  if (typeof value === 'object' && value !== null) return 'an object';
  return `${typeof value} ${String(value)}`;
}
