-- 5NF: the three pairwise facts, each recorded once.
IF SCHEMA_ID(N'fixed') IS NULL EXEC (N'CREATE SCHEMA fixed');
GO
CREATE TABLE fixed.SupplierPart (
    Supplier varchar(10) NOT NULL,
    Part     varchar(10) NOT NULL,
    CONSTRAINT PK_SupplierPart PRIMARY KEY (Supplier, Part)
);
CREATE TABLE fixed.PartProject (
    Part    varchar(10) NOT NULL,
    Project varchar(10) NOT NULL,
    CONSTRAINT PK_PartProject PRIMARY KEY (Part, Project)
);
CREATE TABLE fixed.SupplierProject (
    Supplier varchar(10) NOT NULL,
    Project  varchar(10) NOT NULL,
    CONSTRAINT PK_SupplierProject PRIMARY KEY (Supplier, Project)
);
GO
INSERT fixed.SupplierPart VALUES ('S1', 'P1'), ('S1', 'P2'), ('S2', 'P1');
INSERT fixed.PartProject VALUES ('P1', 'J2'), ('P2', 'J1'), ('P1', 'J1');
INSERT fixed.SupplierProject VALUES ('S1', 'J2'), ('S1', 'J1'), ('S2', 'J1');
GO
