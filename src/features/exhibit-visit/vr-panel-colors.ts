import type { SignColors } from '../../core/contrast.ts'

/**
 * The VR run panel's colours in one place, so a unit test can hold every text to WCAG AA
 * (≥ 4.5:1). The panel is a dark sheet at 88 % opacity in front of the scene: its text is
 * checked against the sheet over the brightest thing that can be behind it (white).
 */
export const VR_PANEL = {
  sheet: '#111814',
  sheetOpacity: 0.88,
  title: '#ffe9b0',
  feedbackOk: '#c9f2d5',
  feedbackNo: '#ffb3a7',
  subtitle: '#ffffff',
  buttonText: '#ffffff',
  button: { ok: '#2e7d4f', no: '#a33a2c', primary: '#c0392b', plain: '#34423a', hover: '#5a7a66' },
} as const

/** `over` seen through `top` at `opacity` (sRGB blend, as the browser composes the canvas). */
export function blendHex(top: string, over: string, opacity: number): string {
  const ch = (h: string) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16))
  const a = ch(top)
  const b = ch(over)
  return `#${a
    .map((x, i) =>
      Math.round(x * opacity + b[i]! * (1 - opacity))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`
}

/** Every text/background pair the VR panel draws, the sheet taken over a white scene. */
export function vrPanelPairs(): Record<string, SignColors> {
  const sheet = blendHex(VR_PANEL.sheet, '#ffffff', VR_PANEL.sheetOpacity)
  return {
    title: { text: VR_PANEL.title, background: sheet },
    feedbackOk: { text: VR_PANEL.feedbackOk, background: sheet },
    feedbackNo: { text: VR_PANEL.feedbackNo, background: sheet },
    subtitle: { text: VR_PANEL.subtitle, background: sheet },
    ...Object.fromEntries(Object.entries(VR_PANEL.button).map(([k, bg]) => [`button-${k}`, { text: VR_PANEL.buttonText, background: bg }])),
  }
}
