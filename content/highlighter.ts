import type { Severity } from '../rules/engine/ids';

/**
 * Draws marks on composer text with the CSS Custom Highlight API: ranges registered with
 * `CSS.highlights` and styled by `::highlight()` rules (highlights.css, injected through the
 * manifest), so nothing is written into the editor's DOM. The registry is the document's and
 * shared with the page, so names are prefixed. Every composer's marks go into the same three
 * highlights; an owner (a composer session) replaces its own set on each check.
 */
export type MarkStyle = Severity | 'active';

const HIGHLIGHT_NAMES: Record<MarkStyle, string> = {
  block: 'second-look-block',
  warn: 'second-look-warn',
  active: 'second-look-active',
};

export interface Mark {
  range: Range;
  style: MarkStyle;
}

/** Whether this browser can draw marks without an overlay. */
export function canHighlight(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

export class HighlightPainter {
  private readonly marks = new Map<object, Mark[]>();

  set(owner: object, marks: Mark[]): void {
    if (marks.length === 0 && !this.marks.has(owner)) return;
    if (marks.length === 0) this.marks.delete(owner);
    else this.marks.set(owner, marks);
    this.flush();
  }

  clear(owner: object): void {
    this.set(owner, []);
  }

  private flush(): void {
    const byStyle: Record<MarkStyle, Range[]> = { block: [], warn: [], active: [] };
    for (const marks of this.marks.values()) for (const m of marks) byStyle[m.style].push(m.range);
    for (const style of Object.keys(byStyle) as MarkStyle[]) {
      const ranges = byStyle[style];
      if (ranges.length === 0) {
        CSS.highlights.delete(HIGHLIGHT_NAMES[style]);
        continue;
      }
      const highlight = new Highlight(...ranges);
      // The mark under the pointer or caret is drawn over the others.
      highlight.priority = style === 'active' ? 2 : style === 'block' ? 1 : 0;
      CSS.highlights.set(HIGHLIGHT_NAMES[style], highlight);
    }
  }
}
