import { relative, sep } from 'node:path';
import { RULES } from '../../core';
import type { Formatter } from '../report';

const LEVEL = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;

/**
 * A path as a URI reference per RFC 3986: each segment percent-encoded (so `#`, `?`, `%` and
 * spaces in a file name stay part of the path), the slashes kept. `absolute` gives a `file:` URI.
 */
export function pathToUri(path: string, absolute: boolean): string {
  const segments = path.split(sep).join('/').split('/');
  // A Windows drive letter (`C:`) stays as it is, as in file:///C:/...
  const encoded = segments.map((segment, i) => (i <= 1 && /^[A-Za-z]:$/.test(segment) ? segment : encodeSegment(segment)));
  const joined = encoded.join('/');
  if (!absolute) return joined;
  return joined.startsWith('/') ? `file://${joined}` : `file:///${joined}`;
}

/** encodeURIComponent leaves !'()* alone; RFC 3986 allows them in a segment, but they are sub-delimiters: encode them too. */
function encodeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** SARIF 2.1.0 for code-scanning upload; file URIs relative to the checked folder. */
export const sarif: Formatter = (reports, { cwd }) => {
  const version = typeof WHYS_VERSION === 'string' ? WHYS_VERSION : '0.0.0';
  const rules = RULES.map((rule) => ({
    id: rule.code,
    name: rule.code.replace(/(^|-)(\w)/g, (_, _dash: string, c: string) => c.toUpperCase()),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.explanation },
    helpUri: `https://github.com/whys-dev/whys/blob/main/README.md#rule-${rule.code}`,
    defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
  }));
  const index = new Map<string, number>(rules.map((rule, i) => [rule.id, i]));
  const results = reports.flatMap((report) => {
    const path = relative(cwd, report.filePath).split(sep).join('/');
    const inside = !path.startsWith('../') && !path.startsWith('/');
    return report.messages.map((m) => ({
      ruleId: m.ruleId,
      ruleIndex: index.get(m.ruleId) ?? -1,
      level: LEVEL[m.severity],
      message: { text: m.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: inside ? { uri: pathToUri(path, false), uriBaseId: '%SRCROOT%' } : { uri: pathToUri(report.filePath, true) },
            region: { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn },
          },
        },
      ],
      ...(m.judge ? { properties: { judge: m.judge } } : {}),
    }));
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'whys', version, informationUri: 'https://github.com/whys-dev/whys', rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToUri(cwd, true).replace(/\/?$/, '/') } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};
