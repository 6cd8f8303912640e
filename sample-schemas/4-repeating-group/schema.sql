-- Up to three phone numbers as three columns: a repeating group (1NF). A fourth number needs a
-- schema change, and "who has 555-0101" must look in three places.
CREATE TABLE dbo.Contact (
    ContactID int          NOT NULL PRIMARY KEY,
    FullName  nvarchar(80) NOT NULL,
    Phone1    varchar(20)  NULL,
    Phone2    varchar(20)  NULL,
    Phone3    varchar(20)  NULL
);
GO
INSERT INTO dbo.Contact VALUES
 (1, N'Alice Martin', '555-0101', '555-0102', NULL),
 (2, N'Bruno Diaz',   '555-0201', NULL,       NULL),
 (3, N'Chen Wei',     '555-0301', '555-0302', '555-0303'),
 (4, N'Dara Okafor',  NULL,       NULL,       NULL),
 (5, N'Elif Kaya',    '555-0501', '555-0502', NULL);
GO
