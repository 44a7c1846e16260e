/**
 * A reusable layout check: no visible control (button, link, input, select, textarea, tab) is cut off by an
 * ancestor with `overflow: hidden`/`clip`, no select cuts off its chosen option, and no two controls overlap. Scroll containers are allowed to
 * hide what is scrolled away; a control cut by the edge of the window counts as clipped.
 *
 *   expect(await layoutProblems(page)).toEqual([]);
 *
 * Each problem is a sentence naming the control by its accessible-ish label, so a failure says what to fix.
 */
import type { Page } from '@playwright/test';

export interface LayoutCheckOptions {
  /** CSS selectors of regions to leave out (e.g. a third-party widget that draws its own controls). */
  ignore?: string[];
  /** Pixels of slack before something counts (sub-pixel rounding, focus rings). */
  tolerance?: number;
  /** Containers that pan their content like a scroll area (React Flow's canvas by default). */
  scrollLike?: string[];
}

export async function layoutProblems(page: Page, options: LayoutCheckOptions = {}): Promise<string[]> {
  return page.evaluate(({ ignore, tolerance, scrollLike }) => {
    const CONTROLS = 'button, a[href], input:not([type="hidden"]), select, textarea, [role="tab"]';
    const name = (el: Element): string => {
      const label = el.getAttribute('aria-label') ?? el.getAttribute('data-testid') ?? (el as HTMLInputElement).placeholder ?? '';
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return `${el.tagName.toLowerCase()} "${label || text || (el as HTMLInputElement).name || '?'}"`;
    };
    const isShown = (el: Element): boolean => {
      const r = el.getBoundingClientRect();
      if (r.width <= 2 || r.height <= 2) return false; // visually-hidden inputs, zero-size anchors
      for (let n: Element | null = el; n; n = n.parentElement) {
        const s = getComputedStyle(n);
        if (s.display === 'none' || s.visibility === 'hidden' || Number(s.opacity) === 0) return false;
        if (n.getAttribute('aria-hidden') === 'true' || n.hasAttribute('inert')) return false;
      }
      return true;
    };
    const controls = [...document.querySelectorAll(CONTROLS)]
      .filter((el) => !ignore.some((sel) => el.closest(sel)))
      .filter(isShown);
    const problems: string[] = [];
    const measure = document.createElement('canvas');
    /** Room Chromium keeps for a select's arrow. */
    const SELECT_ARROW = 16;
    const vw = document.documentElement.clientWidth;
    const vh = document.documentElement.clientHeight;

    // The visible part of an element once every scrolling ancestor has cut it (what the user can see).
    const visibleRect = (el: Element): DOMRect | null => {
      let r = el.getBoundingClientRect();
      let { left, top, right, bottom } = r;
      for (let n = el.parentElement; n; n = n.parentElement) {
        const s = getComputedStyle(n);
        if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
        r = n.getBoundingClientRect();
        left = Math.max(left, r.left); top = Math.max(top, r.top); right = Math.min(right, r.right); bottom = Math.min(bottom, r.bottom);
      }
      return right - left > 2 && bottom - top > 2 ? new DOMRect(left, top, right - left, bottom - top) : null;
    };

    const shown: Array<{ el: Element; rect: DOMRect }> = [];
    for (const el of controls) {
      const rect = el.getBoundingClientRect();
      // Scrolled out of view inside a scroll container: not on screen, nothing to judge.
      const visible = visibleRect(el);
      if (!visible) continue;
      shown.push({ el, rect: visible });
      for (let n = el.parentElement; n; n = n.parentElement) {
        const s = getComputedStyle(n);
        // Past a scroll container (or a pannable canvas), being partly out of view is scrolling, not clipping.
        if (['auto', 'scroll'].includes(s.overflowX) || ['auto', 'scroll'].includes(s.overflowY) || n.matches(scrollLike)) break;
        const clipsX = s.overflowX === 'hidden' || s.overflowX === 'clip';
        const clipsY = s.overflowY === 'hidden' || s.overflowY === 'clip';
        if (!clipsX && !clipsY) continue;
        const box = n.getBoundingClientRect();
        const inner = { left: box.left + n.clientLeft, top: box.top + n.clientTop, right: box.left + n.clientLeft + n.clientWidth, bottom: box.top + n.clientTop + n.clientHeight };
        const cutX = clipsX && (rect.left < inner.left - tolerance || rect.right > inner.right + tolerance);
        const cutY = clipsY && (rect.top < inner.top - tolerance || rect.bottom > inner.bottom + tolerance);
        if (cutX || cutY) {
          problems.push(`${name(el)} is cut off by ${n.tagName.toLowerCase()}.${[...n.classList].join('.')} (overflow hidden).`);
          break;
        }
      }
      if (rect.left < -tolerance || rect.top < -tolerance || rect.right > vw + tolerance || rect.bottom > vh + tolerance) {
        problems.push(`${name(el)} runs past the edge of the window.`);
      }
      // A select draws its chosen option itself and never overflows: measure the text against the room left by its padding and arrow.
      if (el instanceof HTMLSelectElement && el.selectedOptions[0]) {
        const s = getComputedStyle(el);
        const context = measure.getContext('2d')!;
        context.font = `${s.fontStyle} ${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
        const text = el.selectedOptions[0].text;
        const room = el.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight) - SELECT_ARROW;
        if (context.measureText(text).width > room + tolerance) problems.push(`${name(el)} cuts off its choice "${text}".`);
      }
    }

    for (let i = 0; i < shown.length; i++) {
      for (let j = i + 1; j < shown.length; j++) {
        const a = shown[i]!;
        const b = shown[j]!;
        if (a.el.contains(b.el) || b.el.contains(a.el)) continue; // a control nested in another is one control
        const w = Math.min(a.rect.right, b.rect.right) - Math.max(a.rect.left, b.rect.left);
        const h = Math.min(a.rect.bottom, b.rect.bottom) - Math.max(a.rect.top, b.rect.top);
        if (w > tolerance && h > tolerance) problems.push(`${name(a.el)} overlaps ${name(b.el)}.`);
      }
    }
    return problems;
  }, { ignore: options.ignore ?? [], tolerance: options.tolerance ?? 1, scrollLike: (options.scrollLike ?? ['.react-flow']).join(', ') });
}
