using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Sqlite.Reading;

/// <summary>
/// Turns a <see cref="FactQuery"/> into conditions on the facts table (alias f). A subject or a
/// claimant names a few facts and drives the statement (the subject's (subject_id, property, value)
/// index; the actor's statements through refs_by_target, then fact_claims_by_statement); a property
/// or statuses alone list (<see cref="FactPages"/>).
/// </summary>
internal static class FactFilters
{
    public static SqlFilter For(FactQuery query)
    {
        var filter = new SqlFilter();
        if (query.SubjectId is { } subject)
        {
            var id = filter.Value(subject);
            filter.Add($"f.subject_id = {id}", $"SELECT id FROM facts WHERE subject_id = {id}");
        }
        if (query.ClaimedByActorId is { } actor)
        {
            var id = filter.Value(actor);
            filter.Add("EXISTS (SELECT 1 FROM fact_claims c JOIN refs s ON s.node_id = c.statement_id AND s.field IN ('speakerId', 'onBehalfOfId') " +
                       $"WHERE c.fact_id = f.id AND c.disputes = 0 AND s.target_id = {id})",
                "SELECT c.fact_id AS id FROM refs s CROSS JOIN fact_claims c ON c.statement_id = s.node_id " +
                $"WHERE s.target_id = {id} AND s.field IN ('speakerId', 'onBehalfOfId') AND c.disputes = 0");
        }
        if (query.Property is { } property) filter.Add($"f.property = {filter.Value(property)}");
        if (query.Statuses is { } statuses) filter.Add($"f.status IN {filter.List(statuses.Select(EnumNames.Of))}");
        return filter;
    }
}
