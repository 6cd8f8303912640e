using SchemaNorm.Decomposer.Migration;

namespace SchemaNorm.Databases.Postgres;

/// <summary>
/// A plan that cannot be written for PostgreSQL as it stands (a column type with no counterpart, a
/// computed column's T-SQL expression, a name too long): the message names the column or object and says
/// why, so that nothing is guessed.
/// </summary>
public sealed class PostgresMigrationException(string message) : MigrationException(message);
