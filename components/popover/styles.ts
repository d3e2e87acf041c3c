/**
 * The popover's whole stylesheet, injected inside its shadow root. `:host`
 * resets everything the page could pass down, and every element used below
 * is styled explicitly, so the popover looks the same on every site. Colours
 * are custom properties: one set for light, one for dark, chosen by the
 * theme class ('auto' follows prefers-color-scheme).
 */

const LIGHT = `
  --tg-bg: #ffffff; --tg-fg: #1f2328; --tg-muted: #59636e; --tg-border: #d1d9e0;
  --tg-surface: #f6f8fa; --tg-link: #0969da; --tg-focus: #0969da;
  --tg-agrees: #1a7f37; --tg-agrees-bg: #dafbe1; --tg-disputed: #7d4e00; --tg-disputed-bg: #fff8c5;
  --tg-outside: #b42318; --tg-outside-bg: #ffebe9; --tg-none-bg: #f6f8fa;
  --tg-chart-bar: #57606a; --tg-chart-agrees: #1a7f37; --tg-chart-differs: #bc4c00;
  --tg-chart-page: #8250df; --tg-chart-axis: #8c959f; --tg-chart-text: #59636e;
  --tg-shadow: 0 8px 24px rgba(31, 35, 40, 0.18), 0 1px 3px rgba(31, 35, 40, 0.12);
  color-scheme: light;`;

const DARK = `
  --tg-bg: #1c2128; --tg-fg: #e6edf3; --tg-muted: #9198a1; --tg-border: #3d444d;
  --tg-surface: #262c36; --tg-link: #4493f8; --tg-focus: #4493f8;
  --tg-agrees: #57d364; --tg-agrees-bg: rgba(46, 160, 67, 0.18); --tg-disputed: #e3b341;
  --tg-disputed-bg: rgba(187, 128, 9, 0.18); --tg-outside: #ff7b72; --tg-outside-bg: rgba(248, 81, 73, 0.16);
  --tg-none-bg: #262c36;
  --tg-chart-bar: #9198a1; --tg-chart-agrees: #57d364; --tg-chart-differs: #f0883e;
  --tg-chart-page: #b388ff; --tg-chart-axis: #656c76; --tg-chart-text: #9198a1;
  --tg-shadow: 0 8px 24px rgba(1, 4, 9, 0.6), 0 1px 3px rgba(1, 4, 9, 0.5);
  color-scheme: dark;`;

