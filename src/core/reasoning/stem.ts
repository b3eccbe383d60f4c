/**
 * Word normalisation for matching: irregular forms to their base (`ran` → `run`), then Porter's
 * stemmer (`optimized`, `optimization` → `optim`). The result is a matching key, not a word to
 * show: messages always quote the file's own words.
 */

/** Irregular inflections (past tense, participles, plurals) and their base forms. */
const IRREGULAR: Record<string, string> = {
  am: 'be', is: 'be', are: 'be', was: 'be', were: 'be', been: 'be', being: 'be',
  has: 'have', had: 'have', having: 'have', does: 'do', did: 'do', done: 'do',
  ran: 'run', went: 'go', gone: 'go', fell: 'fall', fallen: 'fall', took: 'take', taken: 'take',
  made: 'make', wrote: 'write', written: 'write', built: 'build', brought: 'bring', caught: 'catch',
  sent: 'send', left: 'leave', lost: 'lose', broke: 'break', broken: 'break', forgot: 'forget',
  forgotten: 'forget', got: 'get', gotten: 'get', held: 'hold', kept: 'keep', knew: 'know', known: 'know',
  led: 'lead', meant: 'mean', met: 'meet', paid: 'pay', said: 'say', saw: 'see', seen: 'see',
  sold: 'sell', spent: 'spend', stood: 'stand', struck: 'strike', taught: 'teach', thought: 'think',
  told: 'tell', understood: 'understand', woke: 'wake', won: 'win', wore: 'wear', worn: 'wear',
  ate: 'eat', eaten: 'eat', began: 'begin', begun: 'begin', became: 'become', came: 'come',
  drove: 'drive', driven: 'drive', froze: 'freeze', frozen: 'freeze', gave: 'give', given: 'give',
  grew: 'grow', grown: 'grow', hid: 'hide', hidden: 'hide', rose: 'rise', risen: 'rise', shook: 'shake',
  shaken: 'shake', slid: 'slide', spun: 'spin', stuck: 'stick', threw: 'throw', thrown: 'throw',
  fed: 'feed', fled: 'flee', fought: 'fight', found: 'find', hung: 'hang', lain: 'lie', lit: 'light',
  mistook: 'mistake', mistaken: 'mistake', overrode: 'override', overridden: 'override', rebuilt: 'rebuild',
  rewrote: 'rewrite', rewritten: 'rewrite', overran: 'overrun', undid: 'undo', undone: 'undo',
  withdrew: 'withdraw', withdrawn: 'withdraw', bent: 'bend', blew: 'blow', blown: 'blow', bought: 'buy',
  chose: 'choose', chosen: 'choose', dealt: 'deal', drew: 'draw', drawn: 'draw', flew: 'fly', flown: 'fly',
  forbade: 'forbid', forbidden: 'forbid', heard: 'hear', ground: 'grind', leapt: 'leap', lent: 'lend',
  rang: 'ring', rung: 'ring', sank: 'sink', sunk: 'sink', sought: 'seek', shot: 'shoot', shone: 'shine',
  slept: 'sleep', spoke: 'speak', spoken: 'speak', stole: 'steal', stolen: 'steal', swore: 'swear',
  tore: 'tear', torn: 'tear', wound: 'wind', wrung: 'wring', overlooked: 'overlook', misread: 'misread',
  children: 'child', people: 'person', men: 'man', women: 'woman', feet: 'foot', teeth: 'tooth',
  data: 'data', criteria: 'criterion', indices: 'index', matrices: 'matrix', analyses: 'analysis',
  diagnoses: 'diagnosis', crises: 'crisis', bases: 'base', statuses: 'status', viruses: 'virus',
  shelves: 'shelf', shelve: 'shelf', shelved: 'shelf', shelving: 'shelf',
  worse: 'bad', worst: 'bad', better: 'good', best: 'good', fewer: 'few', less: 'little', least: 'little',
};

/** The base form of a lower-case word when it is irregular, else the word. */
export function baseForm(word: string): string {
  return IRREGULAR[word] ?? word;
}

const cache = new Map<string, string>();

/** The matching key of a lower-case word: irregular base, then Porter stem. Memoised. */
export function stem(word: string): string {
  let key = cache.get(word);
  if (key === undefined) {
    const base = baseForm(word);
    key = /^[a-z]+$/.test(base) ? porter(base) : base;
    if (cache.size > 50_000) cache.clear();
    cache.set(word, key);
  }
  return key;
}

// Porter's stemmer (M. F. Porter, 1980), the original algorithm.

