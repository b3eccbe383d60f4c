import type { Formatter } from '../report';
import { escapeControlCharacters as visible } from '../terminal';

const paint = (code: number, on: boolean) => (text: string) => (on ? `\u001b[${code}m${text}\u001b[39m` : text);

const LABEL = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' } as const;

/**
 * ESLint's stylish look: a block per file, `line:column  severity  message  rule`, then a total.
 * Text from the file (messages quote it) and file names have their control characters escaped.
 */
export const stylish: Formatter = (reports, { color }) => {
  const red = paint(31, color);
  const yellow = paint(33, color);
  const blue = paint(34, color);
  const dim = paint(90, color);
  const underline = (text: string) => (color ? `\u001b[4m${text}\u001b[24m` : text);
  const out: string[] = [];
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const report of reports) {
    if (report.messages.length === 0) continue;
    errors += report.errorCount;
    warnings += report.warningCount;
    infos += report.infoCount;
    out.push(underline(visible(report.filePath)));
    const width = Math.max(...report.messages.map((m) => `${m.line}:${m.column}`.length));
    for (const m of report.messages) {
      const where = `${m.line}:${m.column}`.padEnd(width);
      const severity = m.severity === 'error' ? red(LABEL.error.padEnd(7)) : m.severity === 'warning' ? yellow(LABEL.warning.padEnd(7)) : blue(LABEL[m.severity].padEnd(7));
      out.push(`  ${dim(where)}  ${severity}  ${visible(m.message.replace(/\s*\n\s*/g, ' '))}  ${dim(visible(m.ruleId))}`);
    }
    out.push('');
  }
  const total = errors + warnings + infos;
  if (total === 0) return '';
  const summary = `✖ ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${infos} info)`;
  out.push(errors > 0 ? red(summary) : warnings > 0 ? yellow(summary) : summary);
  return out.join('\n') + '\n';
};
