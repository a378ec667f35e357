// Reads a JSON file (path argument) of Cypher statements and prints, as JSON, the problems Neo4j's
// language support finds in each: syntax errors and semantic ones (undefined variables, wrong
// clause order, ...). Parameters are declared by the caller at run time, so "parameter is not
// defined" is not a problem here.
//
// The file is either an array of statements, or {statements, schema, structure}:
// - schema (labels, relationshipTypes, propertyKeys, graphSchema) is the store's layout as the
//   linter's DbSchema; a label, type or property outside it, or a relationship between kinds the
//   layout never joins, is reported;
// - structure: true also reports every pattern that is not anchored to the layout: a node pattern
//   without a label (unless its variable is labelled elsewhere in the statement, or it is the
//   anonymous far end of a relationship whose type is named), and a relationship pattern without a type.
import { readFileSync } from 'node:fs';
import { lintCypherQuery, isNotParamError, getDebugTree } from '@neo4j-cypher/language-support';

const input = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const { statements, schema = {}, structure = false } = Array.isArray(input) ? { statements: input } : input;
const problems = [];
const report = (statement, d, check) =>
  problems.push({ statement, severity: d.severity === 1 ? 'error' : 'warning', message: d.message, check });
// What the layout finds (with a schema) reads "... is not present in the database" or "... has no
// incoming/outgoing ..."; everything else is Cypher's own syntax or semantics.
const layoutMessage = /is not present in the database|\) has no |\] has no /;
for (const statement of statements) {
  const { diagnostics, symbolTables } = lintCypherQuery(statement, schema);
  for (const d of diagnostics.filter(isNotParamError)) {
    report(statement, d, input.schema !== undefined && layoutMessage.test(d.message) ? 'layout' : 'cypher');
  }
  if (structure) {
    unanchoredPatterns(statement, symbolTables.flat()).forEach((message) => report(statement, { severity: 1, message }, 'structure'));
  }
}
process.stdout.write(JSON.stringify({ checked: statements.length, problems }));

function unanchoredPatterns(statement, symbols) {
  const tree = getDebugTree(statement);
  // A variable is labelled when the semantic analysis knows its labels, or when any node pattern
  // (a MERGE or CREATE too, which the symbol table does not label) gives it one.
  const labelled = new Set(symbols.filter((s) => (s.labels?.children ?? []).length > 0).map((s) => s.variable));
  const found = [];
  const walk = (node, visit) => {
    visit(node);
    for (const c of node.children ?? []) walk(c, visit);
  };
  walk(tree, (node) => {
    if (node.name === 'nodePattern' && has(node, 'labelExpression') && has(node, 'variable')) labelled.add(text(child(node, 'variable')));
  });
  walk(tree, (node) => {
    if (node.name === 'patternElement') checkElement(node.children ?? [], labelled, found);
  });
  return found;
}

function checkElement(parts, labelled, found) {
  parts.forEach((part, i) => {
    if (part.name === 'relationshipPattern' && !has(part, 'labelExpression')) {
      found.push(`the relationship pattern ${text(part)} names no type`);
    }
    if (part.name !== 'nodePattern' || has(part, 'labelExpression')) return;
    const variable = child(part, 'variable');
    if (variable && labelled.has(text(variable))) return;
    const typedNeighbour = [parts[i - 1], parts[i + 1]].some((p) => p?.name === 'relationshipPattern' && has(p, 'labelExpression'));
    if (!variable && !has(part, 'properties') && typedNeighbour) return;
    found.push(`the node pattern ${text(part)} names no label`);
  });
}

function child(tree, name) {
  return (tree.children ?? []).find((c) => c.name === name);
}

function has(tree, name) {
  return child(tree, name) !== undefined;
}

function text(tree) {
  return (tree.children ?? []).length === 0 ? tree.name : tree.children.map(text).join('');
}
