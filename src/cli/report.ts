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
export function reportFor(filePath: string, text: string, findings: readonly Finding[]): FileReport {
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
    };
  });
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
