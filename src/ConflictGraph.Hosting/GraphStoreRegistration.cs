using ConflictGraph.Core.Store;
using ConflictGraph.Neo4j;
using ConflictGraph.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConflictGraph.Hosting;

/// <summary>Registers the configured <see cref="IGraphStore"/>, shared by the API host and the CLI.</summary>
public static class GraphStoreRegistration
{
    /// <summary>
    /// Binds and validates (on start) the "ConflictGraph" settings, and registers one
    /// <see cref="IGraphStore"/> for the process, opened and migrated on first use.
    /// </summary>
    /// <param name="createIfMissing">False for readers: a missing SQLite file is then a settings error, and none is created.</param>
    public static IServiceCollection AddGraphStore(this IServiceCollection services, IConfiguration configuration, bool createIfMissing = true)
    {
        services.AddOptions<GraphStoreOptions>().Bind(configuration.GetSection(GraphStoreOptions.Section))
            .PostConfigure(options => options.Sqlite.CreateIfMissing = createIfMissing).ValidateOnStart();
        services.AddSingleton<IValidateOptions<GraphStoreOptions>, GraphStoreOptionsValidator>();
        services.AddSingleton(provider => Open(provider.GetRequiredService<IOptions<GraphStoreOptions>>().Value,
            provider.GetService<ILoggerFactory>()));
        return services;
    }

    /// <summary>The one place a store is chosen: add a case here for each store kind.</summary>
    /// <param name="loggers">Where <see cref="SqliteSettings.TraceStatements"/> writes, when on.</param>
    public static IGraphStore Open(GraphStoreOptions options, ILoggerFactory? loggers = null) => options.Kind switch
    {
        StoreKind.Sqlite => OpenSqlite(options.Sqlite, loggers),
        StoreKind.Neo4j => new Neo4jGraphStore(new Neo4jStoreOptions
        {
            Uri = new Uri(options.Neo4j.Uri!),
            Database = options.Neo4j.Database,
            User = options.Neo4j.User,
            Password = options.Neo4j.Password,
            RequestTimeout = options.Neo4j.RequestTimeout,
            MaxRetries = options.Neo4j.MaxRetries,
        }),
        _ => throw new OptionsValidationException(GraphStoreOptions.Section, typeof(GraphStoreOptions),
            [$"{GraphStoreOptions.Section}:Store is '{options.Store}'; use one of {string.Join(", ", Enum.GetNames<StoreKind>())}"]),
    };

    private static IGraphStore OpenSqlite(SqliteSettings settings, ILoggerFactory? loggers)
    {
        var trace = settings.TraceStatements ? loggers?.CreateLogger("ConflictGraph.Sqlite.Statements") : null;
        var path = settings.FullPath;
        if (settings.CreateIfMissing) Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return new SqliteGraphStore(new SqliteStoreOptions
        {
            Path = path, CreateIfMissing = settings.CreateIfMissing, BusyTimeoutSeconds = settings.BusyTimeoutSeconds,
            ReadMapMiB = settings.ReadMapMiB,
            StatementTimed = trace is null ? null : (sql, time) => StatementTrace.Log(trace, time.TotalMilliseconds, sql),
            LogImports = settings.LogImports,
        });
    }
}
