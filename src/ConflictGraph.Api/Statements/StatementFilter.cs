using ConflictGraph.Api.Schema;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;
using GraphQL.Types;

namespace ConflictGraph.Api.Statements;

/// <summary>The <c>StatementFilter</c> argument of <c>statements</c>, bound by GraphQL.NET.</summary>
public sealed record StatementFilter
{
    public bool? Anonymous { get; init; }
    public string? SpeakerId { get; init; }
    public string? OrganizationId { get; init; }
    public string? AboutId { get; init; }
    public IReadOnlyList<Stance>? Stances { get; init; }
    public string? SourceId { get; init; }
    public string? Text { get; init; }

    /// <summary>The ids this filter names, each with the kinds of node its field takes.</summary>
    public FilterId[] Ids() =>
        [FilterChecks.Actor("speakerId", SpeakerId), FilterChecks.AnyNode("aboutId", AboutId), new("sourceId", SourceId, NodeKind.Source),
         new("organizationId", OrganizationId, NodeKind.Organization)];

    public NodeQuery ToQuery() => new()
    {
        Kinds = [NodeKind.Statement], Text = Text, Order = NodeOrder.DateAsc,
        Statements = new StatementCriteria
        {
            Anonymous = Anonymous, SpeakerId = SpeakerId, OrganizationId = OrganizationId, AboutId = AboutId, Stances = Stances, SourceId = SourceId,
        },
    };
}

public sealed class StatementFilterInput : InputObjectGraphType<StatementFilter>
{
    public StatementFilterInput()
    {
        Name = "StatementFilter";
        Description = "Narrows a statement list; every given condition must hold.";
        Field<BooleanGraphType>("anonymous").Description("true: statements whose speaker is not named (described in speakerDescription); false: named speakers only.");
        Field<IdGraphType>("speakerId");
        Field<IdGraphType>("organizationId").Description("Statements by this organization's people or made on its behalf, the organization speaking itself among them.");
        Field<IdGraphType>("aboutId");
        Field<ListGraphType<NonNullGraphType<EnumerationGraphType<Stance>>>>("stances");
        Field<IdGraphType>("sourceId").Description("Statements this source carries: reported in it, or first made in it (a post a news report relays).");
        Field<StringGraphType>("text");
    }
}
