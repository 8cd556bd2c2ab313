// Saved reports: list and search, open, save (a new one, or a new version of the one open, naming
// the version edited), version history with restore. A save that finds the report changed by
// someone else (409 VERSION_CONFLICT) says so and offers to reload their version.
import {byId, fill, h} from './dom.js';
import {api} from './api.js';
import {state, subscribe, update} from './state.js';
import {openSaved, problemOf} from './session.js';
import {closeDialog, openDialog} from './dialog.js';
import {reportText} from './report-text.js';

export function mountSaved() {
  byId('saved-open').addEventListener('click', openList);
  byId('save').addEventListener('click', () => (state.saved ? saveVersion() : saveAs()));
  subscribe((current, changed) => {
    if (changed.has('saved') || changed.has('text') || changed.has('conflict')) {
      render(current);
    }
  });
}

function render(current) {
  const saved = current.saved;
  const edited = saved && current.text !== saved.text;
  byId('report-title').textContent = saved ? `${saved.name} · version ${saved.version}${edited ? ' · edited' : ''}` : '';
  const box = byId('conflict');
  box.hidden = !current.conflict;
  if (current.conflict) {
    fill(box, h('span', {}, h('strong', {}, 'Changed by someone else. '),
        `“${saved.name}” has a newer version than the version ${saved.version} you edited; nothing was saved. `
        + 'Reload it to see their changes (your edits are replaced), or save yours as a new report.'),
    h('button', {type: 'button', class: 'button small', id: 'conflict-reload', onclick: () => open(saved.id)}, 'Reload'),
    h('button', {type: 'button', class: 'button small', onclick: saveAs}, 'Save as new…'));
  }
}

async function openList() {
  const search = h('input', {type: 'search', id: 'saved-search', placeholder: 'Search by name', autocomplete: 'off'});
  const list = h('ul', {class: 'list', id: 'saved-list'});
  const status = h('p', {class: 'muted', role: 'status'});
  let timer;
  let latest = 0;
  const load = async () => {
    const asked = ++latest;
    try {
      const page = await api.savedList(search.value);
      if (asked !== latest) {
        return; // a later search answered first
      }
      status.textContent = `${page.total} saved report${page.total === 1 ? '' : 's'}${search.value ? ' match' : ''}`;
      fill(list, page.items.map((item) => h('li', {dataset: {id: item.id}},
          h('div', {class: 'what'}, h('div', {class: 'name'}, item.name),
              h('div', {class: 'meta'}, `Account ${item.account} · version ${item.version} · ${item.owner} · `
                  + `${new Date(item.updatedAt).toLocaleString()}${item.valid ? '' : ' · no longer runs'}`),
              item.description ? h('div', {class: 'meta'}, item.description) : null),
          h('button', {type: 'button', class: 'button small', 'aria-label': `History of ${item.name}`,
            onclick: () => history(item.id, item.name)}, 'History'),
          h('button', {type: 'button', class: 'button small primary', 'aria-label': `Open ${item.name}`,
            onclick: () => open(item.id)}, 'Open'))));
    } catch (error) {
      status.textContent = problemOf(error).detail ?? problemOf(error).title;
    }
  };
  search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(load, 250);
  });
  openDialog('Saved reports', [h('label', {for: 'saved-search', class: 'visually-hidden'}, 'Search saved reports'),
    search, status, list], [h('button', {type: 'button', class: 'button', onclick: saveAs}, 'Save current report as new…')]);
  search.focus();
  await load();
}

async function open(id) {
  try {
    const {report, version} = await api.savedGet(id);
    closeDialog();
    openSaved(report, version);
  } catch (error) {
    update({answerProblem: problemOf(error)});
  }
}

async function saveVersion() {
  const saved = state.saved;
  try {
    const report = await api.savedUpdate(saved.id, saved.version,
        {name: saved.name, description: saved.description || null, definition: state.text});
    openSaved(report, report.version);
  } catch (error) {
    if (error.status === 409 && error.problem.code === 'VERSION_CONFLICT') {
      update({conflict: error.problem});
    } else {
      saveAs(problemOf(error));
    }
  }
}

async function saveAs(problem = null) {
  const accounts = await api.values('account.id', '', 1000).then((a) => a.values).catch(() => []);
  const name = h('input', {type: 'text', id: 'save-name', required: true, maxlength: 200, value: state.saved?.name ?? ''});
  const description = h('textarea', {id: 'save-description', rows: 2}, state.saved?.description ?? '');
  const account = h('select', {id: 'save-account'}, accounts.map((a) => h('option', {value: a, selected: a === state.saved?.account}, `Account ${a}`)));
  const errors = h('div', {class: 'problem', role: 'alert', id: 'save-problem'});
  const show = (p) => fill(errors, p ? [p.detail ?? p.title, h('ul', {}, (p.errors ?? []).map((e) =>
    h('li', {}, e.line ? `Line ${e.line}, column ${e.column}: ` : '', e.detail.replace(/^line \d+:\d+: /, ''))))] : null);
  const submit = async (event) => {
    event.preventDefault();
    try {
      const report = await api.savedCreate({account: accounts.length ? Number(account.value) : undefined,
        name: name.value, description: description.value || null, definition: state.text});
      closeDialog();
      openSaved(report, report.version);
    } catch (error) {
      show(problemOf(error));
    }
  };
  openDialog('Save report', h('form', {id: 'save-form', onsubmit: submit},
      h('label', {for: 'save-name'}, 'Name'), name,
      h('label', {for: 'save-description'}, 'Description'), description,
      accounts.length > 1 ? [h('label', {for: 'save-account'}, 'Account'), account] : null, errors),
  [h('button', {type: 'button', class: 'button', onclick: closeDialog}, 'Cancel'),
    h('button', {type: 'submit', class: 'button primary', form: 'save-form', id: 'save-submit'}, 'Save')]);
  show(problem);
  name.focus();
}

async function history(id, name) {
  const list = h('ul', {class: 'list', id: 'version-list'});
  openDialog(`History of “${name}”`, list);
  try {
    const versions = await api.savedVersions(id);
    const current = Math.max(...versions.map((v) => v.version));
    fill(list, versions.map((v) => h('li', {dataset: {version: String(v.version)}},
        h('div', {class: 'what'}, h('div', {class: 'name'}, `Version ${v.version}: ${v.change}`
            + (v.restoredFrom ? ` from version ${v.restoredFrom}` : '')),
        h('div', {class: 'meta'}, `${v.name} · ${v.savedBy} · ${new Date(v.savedAt).toLocaleString()}`),
        h('details', {}, h('summary', {}, 'Definition'), h('pre', {class: 'definition'}, reportText(v.definition)))),
        v.version === current || v.change === 'deleted' ? h('span', {class: 'muted'}, v.version === current ? 'current' : '')
          : h('button', {type: 'button', class: 'button small', 'aria-label': `Restore version ${v.version}`,
            onclick: () => restore(id, v.version)}, 'Restore'))));
  } catch (error) {
    fill(list, h('li', {}, problemOf(error).detail ?? problemOf(error).title));
  }
}

async function restore(id, version) {
  try {
    await api.savedRestore(id, version);
    await open(id);
  } catch (error) {
    update({answerProblem: problemOf(error)});
  }
}
