/**
 * The only module that knows the UI toolkit. `@vscode/webview-ui-toolkit` is deprecated
 * upstream; to swap it for `@vscode-elements/elements`, change this file alone.
 */
import { provideVSCodeDesignSystem, vsCodeButton, vsCodeDivider } from '@vscode/webview-ui-toolkit';

let registered = false;

/** Registers the toolkit's custom elements once. */
export function registerToolkit(): void {
  if (registered) return;
  provideVSCodeDesignSystem().register(vsCodeButton(), vsCodeDivider());
  registered = true;
}

/** A toolbar button: `label` is our own text (set with textContent), `title` its tooltip. */
export function toolbarButton(options: { id: string; label: string; title: string; onClick: () => void; secondary?: boolean }): HTMLElement {
  registerToolkit();
  const button = document.createElement('vscode-button');
  button.id = options.id;
  button.setAttribute('appearance', options.secondary ? 'secondary' : 'icon');
  button.setAttribute('title', options.title);
  button.setAttribute('aria-label', options.title);
  button.textContent = options.label;
  button.addEventListener('click', () => options.onClick());
  return button;
}

/** A vertical separator between groups of toolbar buttons. */
export function toolbarSeparator(): HTMLElement {
  registerToolkit();
  const divider = document.createElement('vscode-divider');
  divider.setAttribute('role', 'separator');
  divider.className = 'toolbar-separator';
  return divider;
}

/** Changes a toolbar button's text (our own words only). */
export function setButtonLabel(button: HTMLElement, label: string, title: string): void {
  button.textContent = label;
  button.setAttribute('title', title);
  button.setAttribute('aria-label', title);
}
