using System.Text;

namespace SchemaNorm.Recovery.Tpch;

/// <summary>
/// The value rules of the TPC-H specification (clause 4.2.2): v-strings, phone numbers, and comment text
/// made of sentences of a small grammar over word classes, cut to a random length.
/// </summary>
public static class TpchText
{
    /// <summary>Characters of a v-string (addresses): letters, digits, space, comma and period, so addresses can hold commas.</summary>
    private const string VStringChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ,.";

    private static readonly string[] Nouns = ["foxes", "ideas", "theodolites", "pinto beans", "instructions", "dependencies", "excuses", "platelets",
        "asymptotes", "courts", "dolphins", "multipliers", "sauternes", "warthogs", "frets", "dinos", "attainments", "somas", "braids", "deposits",
        "packages", "accounts", "requests", "sheaves", "frays", "realms", "decoys", "waters", "sentiments", "tithes"];
    private static readonly string[] Verbs = ["sleep", "wake", "are", "cajole", "haggle", "nag", "use", "boost", "affix", "detect", "integrate",
        "maintain", "nod", "was", "lose", "sublate", "solve", "thrash", "promise", "engage", "hinder", "print", "x-ray", "breach", "eat", "grow"];
    private static readonly string[] Adjectives = ["furious", "sly", "careful", "blithe", "quick", "fluffy", "slow", "quiet", "ruthless", "thin",
        "close", "dogged", "daring", "brave", "stealthy", "permanent", "enticing", "idle", "busy", "regular", "final", "ironic", "even", "bold", "silent"];
    private static readonly string[] Adverbs = ["sometimes", "always", "never", "furiously", "slyly", "carefully", "blithely", "quickly", "fluffily",
        "slowly", "quietly", "ruthlessly", "thinly", "closely", "doggedly", "daringly", "bravely", "stealthily", "permanently", "boldly", "silently"];
    private static readonly string[] Prepositions = ["about", "above", "according to", "across", "after", "against", "along", "among", "around",
        "at", "atop", "before", "behind", "beneath", "beside", "besides", "between", "beyond", "by", "despite", "during", "except", "for", "from",
        "inside", "instead of", "into", "near", "of", "on", "outside", "over", "past", "since", "through", "throughout", "to", "toward", "under", "until", "upon", "without"];
    private static readonly string[] Auxiliaries = ["do", "may", "might", "shall", "will", "would", "can", "could", "should", "ought to", "must",
        "will have to", "shall have to", "could have to", "should have to", "must have to", "need to", "try to"];
    private static readonly string[] Terminators = [".", ";", ":", "?", "!", "--"];

    /// <summary>Random characters of a v-string, of a length in [min, max].</summary>
    public static string VString(TpchRandom random, int min, int max)
    {
        int length = random.Between(min, max);
        var chars = new char[length];
        for (int i = 0; i < length; i++) chars[i] = VStringChars[random.Between(0, VStringChars.Length - 1)];
        return new string(chars).Trim() is { Length: > 0 } s ? s : "x";
    }

    /// <summary>A phone number of a nation: country code (nation key + 10), then three random local parts: 25-989-741-2988.</summary>
    public static string Phone(TpchRandom random, int nationKey) =>
        $"{nationKey + 10}-{random.Between(100, 999)}-{random.Between(100, 999)}-{random.Between(1000, 9999)}";

    /// <summary>Comment text of a length in [min, max]: sentences of the grammar, cut at the length.</summary>
    public static string Comment(TpchRandom random, int min, int max)
    {
        int length = random.Between(min, max);
        var text = new StringBuilder();
        while (text.Length < length)
        {
            if (text.Length > 0) text.Append(' ');
            Sentence(random, text);
        }
        return text.ToString(0, length).Trim();
    }

    private static void Sentence(TpchRandom random, StringBuilder text)
    {
        // sentence: noun phrase, verb phrase [prepositional phrase] terminator (one of the grammar's shapes).
        NounPhrase(random, text);
        text.Append(' ');
        if (random.Between(0, 2) == 0) text.Append(random.Pick(Auxiliaries)).Append(' ');
        text.Append(random.Pick(Verbs));
        if (random.Between(0, 1) == 0) text.Append(' ').Append(random.Pick(Adverbs));
        if (random.Between(0, 1) == 0)
        {
            text.Append(' ').Append(random.Pick(Prepositions)).Append(" the ");
            NounPhrase(random, text);
        }
        text.Append(random.Pick(Terminators));
    }

    private static void NounPhrase(TpchRandom random, StringBuilder text)
    {
        switch (random.Between(0, 3))
        {
            case 0: text.Append(random.Pick(Nouns)); break;
            case 1: text.Append(random.Pick(Adjectives)).Append(' ').Append(random.Pick(Nouns)); break;
            case 2: text.Append(random.Pick(Adjectives)).Append(", ").Append(random.Pick(Adjectives)).Append(' ').Append(random.Pick(Nouns)); break;
            default: text.Append(random.Pick(Adverbs)).Append(' ').Append(random.Pick(Adjectives)).Append(' ').Append(random.Pick(Nouns)); break;
        }
    }
}
