-- 1NF: one row per (article, tag).
IF SCHEMA_ID(N'fixed') IS NULL EXEC (N'CREATE SCHEMA fixed');
GO
CREATE TABLE fixed.Article (
    ArticleID int           NOT NULL PRIMARY KEY,
    Title     nvarchar(200) NOT NULL
);
CREATE TABLE fixed.ArticleTag (
    ArticleID int          NOT NULL REFERENCES fixed.Article (ArticleID),
    Tag       nvarchar(40) NOT NULL,
    CONSTRAINT PK_ArticleTag PRIMARY KEY (ArticleID, Tag)
);
GO
INSERT fixed.Article VALUES (1, N'Keys and superkeys'), (2, N'Why 3NF is usually enough'), (3, N'Indexing foreign keys'),
 (4, N'The chase, explained'), (5, N'Migrating without downtime'), (6, N'Reading execution plans'), (7, N'Naming things');
INSERT fixed.ArticleTag VALUES (1, N'sql'), (1, N'normalization'), (1, N'keys'), (2, N'normalization'), (2, N'design'),
 (3, N'sql'), (3, N'performance'), (3, N'indexes'), (4, N'theory'), (4, N'normalization'), (5, N'sql'), (5, N'migration'),
 (6, N'sql'), (6, N'performance'), (7, N'design');
GO
