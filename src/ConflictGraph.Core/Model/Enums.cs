namespace ConflictGraph.Core.Model;

// The enums mirror the contract; their wire names are the CONSTANT_CASE forms of these names
// (CarriedOut <-> CARRIED_OUT), produced in one place by EnumNames.

public enum NodeKind { Person, Organization, Place, Event, Statement, Source }

/// <summary>How finely a source gave a date. Days: within a few days (UCDP date_prec 2); Week: within a week.</summary>
public enum DatePrecision { Day, Month, Year, Days, Week }

/// <summary>Moment: it happened once, somewhere in the range. Period: it lasted through the range.</summary>
public enum DateExtent { Moment, Period }

/// <summary>How precisely a place is located, after UCDP's where_prec.</summary>
public enum LocationPrecision { Exact, Near, Admin2, Admin1, Region, Country }

public enum Direction { Outgoing, Incoming, Both }

public enum ChainDirection { Backward, Forward, Both }

public enum OrganizationKind { State, Government, Military, ArmedGroup, Political, Ngo, Media, International, Other }

public enum PlaceKind { Country, Region, City, Site, BorderArea, Other }

public enum EventKind
{
    Airstrike, RocketAttack, DroneAttack, ArtilleryFire, TargetedKilling,
    GroundAttack, ArmedClash, Protest, Political, Other,
}

public enum Stance { Asserts, Denies, Condemns, Accuses, Defends, Threatens, Warns, CallsFor, Reports }

public enum Medium { PressBriefing, PressRelease, SocialMedia, Interview, JointStatement, Report, Speech, Video, Other }

public enum RelationType
{
    CarriedOut, Targeted, OccurredIn, RetaliationFor, ResponseTo, PartOf,
    Killed, MemberOf, BackedBy, Used, LocatedIn, BasedIn,
    Authorized, PresentAt, AssociatedWith,
}

public enum ClaimStatus { Uncontested, Disputed, Denied, Unsourced }

public enum ClaimPosition { Claims, Disputes }

public enum VictimCategory { Civilians, Combatants, SecurityForces, Contractors, Unknown }

public enum SourceKind { NewsReport, OfficialRelease, SocialMediaPost, Video, MonitorReport, Other }

public enum EventOrder { DateAsc, DateDesc }

/// <summary>What events can be grouped by in an aggregate.</summary>
public enum EventDimension { Time, Kind, Place, Perpetrator, Target, AcledEventType }

/// <summary>The calendar span a time group covers; weeks are ISO weeks (Monday to Sunday).</summary>
public enum TimeBucket { Day, Week, Month, Quarter, Year }