export const POPOVER_CSS = `
:host { all: initial; }
/* The host is a plain <div>: page rules such as div::before must not draw beside it
   (inside the shadow root, !important outranks the page's !important). */
:host::before, :host::after { content: none !important; display: none !important; }
*, *::before, *::after { box-sizing: border-box; }
.tg-panel { ${LIGHT} }
.tg-theme-dark { ${DARK} }
@media (prefers-color-scheme: dark) { .tg-theme-auto { ${DARK} } }
.tg-panel {
  display: flex; flex-direction: column; width: 420px; max-width: calc(100vw - 16px);
  max-height: min(70vh, 560px); min-height: 0; overflow: hidden;
  background: var(--tg-bg); color: var(--tg-fg); border: 1px solid var(--tg-border);
  border-radius: 8px; box-shadow: var(--tg-shadow); text-align: left; direction: ltr;
  font: 400 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  letter-spacing: normal; word-spacing: normal; text-transform: none; white-space: normal;
  -webkit-font-smoothing: antialiased; cursor: auto; user-select: text; pointer-events: auto;
}
.tg-panel:focus { outline: none; }
.tg-panel:focus-visible { outline: 2px solid var(--tg-focus); outline-offset: 2px; }
.tg-head {
  display: grid; grid-template-columns: 1fr auto; gap: 2px 8px; align-items: start;
  padding: 10px 10px 8px 12px; border-bottom: 1px solid var(--tg-border); flex: none;
}
.tg-eyebrow {
  grid-column: 1; margin: 0; font-size: 11px; font-weight: 600; color: var(--tg-muted);
  text-transform: uppercase; letter-spacing: 0.04em; overflow-wrap: anywhere;
}
.tg-title { grid-column: 1; margin: 0; font-size: 15px; font-weight: 650; line-height: 1.3; overflow-wrap: anywhere; color: var(--tg-fg); }
.tg-subtitle { grid-column: 1; margin: 0; font-size: 12px; color: var(--tg-muted); }
.tg-close {
  grid-column: 2; grid-row: 1 / span 3; display: inline-flex; align-items: center; justify-content: center;
  width: 28px; height: 28px; margin: 0; padding: 0; border: 1px solid transparent; border-radius: 6px;
  background: transparent; color: var(--tg-muted); font: inherit; font-size: 18px; line-height: 1; cursor: pointer;
}
.tg-close:hover { background: var(--tg-surface); color: var(--tg-fg); }
.tg-close:focus-visible, .tg-panel a:focus-visible { outline: 2px solid var(--tg-focus); outline-offset: 1px; }
.tg-body { overflow: auto; overscroll-behavior: contain; padding: 10px 12px 12px; min-height: 0; flex: 1 1 auto; }
.tg-panel .tg-body > * + * { margin-top: 12px; }
.tg-body:focus { outline: none; }
.tg-body:focus-visible { outline: 2px solid var(--tg-focus); outline-offset: -2px; }
.tg-verdict { margin: 0; padding: 8px 10px; border-radius: 6px; border-left: 3px solid; font-weight: 500; }
.tg-tone-agrees { background: var(--tg-agrees-bg); border-color: var(--tg-agrees); }
.tg-tone-disputed { background: var(--tg-disputed-bg); border-color: var(--tg-disputed); }
.tg-tone-outside { background: var(--tg-outside-bg); border-color: var(--tg-outside); }
.tg-tone-none { background: var(--tg-none-bg); border-color: var(--tg-border); }
.tg-section { margin: 0; padding: 0; border: 0; }
.tg-h { margin: 0 0 4px; font-size: 11px; font-weight: 600; color: var(--tg-muted); text-transform: uppercase; letter-spacing: 0.04em; }
.tg-p { margin: 0; }
.tg-p + .tg-p { margin-top: 4px; }
.tg-muted { color: var(--tg-muted); }
.tg-small { font-size: 12px; }
.tg-list { margin: 0; padding: 0 0 0 18px; }
.tg-list li { margin: 2px 0; padding: 0; }
.tg-chips { display: flex; flex-wrap: wrap; gap: 4px; margin: 0; padding: 0; list-style: none; }
.tg-why { margin: 0; padding: 0; font-size: 12px; color: var(--tg-muted); }
.tg-why summary { display: list-item; cursor: pointer; width: max-content; max-width: 100%; border-radius: 4px; }
.tg-why summary:focus-visible { outline: 2px solid var(--tg-focus); outline-offset: 1px; }
.tg-reasons { margin: 4px 0 0; }
.tg-inline-list { margin: 0; padding: 0; list-style: none; font-size: 12px; color: var(--tg-muted); }
.tg-inline-list li { display: inline; margin: 0; padding: 0; }
.tg-inline-list li + li::before { content: " · "; }
.tg-chips li { margin: 0; padding: 1px 6px; border: 1px solid var(--tg-border); border-radius: 10px; background: var(--tg-surface); font-size: 12px; }
.tg-chart-block + .tg-chart-block { margin-top: 8px; }
.tg-chart-title { margin: 0 0 2px; font-size: 12px; font-weight: 600; }
.tg-chart-desc { margin: 0 0 2px; font-size: 12px; color: var(--tg-muted); }
.tg-table { width: 100%; border-collapse: collapse; font-size: 12px; table-layout: auto; }
.tg-table th, .tg-table td { padding: 4px 6px 4px 0; border-bottom: 1px solid var(--tg-border); vertical-align: top; text-align: left; font-weight: 400; }
.tg-table thead th { font-size: 11px; font-weight: 600; color: var(--tg-muted); text-transform: uppercase; letter-spacing: 0.04em; }
.tg-table th[scope="row"] { font-weight: 600; width: 38%; overflow-wrap: anywhere; }
.tg-table tr:last-child > * { border-bottom: 0; }
.tg-date { display: block; font-weight: 400; color: var(--tg-muted); }
.tg-count { font-weight: 600; font-variant-numeric: tabular-nums; }
.tg-per { display: block; color: var(--tg-muted); overflow-wrap: anywhere; }
.tg-badge { display: inline-block; margin-left: 4px; padding: 0 5px; border-radius: 8px; font-size: 11px; font-weight: 600; }
.tg-badge-agrees { color: var(--tg-agrees); background: var(--tg-agrees-bg); }
.tg-badge-differs { color: var(--tg-outside); background: var(--tg-outside-bg); }
.tg-mine { display: inline-block; margin-top: 2px; padding: 0 5px; border-radius: 8px; font-size: 11px; font-weight: 600; color: var(--tg-link); background: var(--tg-surface); border: 1px solid var(--tg-border); }
.tg-quote { margin: 2px 0 0; padding: 0; }
.tg-quote summary { display: list-item; width: max-content; max-width: 100%; cursor: pointer; color: var(--tg-muted); border-radius: 4px; }
.tg-quote summary:focus-visible { outline: 2px solid var(--tg-focus); outline-offset: 1px; }
.tg-quote blockquote { margin: 2px 0 0; padding: 2px 0 2px 8px; border-left: 2px solid var(--tg-border); font-style: italic; overflow-wrap: anywhere; }
.tg-panel a { color: var(--tg-link); text-decoration: underline; text-underline-offset: 2px; cursor: pointer; }
.tg-timeline { margin: 0; padding: 0 0 0 18px; font-size: 12px; }
.tg-timeline li { margin: 1px 0; }
.tg-linked { font-size: 11px; font-weight: 600; color: var(--tg-agrees); }
`;
