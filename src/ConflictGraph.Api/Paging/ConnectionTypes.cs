using ConflictGraph.Core.Paging;
using GraphQL.Types;

namespace ConflictGraph.Api.Paging;

/// <summary>A Relay edge: one item and the cursor after which the next page starts.</summary>
public abstract class EdgeGraphType<TNodeType, TItem> : ObjectGraphType<PageItem<TItem>> where TNodeType : IGraphType
{
    protected EdgeGraphType(string name)
    {
        Name = $"{name}Edge";
        Description = $"One {name.ToLowerInvariant()} of a page and the cursor just after it.";
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("Opaque; pass as `after` to continue from here.").Resolve(c => c.Source.Cursor);
        Field<NonNullGraphType<TNodeType>>("node").Resolve(c => c.Source.Item);
    }
}

/// <summary>A Relay connection over a page of <typeparamref name="TItem"/>.</summary>
public abstract class ConnectionGraphType<TNodeType, TEdgeType, TItem> : ObjectGraphType<Page<TItem>>
    where TNodeType : IGraphType where TEdgeType : IGraphType
{
    protected ConnectionGraphType(string name)
    {
        Name = $"{name}Connection";
        Description = $"A page of {name.ToLowerInvariant()} results with the total count.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TEdgeType>>>>("edges").Resolve(c => c.Source.Items);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TNodeType>>>>("nodes").Resolve(c => c.Source.Items.Select(i => i.Item));
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Resolve(c => new PageInfo(c.Source.HasNextPage, c.Source.HasPreviousPage, c.Source.StartCursor, c.Source.EndCursor));
        Field<NonNullGraphType<IntGraphType>>("totalCount").Description("All matches, not just this page.").Resolve(c => c.Source.TotalCount);
    }
}

public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);

public sealed class PageInfoType : ObjectGraphType<PageInfo>
{
    public PageInfoType()
    {
        Name = "PageInfo";
        Description = "Where this page sits: pass endCursor as `after` to get the next one.";
        Field(p => p.HasNextPage);
        Field(p => p.HasPreviousPage);
        Field(p => p.StartCursor, nullable: true);
        Field(p => p.EndCursor, nullable: true);
    }
}
