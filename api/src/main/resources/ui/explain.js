// The SQL and plan view of the current report (POST /reports/explain): a summary of where it runs
// (on Citus: a router query on one shard or a multi-shard one, and its task count), the planner's
// steps, the SQL and its parameters, and the database's own plan.
import {fill, h} from './dom.js';

/** Shows an explain answer (or its problem) in the view; null while it is being asked for. */
export function renderExplain(view, explain) {
  if (!explain) {
    fill(view, h('p', {class: 'muted'}, 'Reading the plan…'));
    return;
  }
  if (explain.problem) {
    fill(view, h('p', {class: 'problem'}, explain.problem.detail ?? explain.problem.title));
    return;
  }
  fill(view, h('div', {class: 'explain', id: 'explain'},
      h('h3', {}, 'Where it runs'), h('div', {class: 'summary', id: 'plan-summary'}, summary(explain).map((s) => h('span', {class: 'pill'}, s))),
      h('h3', {}, 'Planner steps'),
      h('table', {class: 'steps'}, h('thead', {}, h('tr', {}, ['Step', 'Runs on', 'What it does', 'Reads'].map((t) => h('th', {scope: 'col'}, t)))),
          h('tbody', {}, explain.steps.map((step) => h('tr', {},
              h('td', {class: 'name'}, step.name), h('td', {}, step.runsOn), h('td', {}, step.description),
              h('td', {}, (step.tables ?? []).join(', ')))))),
      h('h3', {}, 'SQL ', copy(explain.sql)), h('pre', {id: 'explain-sql'}, explain.sql),
      h('h3', {}, 'Parameters'),
      explain.parameters.length ? h('ol', {class: 'parameters-list'}, explain.parameters.map((p) => h('li', {}, p)))
        : h('p', {class: 'muted'}, 'None.'),
      h('h3', {}, 'Database plan'), h('pre', {id: 'explain-plan'}, explain.databasePlan.join('\n'))));
}

/** Where the plan runs, read from the database plan's Citus nodes and task counts. */
function summary(explain) {
  const plan = explain.databasePlan.join('\n');
  const scans = [...plan.matchAll(/Custom Scan \(Citus ([A-Za-z ]+)\)/g)].map((m) => m[1]);
  const tasks = [...plan.matchAll(/Task Count: (\d+)/g)].map((m) => Number(m[1]));
  if (!scans.length) {
    return ['PostgreSQL (no Citus distribution)', `${explain.steps.length} planner steps`];
  }
  const router = scans.includes('Router') || (tasks.length > 0 && tasks.every((t) => t === 1));
  return [router ? 'Citus router query: one shard' : 'Citus multi-shard query',
    `Citus ${[...new Set(scans)].join(', ')}`, `Tasks per Citus scan: ${tasks.length ? tasks.join(', ') : 'not shown'}`];
}

function copy(text) {
  return h('button', {type: 'button', class: 'button small', onclick: (event) => {
    navigator.clipboard?.writeText(text).then(() => {
      event.target.textContent = 'Copied';
    });
  }}, 'Copy');
}
