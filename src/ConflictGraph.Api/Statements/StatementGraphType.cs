using ConflictGraph.Api.Loading;
using ConflictGraph.Api.Actors;
using ConflictGraph.Api.Claims;
using ConflictGraph.Api.Codings;
using ConflictGraph.Api.Events;
using ConflictGraph.Api.Places;
using ConflictGraph.Api.Relations;
using ConflictGraph.Api.Schema;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;
using GraphQL.Types;

namespace ConflictGraph.Api.Statements;

public sealed class StatementGraphType : ObjectGraphType<Statement>
{
    public StatementGraphType()
    {
        Name = "Statement";
        Description = "Something an actor said, as a source reported it.";
        Interface<NodeInterface>();
        IsTypeOf = NodeKeys.IsOfKind(NodeKind.Statement);
        this.IdField();
        Field<NonNullGraphType<StringGraphType>>("text").Description("What was said, in the data's own words.").ResolveSource(s => s.Text);
        Field<NonNullGraphType<EnumerationGraphType<Stance>>>("stance").ResolveSource(s => s.Stance);
        Field<FuzzyDateGraphType>("date").ResolveSource(s => s.Date);
        Field<EnumerationGraphType<Medium>>("medium").ResolveSource(s => s.Medium);
        Field<ActorInterface>("speaker").Description("Who said it; null when the speaker is anonymous.").Resolve(c => c.Loaders().Node(c.Source.SpeakerId));
        Field<OrganizationGraphType>("onBehalfOf").Description("The organization the speaker spoke for.").Resolve(c => c.Loaders().Node(c.Source.OnBehalfOfId));
        Field<NonNullGraphType<BooleanGraphType>>("anonymous").Description("True when the speaker is not named.").ResolveSource(s => s.Anonymous);
        Field<StringGraphType>("speakerDescription").Description("How an unnamed speaker was described, e.g. 'two Iraqi militia officials'.").ResolveSource(s => s.SpeakerDescription);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeInterface>>>>("about").Description("The nodes this statement is about.")
            .Resolve(c => c.Loaders().Nodes(c.Source.AboutIds));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RelationGraphType>>>>("claims").Description("Relations this statement asserts.")
            .Resolve(c => c.Loaders().CitedBy(c.Source.Id).Then(found => found.Where(r => r.ClaimedBy.Contains(c.Source.Id))));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RelationGraphType>>>>("disputes").Description("Relations this statement denies.")
            .Resolve(c => c.Loaders().CitedBy(c.Source.Id).Then(found => found.Where(r => r.DisputedBy.Contains(c.Source.Id))));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CasualtyReportGraphType>>>>("casualtyReports").Description("Casualty figures this statement gave.")
            .Resolve(c => c.Source.CasualtyReports.Select(r => new ReportedCasualties(c.Source.Id, r)));
        Field<SourceGraphType>("reportedIn").Description("Where the statement is reported (the relaying source, e.g. a news report).").Resolve(c => c.Loaders().Node(c.Source.SourceId));
        Field<SourceGraphType>("primarySource").Description("Where it was first made when that is another source, e.g. the post a news report relays.")
            .Resolve(c => c.Loaders().Node(c.Source.PrimarySourceId));
        Field<PlaceGraphType>("place").Description("Where it was said, e.g. Rome; null when the report does not say.").Resolve(c => c.Loaders().Node(c.Source.PlaceId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StatementPositionGraphType>>>>("positions")
            .Description("The relations and then the facts this statement claims or disputes, each with its position and the speaker's characterization.")
            .Resolve(c => c.Loaders().CitationsOf(c.Source.Id).Then(cited => StatementPosition.Of(c.Source.Id, cited)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CodingGraphType>>>>("codings")
            .Description("This statement's stance in external schemes (CAMEO, PLOVER), from one table; schemes where no code fits the stance are left out (see codingTable).")
            .Resolve(c => Core.Codings.CodingTable.For(c.Source.Stance));
    }
}
