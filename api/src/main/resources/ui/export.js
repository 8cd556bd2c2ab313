// CSV export of the current report: the server streams it (rows from the database cursor; a pivot
// as its wide CSV); the page reads the stream, showing its progress, and hands the file to the
// browser as a download. The token never goes into a URL.
import {byId, h} from './dom.js';
import {api} from './api.js';
import {state, update} from './state.js';
import {parameterValues, problemOf, runsSaved} from './session.js';
import {isPivot} from './report-model.js';

export function mountExport() {
  byId('export').addEventListener('click', exportCsv);
}

async function exportCsv() {
  const button = byId('export');
  const status = byId('run-status');
  button.disabled = true;
  try {
    const response = runsSaved() ? await api.savedCsv(state.saved.id, parameterValues())
      : await api.csv(state.text, isPivot(state.report));
    const reader = response.body.getReader();
    const chunks = [];
    let bytes = 0;
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      chunks.push(read.value);
      bytes += read.value.length;
      status.textContent = `Exporting… ${(bytes / 1024).toFixed(0)} KB`;
    }
    const url = URL.createObjectURL(new Blob(chunks, {type: 'text/csv'}));
    const link = h('a', {href: url, download: `${fileName()}.csv`, hidden: true});
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    status.textContent = `Exported ${(bytes / 1024).toFixed(1)} KB`;
    document.body.dataset.exported = String(bytes);
  } catch (error) {
    update({answerProblem: error.problem ? problemOf(error)
      : {title: 'The export was cut off', detail: 'The server ended the CSV stream early; nothing was saved. Try again.'}});
  } finally {
    button.disabled = false;
  }
}

function fileName() {
  const name = (state.saved?.name ?? 'quarry-report').replace(/[^\p{L}\p{N}._ -]+/gu, '_').trim();
  return `${name} ${new Date().toISOString().slice(0, 10)}`;
}