function isConsonant(w: string, i: number): boolean {
  const c = w[i];
  if (c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u') return false;
  if (c === 'y') return i === 0 ? true : !isConsonant(w, i - 1);
  return true;
}

/** m(): the number of VC sequences in w[0..end). */
function measure(w: string, end: number): number {
  let n = 0;
  let i = 0;
  while (i < end && isConsonant(w, i)) i++;
  while (i < end) {
    while (i < end && !isConsonant(w, i)) i++;
    if (i >= end) break;
    n++;
    while (i < end && isConsonant(w, i)) i++;
  }
  return n;
}

function hasVowel(w: string, end: number): boolean {
  for (let i = 0; i < end; i++) if (!isConsonant(w, i)) return true;
  return false;
}

function endsDoubleConsonant(w: string): boolean {
  const n = w.length;
  return n >= 2 && w[n - 1] === w[n - 2] && isConsonant(w, n - 1);
}

/** *o: stem ends cvc, where the second c is not w, x or y. */
function endsCvc(w: string, end: number): boolean {
  if (end < 3) return false;
  if (!isConsonant(w, end - 1) || isConsonant(w, end - 2) || !isConsonant(w, end - 3)) return false;
  const c = w[end - 1];
  return c !== 'w' && c !== 'x' && c !== 'y';
}

function replaceSuffix(w: string, suffix: string, replacement: string, minMeasure: number): string | undefined {
  if (!w.endsWith(suffix)) return undefined;
  const stemEnd = w.length - suffix.length;
  if (measure(w, stemEnd) > minMeasure) return w.slice(0, stemEnd) + replacement;
  return w;
}

const STEP2: ReadonlyArray<[string, string]> = [
  ['ational', 'ate'], ['tional', 'tion'], ['enci', 'ence'], ['anci', 'ance'], ['izer', 'ize'], ['bli', 'ble'],
  ['alli', 'al'], ['entli', 'ent'], ['eli', 'e'], ['ousli', 'ous'], ['ization', 'ize'], ['ation', 'ate'],
  ['ator', 'ate'], ['alism', 'al'], ['iveness', 'ive'], ['fulness', 'ful'], ['ousness', 'ous'], ['aliti', 'al'],
  ['iviti', 'ive'], ['biliti', 'ble'], ['logi', 'log'],
];
const STEP3: ReadonlyArray<[string, string]> = [
  ['icate', 'ic'], ['ative', ''], ['alize', 'al'], ['iciti', 'ic'], ['ical', 'ic'], ['ful', ''], ['ness', ''],
];
const STEP4 = ['al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent', 'ion', 'ou', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize'];

function porter(word: string): string {
  if (word.length <= 2) return word;
  let w = word;
  // Step 1a
  if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ies')) w = w.slice(0, -2);
  else if (w.endsWith('ss')) {
    /* keep */
  } else if (w.endsWith('s')) w = w.slice(0, -1);
  // Step 1b
  let extra = false;
  if (w.endsWith('eed')) {
    if (measure(w, w.length - 3) > 0) w = w.slice(0, -1);
  } else if (w.endsWith('ed') && hasVowel(w, w.length - 2)) {
    w = w.slice(0, -2);
    extra = true;
  } else if (w.endsWith('ing') && hasVowel(w, w.length - 3)) {
    w = w.slice(0, -3);
    extra = true;
  }
  if (extra) {
    if ((w.endsWith('at') && isConsonant(w, w.length - 3)) || w.endsWith('bl') || w.endsWith('iz')) w += 'e';
    else if (endsDoubleConsonant(w) && !/[lsz]$/.test(w)) w = w.slice(0, -1);
    else if (measure(w, w.length) === 1 && endsCvc(w, w.length)) w += 'e';
  }
  // Step 1c
  if (w.endsWith('y') && hasVowel(w, w.length - 1)) w = w.slice(0, -1) + 'i';
  // Step 2
  for (const [suffix, replacement] of STEP2) {
    if (w.endsWith(suffix)) {
      w = replaceSuffix(w, suffix, replacement, 0) ?? w;
      break;
    }
  }
  // Step 3
  for (const [suffix, replacement] of STEP3) {
    if (w.endsWith(suffix)) {
      w = replaceSuffix(w, suffix, replacement, 0) ?? w;
      break;
    }
  }
  // Step 4
  for (const suffix of STEP4) {
    if (w.endsWith(suffix)) {
      const stemEnd = w.length - suffix.length;
      if (measure(w, stemEnd) > 1 && (suffix !== 'ion' || /[st]$/.test(w.slice(0, stemEnd)))) w = w.slice(0, stemEnd);
      break;
    }
  }
  // Step 5a
  if (w.endsWith('e')) {
    const m = measure(w, w.length - 1);
    if (m > 1 || (m === 1 && !endsCvc(w, w.length - 1))) w = w.slice(0, -1);
  }
  // Step 5b
  if (measure(w, w.length) > 1 && endsDoubleConsonant(w) && w.endsWith('l')) w = w.slice(0, -1);
  return w;
}
