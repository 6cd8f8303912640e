namespace SchemaNorm.Decomposer.Migration;

/// <summary>
/// A plan that a dialect cannot write as it stands (a type with no counterpart, a name too long): the
/// message names the column or object and says why, so that nothing is guessed.
/// </summary>
public class MigrationException(string message) : Exception(message);
