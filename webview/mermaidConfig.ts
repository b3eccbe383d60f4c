/**
 * The Mermaid settings of the preview, apart from the theme: locked down (`securityLevel:
 * 'strict'`, no `startOnLoad`) and sized for big trees. Shared with the preview benchmark, so
 * the bare `mermaid.render` it compares against draws under the same settings.
 */
export const MERMAID_CONFIG = {
  startOnLoad: false,
  securityLevel: 'strict',
  suppressErrorRendering: true,
  // Big trees: the defaults (50 000 characters, 500 edges) are below what a 500-node tree needs.
  maxTextSize: 5_000_000,
  maxEdges: 5_000,
  flowchart: { useMaxWidth: false, htmlLabels: true, wrappingWidth: 260, padding: 10 },
} as const;
