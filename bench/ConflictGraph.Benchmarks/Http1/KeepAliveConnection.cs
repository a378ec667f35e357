using System.Net;
using System.Net.Sockets;

namespace ConflictGraph.Benchmarks.Http1;

/// <summary>
/// One keep-alive HTTP/1.1 connection on a blocking socket: sends a request's bytes as they are and reads the whole answer
/// with <see cref="ResponseReader"/>. Opened on first use and again after an answer that closes it. Each send and each read
/// waits at most the timeout (the socket's own), or the exchange fails with a <see cref="TimeoutException"/> and the
/// connection is dropped. Blocking, on a thread of its own: the kernel wakes the worker when its answer arrives, with no
/// event loop or thread pool between (async sockets cost the client more CPU a request; BENCHMARKS.md, session 30).
/// </summary>
public sealed class KeepAliveConnection(EndPoint server, TimeSpan timeout) : IDisposable
{
    private Socket? socket;
    private ResponseReader? reader;

    /// <param name="head">The request is HEAD (its answer has no body).</param>
    public Answer Exchange(ReadOnlySpan<byte> request, bool head = false)
    {
        try
        {
            if (socket is null)
            {
                var milliseconds = (int)Math.Min(int.MaxValue, timeout.TotalMilliseconds);
                socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, ReceiveTimeout = milliseconds, SendTimeout = milliseconds };
                socket.Connect(server);
                reader = new ResponseReader(new NetworkStream(socket, ownsSocket: false));
            }
            while (request.Length > 0) request = request[socket.Send(request)..];
            var answer = reader!.Read(head);
            if (!answer.KeepAlive) Close();
            return answer;
        }
        catch (Exception e) when (e is SocketException { SocketErrorCode: SocketError.TimedOut or SocketError.WouldBlock }
                                       || e.InnerException is SocketException { SocketErrorCode: SocketError.TimedOut or SocketError.WouldBlock })
        {
            Close();
            throw new TimeoutException($"no answer from {server}: nothing sent or received for {timeout.TotalSeconds:F1} s", e);
        }
        catch
        {
            Close();
            throw;
        }
    }

    private void Close()
    {
        socket?.Dispose();
        (socket, reader) = (null, null);
    }

    public void Dispose() => Close();
}
