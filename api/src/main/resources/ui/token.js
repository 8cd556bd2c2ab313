// The bearer token: pasted by the user, kept in this tab's session storage only, checked against
// the API before the workspace opens. In the embedded demo mode the server hands a browser on its
// own machine a read-only demo token (GET /ui/config.json), and the page uses it without asking.
import {byId, fill} from './dom.js';
import {api, useToken} from './api.js';

const TOKEN_KEY = 'quarry.token';
const SIGNED_OUT_KEY = 'quarry.signedOut';

/** Connects with the stored, the demo or a pasted token, then calls open({model, demo, demoReport}). */
export async function connect(open) {
  const settings = await fetch('/ui/config.json', {headers: {Accept: 'application/json'}})
      .then((response) => (response.ok ? response.json() : {})).catch(() => ({}));
  const stored = sessionStorage.getItem(TOKEN_KEY);
  const signedOut = sessionStorage.getItem(SIGNED_OUT_KEY);
  const token = stored ?? (signedOut ? null : settings.demoToken);
  if (!token || !(await tryToken(token, settings, open))) {
    showGate(settings, open);
  }
}

async function tryToken(token, settings, open, error = null) {
  useToken(token);
  try {
    const model = await api.model();
    sessionStorage.setItem(TOKEN_KEY, token);
    sessionStorage.removeItem(SIGNED_OUT_KEY);
    byId('token-gate').hidden = true;
    open({model, demo: token === settings.demoToken, demoReport: settings.demoReport});
    return true;
  } catch (failure) {
    sessionStorage.removeItem(TOKEN_KEY);
    if (error) {
      error.hidden = false;
      error.textContent = failure.problem ? `${failure.problem.detail ?? failure.problem.title} (${failure.problem.code ?? failure.status})`
        : `The server could not be reached: ${failure.message}`;
    }
    return false;
  }
}

function showGate(settings, open) {
  byId('token-gate').hidden = false;
  byId('workspace').hidden = true;
  const input = byId('token-input');
  const error = byId('token-error');
  const demo = byId('token-demo');
  demo.hidden = !settings.demoToken;
  demo.onclick = () => tryToken(settings.demoToken, settings, open, error);
  byId('token-form').onsubmit = (event) => {
    event.preventDefault();
    fill(error);
    error.hidden = true;
    tryToken(input.value.trim().replace(/^Bearer\s+/i, ''), settings, open, error);
  };
  input.focus();
}

/** Forgets the token and the report of this tab, and asks for a token again. */
export function signOut() {
  sessionStorage.clear();
  sessionStorage.setItem(SIGNED_OUT_KEY, '1');
  location.reload();
}
