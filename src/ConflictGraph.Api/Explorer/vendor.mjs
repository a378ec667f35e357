// Copies the files the explorer serves (package.json "served") out of node_modules into vendor/,
// each package beside its licence file, and writes vendor/licenses.json: name, version, licence
// and files of every package served. npm runs this after `npm ci`; the service serves vendor/ only.
import fs from 'node:fs';
import path from 'node:path';

const here = path.dirname(new URL(import.meta.url).pathname);
const manifest = JSON.parse(fs.readFileSync(path.join(here, 'package.json'), 'utf8'));
const out = path.join(here, 'vendor');
fs.rmSync(out, { recursive: true, force: true });

const licenceNames = ['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'LICENCE', 'license', 'license.md'];
const packages = Object.entries(manifest.served).map(([name, files]) => {
  const from = path.join(here, 'node_modules', name);
  const info = JSON.parse(fs.readFileSync(path.join(from, 'package.json'), 'utf8'));
  const licenceFile = licenceNames.find((file) => fs.existsSync(path.join(from, file)));
  if (!licenceFile) throw new Error(`${name} ships no licence file; the explorer must not serve it without one`);
  for (const file of [...files, licenceFile]) {
    fs.mkdirSync(path.dirname(path.join(out, name, file)), { recursive: true });
    fs.copyFileSync(path.join(from, file), path.join(out, name, file));
  }
  return { name, version: info.version, license: info.license, licenseFile: licenceFile, homepage: info.homepage ?? null, files };
});
fs.writeFileSync(path.join(out, 'licenses.json'), JSON.stringify(packages, null, 2) + '\n');
console.log(`explorer: ${packages.length} packages copied into vendor/`);
