using ConflictGraph.Core.Model;

namespace ConflictGraph.Core.Codings;

public static partial class CodingTable
{
    private const string Remote = "Explosions/Remote violence";
    private const string UcdpBySides =
        "UCDP's type of violence follows from who fought (1 state-based: a government on one side; 2 non-state: organized groups on both; " +
        "3 one-sided: an organized group against civilians), not from the kind of attack";
    private const string UcdpNotViolence = "UCDP records only organized violence that killed someone; no type of violence applies";
    private const string ModeUnsaid = "the kind does not say the weapon or method PLOVER's mode names";

    private static IEnumerable<CodingRow> EventRows()
    {
        // kind, ACLED event type, ACLED sub-event type, UCDP type of violence, CAMEO, PLOVER, PLOVER mode
        var table = new (EventKind Kind, (string?, string) Acled, (string?, string) AcledSub, (string?, string) Ucdp,
            (string?, string) Cameo, (string?, string) Plover, (string?, string) Mode)[]
        {
            (EventKind.Airstrike,
                Code(Remote, "Explosions and remote violence"), Code("Air/drone strike", "Strike by aircraft or drones"), None(UcdpBySides),
                Code("195", "Employ aerial weapons, not specified below"), Code("ASSAULT", "Assault"),
                None("an airstrike may be flown by crewed aircraft ('aerial') or by drones ('drone'); the kind does not say which")),
            (EventKind.DroneAttack,
                Code(Remote, "Explosions and remote violence"), Code("Air/drone strike", "Strike by aircraft or drones"), None(UcdpBySides),
                Code("1952", "Employ remotely piloted aerial munitions"), Code("ASSAULT", "Assault"), Code("drone", "Unmanned aerial vehicles")),
            (EventKind.RocketAttack,
                Code(Remote, "Explosions and remote violence"), Code("Shelling/artillery/missile attack", "Shelling, artillery, rocket or missile fire"),
                None(UcdpBySides), Code("194", "Fight with artillery and tanks (rocket artillery)"), Code("ASSAULT", "Assault"),
                Code("heavy-weapons", "Artillery, rocket launchers and similar heavy weapons")),
            (EventKind.ArtilleryFire,
                Code(Remote, "Explosions and remote violence"), Code("Shelling/artillery/missile attack", "Shelling, artillery, rocket or missile fire"),
                None(UcdpBySides), Code("194", "Fight with artillery and tanks"), Code("ASSAULT", "Assault"),
                Code("heavy-weapons", "Artillery, rocket launchers and similar heavy weapons")),
            (EventKind.TargetedKilling,
                None("ACLED codes a killing by its means and victim (an air strike, an attack on civilians, a battle); the kind says neither"),
                None("ACLED's sub-event type follows its event type, which the kind does not fix"), None(UcdpBySides),
                Code("186", "Assassinate"), Code("ASSAULT", "Assault"), Code("targeted", "Targeted killing")),
            (EventKind.GroundAttack,
                None("ACLED codes an attack on armed forces as Battles and one on civilians as Violence against civilians; the kind does not say which"),
                None("ACLED's sub-event type follows its event type, which the kind does not fix"), None(UcdpBySides),
                None("CAMEO codes fighting between armed forces under 19 (fight) and attacks on unarmed people under 18 (assault); the kind does not say which"),
                Code("ASSAULT", "Assault"), None(ModeUnsaid)),
            (EventKind.ArmedClash,
                Code("Battles", "Battles between organized armed groups"), Code("Armed clash", "Armed, organized groups fight"), None(UcdpBySides),
                Code("190", "Use conventional military force, not specified below"), Code("ASSAULT", "Assault"), None(ModeUnsaid)),
            (EventKind.Protest,
                Code("Protests", "Public demonstrations whose participants do not use violence (a violent one is a Riot)"),
                None("ACLED's sub-event type says how the protest was met (peacefully, with intervention, with excessive force); the kind does not"),
                None(UcdpNotViolence), Code("141", "Demonstrate or rally, not specified below"), Code("PROTEST", "Protest"),
                None("the kind does not say the form of protest (demonstration, riot, strike, boycott, ...)")),
            (EventKind.Political,
                None("ACLED records political acts that are neither violence nor demonstrations only as Strategic developments, chosen case by case"),
                None("ACLED's sub-event type follows its event type, which the kind does not fix"), None(UcdpNotViolence),
                None("CAMEO codes the act itself (appeal, consult, sanction, ...); 'political' does not say which"),
                None("PLOVER codes the act itself (agree, consult, sanction, ...); 'political' does not say which"),
                None("no PLOVER event type fits, so no mode")),
            (EventKind.Other,
                None("the kind says nothing about what happened"), None("the kind says nothing about what happened"), None(UcdpNotViolence),
                None("the kind says nothing about what happened"), None("the kind says nothing about what happened"),
                None("no PLOVER event type fits, so no mode")),
        };
        foreach (var (kind, acled, acledSub, ucdp, cameo, plover, mode) in table)
        {
            var value = EnumNames.Of(kind);
            foreach (var (scheme, (code, label)) in new[]
                     {
                         (AcledEventType, acled), (AcledSubEventType, acledSub), (UcdpTypeOfViolence, ucdp),
                         (Cameo, cameo), (Plover, plover), (PloverMode, mode),
                     })
                yield return new CodingRow(CodingRow.EventSubject, value, scheme, code, label);
        }
    }
}
