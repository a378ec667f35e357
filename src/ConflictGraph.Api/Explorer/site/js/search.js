// A search box that lists the service's best matches as you type (an ARIA combobox):
// arrows move through them, Enter opens one, Escape closes the list.
import { graphql } from './api.js';
import { h, fill } from './dom.js';
import { kindOf, nodeLabel, words } from './labels.js';
import { SEARCH } from './queries.js';

export class SearchBox {
  constructor(input, list, onChoose) {
    Object.assign(this, { input, list, onChoose, hits: [], active: -1, asked: 0 });
    input.addEventListener('input', () => this.ask());
    input.addEventListener('keydown', (event) => this.onKey(event));
    input.addEventListener('blur', () => setTimeout(() => this.close(), 150));
    input.form?.addEventListener('submit', (event) => {
      event.preventDefault();
      this.choose(Math.max(this.active, 0));
    });
  }

  async ask() {
    const text = this.input.value.trim();
    const asked = ++this.asked;
    if (text.length < 2) return this.show([]);
    try {
      const { search } = await graphql(SEARCH, { text });
      if (asked === this.asked) this.show(search.map((hit) => hit.node));
    } catch (error) {
      if (asked === this.asked) this.show([], `Search failed: ${error.message}`);
    }
  }

  show(hits, message) {
    this.hits = hits;
    this.active = hits.length > 0 ? 0 : -1;
    const text = this.input.value.trim();
    const items = hits.map((node, index) => h('li', {
      id: `${this.list.id}-${index}`, role: 'option', 'aria-selected': index === this.active ? 'true' : 'false',
      onmousedown: (event) => {
        event.preventDefault();
        this.choose(index);
      },
    }, h('span', { class: 'hit-label' }, nodeLabel(node)), ' ', h('span', { class: 'hit-kind' }, words(kindOf(node)))));
    if (items.length === 0 && text.length >= 2) items.push(h('li', { class: 'hit-none', role: 'option', 'aria-disabled': 'true' }, message ?? `Nothing matches “${text}”.`));
    fill(this.list, items);
    this.list.hidden = items.length === 0;
    this.input.setAttribute('aria-expanded', String(!this.list.hidden));
    this.mark();
  }

  mark() {
    [...this.list.children].forEach((item, index) => item.setAttribute('aria-selected', String(index === this.active)));
    if (this.active >= 0) this.input.setAttribute('aria-activedescendant', `${this.list.id}-${this.active}`);
    else this.input.removeAttribute('aria-activedescendant');
  }

  onKey(event) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (this.hits.length === 0) return;
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      this.active = (this.active + step + this.hits.length) % this.hits.length;
      this.mark();
    } else if (event.key === 'Escape') this.close();
  }

  choose(index) {
    const node = this.hits[index];
    if (!node) return;
    this.close();
    this.input.value = nodeLabel(node);
    this.onChoose(node);
  }

  close() {
    this.list.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
  }
}
