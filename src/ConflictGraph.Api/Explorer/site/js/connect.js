// How two nodes are connected: pick a second node, and the service's `paths` query answers with
// the shortest chains of relations between them; each step says who claims it.
import { h } from './dom.js';
import { relationItem } from './details.js';
import { nodeLabel } from './labels.js';
import { SearchBox } from './search.js';

export function connectPanel(from, actions) {
  const input = h('input', { id: 'connect-input', type: 'search', autocomplete: 'off', role: 'combobox', 'aria-expanded': 'false', 'aria-controls': 'connect-results', 'aria-autocomplete': 'list', placeholder: 'A person, group, place, event…' });
  const list = h('ul', { id: 'connect-results', role: 'listbox', class: 'results', hidden: true });
  const form = h('form', { class: 'combo', role: 'search' }, h('label', { for: 'connect-input' }, 'Connected to'), input, list);
  const panel = h('section', { class: 'connect', 'aria-labelledby': 'panel-title' },
    h('p', { class: 'panel-kind' }, 'Connections'),
    h('h2', { id: 'panel-title', tabindex: '-1' }, `How is ${nodeLabel(from)} connected to…`),
    form,
    h('p', { class: 'muted' }, 'The shortest chains of relations between the two, whichever way each relation runs.'));
  new SearchBox(input, list, (to) => actions.connect(from.id, to.id));
  queueMicrotask(() => input.focus());
  return panel;
}

export function pathsPanel(from, to, paths, actions) {
  return h('section', { class: 'paths', 'aria-labelledby': 'panel-title' },
    h('p', { class: 'panel-kind' }, 'Connections'),
    h('h2', { id: 'panel-title', tabindex: '-1' }, `How ${nodeLabel(from)} is connected to ${nodeLabel(to)}`),
    paths.length === 0
      ? h('p', {}, 'No chain of relations joins them within the depth searched.')
      : h('ol', { class: 'path-list' }, paths.map((path, index) => h('li', {},
        h('h3', {}, `Path ${index + 1}: ${path.length} ${path.length === 1 ? 'step' : 'steps'}`),
        h('ul', { class: 'relations' }, path.relations.map((relation) => relationItem(relation, null, actions)))))),
    h('p', { class: 'muted' }, 'Every step lists its claim status; “Who says so” shows the statements behind it.'));
}
