import type { Formatter } from '../report';

const ESLINT_SEVERITY = { error: 2, warning: 1, information: 0, hint: 0 } as const;

/** ESLint's JSON formatter shape: severity 2 error, 1 warning, 0 information or hint. */
export const json: Formatter = (reports) =>
  JSON.stringify(
    reports.map((report) => ({
      filePath: report.filePath,
      messages: report.messages.map((m) => ({
        ruleId: m.ruleId,
        severity: ESLINT_SEVERITY[m.severity],
        message: m.message,
        line: m.line,
        column: m.column,
        endLine: m.endLine,
        endColumn: m.endColumn,
        ...(m.judge ? { judge: m.judge } : {}),
      })),
      errorCount: report.errorCount,
      warningCount: report.warningCount,
    })),
  ) + '\n';
