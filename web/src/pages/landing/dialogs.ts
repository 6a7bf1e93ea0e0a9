import { OPENS_DIALOG_ATTR } from './ids';

/**
 * Buttons with `data-opens-dialog="<id>"` open that <dialog> as a modal. The browser does the
 * rest: focus moves in and stays in, Escape closes, focus returns to the button. A click on
 * the backdrop (the dialog element itself, outside its content) closes it too.
 */
export function wireDialogs(root: Document): void {
  for (const button of root.querySelectorAll<HTMLElement>(`[${OPENS_DIALOG_ATTR}]`)) {
    const dialog = root.getElementById(button.getAttribute(OPENS_DIALOG_ATTR) ?? '');
    if (!(dialog instanceof HTMLDialogElement)) continue;
    button.addEventListener('click', () => {
      if (!dialog.open) dialog.showModal();
    });
    if (dialog.dataset.wired) continue;
    dialog.dataset.wired = 'true';
    let pressedOnBackdrop = false;
    dialog.addEventListener('pointerdown', (e) => {
      pressedOnBackdrop = e.target === dialog;
    });
    dialog.addEventListener('click', (e) => {
      if (e.target === dialog && pressedOnBackdrop) dialog.close();
    });
  }
}
