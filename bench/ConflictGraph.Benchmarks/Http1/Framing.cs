namespace ConflictGraph.Benchmarks.Http1;

/// <summary>How an answer's body ends (RFC 9112 section 6.3).</summary>
internal enum Framing { None, Chunked, Length, UntilClose }

internal static class FramingRules
{
    /// <summary>
    /// Rule 1: no body after HEAD, or for 1xx, 204 and 304. Rules 3 and 4: Transfer-Encoding wins over Content-Length;
    /// chunked as its last coding frames the body, any other last coding runs until the close. Rules 5 and 6: a valid
    /// Content-Length (checked as the field was read). Rule 7: otherwise the body runs until the server closes.
    /// </summary>
    public static Framing Of(HeadFields fields, bool head)
    {
        if (head || fields.Status is < 200 or 204 or 304) return Framing.None;
        if (fields.TransferEncoding is { } codings)
        {
            var lastCoding = codings.Split(',')[^1].Trim(' ', '\t');
            return lastCoding.Equals("chunked", StringComparison.OrdinalIgnoreCase) ? Framing.Chunked : Framing.UntilClose;
        }
        return fields.ContentLength is null ? Framing.UntilClose : Framing.Length;
    }
}
