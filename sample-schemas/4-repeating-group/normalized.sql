-- 1NF: one row per phone number.
IF SCHEMA_ID(N'fixed') IS NULL EXEC (N'CREATE SCHEMA fixed');
GO
CREATE TABLE fixed.Contact (
    ContactID int          NOT NULL PRIMARY KEY,
    FullName  nvarchar(80) NOT NULL
);
CREATE TABLE fixed.ContactPhone (
    ContactID int         NOT NULL REFERENCES fixed.Contact (ContactID),
    Phone     varchar(20) NOT NULL,
    CONSTRAINT PK_ContactPhone PRIMARY KEY (ContactID, Phone)
);
GO
INSERT fixed.Contact VALUES (1, N'Alice Martin'), (2, N'Bruno Diaz'), (3, N'Chen Wei'), (4, N'Dara Okafor'), (5, N'Elif Kaya');
INSERT fixed.ContactPhone VALUES (1, '555-0101'), (1, '555-0102'), (2, '555-0201'), (3, '555-0301'), (3, '555-0302'), (3, '555-0303'), (5, '555-0501'), (5, '555-0502');
GO
