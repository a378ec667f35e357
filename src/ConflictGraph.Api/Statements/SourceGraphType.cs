using ConflictGraph.Api.Actors;
using ConflictGraph.Api.Paging;
using ConflictGraph.Api.Schema;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;
using GraphQL.Types;

namespace ConflictGraph.Api.Statements;

public sealed class SourceGraphType : ObjectGraphType<Source>
{
    public SourceGraphType()
    {
        Name = "Source";
        Description = "A document that reports statements: a news article, a report, a post.";
        Interface<NodeInterface>();
        IsTypeOf = NodeKeys.IsOfKind(NodeKind.Source);
        this.IdField();
        Field<NonNullGraphType<StringGraphType>>("title").Resolve(c => c.Source.Title);
        Field<OrganizationGraphType>("publisher").Resolve(c => c.Loaders().Node(c.Source.PublisherId));
        Field<StringGraphType>("url").Resolve(c => c.Source.Url);
        Field<CalendarDateGraphType>("publishedAt").Resolve(c => c.Source.PublishedAt);
        Field<EnumerationGraphType<SourceKind>>("kind").Description("What sort of document: a news report, an official release, a post, a video, a monitor's report.")
            .Resolve(c => c.Source.SourceKind);
        Field<SourceGraphType>("relays").Description("The source this one only relays, e.g. the post a news report quotes; null when it relays none.")
            .Resolve(c => c.Loaders().Node(c.Source.RelaysId));
        Field<NonNullGraphType<StatementConnectionType>>("statements").Description("Statements this source carries, oldest first: those reported in it and those first made in it (a post a news report relays).").Paged()
            .Resolve(c => c.Loaders().Page(new NodeQuery
            {
                Kinds = [NodeKind.Statement], Order = NodeOrder.DateAsc, Statements = new StatementCriteria { SourceId = c.Source.Id },
            }, c.Page()));
    }
}
