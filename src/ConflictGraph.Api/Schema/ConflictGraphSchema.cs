using ConflictGraph.Api.Import;
using GraphQL;

namespace ConflictGraph.Api.Schema;

/// <summary>The served schema: the contract in shared/contract/schema-2026-12.graphql, with descriptions of our own.</summary>
public sealed class ConflictGraphSchema : GraphQL.Types.Schema
{
    public ConflictGraphSchema(IServiceProvider services) : base(services)
    {
        Description = "ConflictGraph: actors, places, events and statements of a conflict, with who claims and who disputes each relation.";
        // What today's introspection queries ask for: repeatable directives, deprecated arguments.
        Features.RepeatableDirectives = true;
        Features.DeprecationOfInputValues = true;
        RegisterVisitor(new IntrospectionGaps());
        RegisterVisitor(new EnumDescriptions());
        Query = services.GetRequiredService<QueryGraphType>();
        Mutation = services.GetRequiredService<MutationGraphType>();
        Subscription = services.GetRequiredService<Live.SubscriptionGraphType>();
        this.RegisterTypeMapping<DateOnly, CalendarDateGraphType>();
        this.RegisterTypeMapping<DateTimeOffset, DateTimeWithOffsetGraphType>();
        // Object types reached only through interfaces must be known up front.
        this.RegisterType<Actors.PersonGraphType>();
        this.RegisterType<Actors.OrganizationGraphType>();
        this.RegisterType<Places.PlaceGraphType>();
        this.RegisterType<Events.EventGraphType>();
        this.RegisterType<Statements.StatementGraphType>();
        this.RegisterType<Statements.SourceGraphType>();
    }
}
