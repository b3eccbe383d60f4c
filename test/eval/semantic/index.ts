/**
 * `npm run eval:semantic -- FOLDER...`: the semantic pass against labelled analyses, for the
 * decision of what is on by default (issue 14): for each semantic detector (`off-topic`,
 * `chain-break`, `circular`), per folder and in total, the faults the rules find, the detector finds, and
 * "rules or semantic" finds, with the clean steps each flags. Each detector runs at its
 * committed threshold (src/core/semantic/weights/), whatever its `on` switch. Prints whether "rules or semantic" beats the rules with at most 1%
 * of clean steps flagged (the bar for switching it on by default). Embeddings are cached in
 * .cache/ (git-ignored). Not part of `npm test`: a cold run embeds every text.
 */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { checkText, semanticScores, SEMANTIC_DETECTORS, type SemanticDetectorName, type SemanticModels, type SentenceEncoder } from '../../../src/core';
import { committedSemanticModels } from '../../unit/semantic/helpers';
import { diskCached, repositoryEncoder } from '../../train/semantic';
import { ROOT } from '../../train/train';
import { analysisFiles, labelledScalars } from '../labels';

interface Tally {
  labelled: number;
  rules: number;
  semantic: number;
  either: number;
  rulesFP: number;
  semanticFP: number;
  eitherFP: number;
  clean: number;
  cleanRules: number;
  cleanSemantic: number;
  cleanEither: number;
}

const empty = (): Tally => ({ labelled: 0, rules: 0, semantic: 0, either: 0, rulesFP: 0, semanticFP: 0, eitherFP: 0, clean: 0, cleanRules: 0, cleanSemantic: 0, cleanEither: 0 });

async function main(): Promise<number> {
  const folders = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  if (folders.length === 0) {
    console.error('eval:semantic: name the labelled folders, e.g. npm run eval:semantic -- test/heldout/set-14 test/heldout/set-15');
    return 1;
  }
  const models = committedSemanticModels();
  const encoder = diskCached(await repositoryEncoder());
  for (const rule of SEMANTIC_DETECTORS) await report(rule, folders, models, encoder);
  (encoder as { save(): void }).save();
  return 0;
}

async function report(rule: SemanticDetectorName, folders: readonly string[], models: SemanticModels, encoder: SentenceEncoder): Promise<void> {
  const threshold = models.settings[rule].threshold;
  const total = empty();
  const lines: string[] = [];
  for (const folder of folders) {
    const t = empty();
    for (const file of analysisFiles([resolve(folder)])) {
      const name = relative(ROOT, file);
      const { parsed, findings } = checkText(readFileSync(file, 'utf8'));
      const problems: string[] = [];
      const scalars = labelledScalars(parsed, name, problems);
      const byRules = new Set(findings.filter((f) => f.rule === rule).map((f) => f.span.start));
      const bySemantic = new Set((await semanticScores(parsed, encoder, models)).filter((s) => s.detector === rule && s.probability >= threshold).map((s) => s.start));
      const steps = new Map<string, { clean: boolean; rules: boolean; semantic: boolean }>();
      for (const s of scalars) {
        const r = byRules.has(s.start);
        const m = bySemantic.has(s.start);
        const step = steps.get(s.stepKey) ?? { clean: true, rules: false, semantic: false };
        step.clean &&= s.expected.size === 0;
        step.rules ||= r;
        step.semantic ||= m;
        steps.set(s.stepKey, step);
        const fault = s.expected.has(rule);
        if (fault) t.labelled++;
        if (r) t[fault ? 'rules' : 'rulesFP']++;
        if (m) t[fault ? 'semantic' : 'semanticFP']++;
        if (r || m) t[fault ? 'either' : 'eitherFP']++;
      }
      for (const s of steps.values()) {
        if (!s.clean) continue;
        t.clean++;
        if (s.rules) t.cleanRules++;
        if (s.semantic) t.cleanSemantic++;
        if (s.rules || s.semantic) t.cleanEither++;
      }
    }
    for (const k of Object.keys(t) as (keyof Tally)[]) total[k] += t[k];
    lines.push(row(relative(ROOT, resolve(folder)), t));
  }
  console.log(`\nsemantic ${rule} at threshold ${threshold} (committed), against the rules\n`);
  console.log('set                          labelled  rules (FP)  semantic (FP)  rules or semantic (FP)  clean steps flagged: rules / semantic / either');
  for (const l of lines) console.log(l);
  console.log(row('total', total));
  const share = total.clean ? total.cleanEither / total.clean : 0;
  const beats = total.either > total.rules && share <= 0.01;
  console.log(`\n${rule}: "rules or semantic" finds ${total.either} of ${total.labelled} (rules alone ${total.rules}), flags ${(share * 100).toFixed(1)}% of clean steps: ${beats ? 'beats the rules within 1% of clean steps (may be on by default)' : 'does not meet the bar (stays behind whys.semantic)'}`);
}

function row(name: string, t: Tally): string {
  return `${name.padEnd(29)}${String(t.labelled).padStart(8)}  ${`${t.rules} (${t.rulesFP})`.padEnd(12)}${`${t.semantic} (${t.semanticFP})`.padEnd(15)}${`${t.either} (${t.eitherFP})`.padEnd(24)}${t.cleanRules} / ${t.cleanSemantic} / ${t.cleanEither} of ${t.clean}`;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
