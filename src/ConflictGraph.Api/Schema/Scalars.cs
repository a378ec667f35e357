using GraphQL.Types;

namespace ConflictGraph.Api.Schema;

/// <summary>The contract's <c>Date</c>: an ISO-8601 calendar date such as 2021-06-27.</summary>
public sealed class CalendarDateGraphType : DateOnlyGraphType
{
    public CalendarDateGraphType()
    {
        Name = "Date";
        Description = "ISO-8601 calendar date, e.g. 2021-06-27.";
    }
}

/// <summary>The contract's <c>DateTime</c>: an ISO-8601 instant with its offset.</summary>
public sealed class DateTimeWithOffsetGraphType : DateTimeOffsetGraphType
{
    public DateTimeWithOffsetGraphType()
    {
        Name = "DateTime";
        Description = "ISO-8601 instant with offset, e.g. 2021-06-28T19:44:00+03:00.";
    }
}
