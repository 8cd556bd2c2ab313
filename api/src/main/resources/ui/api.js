// The Quarry API client: the public endpoints only, with the caller's bearer token on every call.
// A failed call throws an ApiError carrying the server's problem+json (code, line, column, suggestions).

/** A refused call: its HTTP status and the problem the server answered. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

let token = null;

/** Sets the bearer token sent with every call. */
export function useToken(value) {
  token = value;
}

async function call(method, path, {json, text, accept = 'application/json', headers = {}, signal} = {}) {
  const init = {method, signal, headers: {Accept: accept, Authorization: `Bearer ${token}`, ...headers}};
  if (text !== undefined) {
    init.headers['Content-Type'] = 'text/plain';
    init.body = text;
  } else if (json !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(json);
  }
  const response = await fetch(path, init);
  if (!response.ok) {
    let problem;
    try {
      problem = await response.json();
    } catch {
      problem = {title: response.statusText || `HTTP ${response.status}`};
    }
    throw new ApiError(response.status, problem);
  }
  return response;
}

const body = async (response) => (response.status === 204 ? null : response.json());
const get = async (path, options) => body(await call('GET', path, options));
const post = async (path, options) => body(await call('POST', path, options));
const reports = '/api/v1/reports';
const saved = '/api/v1/saved-reports';

/** The version a saved-report answer's ETag names ("3" -> 3). */
const version = (response) => Number((response.headers.get('ETag') || '').replaceAll('"', ''));

export const api = {
  model: () => get('/api/v1/model'),
  values: (dimension, search, limit = 200) => get(`/api/v1/model/dimensions/${encodeURIComponent(dimension)}/values?`
      + new URLSearchParams({search, limit})),
  /** Runs a report text: a pivot table (PIVOT BY) or rows. */
  run: (text, pivot, signal) => post(`${reports}/${pivot ? 'pivot' : 'query'}`, {text, signal}),
  explain: (text, signal) => post(`${reports}/explain`, {text, signal}),
  /** The report as CSV, as a streaming response. */
  csv: (text, pivot, signal) => call('POST', `${reports}/${pivot ? 'pivot' : 'query'}`, {text, accept: 'text/csv', signal}),
  savedList: (name, limit = 50) => get(`${saved}?` + new URLSearchParams({name, limit})),
  savedGet: async (id) => {
    const response = await call('GET', `${saved}/${encodeURIComponent(id)}`);
    return {report: await response.json(), version: version(response)};
  },
  savedCreate: (fields) => post(saved, {json: fields}),
  savedUpdate: async (id, edited, fields) => (await call('PUT', `${saved}/${encodeURIComponent(id)}`,
      {json: fields, headers: {'If-Match': `"${edited}"`}})).json(),
  savedVersions: (id) => get(`${saved}/${encodeURIComponent(id)}/versions`),
  savedRestore: (id, n) => post(`${saved}/${encodeURIComponent(id)}/versions/${n}/restore`),
  savedRun: (id, parameters, signal) => post(`${saved}/${encodeURIComponent(id)}/run`, {json: {parameters}, signal}),
  savedCsv: (id, parameters, signal) => call('POST', `${saved}/${encodeURIComponent(id)}/run`,
      {json: {parameters}, accept: 'text/csv', signal}),
};
