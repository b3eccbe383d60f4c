/**
 * Zoom and pan of the diagram: a CSS transform on the canvas that holds the SVG. Drag to pan,
 * Ctrl/Cmd + wheel to zoom at the pointer, plain wheel to scroll. The view survives updates.
 */

/** A view: the canvas is scaled by `scale`, then moved by (`x`, `y`) pixels. */
export interface View {
  scale: number;
  x: number;
  y: number;
}

const MIN_SCALE = 0.05;
/**
 * The smallest scale Fit uses: below it the labels (13 px text) are too small to read, so Fit
 * stops there and the rest of the tree is a scroll away. Zooming out by hand can go further.
 */
export const READABLE_SCALE = 0.6;
const MAX_SCALE = 4;
/** Pointer travel (px) under which a press-and-release is a click, not a drag. */
const CLICK_SLOP = 4;

export class PanZoom {
  view: View = { scale: 1, x: 0, y: 0 };
  /** Whether the last pointer press moved far enough to be a drag (clicks are ignored then). */
  dragged = false;

  constructor(
    private readonly viewport: HTMLElement,
    private readonly canvas: HTMLElement,
    private readonly onChange: (view: View) => void,
  ) {
    viewport.addEventListener('wheel', (event) => this.onWheel(event), { passive: false });
    viewport.addEventListener('pointerdown', (event) => this.onPointerDown(event));
  }

  /** Sets the view and applies it. */
  set(view: View): void {
    this.view = { scale: clamp(view.scale, MIN_SCALE, MAX_SCALE), x: view.x, y: view.y };
    this.apply();
  }

  /** Zooms by a factor around a point of the viewport (its centre by default). */
  zoomBy(factor: number, at?: { x: number; y: number }): void {
    const rect = this.viewport.getBoundingClientRect();
    const px = at ? at.x : rect.width / 2;
    const py = at ? at.y : rect.height / 2;
    const scale = clamp(this.view.scale * factor, MIN_SCALE, MAX_SCALE);
    const k = scale / this.view.scale;
    this.set({ scale, x: px - (px - this.view.x) * k, y: py - (py - this.view.y) * k });
  }

  /**
   * Fits the whole diagram into the viewport, never enlarging past 100 % and never shrinking
   * below `READABLE_SCALE`: a tree too large for that is shown from its start (the problem, at
   * the top left) at a readable size, and the rest is a scroll away.
   */
  fit(): void {
    const size = this.contentSize();
    const rect = this.viewport.getBoundingClientRect();
    if (!size || rect.width === 0 || rect.height === 0) return;
    const margin = 16;
    const wanted = Math.min((rect.width - 2 * margin) / size.width, (rect.height - 2 * margin) / size.height, 1);
    const scale = clamp(Math.max(wanted, READABLE_SCALE), MIN_SCALE, MAX_SCALE);
    const x = size.width * scale <= rect.width - 2 * margin ? (rect.width - size.width * scale) / 2 : margin;
    const y = size.height * scale <= rect.height - 2 * margin ? Math.max(margin, (rect.height - size.height * scale) / 2) : margin;
    this.set({ scale, x, y });
  }

  /** Moves the view so an element of the canvas is visible (centred when it was not). */
  reveal(element: Element): void {
    const box = element.getBoundingClientRect();
    const rect = this.viewport.getBoundingClientRect();
    const inside = box.left >= rect.left && box.right <= rect.right && box.top >= rect.top && box.bottom <= rect.bottom;
    if (inside) return;
    const cx = box.left + box.width / 2 - rect.left;
    const cy = box.top + box.height / 2 - rect.top;
    this.set({ scale: this.view.scale, x: this.view.x + rect.width / 2 - cx, y: this.view.y + rect.height / 2 - cy });
  }

  private contentSize(): { width: number; height: number } | undefined {
    const svg = this.canvas.querySelector('svg');
    if (!svg) return undefined;
    const width = parseFloat(svg.getAttribute('width') ?? '') || svg.viewBox.baseVal?.width || svg.getBoundingClientRect().width / this.view.scale;
    const height = parseFloat(svg.getAttribute('height') ?? '') || svg.viewBox.baseVal?.height || svg.getBoundingClientRect().height / this.view.scale;
    return width > 0 && height > 0 ? { width, height } : undefined;
  }

  private apply(): void {
    const { scale, x, y } = this.view;
    this.canvas.style.transform = `translate(${x}px, ${y}px) scale(${scale})`;
    this.onChange(this.view);
  }

  private onWheel(event: WheelEvent): void {
    event.preventDefault();
    const rect = this.viewport.getBoundingClientRect();
    if (event.ctrlKey || event.metaKey) {
      this.zoomBy(Math.exp(-event.deltaY * 0.002), { x: event.clientX - rect.left, y: event.clientY - rect.top });
    } else {
      this.set({ scale: this.view.scale, x: this.view.x - event.deltaX, y: this.view.y - event.deltaY });
    }
  }

  private onPointerDown(event: PointerEvent): void {
    if (event.button !== 0) return;
    const start = { x: event.clientX, y: event.clientY, vx: this.view.x, vy: this.view.y };
    this.dragged = false;
    const move = (e: PointerEvent): void => {
      const dx = e.clientX - start.x;
      const dy = e.clientY - start.y;
      if (!this.dragged && Math.hypot(dx, dy) < CLICK_SLOP) return;
      if (!this.dragged) {
        this.dragged = true;
        this.viewport.classList.add('dragging');
      }
      this.set({ scale: this.view.scale, x: start.vx + dx, y: start.vy + dy });
    };
    const up = (): void => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      this.viewport.classList.remove('dragging');
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
