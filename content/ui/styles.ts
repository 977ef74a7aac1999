/** Styles for Second Look's shadow-root layer (ui/host.ts). */
export const UI_CSS = `
:host { all: initial; }
* { box-sizing: border-box; }
.layer { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2937; }
.scratch { position: fixed; left: 0; top: 0; visibility: hidden; pointer-events: none; }

/* Over a checked composer's whole box whatever was found (App.tsx, OverlayView): paints nothing. */
.cover { position: fixed; pointer-events: none; overflow: hidden; }
.mark { position: absolute; pointer-events: none; border-bottom: 2px solid; border-radius: 2px; }
.mark.warn { background: rgb(245 158 11 / 22%); border-color: rgb(217 119 6); }
.mark.block { background: rgb(220 38 38 / 18%); border-color: rgb(220 38 38); }
.mark.active { background: rgb(37 99 235 / 25%); border-color: rgb(37 99 235); }

/* One box of one size in every state: where it takes the pointer must not say what was found. */
.chip {
  position: fixed; pointer-events: auto; display: inline-flex; align-items: center; justify-content: center;
  width: 30px; height: 24px; padding: 0; margin: 0; border: 0; border-radius: 12px; cursor: pointer; overflow: hidden;
  font: 600 12px/24px system-ui, sans-serif; color: #fff; background: #b45309;
  box-shadow: 0 1px 3px rgb(0 0 0 / 30%);
}
.chip.block { background: #b91c1c; }
.chip.unavailable { background: #4b5563; }
.chip.clean { background: #15803d; }
.chip.pending { background: #6b7280; }
.chip:focus-visible, button:focus-visible { outline: 3px solid #2563eb; outline-offset: 2px; }

/* One box of one size for every finding (App.tsx, Card): the header, the errors, the actions and the
   account switch keep their place, and only the explanation between them scrolls, so no button is
   ever scrolled out of the box. */
.card {
  position: fixed; pointer-events: auto; width: min(380px, calc(100vw - 16px)); padding: 12px 14px;
  max-height: calc(100vh - 16px); overflow: hidden; box-sizing: border-box;
  display: flex; flex-direction: column; gap: 6px;
  background: #fff; border: 1px solid #d1d5db; border-radius: 10px; box-shadow: 0 8px 24px rgb(0 0 0 / 18%);
}
.card > * { flex: none; }
.card > .body { flex: 1 1 auto; min-height: 0; overflow-y: auto; overscroll-behavior: contain; }
.card:focus { outline: none; }
.card:focus-visible { outline: 3px solid #2563eb; }
.card header { display: flex; align-items: center; justify-content: space-between; gap: 8px; }
.card h2 { margin: 0; font-size: 15px; }
.card p { margin: 6px 0; }
.card > p.error { margin: 0; }
.severity { display: inline-block; padding: 1px 8px; border-radius: 9px; font-size: 12px; font-weight: 600; }
.severity.warn { background: #fef3c7; color: #92400e; }
.severity.block { background: #fee2e2; color: #991b1b; }
.severity.clean { background: #dcfce7; color: #166534; }
.why { color: #4b5563; font-size: 13px; }
blockquote { margin: 8px 0; padding: 6px 10px; border-left: 3px solid #9ca3af; background: #f9fafb; font-style: italic; }
.cite { color: #4b5563; font-size: 12px; }
.suggestion { margin: 8px 0; }
.suggestion q { font-weight: 600; }
.actions, .nav, .account { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; }
.nav { margin-left: auto; color: #4b5563; font-size: 12px; }
.account { margin-top: 8px; padding-top: 8px; border-top: 1px solid #e5e7eb; color: #4b5563; font-size: 12px; }
button {
  font: inherit; cursor: pointer; border-radius: 6px; padding: 4px 10px; border: 1px solid #d1d5db;
  background: #fff; color: #1f2937;
}
button.primary { background: #1d4ed8; border-color: #1d4ed8; color: #fff; }
button.link { border: 0; padding: 0 2px; background: none; color: #1d4ed8; text-decoration: underline; }
button.close { border: 0; background: none; font-size: 18px; line-height: 1; padding: 0 4px; }
.error { color: #991b1b; }
.thumbnail { margin: 8px 0; }
.thumbnail .frame { position: relative; display: inline-block; max-width: 100%; line-height: 0; }
.thumbnail img { max-width: 100%; max-height: 160px; border-radius: 6px; }
.thumbnail .missing { padding: 24px; background: #f3f4f6; line-height: 1.4; }
.thumbnail .box { position: absolute; border: 2px solid #dc2626; border-radius: 3px; box-shadow: 0 0 0 1px #fff; }
.thumbnail figcaption { margin-top: 4px; color: #4b5563; font-size: 12px; line-height: 1.4; }
button:disabled { opacity: 0.6; cursor: progress; }

.backdrop {
  position: fixed; inset: 0; pointer-events: auto; display: grid; place-items: center;
  background: rgb(17 24 39 / 45%);
}
.gate {
  width: min(480px, calc(100vw - 32px)); max-height: calc(100vh - 64px); overflow: auto; padding: 18px 20px;
  background: #fff; border-radius: 12px; box-shadow: 0 12px 40px rgb(0 0 0 / 30%);
}
.gate h2 { margin: 0 0 8px; font-size: 17px; }
.gate ul { margin: 8px 0 12px; padding-left: 18px; }
.gate li { margin: 6px 0; }
.gate .actions { justify-content: flex-end; margin-top: 12px; }
`;
