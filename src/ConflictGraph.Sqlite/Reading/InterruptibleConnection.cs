using Microsoft.Data.Sqlite;

namespace ConflictGraph.Sqlite.Reading;

/// <summary>
/// A connection whose statements its request's token interrupts (<see cref="Interruption"/>) while it is lent to that
/// request. The token is let go of before the handle can serve anyone else: before <see cref="Close"/> hands it back to
/// Microsoft.Data.Sqlite's pool, which happens before the pool raises StateChange, so nothing released from that event
/// is in time.
/// </summary>
internal abstract class InterruptibleConnection(string connectionString) : SqliteConnection(connectionString)
{
    private CancellationTokenRegistration interruption;

    /// <summary>
    /// Opens the connection (an idle one already is), ties the statements this request runs to its cancellation until
    /// <see cref="LetGo"/> or Close, and runs the store's hook for a connection it opened. When any of that throws,
    /// the connection is disposed: nobody else holds it to close it, and left open it would keep the token tied to a
    /// handle that Microsoft.Data.Sqlite's pool hands to another request once the connection is collected.
    /// </summary>
    public void Lend(CancellationToken cancellationToken, Action<SqliteConnection> opened)
    {
        try
        {
            Open();
            if (cancellationToken.CanBeCanceled) interruption = Interruption.Register(this, cancellationToken);
            opened(this);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Unties the token; waits for a cancellation callback that is running, so no interrupt reaches the handle's next user.</summary>
    protected void LetGo()
    {
        interruption.Dispose();
        interruption = default;
    }

    /// <summary>Also reached from Dispose.</summary>
    public override void Close()
    {
        LetGo();
        base.Close();
    }
}
