// Quarry's web UI: starts the page once a token is accepted. It talks to the server only through
// the public API (the report language, its JSON form and the documented endpoints); the one other
// call, /ui/config.json, only says whether this is the embedded demo (docs/ui.md).
import {byId} from './dom.js';
import {api} from './api.js';
import {state, update} from './state.js';
import {editReport, editText, rememberedText} from './session.js';
import {connect, signOut} from './token.js';
import {fieldsOf, mountFields} from './fields.js';
import {mountBuilder} from './builder.js';
import {mountEditor} from './editor.js';
import {mountResults} from './results.js';
import {mountSaved} from './saved.js';
import {mountParameters} from './parameters.js';
import {mountExport} from './export.js';
import {starterReport} from './report-model.js';

function open({model, demo, demoReport}) {
  mountFields();
  mountBuilder();
  mountEditor();
  mountResults();
  mountSaved();
  mountParameters();
  mountExport();
  byId('workspace').hidden = false;
  byId('mode-badge').hidden = !demo;
  byId('sign-out').hidden = false;
  byId('sign-out').addEventListener('click', signOut);
  byId('saved-open').disabled = false;
  byId('save').disabled = false;
  byId('new-report').addEventListener('click', () => {
    update({saved: null, conflict: null});
    editReport(starterReport());
  });
  update({fields: fieldsOf(model), view: state.view});
  api.values('account.currency', '', 1000).then((answer) => update({currencies: answer.values.filter(Boolean)}))
      .catch(() => update({currencies: []}));
  const text = rememberedText() ?? (demo ? demoReport : null);
  if (text) {
    editText(text, {now: true, canonical: true});
  } else {
    editReport(starterReport());
  }
}

connect(open);
