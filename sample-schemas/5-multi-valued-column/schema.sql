-- Tags kept as a comma-separated list in one column: not atomic (1NF). Finding every article tagged
-- 'sql' needs string searching, and renaming a tag means rewriting lists.
CREATE TABLE dbo.Article (
    ArticleID int           NOT NULL PRIMARY KEY,
    Title     nvarchar(200) NOT NULL,
    Tags      nvarchar(400) NULL
);
GO
INSERT INTO dbo.Article VALUES
 (1, N'Keys and superkeys',            N'sql, normalization, keys'),
 (2, N'Why 3NF is usually enough',     N'normalization, design'),
 (3, N'Indexing foreign keys',         N'sql, performance, indexes'),
 (4, N'The chase, explained',          N'theory, normalization'),
 (5, N'Migrating without downtime',    N'sql, migration'),
 (6, N'Reading execution plans',       N'sql, performance'),
 (7, N'Naming things',                 N'design');
GO
