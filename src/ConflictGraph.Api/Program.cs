using ConflictGraph.Api.Caching;
using ConflictGraph.Api.Diagnostics;
using ConflictGraph.Api.Explorer;
using ConflictGraph.Api.Exports;
using ConflictGraph.Api.Ide;
using ConflictGraph.Api.Limits;
using ConflictGraph.Api.Live;
using ConflictGraph.Api.Schema;
using ConflictGraph.Api.Startup;
using ConflictGraph.Api.Transport;
using ConflictGraph.Hosting;

var builder = WebApplication.CreateBuilder(args);
// The graph store the settings name, with reads cached in front of it; parsed documents and persisted queries.
builder.Services.AddGraphStore(builder.Configuration);
builder.Services.AddQueryCaching(builder.Configuration);
builder.Services.AddDocumentCaching(builder.Configuration);
// GraphQL: the schema, its error codes, and the limits every request is held to.
builder.Services.AddConflictGraphSchema(builder.Configuration);
builder.Services.AddRequestLimits(builder.Configuration);
// Who may read and write; which browser origins may call.
builder.Services.AddAccessKeys(builder.Configuration);
builder.Services.AddBrowserOrigins(builder.Configuration);
// Subscriptions over WebSocket.
builder.Services.AddLiveUpdates(builder.Configuration);
// Opening and seeding the store at start; the IDE and the explorer page; measurement aids.
builder.Services.AddStartupSeeding(builder.Configuration);
builder.Services.AddIde(builder.Configuration);
builder.Services.AddDiagnostics(builder.Configuration);
// Files for analysts' tools: events as CSV and GeoJSON, a neighbourhood as GraphML.
builder.Services.AddExports(builder.Configuration);

// Settings that cannot work stop the service at start with one line each and exit code 2, as the CLI does.
return await StartupFailure.RunAsync(builder, app =>
{
    app.UseBrowserOrigins();
    app.UseLiveUpdates();
    app.MapIde();
    app.MapExplorer();
    app.MapHealth();
    app.MapGraphQLEndpoint();
    app.MapExports();
    app.MapDiagnostics();
});

/// <summary>The service's entry point, public so tests can host it.</summary>
public partial class Program;
