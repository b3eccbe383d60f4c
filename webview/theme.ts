/** The VS Code colour theme of the webview, read from the classes VS Code puts on `<body>`. */

/** The kinds of theme VS Code tells a webview about. */
export type ThemeKind = 'light' | 'dark' | 'high-contrast' | 'high-contrast-light';

/** The current theme kind, from the body's `vscode-*` class. */
export function currentTheme(): ThemeKind {
  const classes = document.body.classList;
  if (classes.contains('vscode-high-contrast-light')) return 'high-contrast-light';
  if (classes.contains('vscode-high-contrast')) return 'high-contrast';
  if (classes.contains('vscode-dark')) return 'dark';
  return 'light';
}

/** The Mermaid theme settings for a theme kind. */
export function mermaidTheme(kind: ThemeKind): { theme: 'default' | 'dark' | 'base'; themeVariables?: Record<string, string> } {
  switch (kind) {
    case 'dark':
      return { theme: 'dark' };
    case 'high-contrast':
      return {
        theme: 'base',
        themeVariables: {
          background: '#000000',
          primaryColor: '#000000',
          primaryTextColor: '#ffffff',
          primaryBorderColor: '#6fc3df',
          secondaryColor: '#000000',
          tertiaryColor: '#000000',
          lineColor: '#ffffff',
          textColor: '#ffffff',
          mainBkg: '#000000',
          nodeBorder: '#6fc3df',
        },
      };
    case 'high-contrast-light':
      return {
        theme: 'base',
        themeVariables: {
          background: '#ffffff',
          primaryColor: '#ffffff',
          primaryTextColor: '#000000',
          primaryBorderColor: '#0f4a85',
          secondaryColor: '#ffffff',
          tertiaryColor: '#ffffff',
          lineColor: '#000000',
          textColor: '#000000',
          mainBkg: '#ffffff',
          nodeBorder: '#0f4a85',
        },
      };
    default:
      return { theme: 'default' };
  }
}

/** Calls `onChange` whenever the body's theme class changes. */
export function watchTheme(onChange: (kind: ThemeKind) => void): MutationObserver {
  let last = currentTheme();
  const observer = new MutationObserver(() => {
    const now = currentTheme();
    if (now !== last) {
      last = now;
      onChange(now);
    }
  });
  observer.observe(document.body, { attributes: true, attributeFilter: ['class'] });
  return observer;
}
