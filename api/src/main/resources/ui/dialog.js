// The page's one modal dialog (a native <dialog>: focus stays inside, Escape closes it).
import {byId, fill, h} from './dom.js';

/** Shows the dialog with a title, a body and footer buttons. */
export function openDialog(title, body, footer = []) {
  const dialog = byId('dialog');
  fill(dialog,
      h('div', {class: 'dialog-head'}, h('h2', {id: 'dialog-title'}, title), h('span', {class: 'spacer'}),
          h('button', {type: 'button', class: 'button ghost small', 'aria-label': 'Close', onclick: closeDialog}, '×')),
      h('div', {class: 'dialog-body'}, body),
      footer.length ? h('div', {class: 'dialog-foot'}, footer) : null);
  dialog.setAttribute('aria-labelledby', 'dialog-title');
  if (!dialog.open) {
    dialog.showModal();
  }
  return dialog;
}

export function closeDialog() {
  const dialog = byId('dialog');
  if (dialog.open) {
    dialog.close();
  }
}
