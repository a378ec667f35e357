using ConflictGraph.Api.Tests.Infrastructure;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictGraph.Api.Tests.Schema;

/// <summary>
/// The served schema keeps every name of the API contract (schema-2026-12: the first contract plus
/// the claims model, history and aggregation) with a compatible type: each type, field, argument,
/// input field, enum value and interface.
/// </summary>
public sealed class ContractTests(ConflictGraphApp app) : IClassFixture<ConflictGraphApp>
{
    /// <summary>The team's contract; a copy lives beside this test for machines without the shared folder.</summary>
    private static string ContractText
    {
        get
        {
            var shared = Path.GetFullPath(Path.Combine(ConflictGraphApp.RepoRoot, "..", "shared", "contract", "schema-2026-12.graphql"));
            var copy = Path.Combine(AppContext.BaseDirectory, "Schema", "contract.graphql");
            return File.Exists(shared) ? File.ReadAllText(shared) : File.ReadAllText(copy);
        }
    }

    private ISchema Served
    {
        get
        {
            var schema = app.Services.GetRequiredService<ISchema>();
            schema.Initialize();
            return schema;
        }
    }

    [SkippableFact]
    public void TheCopyOfTheContractMatchesTheSharedOne()
    {
        var shared = Path.GetFullPath(Path.Combine(ConflictGraphApp.RepoRoot, "..", "shared", "contract", "schema-2026-12.graphql"));
        Skip.IfNot(File.Exists(shared), "the shared contract folder is not beside this clone");
        Assert.Equal(File.ReadAllText(shared), File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schema", "contract.graphql")));
    }

    [Fact]
    public void EveryContractNameIsServedWithACompatibleType() => Assert.Empty(ContractCheck.Missing(ContractText, Served));

    [Fact]
    public void QueryAndMutationRootsAreServed()
    {
        Assert.Equal("Query", Served.Query.Name);
        Assert.Equal("Mutation", Served.Mutation!.Name);
    }
}
