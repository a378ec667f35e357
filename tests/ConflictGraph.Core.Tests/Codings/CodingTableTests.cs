using ConflictGraph.Core.Codings;
using ConflictGraph.Core.Model;

namespace ConflictGraph.Core.Tests.Codings;

public sealed class CodingTableTests
{
    private static readonly string[] EventSchemes =
        [CodingTable.AcledEventType, CodingTable.AcledSubEventType, CodingTable.UcdpTypeOfViolence, CodingTable.Cameo, CodingTable.Plover, CodingTable.PloverMode];

    private static readonly string[] StatementSchemes = [CodingTable.Cameo, CodingTable.Plover, CodingTable.PloverMode];

    [Fact]
    public void EveryKindAndStanceHasOneRowInEachOfItsSchemes()
    {
        foreach (var kind in Enum.GetValues<EventKind>())
            Assert.Equal(EventSchemes, CodingTable.Rows.Where(r => r.Subject == CodingRow.EventSubject && r.Value == EnumNames.Of(kind)).Select(r => r.Scheme));
        foreach (var stance in Enum.GetValues<Stance>())
            Assert.Equal(StatementSchemes, CodingTable.Rows.Where(r => r.Subject == CodingRow.StatementSubject && r.Value == EnumNames.Of(stance)).Select(r => r.Scheme));
        Assert.Equal(Enum.GetValues<EventKind>().Length * 6 + Enum.GetValues<Stance>().Length * 3, CodingTable.Rows.Count);
    }

    [Fact]
    public void EverySchemeNamesItsVersionAndEveryGapSaysWhy()
    {
        Assert.All(CodingTable.Rows, r => Assert.Contains(CodingTable.Schemes, s => s.Id == r.Scheme));
        Assert.All(CodingTable.Schemes, s => Assert.Matches("\\d", s.Version));
        Assert.All(CodingTable.Rows.Where(r => r.Code is null), r => Assert.True(r.Label.Length > 20, $"{r.Value} in {r.Scheme}: '{r.Label}' does not say why no code fits"));
    }

    [Fact]
    public void ADroneAttackCodesAsAnAirOrDroneStrike()
    {
        var codes = CodingTable.For(EventKind.DroneAttack).ToDictionary(c => c.Scheme, c => c.Code);
        Assert.Equal("Explosions/Remote violence", codes[CodingTable.AcledEventType]);
        Assert.Equal("Air/drone strike", codes[CodingTable.AcledSubEventType]);
        Assert.Equal("1952", codes[CodingTable.Cameo]);
        Assert.Equal(("ASSAULT", "drone"), (codes[CodingTable.Plover], codes[CodingTable.PloverMode]));
    }

    [Fact]
    public void NoCodeIsForcedWhereTheKindDoesNotDecideIt()
    {
        // UCDP's type of violence depends on the sides, never on the kind of attack alone.
        Assert.All(Enum.GetValues<EventKind>(), kind => Assert.DoesNotContain(CodingTable.For(kind), c => c.Scheme == CodingTable.UcdpTypeOfViolence));
        Assert.Empty(CodingTable.For(EventKind.Other));
        Assert.DoesNotContain(CodingTable.For(EventKind.TargetedKilling), c => c.Scheme == CodingTable.AcledEventType);
        Assert.Empty(CodingTable.For(Stance.Reports));
    }

    [Fact]
    public void StancesCodeInCameoAndPlover()
    {
        Assert.Equal([("CAMEO", "111"), ("PLOVER", "ACCUSE"), ("PLOVER_MODE", "disapprove")],
            CodingTable.For(Stance.Condemns).Select(c => (c.Scheme, c.Code)));
        Assert.Equal("052", CodingTable.For(Stance.Defends).Single(c => c.Scheme == CodingTable.Cameo).Code);
    }
}
