/**
 * Mermaid behind one function: source in, SVG element out, locked down (`securityLevel:
 * 'strict'`, no `startOnLoad`), one render at a time.
 */
import mermaid from 'mermaid';
import { MERMAID_CONFIG } from './mermaidConfig';
import { mermaidTheme, type ThemeKind } from './theme';

let counter = 0;
let chain: Promise<unknown> = Promise.resolve();
let configuredFor: ThemeKind | undefined;

function configure(theme: ThemeKind): void {
  if (configuredFor === theme) return;
  mermaid.initialize({ ...MERMAID_CONFIG, flowchart: { ...MERMAID_CONFIG.flowchart }, ...mermaidTheme(theme) });
  configuredFor = theme;
}

/**
 * Renders Mermaid source to an SVG element that is not yet in the document. Renders are
 * serialised (Mermaid keeps global state); the SVG text Mermaid returns is parsed by an inert
 * DOMParser document, never assigned to `innerHTML` of a live element.
 */
export function renderDiagram(source: string, theme: ThemeKind): Promise<SVGSVGElement> {
  const run = async (): Promise<SVGSVGElement> => {
    configure(theme);
    const id = `whys-svg-${++counter}`;
    try {
      const { svg } = await mermaid.render(id, source);
      const parsed = new DOMParser().parseFromString(svg, 'text/html');
      const element = parsed.querySelector('svg');
      if (!element) throw new Error('Mermaid returned no SVG');
      return document.adoptNode(element) as unknown as SVGSVGElement;
    } finally {
      // Mermaid leaves its measuring container behind when a render fails.
      document.getElementById(`d${id}`)?.remove();
      document.getElementById(id)?.remove();
    }
  };
  const result = chain.then(run, run);
  chain = result.catch(() => undefined);
  return result;
}
