import { LineIndex, type Finding, type Severity } from '../core';

/** One message of a checked file, positioned in 1-based lines and columns (UTF-16 columns). */
export interface FileMessage {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** Set when the model review produced or confirmed the finding. */
  readonly judge?: { readonly model: string; readonly confidence: number };
}

/** A message about a whole file that no rule of the core produced (e.g. the model review's). */
export interface FileNote {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
}

/** The result of checking one file. */
export interface FileReport {
  /** Absolute path. */
  readonly filePath: string;
  readonly messages: FileMessage[];
  readonly errorCount: number;
  readonly warningCount: number;
  readonly infoCount: number;
}

/** Positions a file's findings in lines and columns and counts them. */
export function reportFor(filePath: string, text: string, findings: readonly Finding[], notes: readonly FileNote[] = []): FileReport {
  const lines = new LineIndex(text);
  const messages = findings.map((finding): FileMessage => {
    const start = lines.position(finding.span.start);
    const end = lines.position(finding.span.end);
    return {
      ruleId: finding.rule,
      severity: finding.severity,
      message: finding.message,
      line: start.line + 1,
      column: start.character + 1,
      endLine: end.line + 1,
      endColumn: end.character + 1,
      ...(finding.judge ? { judge: { model: finding.judge.model, confidence: finding.judge.confidence } } : {}),
    };
  });
  for (const note of [...notes].reverse()) messages.unshift({ ...note, line: 1, column: 1, endLine: 1, endColumn: 1 });
  return {
    filePath,
    messages,
    errorCount: messages.filter((m) => m.severity === 'error').length,
    warningCount: messages.filter((m) => m.severity === 'warning').length,
    infoCount: messages.filter((m) => m.severity === 'information' || m.severity === 'hint').length,
  };
}

/** A formatter turns the reports of a run into the text printed on stdout. */
export type Formatter = (reports: readonly FileReport[], context: { cwd: string; color: boolean }) => string;
