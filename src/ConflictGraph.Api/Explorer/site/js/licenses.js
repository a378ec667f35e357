// Lists the packages the explorer serves, from vendor/licenses.json (written when the build fetched them).
import { h } from './dom.js';

const packages = await fetch('vendor/licenses.json').then((response) => response.json());
document.querySelector('#licences tbody').append(...packages.map((item) => h('tr', {},
  h('td', {}, item.name),
  h('td', {}, item.version),
  h('td', {}, h('a', { href: `vendor/${item.name}/${item.licenseFile}` }, item.license)),
  h('td', {}, item.files.join(', ')))));
