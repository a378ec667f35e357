using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Sqlite.Reading;

/// <summary>
/// Turns a <see cref="FactQuery"/> into conditions on the facts table (alias f). Each condition is
/// served by an index (subject, property, status); claims by an actor are found from the actor's
/// statements (refs_by_target, then fact_claims_by_statement), never by walking every fact.
/// </summary>
internal static class FactFilters
{
    public static SqlFilter For(FactQuery query)
    {
        var filter = new SqlFilter();
        if (query.SubjectId is { } subject) filter.Add($"f.subject_id = {filter.Value(subject)}");
        // With a subject, its (subject_id, property, value) index is the narrow one: the '+' keeps the planner on it.
        if (query.Property is { } property) filter.Add($"{(query.SubjectId is null ? "" : "+")}f.property = {filter.Value(property)}");
        if (query.Statuses is { } statuses) filter.Add($"f.status IN {filter.List(statuses.Select(EnumNames.Of))}");
        if (query.ClaimedByActorId is { } actor)
            filter.Add("f.id IN (SELECT c.fact_id FROM refs s JOIN fact_claims c ON c.statement_id = s.node_id " +
                       $"WHERE s.target_id = {filter.Value(actor)} AND s.field IN ('speakerId', 'onBehalfOfId') AND c.disputes = 0)");
        return filter;
    }
}
