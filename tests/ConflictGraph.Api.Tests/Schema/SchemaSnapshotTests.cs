using ConflictGraph.Api.Tests.Infrastructure;
using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictGraph.Api.Tests.Schema;

/// <summary>
/// src/ConflictGraph.Api/schema.graphql is the served schema as SDL, committed so that every
/// change to the API shows up in review. After an intended change, regenerate it with
/// <c>CONFLICTGRAPH_UPDATE_SCHEMA=1 dotnet test tests/ConflictGraph.Api.Tests --filter SchemaSnapshot</c>.
/// </summary>
public sealed class SchemaSnapshotTests(ConflictGraphApp app) : IClassFixture<ConflictGraphApp>
{
    private static string SnapshotPath => Path.Combine(ConflictGraphApp.RepoRoot, "src", "ConflictGraph.Api", "schema.graphql");

    private string PrintServed()
    {
        var schema = app.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        // Ordinal ordering keeps the file stable whatever order types were registered in.
        var sdl = schema.Print(new PrintOptions { IncludeDescriptions = true, IncludeDeprecationReasons = true, StringComparison = StringComparison.Ordinal });
        return sdl.ReplaceLineEndings("\n").TrimEnd() + "\n";
    }

    [Fact]
    public void TheCommittedSchemaSnapshotIsUpToDate()
    {
        var served = PrintServed();
        // A test run is the one place that can print the served schema; an explicit opt-in rewrites the file.
        if (Environment.GetEnvironmentVariable("CONFLICTGRAPH_UPDATE_SCHEMA") == "1") File.WriteAllText(SnapshotPath, served);
        Assert.True(File.Exists(SnapshotPath), $"{SnapshotPath} is missing; regenerate it as this test's summary says");
        var committed = File.ReadAllText(SnapshotPath).ReplaceLineEndings("\n");
        Assert.True(committed == served,
            "the served schema differs from src/ConflictGraph.Api/schema.graphql; if the change is intended, " +
            "regenerate it with CONFLICTGRAPH_UPDATE_SCHEMA=1 dotnet test tests/ConflictGraph.Api.Tests --filter SchemaSnapshot");
    }

    [Fact]
    public void TheSnapshotCarriesTheSchemasDescriptions()
    {
        var served = PrintServed();
        Assert.Contains("type Query", served);
        Assert.Contains("type Mutation", served);
        Assert.Contains("interface Actor", served);
        // Descriptions are the documentation analysts read in the IDE; the snapshot keeps them in review too.
        Assert.Contains("\"Events this actor carried out, by any claim.\"", served);
        Assert.Contains("importGraph(", served);
    }
}
