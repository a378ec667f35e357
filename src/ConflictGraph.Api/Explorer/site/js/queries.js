// Every GraphQL document the explorer sends. Fragments name what each view shows.

const date = 'fragment DateParts on FuzzyDate { start end precision extent text at }';

const nodeRef = `fragment NodeRef on Node {
  __typename id
  ... on Person { name }
  ... on Organization { name }
  ... on Place { name }
  ... on Event { title date { ...DateParts } }
  ... on Statement { text }
  ... on Source { title }
}`;

const relationRef = `fragment RelationRef on Relation { id type status from { ...NodeRef } to { ...NodeRef } }`;

const statementDetail = `fragment StatementDetail on Statement {
  id text stance medium anonymous speakerDescription
  date { ...DateParts }
  speaker { __typename id name }
  onBehalfOf { id name }
  reportedIn { ...SourceRef }
  primarySource { ...SourceRef }
}
fragment SourceRef on Source { id title url publishedAt publisher { id name } }`;

const placeDetail = `fragment PlaceDetail on Place { id name placeKind: kind location { latitude longitude } precision locationSource }`;

const factRef = `fragment FactRef on Fact { id property value status }`;

const relationPage = `fragment RelationPage on RelationConnection {
  totalCount pageInfo { endCursor hasNextPage } nodes { ...RelationRef }
}`;

const eventDetail = `fragment EventDetail on Event {
  id title eventKind: kind description date { ...DateParts }
  places { ...PlaceDetail }
  respondsTo { ...RelationRef claims { position characterization } }
  retaliationFor { ...RelationRef claims { position characterization } }
}`;

/** A node with everything its panel shows, and the first page of relations on each side of it. */
export const NODE = `query ExplorerNode($id: ID!, $first: Int!) {
  node(id: $id) {
    ...NodeRef
    ... on Person { description aliases roles { title since until organization { id name } } facts { ...FactRef } }
    ... on Organization { description aliases organizationKind: kind facts { ...FactRef } }
    ... on Place { description aliases ...PlaceDetail facts { ...FactRef } }
    ... on Event { ...EventDetail facts { ...FactRef } casualties { conflicting killedLow killedBest killedHigh bestRule reports { killedMin killedMax injuredMin injuredMax victims
      statement { id speakerDescription speaker { id name } onBehalfOf { id name } } } } }
    ... on Statement { ...StatementDetail claims { ...RelationRef } disputes { ...RelationRef } about { ...NodeRef }
      positions { position characterization fact { ...FactRef subject { ...NodeRef } } } }
    ... on Source { url publishedAt publisher { id name } statements(first: $first) { totalCount nodes { ...NodeRef } } }
  }
  outgoing: relations(filter: { fromId: $id }, first: $first) { ...RelationPage }
  incoming: relations(filter: { toId: $id }, first: $first) { ...RelationPage }
}
${nodeRef} ${relationRef} ${relationPage} ${eventDetail} ${statementDetail} ${placeDetail} ${factRef} ${date}`;

/** The next page of one side of a node's relations. */
export const MORE_OUTGOING = `query ExplorerMoreOut($id: ID!, $first: Int!, $after: String) {
  page: relations(filter: { fromId: $id }, first: $first, after: $after) { ...RelationPage }
}
${nodeRef} ${relationRef} ${relationPage} ${date}`;

export const MORE_INCOMING = `query ExplorerMoreIn($id: ID!, $first: Int!, $after: String) {
  page: relations(filter: { toId: $id }, first: $first, after: $after) { ...RelationPage }
}
${nodeRef} ${relationRef} ${relationPage} ${date}`;

/** One relation (type, from, to identify it) with every statement that claims or disputes it. */
export const CLAIMS = `query ExplorerClaims($from: ID!, $to: ID!, $type: RelationType!) {
  relations(filter: { fromId: $from, toId: $to, types: [$type] }, first: 1) {
    nodes { ...RelationRef claims { position characterization statement { ...StatementDetail } } }
  }
}
${nodeRef} ${relationRef} ${statementDetail} ${date}`;

/** The facts stated with one property about a node, each with every claim on it. */
export const FACT_CLAIMS = `query ExplorerFactClaims($subject: ID!, $property: String!) {
  facts(filter: { subjectId: $subject, property: $property }, first: 100) {
    nodes { ...FactRef subject { ...NodeRef } claims { position characterization statement { ...StatementDetail } } }
  }
}
${factRef} ${nodeRef} ${statementDetail} ${date}`;

export const SEARCH = `query ExplorerSearch($text: String!) {
  search(text: $text, first: 8) { score node { ...NodeRef } }
}
${nodeRef} ${date}`;

export const PATHS = `query ExplorerPaths($from: ID!, $to: ID!, $depth: Int!) {
  source: node(id: $from) { ...NodeRef }
  target: node(id: $to) { ...NodeRef }
  paths(fromId: $from, toId: $to, maxDepth: $depth, first: 3) { length nodes { ...NodeRef } relations { ...RelationRef } }
}
${nodeRef} ${relationRef} ${date}`;

/** Events for the timeline and map: those matching a filter, a page at a time. */
export const EVENTS = `query ExplorerEvents($filter: EventFilter, $first: Int!, $after: String) {
  events(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { endCursor hasNextPage } nodes { ...EventDetail }
  }
}
${eventDetail} ${relationRef} ${nodeRef} ${placeDetail} ${date}`;

/** The same, for events already in the graph (at most the page size at a time). */
export const EVENTS_BY_ID = `query ExplorerEventsById($ids: [ID!]!) {
  nodes(ids: $ids) { ... on Event { ...EventDetail } }
}
${eventDetail} ${relationRef} ${nodeRef} ${placeDetail} ${date}`;

/** The relations and facts statements dispute, for the first page a visitor sees. */
export const DISPUTES = `query ExplorerDisputes {
  disputes(first: 10) { totalCount nodes { ...RelationRef } }
  facts(filter: { statuses: [DISPUTED, DENIED] }, first: 10) { totalCount nodes { ...FactRef subject { ...NodeRef } } }
}
${nodeRef} ${relationRef} ${factRef} ${date}`;

/** Which root fields the service offers, so a view whose query is missing can say so. */
export const CAPABILITIES = `query ExplorerCapabilities { __type(name: "Query") { fields { name } } }`;
