// Reads a JSON array of Cypher statements (file path argument) and prints, as JSON, the problems
// Neo4j's language support finds in each: syntax errors and semantic ones (undefined variables,
// wrong clause order, ...). Parameters are declared by the caller at run time, so "parameter is
// not defined" is not a problem here.
import { readFileSync } from 'node:fs';
import { lintCypherQuery, isNotParamError } from '@neo4j-cypher/language-support';

const statements = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const problems = [];
for (const statement of statements) {
  const { diagnostics } = lintCypherQuery(statement, {});
  for (const d of diagnostics.filter(isNotParamError)) {
    problems.push({ statement, severity: d.severity === 1 ? 'error' : 'warning', message: d.message, at: d.offsets?.start ?? null });
  }
}
process.stdout.write(JSON.stringify({ checked: statements.length, problems }));
