namespace ConflictGraph.Core.Model;

// The enums mirror the contract; their wire names are the CONSTANT_CASE forms of these names
// (CarriedOut <-> CARRIED_OUT), produced in one place by EnumNames.

public enum NodeKind { Person, Organization, Place, Event, Statement, Source }

public enum DatePrecision { Day, Month, Year }

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
}

public enum ClaimStatus { Uncontested, Disputed, Denied, Unsourced }

public enum EventOrder { DateAsc, DateDesc }
