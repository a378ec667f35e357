using ConflictGraph.Core.Import.Sources;
using ConflictGraph.Core.Rules;

namespace ConflictGraph.Core.Import;

/// <summary>
/// Checks each fact: a subject that can carry facts, a property name, a value, and at least one
/// claim, since the graph states no fact in its own voice. Copies of one fact merge like relations.
/// </summary>
internal sealed class FactChecks(ProblemList problems, FieldChecks fields, ClaimChecks claims, List<PendingReference> references)
{
    public void Check(FactInput? f, ItemPlace place, string path)
    {
        if (f is null)
        {
            problems.Add(path, "must be an object, not null");
            return;
        }
        var complete = true;
        if (fields.Required(f.SubjectId, path, "subjectId"))
            references.Add(new PendingReference(path, "subjectId", null, f.SubjectId!, RelationRules.FactSubjects));
        else complete = false;
        if (!fields.Required(f.Property, path, "property")) complete = false;
        else if (FactKey.PropertyProblem(GraphInputMapper.FactProperty(f.Property)) is { } wrong)
        {
            problems.Add(path, "property", wrong);
            complete = false;
        }
        if (!fields.Required(f.Value, path, "value")) complete = false;
        else if (GraphInputMapper.FactValue(f.Value).Length > FactKey.MaxValueLength)
            problems.Add(path, "value", $"is {GraphInputMapper.FactValue(f.Value).Length} characters long (at most {FactKey.MaxValueLength}); a value is what is claimed, not the claim's wording");
        if (f.Claims is not { Count: > 0 })
            problems.Add(path, "claims", "a fact needs at least one claim: the graph states no fact in its own voice, only what statements claim or dispute");
        var target = complete
            ? $"fact\u001f{f.SubjectId}\u001f{GraphInputMapper.FactProperty(f.Property)}\u001f{GraphInputMapper.FactValue(f.Value)}"
            : null;
        claims.Claims(f.Claims, place, path, target, "fact");
    }
}
