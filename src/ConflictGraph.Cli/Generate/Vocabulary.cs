namespace ConflictGraph.Cli.Generate;

// Invented words only: generated graphs must never be mistaken for real countries, groups or people.
internal static class Vocabulary
{
    private static readonly string[] Onsets =
        ["val", "kes", "mor", "tar", "bel", "dor", "zan", "ar", "lu", "sen", "hal", "ver", "qar", "nim", "os", "rad", "sul", "ter", "ul", "yar", "fen", "gal"];
    private static readonly string[] Middles = ["a", "o", "i", "e", "u", "ra", "en", "is", "al", "or", "ad", "im"];
    private static readonly string[] Endings = ["ria", "stan", "nia", "land", "mar", "esh", "ova", "un", "ad", "ir", "ek", "ar", "ith", "os"];

    private static readonly string[] GroupAdjectives =
        ["Northern", "Free", "Righteous", "Eastern", "Loyal", "Popular", "Southern", "Steadfast", "Vanguard", "Mountain", "River", "Desert"];
    private static readonly string[] GroupNouns =
        ["Lions", "Martyrs", "Guardians", "Hawks", "Sons", "Shield", "Wolves", "Falcons", "Defenders", "Partisans", "Banner", "Flame"];
    private static readonly string[] GroupUnits =
        ["Brigade", "Front", "Movement", "Battalion", "Army", "Legion", "Resistance", "Forces", "Committee", "Corps"];

    private static readonly string[] GivenNames =
        ["Adem", "Bora", "Cyran", "Dalia", "Emre", "Faris", "Galen", "Hana", "Idris", "Jora", "Kiran", "Lena",
         "Malik", "Nadia", "Orin", "Pela", "Rafi", "Samir", "Talia", "Umar", "Vesna", "Yusuf", "Zara", "Milan"];
    private static readonly string[] FamilyNames =
        ["Arkan", "Bastor", "Cember", "Dovran", "Elsar", "Fahrun", "Gorev", "Halden", "Issar", "Jevic",
         "Korran", "Lostad", "Mirek", "Navor", "Osten", "Pradi", "Ruvan", "Selim", "Tovar", "Vahdi"];

    public static readonly string[] SiteKinds =
        ["Air Base", "Airport", "Weapons Depot", "Checkpoint", "Border Crossing", "Power Station", "Command Post", "Training Camp", "Port", "Barracks"];

    public static readonly string[] AnonymousSpeakers =
        ["two local officials", "a security official who asked not to be named", "residents of the area",
         "a militia commander speaking anonymously", "hospital staff", "an official familiar with the matter"];

    public static string PlaceName(Random rng) => Capitalize(Pick(rng, Onsets) + Pick(rng, Middles) + Pick(rng, Endings));

    public static string GroupName(Random rng) => $"{Pick(rng, GroupAdjectives)} {Pick(rng, GroupNouns)} {Pick(rng, GroupUnits)}";

    public static string PersonName(Random rng) => $"{Pick(rng, GivenNames)} {Pick(rng, FamilyNames)}";

    public static T Pick<T>(Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    /// <summary>Lower case, letters and digits, words joined by hyphens: the readable tail of an id.</summary>
    public static string Slug(string name) =>
        string.Join('-', name.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static string Capitalize(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}
